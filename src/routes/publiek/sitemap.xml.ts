import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/laden.ts';
import { sitemapXml } from '../../lib/site/sitemap.ts';

export const GET: APIRoute = () =>
  new Response(sitemapXml(siteData()), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
