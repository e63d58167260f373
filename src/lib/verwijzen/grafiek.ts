import { cijferTekst, isVerborgen } from '../cijfers/bescherm.ts';
import type { Rij } from './cijfers.ts';

/**
 * Geometry of a horizontal bar chart, drawn as inline SVG by Staafgrafiek.astro. Each row is a
 * label line with its bar below; narrow, so it stays readable on a phone. Hidden counts get no
 * bar, only the words ("minder dan 5", "5 of meer", "niet getoond").
 */

export const BREEDTE = 400;
const RIJ = 36;
export const STAAF = 14;
const LABEL_MAX = 52;

export type Staaf = {
  labelY: number;
  staafY: number;
  breedte: number;
  waardeX: number;
  waarde: string;
  label: string;
  verborgen: boolean;
};

function kort(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}

export function staven(rijen: Rij[]): { hoogte: number; staven: Staaf[] } {
  const ruimte = BREEDTE - 90;
  const zichtbaar = (r: Rij) => (isVerborgen(r.cijfer) ? 0 : r.cijfer.aantal);
  const max = Math.max(1, ...rijen.map(zichtbaar));
  return {
    hoogte: rijen.length * RIJ + 4,
    staven: rijen.map((r, i) => {
      const breedte = zichtbaar(r) ? Math.max(2, Math.round((zichtbaar(r) / max) * ruimte)) : 0;
      return {
        labelY: i * RIJ + 14,
        staafY: i * RIJ + 20,
        breedte,
        waardeX: breedte + 6,
        waarde: cijferTekst(r.cijfer),
        label: kort(r.label),
        verborgen: isVerborgen(r.cijfer),
      };
    }),
  };
}
