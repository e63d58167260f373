import type { DbOfTx } from '../db/client.ts';

/**
 * Counts per kern, thema and quarter, as a table and chart. Every series (signalen, and later the
 * "aanbod ontbreekt" gaps from verwijzen) is a source of dated events per kern and thema; a new
 * series is added with one call to `registreerReeks` (see reeksen.ts) and then gets the same
 * quarters, filters, chart, table, CSV and small-number rule.
 */

export type Telling = { kernId: number; thema: string | null /** local date, YYYY-MM-DD */; datum: string };
export type OverzichtFilter = { kernIds: number[]; thema?: string /** first day counted */; van: string };
export type ReeksBron = { sleutel: string; label: string; tellingen: (db: DbOfTx, filter: OverzichtFilter) => Telling[] };

const bronnen: ReeksBron[] = [];

export function registreerReeks(bron: ReeksBron): void {
  const i = bronnen.findIndex((b) => b.sleutel === bron.sleutel);
  if (i >= 0) bronnen[i] = bron;
  else bronnen.push(bron);
}

export function reeksBronnen(): readonly ReeksBron[] {
  return bronnen;
}

/** "2026-K4". */
export function kwartaalVan(datum: string): string {
  return `${datum.slice(0, 4)}-K${Math.floor((Number(datum.slice(5, 7)) - 1) / 3) + 1}`;
}

export function kwartaalLabel(k: string): string {
  return `${k.slice(6)}e kwartaal ${k.slice(0, 4)}`;
}

export function kwartaalKort(k: string): string {
  return `K${k.slice(6)} ${k.slice(0, 4)}`;
}

/** The last `aantal` quarters up to and including today's, oldest first. */
export function laatsteKwartalen(vandaag: string, aantal: number): string[] {
  const [j, m] = vandaag.split('-').map(Number);
  const index = j * 4 + Math.floor((m - 1) / 3);
  return Array.from({ length: aantal }, (_, i) => {
    const k = index - aantal + 1 + i;
    return `${Math.floor(k / 4)}-K${(k % 4) + 1}`;
  });
}

export function kwartaalBegin(k: string): string {
  const maand = (Number(k.slice(6)) - 1) * 3 + 1;
  return `${k.slice(0, 4)}-${String(maand).padStart(2, '0')}-01`;
}

/**
 * Small-number rule (README, "Signalen"): where counts are not exact (see exacteAantallen in
 * toegang.ts), 1 to 4 reads "minder dan 5"; 0 stays 0, there is nobody to protect. Totals are
 * then left out, so a hidden count cannot be recovered by subtracting the others from a total.
 */
export const GRENS = 5;

export function toonAantal(n: number, exact: boolean): string {
  return !exact && n > 0 && n < GRENS ? `minder dan ${GRENS}` : String(n);
}

export type Overzicht = {
  kwartalen: string[];
  reeksen: { sleutel: string; label: string }[];
  /** [reeks][kwartaal] */
  perKwartaal: number[][];
  /** Per thema (null: no thema), counts per reeks over all quarters shown. */
  perThema: { thema: string | null; aantallen: number[] }[];
  perKern: { kernId: number; aantallen: number[] }[];
  /** Totals per reeks; only when counts are exact. */
  totalen?: number[];
  exact: boolean;
};

export function bouwOverzicht(
  reeksen: { sleutel: string; label: string; tellingen: Telling[] }[],
  opties: { kwartalen: string[]; kernIds: number[]; themas: string[]; exact: boolean },
): Overzicht {
  const { kwartalen, kernIds, themas, exact } = opties;
  const binnen = reeksen.map((r) =>
    r.tellingen.filter((t) => kernIds.includes(t.kernId) && kwartalen.includes(kwartaalVan(t.datum))),
  );
  const tel = (pred: (t: Telling) => boolean) => binnen.map((lijst) => lijst.filter(pred).length);
  const themaSleutels: (string | null)[] = [...themas, null];
  return {
    kwartalen,
    reeksen: reeksen.map(({ sleutel, label }) => ({ sleutel, label })),
    perKwartaal: binnen.map((lijst) => kwartalen.map((k) => lijst.filter((t) => kwartaalVan(t.datum) === k).length)),
    perThema: themaSleutels
      .map((thema) => ({
        thema,
        aantallen: tel((t) => (thema === null ? t.thema === null || !themas.includes(t.thema) : t.thema === thema)),
      }))
      .filter((r) => r.aantallen.some((n) => n > 0)),
    perKern: kernIds.map((kernId) => ({ kernId, aantallen: tel((t) => t.kernId === kernId) })),
    totalen: exact ? binnen.map((l) => l.length) : undefined,
    exact,
  };
}

export function overzicht(
  db: DbOfTx,
  filter: Omit<OverzichtFilter, 'van'>,
  opties: { kwartalen: string[]; themas: string[]; exact: boolean },
): Overzicht {
  const volledig = { ...filter, van: kwartaalBegin(opties.kwartalen[0]) };
  const reeksen = reeksBronnen().map((b) => ({ sleutel: b.sleutel, label: b.label, tellingen: b.tellingen(db, volledig) }));
  return bouwOverzicht(reeksen, { ...opties, kernIds: filter.kernIds });
}
