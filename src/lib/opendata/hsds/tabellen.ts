import { letOp, probleem, type Melding, type Plek } from './melding.ts';
import datapackage from './datapackage.json';

/**
 * The HSDS tables as the official datapackage.json (HSDS 3.0, copied unchanged from the
 * specification; a test checks it against tests/fixtures/hsds-3.0) describes them, and the step from
 * nested HSDS JSON to those tables. Export (CSV package) and import (JSON) both use this step.
 */

export type Veld = {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
};
export type Tabel = {
  name: string;
  path: string;
  fields: Veld[];
  primaryKey?: string;
  foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[] | null;
};

export const TABELLEN: Tabel[] = datapackage.resources.map((r) => ({
  name: r.name,
  path: r.path,
  ...(r.schema as Omit<Tabel, 'name' | 'path'>),
}));
export const TABEL = new Map(TABELLEN.map((t) => [t.name, t]));
export const HSDS_DATAPACKAGE = datapackage;

/** Nested property → table, as in the HSDS JSON schemas. */
const GENEST: Record<string, string> = {
  phones: 'phone',
  schedules: 'schedule',
  service_areas: 'service_area',
  service_at_locations: 'service_at_location',
  languages: 'language',
  organization: 'organization',
  funding: 'funding',
  cost_options: 'cost_option',
  program: 'program',
  programs: 'program',
  required_documents: 'required_document',
  contacts: 'contact',
  attributes: 'attribute',
  metadata: 'metadata',
  locations: 'location',
  location: 'location',
  addresses: 'address',
  accessibility: 'accessibility',
  organization_identifiers: 'organization_identifier',
  taxonomy_term: 'taxonomy_term',
  taxonomy_detail: 'taxonomy',
};

/** A nested object that points to its parent rather than the other way round. */
const VERWIJST_NAAR = new Set(['organization', 'program', 'location', 'taxonomy_term', 'taxonomy_detail']);

export type Rij = { waarden: Record<string, unknown>; plek: Plek };
export type Tabellen = Map<string, Rij[]>;

export function nieuweTabellen(): Tabellen {
  return new Map(TABELLEN.map((t) => [t.name, []]));
}

const leeg = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The same object twice (a `/services/{id}` record nests a location under its organisation and
 * again under service_at_locations): fine when no field differs; a field only one copy has
 * (such as the organization_id the nesting adds) is no conflict.
 */
function zelfde(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const sleutels = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...sleutels].every((k) => leeg(a[k]) || leeg(b[k]) || String(a[k]) === String(b[k]));
}

type Context = { tabellen: Tabellen; meldingen: Melding[]; gezien: Map<string, Map<string, Rij>> };

function voegToe(ctx: Context, tabel: string, rij: Rij) {
  const id = rij.waarden.id;
  const perId = ctx.gezien.get(tabel) ?? new Map<string, Rij>();
  ctx.gezien.set(tabel, perId);
  if (typeof id === 'string' && id !== '') {
    const eerder = perId.get(id);
    if (eerder) {
      if (zelfde(eerder.waarden, rij.waarden)) {
        for (const [k, w] of Object.entries(rij.waarden)) if (leeg(eerder.waarden[k]) && !leeg(w)) eerder.waarden[k] = w;
      } else {
        ctx.meldingen.push(
          probleem(
            { ...rij.plek, veld: 'id' },
            `Dit id (${tabel} ${id}) staat er al, met andere gegevens (${eerder.plek.rij ?? ''}). Elk id mag maar één keer voorkomen.`,
          ),
        );
      }
      return;
    }
    perId.set(id, rij);
  }
  ctx.tabellen.get(tabel)!.push(rij);
}

function plat(ctx: Context, obj: unknown, tabel: string, plek: Plek, ouder?: { tabel: string; id: string }): string | undefined {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    ctx.meldingen.push(probleem(plek, `Hier hoort een ${tabel}-object, maar er staat iets anders.`));
    return undefined;
  }
  const kolommen = new Set(TABEL.get(tabel)!.fields.map((f) => f.name));
  const waarden: Record<string, unknown> = {};
  const kinderen: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (kolommen.has(k) && (v === null || typeof v !== 'object')) waarden[k] = v;
    else if (GENEST[k] !== undefined) kinderen.push([k, v]);
    else ctx.meldingen.push(letOp({ ...plek, veld: k }, `Veld ${k} hoort niet bij ${tabel} in HSDS 3.0; niet overgenomen.`));
  }
  if (ouder) {
    const koppeling = `${ouder.tabel}_id`;
    if (tabel === 'attribute') {
      if (leeg(waarden.link_id)) waarden.link_id = ouder.id;
      if (leeg(waarden.link_entity)) waarden.link_entity = ouder.tabel;
    } else if (tabel === 'metadata') {
      if (leeg(waarden.resource_id)) waarden.resource_id = ouder.id;
      if (leeg(waarden.resource_type)) waarden.resource_type = ouder.tabel;
    } else if (kolommen.has(koppeling) && leeg(waarden[koppeling])) waarden[koppeling] = ouder.id;
  }
  const id = typeof waarden.id === 'string' ? waarden.id : undefined;
  const rij: Rij = { waarden, plek };
  for (const [k, v] of kinderen) {
    const kindTabel = GENEST[k];
    const pad = (i?: number) => ({ ...plek, rij: `${plek.rij ?? ''}.${k}${i === undefined ? '' : `[${i}]`}`.replace(/^\./, '') });
    if (VERWIJST_NAAR.has(k)) {
      if (v === null || v === undefined) continue;
      const kindId = plat(ctx, v, kindTabel, pad());
      const veld = k === 'taxonomy_detail' ? 'taxonomy_id' : `${kindTabel}_id`;
      if (kindId && leeg(waarden[veld])) waarden[veld] = kindId;
    } else if (Array.isArray(v)) {
      v.forEach((kind, i) => {
        plat(ctx, kind, kindTabel, pad(i), id ? { tabel, id } : undefined);
      });
    } else if (v !== null && v !== undefined) {
      ctx.meldingen.push(probleem({ ...plek, veld: k }, `${k} hoort een lijst te zijn.`));
    }
  }
  voegToe(ctx, tabel, rij);
  return id;
}

/** Nested HSDS objects (as in the JSON) into flat tables, one row per id. */
export function naarTabellen(
  invoer: { objecten: unknown[]; tabel: string; plek: (i: number) => Plek }[],
  tabellen = nieuweTabellen(),
): { tabellen: Tabellen; meldingen: Melding[] } {
  const ctx: Context = { tabellen, meldingen: [], gezien: new Map() };
  for (const { objecten, tabel, plek } of invoer)
    objecten.forEach((o, i) => {
      plat(ctx, o, tabel, plek(i));
    });
  return { tabellen, meldingen: ctx.meldingen };
}
