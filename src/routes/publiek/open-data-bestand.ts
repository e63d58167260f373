import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_DATA_BESTANDEN, openDataBestand, type OpenDataBestand } from '../../lib/opendata/export.ts';
import { siteData } from '../../lib/site/laden.ts';
import { stroomAntwoord } from '../../lib/opendata/stroom.ts';

export const getStaticPaths: GetStaticPaths = () => OPEN_DATA_BESTANDEN.map((bestand) => ({ params: { bestand } }));

export const GET: APIRoute = ({ params }) => {
  const bestand = params.bestand as OpenDataBestand;
  const type = bestand.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  return stroomAntwoord(openDataBestand(siteData(), bestand), type);
};
