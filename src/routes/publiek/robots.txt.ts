import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/laden.ts';

export const GET: APIRoute = () => {
  const { config } = siteData();
  const tekst = `User-agent: *\nDisallow: /partners/\nSitemap: ${new URL('/sitemap.xml', config.url).href}\n`;
  return new Response(tekst, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
