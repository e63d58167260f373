import { bescherm, type Cijfer } from '../cijfers/bescherm.ts';
import { kwartaalBegin, kwartaalVan } from '../cijfers/perioden.ts';
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

export { kwartaalBegin, kwartaalKort, kwartaalLabel, kwartaalVan, laatsteKwartalen } from '../cijfers/perioden.ts';

/**
 * Every figure after the small-number rule (src/lib/cijfers/bescherm.ts): exact where `exact`
 * (one kern, shown to a partner or the kernondersteuner of that kern), else protected per reeks
 * over the total, the quarters, the thema's and the kernen together, as they appear side by side.
 */
export type Overzicht = {
  kwartalen: string[];
  reeksen: { sleutel: string; label: string }[];
  /** [reeks][kwartaal] */
  perKwartaal: Cijfer[][];
  /** Per thema (null: no thema), counts per reeks over all quarters shown. */
  perThema: { thema: string | null; aantallen: Cijfer[] }[];
  perKern: { kernId: number; aantallen: Cijfer[] }[];
  /** Per reeks. */
  totalen: Cijfer[];
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
  const perThema = themaSleutels
    .map((thema) => ({
      thema,
      aantallen: tel((t) => (thema === null ? t.thema === null || !themas.includes(t.thema) : t.thema === thema)),
    }))
    .filter((r) => r.aantallen.some((n) => n > 0));
  const perKern = kernIds.map((kernId) => ({ kernId, aantallen: tel((t) => t.kernId === kernId) }));
  // Per reeks, the tables that describe the same records; one kern is only the total.
  const beschermd = binnen.map((lijst, r) => {
    const tabellen = [
      [lijst.length],
      kwartalen.map((k) => lijst.filter((t) => kwartaalVan(t.datum) === k).length),
      perThema.map((t) => t.aantallen[r]),
      ...(kernIds.length > 1 ? [perKern.map((k) => k.aantallen[r])] : []),
    ];
    const [[totaal], kw, th, kern = [totaal]] = bescherm(tabellen.map((t) => t.map((aantal) => ({ aantal, exact }))));
    return { totaal, kw, th, kern };
  });
  return {
    kwartalen,
    reeksen: reeksen.map(({ sleutel, label }) => ({ sleutel, label })),
    perKwartaal: beschermd.map((b) => b.kw),
    perThema: perThema.map((t, i) => ({ thema: t.thema, aantallen: beschermd.map((b) => b.th[i]) })),
    perKern: perKern.map((k, i) => ({ kernId: k.kernId, aantallen: beschermd.map((b) => b.kern[i]) })),
    totalen: beschermd.map((b) => b.totaal),
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
