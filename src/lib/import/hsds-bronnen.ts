import path from 'node:path';
import { leesCsv } from '../opendata/csv.ts';
import { controleerTabel } from '../opendata/hsds/tabelschema.ts';
import { naarTabellen, nieuweTabellen, TABELLEN, type Tabellen } from '../opendata/hsds/tabellen.ts';
import type { Bron } from './lezen.ts';
import { letOp, probleem, type Melding } from '../opendata/hsds/melding.ts';

/** HSDS files (JSON or the CSV package) into checked tables. */

/** The tables we read; the rest (funding, programs, …) is reported as not taken over. */
const GELEZEN = [
  'organization',
  'service',
  'location',
  'address',
  'phone',
  'contact',
  'schedule',
  'service_area',
  'service_at_location',
  'cost_option',
  'attribute',
  'taxonomy_term',
  'language',
];
/** Required in HSDS, but we do not need them: an empty one is no reason to refuse the file. */
const NIET_NODIG = new Set([
  'address.state_province',
  'address.country',
  'address.address_type',
  'location.location_type',
  'attribute.link_entity',
  'taxonomy_term.name',
  'taxonomy_term.description',
]);

const TABEL_VOOR_BESTAND: Record<string, string> = {
  'services.json': 'service',
  'organizations.json': 'organization',
  'taxonomies.json': 'taxonomy',
  'taxonomy_terms.json': 'taxonomy_term',
  'service_at_locations.json': 'service_at_location',
  'locations.json': 'location',
};

function controleer(tabellen: Tabellen): Melding[] {
  return GELEZEN.flatMap((naam) =>
    controleerTabel(naam, tabellen.get(naam) ?? [], tabellen, { soepel: true, nietVerplicht: NIET_NODIG }),
  );
}

function regelVan(tekst: string, fout: unknown): number | undefined {
  const positie = /position (\d+)/.exec(String(fout))?.[1];
  return positie === undefined ? undefined : tekst.slice(0, Number(positie)).split('\n').length;
}

export function hsdsJsonTabellen(bronnen: Bron[]): { tabellen: Tabellen; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const invoer: Parameters<typeof naarTabellen>[0] = [];
  for (const bron of bronnen) {
    let data: unknown;
    try {
      data = JSON.parse(bron.tekst);
    } catch (e) {
      meldingen.push(
        probleem({ bestand: bron.naam, rij: regelVan(bron.tekst, e) }, `Dit is geen geldige JSON: ${(e as Error).message}`),
      );
      continue;
    }
    const pagina = typeof data === 'object' && data !== null && Array.isArray((data as { contents?: unknown }).contents);
    const objecten = Array.isArray(data) ? data : pagina ? (data as { contents: unknown[] }).contents : [data];
    const eersteObject = (objecten[0] ?? {}) as Record<string, unknown>;
    const tabel =
      bron.tabel ??
      TABEL_VOOR_BESTAND[path.basename(bron.naam)] ??
      ('status' in eersteObject ? 'service' : 'taxonomy_id' in eersteObject ? 'taxonomy_term' : 'organization');
    invoer.push({
      objecten,
      tabel,
      plek: (i) => ({ bestand: bron.naam, rij: Array.isArray(data) ? `[${i}]` : pagina ? `contents[${i}]` : '' }),
    });
  }
  const { tabellen, meldingen: plat } = naarTabellen(invoer);
  return { tabellen, meldingen: [...meldingen, ...plat, ...controleer(tabellen)] };
}

export function hsdsCsvTabellen(bronnen: Bron[]): { tabellen: Tabellen; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const tabellen = nieuweTabellen();
  for (const bron of bronnen) {
    const tabel = TABELLEN.find((t) => t.path === bron.naam);
    if (!tabel) continue; // datapackage.json: we read with the official one
    const { kolommen, records } = leesCsv(bron.tekst);
    const bekend = new Set(tabel.fields.map((f) => f.name));
    for (const k of kolommen)
      if (!bekend.has(k))
        meldingen.push(
          letOp(
            { bestand: bron.naam, rij: 1, veld: k },
            `Kolom ${k} hoort niet bij ${tabel.path} in HSDS 3.0; niet overgenomen.`,
          ),
        );
    for (const r of records) {
      if (r.cellen.length !== kolommen.length) {
        meldingen.push(
          probleem(
            { bestand: bron.naam, rij: r.rij },
            `Deze rij heeft ${r.cellen.length} cellen, de kopregel ${kolommen.length}. Staat er een scheidingsteken of aanhalingsteken verkeerd?`,
          ),
        );
        continue;
      }
      const waarden = Object.fromEntries(
        kolommen.map((k, i) => [k, r.cellen[i]] as const).filter(([k, w]) => bekend.has(k) && w !== ''),
      );
      tabellen.get(tabel.name)!.push({ plek: { bestand: bron.naam, rij: r.rij }, waarden });
    }
  }
  return { tabellen, meldingen: [...meldingen, ...controleer(tabellen)] };
}
