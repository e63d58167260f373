import type { AstroIntegration } from 'astro';

/**
 * The route table. Public routes are prerendered into a release; portal routes render on demand
 * and exist only in the server build, so nothing of the portal ends up in a release.
 */
type Route = { pattern: string; entrypoint: string };

const publiek = (pattern: string, bestand: string): Route => ({ pattern, entrypoint: `./src/routes/publiek/${bestand}` });
const portaal = (pattern: string, bestand: string): Route => ({ pattern, entrypoint: `./src/routes/portaal/${bestand}` });

export const publiekeRoutes: Route[] = [
  publiek('/', 'index.astro'),
  publiek('/404', '404.astro'),
  publiek('/kernen', 'kernen.astro'),
  publiek('/kernen/[kern]', 'kern.astro'),
  publiek('/organisaties', 'organisaties.astro'),
  publiek('/organisaties/[organisatie]', 'organisatie.astro'),
  publiek('/aanbod/[activiteit]', 'activiteit.astro'),
  publiek('/themas', 'themas.astro'),
  publiek('/themas/[thema]', 'thema.astro'),
  publiek('/zoeken', 'zoeken.astro'),
  publiek('/kaart/kernen.geojson', 'kaart-kernen.geojson.ts'),
  publiek('/zoeken/woorden.json', 'zoeken-woorden.json.ts'),
  publiek('/zoeken/nederlands/[letter].json', 'zoeken-nederlands.json.ts'),
  publiek('/zoeken/zonder-js.json', 'zoeken-zonder-js.json.ts'),
  publiek('/open-data', 'open-data.astro'),
  publiek('/open-data/[bestand]', 'open-data-bestand.ts'),
  publiek('/open-data/hsds/[bestand]', 'open-data-hsds.ts'),
  publiek('/open-data/dcat.jsonld', 'open-data-dcat.ts'),
  publiek('/agenda/[soort]/[slug].ics', 'agenda.ts'),
  publiek('/sitemap.xml', 'sitemap.xml.ts'),
  publiek('/robots.txt', 'robots.txt.ts'),
  publiek('/[pagina]', 'pagina.astro'),
];

export const portaalRoutes: Route[] = [
  portaal('/partners', 'index.astro'),
  portaal('/partners/inloggen', 'inloggen.astro'),
  portaal('/partners/inloggen/link', 'inloggen-link.astro'),
  portaal('/partners/uitloggen', 'uitloggen.astro'),
  portaal('/partners/klopt-nog', 'klopt-nog.astro'),
  portaal('/partners/gaat-door', 'gaat-door.astro'),
  portaal('/partners/klopt-er-iets-niet', 'klopt-er-iets-niet.astro'),
  portaal('/partners/meldingen', 'terugmeldingen.astro'),
  portaal('/partners/bellijst', 'bellijst.astro'),
  portaal('/partners/versheid', 'versheid.astro'),
  portaal('/partners/organisaties/[id]', 'organisatie.astro'),
  portaal('/partners/activiteiten/[id]', 'activiteit.astro'),
  portaal('/partners/geschiedenis/[soort]/[id]', 'geschiedenis.astro'),
  portaal('/partners/kernondersteuner/[id]', 'ondersteuner.astro'),
  portaal('/partners/beoordelen', 'beoordelen.astro'),
  portaal('/partners/beoordelen/[id]', 'beoordeling.astro'),
  portaal('/partners/beheer', 'beheer/index.astro'),
  portaal('/partners/beheer/accounts', 'beheer/accounts.astro'),
  portaal('/partners/beheer/accounts/[id]', 'beheer/account.astro'),
  portaal('/partners/beheer/verouderd', 'beheer/verouderd.astro'),
  portaal('/partners/beheer/aanvullen', 'beheer/aanvullen.astro'),
  portaal('/partners/beheer/logboek', 'beheer/logboek.astro'),
  portaal('/partners/beheer/publicaties', 'beheer/publicaties.astro'),
  portaal('/partners/signalen', 'signalen/index.astro'),
  portaal('/partners/signalen/nieuw', 'signalen/nieuw.astro'),
  portaal('/partners/signalen/overzicht', 'signalen/overzicht.astro'),
  portaal('/partners/signalen/export.csv', 'signalen/export.csv.ts'),
  portaal('/partners/signalen/[id]', 'signalen/signaal.astro'),
  portaal('/partners/verwijzingen', 'verwijzingen/index.astro'),
  portaal('/partners/verwijzingen/nieuw', 'verwijzingen/nieuw.astro'),
  portaal('/partners/verwijzingen/cijfers', 'verwijzingen/cijfers.astro'),
  portaal('/partners/verwijzingen/[id]', 'verwijzingen/verwijzing.astro'),
  portaal('/partners/verwijzingen/[id]/kaartje', 'verwijzingen/kaartje.astro'),
];

export function routesIntegratie(doel: string): AstroIntegration {
  return {
    name: 'sociale-kaart-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        const routes =
          doel === 'publiek' ? publiekeRoutes : doel === 'server' ? portaalRoutes : [...publiekeRoutes, ...portaalRoutes];
        for (const route of routes) injectRoute(route);
      },
    },
  };
}
