import { woorden } from '../../config/woorden.ts';
import { maakSlug } from '../../data/ids.ts';
import type { SiteData } from '../../site/sitedata.ts';
import { naarRfcCsv } from '../csv.ts';
import { maakHsds, type HsdsExport } from './export.ts';
import { HSDS_DATAPACKAGE, naarTabellen, TABELLEN, type Tabellen } from './tabellen.ts';

/**
 * The files under /open-data/hsds/: JSON as the HSDS API answers (a page with all items, fully
 * nested) and the tabular package: datapackage.json plus one CSV per HSDS table.
 */

export const HSDS_JSON = ['services.json', 'organizations.json', 'taxonomies.json', 'taxonomy_terms.json'] as const;
export const HSDS_BESTANDEN: string[] = [...HSDS_JSON, 'datapackage.json', ...TABELLEN.map((t) => t.path)];

/** The HSDS API's page object, with every item on one page. */
export function pagina(items: unknown[]) {
  return {
    total_items: items.length,
    total_pages: 1,
    page_number: 1,
    size: items.length,
    first_page: true,
    last_page: true,
    empty: items.length === 0,
    contents: items,
  };
}

/** The HSDS objects as tables, one row per id, for the CSV package. */
export function exportTabellen(hsds: HsdsExport): {
  tabellen: Tabellen;
  meldingen: ReturnType<typeof naarTabellen>['meldingen'];
} {
  const plek = (bestand: string) => (i: number) => ({ bestand, rij: `contents[${i}]` });
  return naarTabellen([
    { objecten: hsds.taxonomies, tabel: 'taxonomy', plek: plek('taxonomies.json') },
    { objecten: hsds.taxonomy_terms, tabel: 'taxonomy_term', plek: plek('taxonomy_terms.json') },
    { objecten: hsds.organizations, tabel: 'organization', plek: plek('organizations.json') },
    { objecten: hsds.services, tabel: 'service', plek: plek('services.json') },
  ]);
}

function datapackage(site: SiteData) {
  const { config } = site;
  return {
    name: `sociale-kaart-${maakSlug(config.naam)}`,
    title: `${config.sitenaam} (Open Referral HSDS 3.0)`,
    description: `Alle gepubliceerde organisaties, activiteiten en ${woorden(config).ondersteuners} van ${config.sitenaam}, in de tabelvorm van de Human Services Data Specification 3.0. Tijden zijn Nederlandse tijd (Europe/Amsterdam).`,
    profile: HSDS_DATAPACKAGE.profile,
    version: HSDS_DATAPACKAGE.version,
    homepage: new URL('/open-data/', config.url).href,
    created: site.nu.datum,
    licenses: [
      {
        name: 'CC0-1.0',
        title: 'Creative Commons Zero v1.0 Universal',
        path: 'https://creativecommons.org/publicdomain/zero/1.0/',
      },
    ],
    sources: [{ title: 'Human Services Data Specification: an Open Referral resource', path: 'https://openreferral.org/' }],
    resources: HSDS_DATAPACKAGE.resources,
  };
}

const json = (waarde: unknown) => `${JSON.stringify(waarde)}\n`;

export function maakHsdsBestanden(site: SiteData): Map<string, string> {
  const hsds = maakHsds(site);
  const { tabellen, meldingen } = exportTabellen(hsds);
  if (meldingen.length > 0)
    throw new Error(`HSDS-export klopt niet:\n${meldingen.map((m) => `${m.bestand}:${m.rij}: ${m.tekst}`).join('\n')}`);
  const bestanden = new Map<string, string>([
    ['services.json', json(pagina(hsds.services))],
    ['organizations.json', json(pagina(hsds.organizations))],
    ['taxonomies.json', json(pagina(hsds.taxonomies))],
    ['taxonomy_terms.json', json(pagina(hsds.taxonomy_terms))],
    ['datapackage.json', json(datapackage(site))],
  ]);
  for (const tabel of TABELLEN) {
    bestanden.set(
      tabel.path,
      naarRfcCsv(
        tabel.fields.map((f) => f.name),
        (tabellen.get(tabel.name) ?? []).map((r) => r.waarden),
      ),
    );
  }
  return bestanden;
}

const cache = new WeakMap<SiteData, Map<string, string>>();

/** All files are made in one go and kept for the build, which asks for them one by one. */
export function hsdsBestand(site: SiteData, naam: string): string | undefined {
  let bestanden = cache.get(site);
  if (!bestanden) {
    bestanden = maakHsdsBestanden(site);
    cache.set(site, bestanden);
  }
  return bestanden.get(naam);
}
