import { woorden } from '../../config/woorden.ts';
import { maakSlug } from '../../data/ids.ts';
import type { SiteData } from '../../site/sitedata.ts';
import { rfcCsvDelen } from '../csv.ts';
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

function* json(waarde: unknown): Generator<string> {
  yield `${JSON.stringify(waarde)}\n`;
}

/**
 * json(pagina(items)) in parts of `per` items, byte for byte: services.json is 52 MB at 20,000
 * records, and one string of it (with its UTF-8 copy) took the render process 200 MB.
 */
export function* jsonPagina(items: unknown[], per = 500): Generator<string> {
  // The page object with its items last: everything before them, then the items, then the end.
  const kop = JSON.stringify({ ...pagina(items), contents: [] });
  yield kop.slice(0, -2);
  for (let i = 0; i < items.length; i += per) {
    const deel = items.slice(i, i + per).map((item) => JSON.stringify(item) ?? 'null');
    yield `${i > 0 ? ',' : ''}${deel.join(',')}`;
  }
  yield ']}\n';
}

/** The HSDS objects of a site and their tables, checked: a file is never made from objects that do not fit. */
type Bron = { hsds: HsdsExport; tabellen: Tabellen };

function maakBron(site: SiteData): Bron {
  const hsds = maakHsds(site);
  const { tabellen, meldingen } = exportTabellen(hsds);
  if (meldingen.length > 0)
    throw new Error(`HSDS-export klopt niet:\n${meldingen.map((m) => `${m.bestand}:${m.rij}: ${m.tekst}`).join('\n')}`);
  return { hsds, tabellen };
}

function inhoud(site: SiteData, { hsds, tabellen }: Bron, naam: string): Iterable<string> | undefined {
  switch (naam) {
    case 'services.json':
      return jsonPagina(hsds.services);
    case 'organizations.json':
      return jsonPagina(hsds.organizations);
    case 'taxonomies.json':
      return jsonPagina(hsds.taxonomies);
    case 'taxonomy_terms.json':
      return jsonPagina(hsds.taxonomy_terms);
    case 'datapackage.json':
      return json(datapackage(site));
  }
  const tabel = TABELLEN.find((t) => t.path === naam);
  if (!tabel) return undefined;
  return rfcCsvDelen(
    tabel.fields.map((f) => f.name),
    (tabellen.get(tabel.name) ?? []).map((r) => r.waarden),
  );
}

export function maakHsdsBestanden(site: SiteData): Map<string, string> {
  const bron = maakBron(site);
  return new Map(HSDS_BESTANDEN.map((naam) => [naam, [...inhoud(site, bron, naam)!].join('')]));
}

/** Per site: its HSDS objects, and the files not yet asked for. */
const cache = new WeakMap<SiteData, Bron & { open: Set<string> }>();

/**
 * A build asks for the files one by one. The objects are made once and kept until every file has
 * been asked for, then let go; each file is made in parts as it is written, and not kept. At 20,000 records the
 * objects take some 200 MB and the files 100 MB: keeping both for the life of the resident render
 * process cost it 300 MB.
 */
export function hsdsBestand(site: SiteData, naam: string): Iterable<string> | undefined {
  let bron = cache.get(site);
  if (!bron) {
    bron = { ...maakBron(site), open: new Set(HSDS_BESTANDEN) };
    cache.set(site, bron);
  }
  bron.open.delete(naam);
  if (bron.open.size === 0) cache.delete(site);
  return inhoud(site, bron, naam);
}
