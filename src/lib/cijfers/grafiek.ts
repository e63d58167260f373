import { type Cijfer, cijferTekst, GRENS, isVerborgen } from './bescherm.ts';

/**
 * Geometry of the one bar chart of signalen, verwijzen and versheid (Staafdiagram.astro): horizontal bars,
 * each row a label line with one thin bar per series below it, so it stays readable on a phone.
 * A hidden count ("minder dan 5", "5 of meer") is drawn as a dashed outline up to 5, never at its
 * real length; "niet getoond" gets no bar. The same figures are in the table beside it.
 */

export const BREEDTE = 400;
export const STAAF = 12;
const LABEL = 20;
const TUSSEN = 3;
const MARGE = 8;
const LABEL_MAX = 52;

export type Rij = { label: string; kort?: string; cijfers: Cijfer[] };
export type Staaf = {
  y: number;
  breedte: number;
  waardeX: number;
  waarde: string;
  reeks: number;
  gestippeld: boolean;
  /** Shown in words only: a hidden count, not a zero. */
  verborgen: boolean;
};
export type Regel = { labelY: number; label: string; staven: Staaf[] };

const kort = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

/**
 * How a figure reads: a count after the small-number rule, or in per-cent mode a share (0 to 100,
 * not a count of people, so no rule applies) as "87 %".
 */
export function waardeTekst(c: Cijfer, procent = false): string {
  return procent ? `${c.aantal} %` : cijferTekst(c);
}

export function geometrie(rijen: Rij[], procent = false): { hoogte: number; regels: Regel[] } {
  const ruimte = BREEDTE - 100;
  const zichtbaar = (c: Cijfer) => (isVerborgen(c) ? 0 : c.aantal);
  // A share is drawn against 100 %, so months and kernen compare at a glance.
  const max = procent ? 100 : Math.max(GRENS, ...rijen.flatMap((r) => r.cijfers.map(zichtbaar)));
  const lengte = (n: number) => (n > 0 ? Math.max(2, Math.round((n / max) * ruimte)) : 0);
  let y = 0;
  const regels = rijen.map((r) => {
    const labelY = y + 14;
    y += LABEL;
    const staven = r.cijfers.map((c, reeks) => {
      const gestippeld = c.toon === 'klein' || c.toon === 'aanvullend';
      const breedte = gestippeld ? lengte(GRENS) : c.toon === 'verborgen' ? 0 : lengte(c.aantal);
      const staaf = {
        y,
        breedte,
        waardeX: breedte + 6,
        waarde: waardeTekst(c, procent),
        reeks,
        gestippeld,
        verborgen: isVerborgen(c),
      };
      y += STAAF + TUSSEN;
      return staaf;
    });
    y += MARGE;
    return { labelY, label: kort(r.kort ?? r.label), staven };
  });
  return { hoogte: y + 4, regels };
}

/** The text alternative: per series, every row with its figure as shown. */
export function beschrijving(reeksen: string[], rijen: Rij[], procent = false): string {
  return reeksen
    .map((reeks, i) => `${reeks}: ${rijen.map((r) => `${r.kort ?? r.label} ${waardeTekst(r.cijfers[i], procent)}`).join(', ')}`)
    .join('. ');
}
