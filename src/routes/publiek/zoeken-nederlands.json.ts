import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/site/laden.ts';
import { zoekindex } from '../../lib/zoeken/paginas.ts';
import { beschermdVoorSite, perLetter } from '../../lib/zoeken/spelling.ts';

/** Correct Dutch words near the site's words, per first letter: the browser leaves these alone. */
export const getStaticPaths = (() => {
  const lijst = zoekindex(siteData()).woordenJson();
  return [...perLetter(beschermdVoorSite(lijst))].map(([letter, woorden]) => ({ params: { letter }, props: { woorden } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.woorden), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
