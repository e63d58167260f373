import { probleem, type Melding } from './melding.ts';
import { TABEL, type Rij, type Tabellen, type Veld } from './tabellen.ts';

/**
 * Checks HSDS tables against the Frictionless table schemas of the official datapackage.json:
 * types and formats, required, unique, enum and (with `sleutels`) foreign keys. The same check
 * validates our export in tests and every imported row, so problems read the same everywhere.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const GETAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const TIJD = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;
const TIJD_SOEPEL = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;
const DATUMTIJD = /^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

export function isDatum(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [j, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(j, m - 1, d));
  return dt.getUTCFullYear() === j && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const isUuid = (s: string) => UUID.test(s);

export type Opties = {
  /** Also accept "10:00" for a time and a date for a date-time, as other systems write them. */
  soepel?: boolean;
  /** Check foreign keys between the tables. */
  sleutels?: boolean;
  /** "tabel.veld" that may be empty: required by HSDS, but not needed by whoever reads it. */
  nietVerplicht?: Set<string>;
};

function fout(veld: Veld, waarde: unknown, opties: Opties): string | undefined {
  const s = String(waarde);
  switch (veld.type) {
    case 'number':
      if (typeof waarde === 'number' ? !Number.isFinite(waarde) : !GETAL.test(s)) return `"${s}" is geen getal`;
      return undefined;
    case 'date':
      return isDatum(s) ? undefined : `"${s}" is geen datum als 2027-03-14 (jjjj-mm-dd)`;
    case 'time':
      return (opties.soepel ? TIJD_SOEPEL : TIJD).test(s) ? undefined : `"${s}" is geen tijd als 10:00:00`;
    case 'datetime':
      return DATUMTIJD.test(s) && !Number.isNaN(Date.parse(s)) && isDatum(s.slice(0, 10))
        ? undefined
        : opties.soepel && isDatum(s)
          ? undefined
          : `"${s}" is geen datum en tijd als 2027-03-14T10:00:00Z`;
  }
  if (typeof waarde !== 'string' && veld.type === 'string') return `"${s}" hoort tekst te zijn`;
  if (veld.format === 'uuid' && !UUID.test(s)) return `"${s}" is geen UUID`;
  if (veld.format === 'email' && !EMAIL.test(s)) return `"${s}" is geen e-mailadres`;
  if (veld.format === 'uri' && !URI.test(s)) return `"${s}" is geen volledig webadres`;
  return undefined;
}

/** Problems in one table; `tabellen` is needed for foreign keys. */
export function controleerTabel(naam: string, rijen: Rij[], tabellen: Tabellen, opties: Opties = {}): Melding[] {
  const tabel = TABEL.get(naam)!;
  const meldingen: Melding[] = [];
  const uniek = new Map<string, Map<string, Rij>>();
  for (const rij of rijen) {
    for (const veld of tabel.fields) {
      const waarde = rij.waarden[veld.name];
      const plek = { ...rij.plek, veld: veld.name };
      if (waarde === undefined || waarde === null || waarde === '') {
        if (veld.constraints?.required && !opties.nietVerplicht?.has(`${naam}.${veld.name}`))
          meldingen.push(probleem(plek, `${veld.name} ontbreekt; dit veld is verplicht in HSDS (${tabel.name}).`));
        continue;
      }
      const f = fout(veld, waarde, opties);
      if (f) {
        meldingen.push(probleem(plek, `${f}.`));
        continue;
      }
      if (veld.constraints?.enum && !veld.constraints.enum.includes(String(waarde))) {
        meldingen.push(probleem(plek, `"${String(waarde)}" mag niet; kies uit ${veld.constraints.enum.join(', ')}.`));
      }
      if (veld.constraints?.unique) {
        const gezien = uniek.get(veld.name) ?? new Map<string, Rij>();
        uniek.set(veld.name, gezien);
        const eerder = gezien.get(String(waarde));
        if (eerder)
          meldingen.push(
            probleem(plek, `"${String(waarde)}" staat er twee keer in (ook op ${eerder.plek.rij ?? '?'}); dit moet uniek zijn.`),
          );
        else gezien.set(String(waarde), rij);
      }
    }
  }
  if (opties.sleutels) {
    for (const fk of tabel.foreignKeys ?? []) {
      const doel = new Set((tabellen.get(fk.reference.resource) ?? []).map((r) => String(r.waarden[fk.reference.fields])));
      for (const rij of rijen) {
        const waarde = rij.waarden[fk.fields];
        if (waarde === undefined || waarde === null || waarde === '') continue;
        if (!doel.has(String(waarde))) {
          meldingen.push(
            probleem(
              { ...rij.plek, veld: fk.fields },
              `verwijst naar ${fk.reference.resource} "${String(waarde)}", maar die bestaat niet.`,
            ),
          );
        }
      }
    }
  }
  return meldingen;
}

export function controleerTabellen(tabellen: Tabellen, opties: Opties = {}): Melding[] {
  return [...tabellen].flatMap(([naam, rijen]) => controleerTabel(naam, rijen, tabellen, opties));
}
