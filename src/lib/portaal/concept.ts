/**
 * Unsent form input kept in this browser (localStorage), so a reload or a closed tab loses nothing
 * (issue 14). Only for the listing forms (organisatie, activiteit): never for signalen or
 * verwijzingen, whose text may be about an inwoner. The page works the same without it.
 * Pure functions here; the browser glue is src/scripts/concept.ts.
 */

export type Concept = { opgeslagenOp: string; velden: [string, string][] };

/** Fields never kept: the CSRF token and the button that was pressed. */
const NIET = new Set(['csrf', 'actie']);

/** The storage key of one form of one record, e.g. "activiteit:12" or "activiteit:nieuw:4". */
export const conceptSleutel = (formulier: string) => `sk-concept:${formulier}`;

export function conceptVelden(paren: Iterable<[string, FormDataEntryValue]>): [string, string][] {
  const uit: [string, string][] = [];
  for (const [naam, waarde] of paren) if (typeof waarde === 'string' && !NIET.has(naam)) uit.push([naam, waarde]);
  return uit;
}

/** Whether the kept input differs from what the form shows now (only then is it offered). */
export function verschilt(bewaard: [string, string][], nu: [string, string][]): boolean {
  const tekst = (v: [string, string][]) =>
    JSON.stringify(v.filter(([k]) => !k.startsWith('basis.')).map(([k, w]) => [k, w.replace(/\r\n/g, '\n')]));
  return tekst(bewaard) !== tekst(nu);
}

/** A stored concept, or undefined for anything else (old format, tampered, empty). */
export function leesConcept(json: string | null): Concept | undefined {
  if (!json) return undefined;
  try {
    const c = JSON.parse(json) as Concept;
    const goed =
      typeof c.opgeslagenOp === 'string' &&
      Array.isArray(c.velden) &&
      c.velden.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'));
    return goed ? c : undefined;
  } catch {
    return undefined;
  }
}

/** Values per field name, in order (a checkbox group or rule list has several). */
export function perNaam(velden: [string, string][]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, w] of velden) m.set(k, [...(m.get(k) ?? []), w]);
  return m;
}
