import type { APIRoute } from 'astro';
import { laadKernenGeoJson } from '../../lib/kaart/omlijningen.ts';
import { siteData } from '../../lib/site/laden.ts';

/** Kern outlines and centres for the maps, fetched only when a map opens. */
export const GET: APIRoute = () => new Response(JSON.stringify(laadKernenGeoJson(siteData().config)));
