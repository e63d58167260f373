import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/laden.ts';
import { zoekindex } from '../../lib/zoeken/paginas.ts';

/** The index for search without JavaScript, read by our own server (src/lib/server/zoeken.ts), not by browsers. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(zoekindex(siteData()).zonderJsJson()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
