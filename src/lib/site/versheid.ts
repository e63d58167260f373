import type { GemeenteConfig } from '../config/schema.ts';
import { dagenInMaand } from '../rooster/kalender.ts';

/**
 * How old a listing's "gecontroleerd op" is, for inwoners (issue #15). Three stages:
 * - `vers`: nothing special; lists show "Gecontroleerd <datum>" quietly.
 * - `melding`: after `melding_na_maanden` (default 12) the page says the details may be outdated
 *   and gives the kernondersteuner's number.
 * - `verborgen`: after `verbergen_na_maanden` (default 18) the listing leaves lists and search;
 *   its own page stays, with the notice.
 * The beheerder can exempt a listing ("altijd zichtbaar"): then it is always `vers`.
 */

export type Leeftijd = 'vers' | 'melding' | 'verborgen';
export type VersheidRegels = Pick<GemeenteConfig['versheid'], 'melding_na_maanden' | 'verbergen_na_maanden'>;

/** The date `maanden` months before `datum` (the last day of a shorter month when needed). */
export function maandenTerug(datum: string, maanden: number): string {
  const [j, m, d] = datum.split('-').map(Number);
  const totaal = j * 12 + (m - 1) - maanden;
  const jaar = Math.floor(totaal / 12);
  const maand = (totaal % 12) + 1;
  const dag = Math.min(d, dagenInMaand(jaar, maand));
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

export function leeftijd(gecontroleerdOp: string, vandaag: string, regels: VersheidRegels, altijdZichtbaar = false): Leeftijd {
  if (altijdZichtbaar) return 'vers';
  if (gecontroleerdOp <= maandenTerug(vandaag, regels.verbergen_na_maanden)) return 'verborgen';
  if (gecontroleerdOp <= maandenTerug(vandaag, regels.melding_na_maanden)) return 'melding';
  return 'vers';
}
