import type { APIRoute, GetStaticPaths } from 'astro';
import { HSDS_BESTANDEN, hsdsBestand } from '../../lib/opendata/hsds/bestanden.ts';
import { siteData } from '../../lib/site/laden.ts';
import { stroomAntwoord } from '../../lib/opendata/stroom.ts';

export const getStaticPaths: GetStaticPaths = () => HSDS_BESTANDEN.map((bestand) => ({ params: { bestand } }));

export const GET: APIRoute = ({ params }) => {
  const bestand = params.bestand!;
  const type = bestand.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  const inhoud = hsdsBestand(siteData(), bestand);
  if (!inhoud) return new Response(null, { status: 404 });
  return stroomAntwoord(inhoud, type);
};
