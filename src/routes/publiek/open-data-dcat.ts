import type { APIRoute } from 'astro';
import { dcatCatalogus } from '../../lib/opendata/dcat.ts';
import { siteData } from '../../lib/site/laden.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(dcatCatalogus(siteData()), null, 1), {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });
