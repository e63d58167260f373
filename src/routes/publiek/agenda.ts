import type { APIRoute, GetStaticPaths } from 'astro';
import { feed, feedSlugs, type FeedSoort } from '../../lib/agenda/feeds.ts';
import { siteData } from '../../lib/site/laden.ts';

const SOORTEN: FeedSoort[] = ['aanbod', 'organisaties', 'kernen'];

export const getStaticPaths: GetStaticPaths = () => {
  const data = siteData();
  return SOORTEN.flatMap((soort) => feedSlugs(data, soort).map((slug) => ({ params: { soort, slug } })));
};

export const GET: APIRoute = ({ params }) => {
  const tekst = feed(siteData(), params.soort as FeedSoort, String(params.slug));
  if (tekst === undefined) return new Response('Niet gevonden', { status: 404 });
  return new Response(tekst, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
