import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/laden.ts';
import { zoekindex } from '../../lib/zoeken/paginas.ts';

/** The site's vocabulary for typo correction in the browser; loaded only when someone searches. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(zoekindex(siteData()).woordenJson()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
