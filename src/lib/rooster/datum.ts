import { MAANDEN } from './schema.ts';

/**
 * The one date parser for dates people type in the portal (schedule dates, periods, "niet op"
 * lists). Whatever it cannot read is passed on unchanged, so the schema refuses it at the field.
 */

/** A month written as people do: "december", "dec", "dec.", "mrt" → 1–12, else undefined. */
function maandUitTekst(tekst: string): number | undefined {
  const t = tekst.toLowerCase().replace(/\.$/, '');
  if (t === 'mrt') return 3;
  if (t.length < 3) return undefined;
  const i = MAANDEN.findIndex((m) => m.startsWith(t));
  return i >= 0 ? i + 1 : undefined;
}

/**
 * A date as people write it — "24-12-2026", "24/12/2026", "24 december 2026", "24 dec 2026" or
 * "2026-12-24" — as "2026-12-24"; other text is passed on for the schema to refuse.
 */
export function datumUitTekst(tekst: string): string {
  const t = tekst.trim().replace(/\s+/g, ' ');
  const nl = t.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
  if (nl) return `${nl[3]}-${nl[2].padStart(2, '0')}-${nl[1].padStart(2, '0')}`;
  const woord = t.match(/^(\d{1,2}) ([a-zA-Z]+\.?) (\d{4})$/);
  const maand = woord && maandUitTekst(woord[2]);
  return woord && maand ? `${woord[3]}-${String(maand).padStart(2, '0')}-${woord[1].padStart(2, '0')}` : t;
}
