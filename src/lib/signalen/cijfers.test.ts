import { describe, expect, it } from 'vitest';
import { cijferUitTekst, type Figuur, valAan } from '../cijfers/aanval.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { leesCsv } from '../opendata/csv.ts';
import { aantallenCsv } from './export.ts';
import { bouwOverzicht, kwartaalBegin, kwartaalKort, kwartaalVan, type Telling } from './overzicht.ts';

/**
 * The attacker over the signalen overview: it reads the figures of the page and of the CSV,
 * knows which signals each figure counts, and tries to narrow every hidden one down.
 */

const KWARTALEN = ['2026-K1', '2026-K2', '2026-K3', '2026-K4'];
const THEMAS = ['a', 'b'];
const KERNEN = [1, 2, 3, 4];
const config = {
  themas: [
    { slug: 'a', label: 'Thema A' },
    { slug: 'b', label: 'Thema B' },
  ],
} as GemeenteConfig;
const REEKSEN = ['Signalen', 'Aanbod ontbreekt'];

type Atoom = { reeks: number; kernId: number; thema: string | null; kwartaal: string };
const ATOMEN: Atoom[] = REEKSEN.flatMap((_, reeks) =>
  KERNEN.flatMap((kernId) =>
    [...THEMAS, null].flatMap((thema) => KWARTALEN.map((kwartaal) => ({ reeks, kernId, thema, kwartaal }))),
  ),
);

function willekeurig(zaad: number): number[] {
  let s = zaad * 7919;
  const volgende = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return ATOMEN.map(() => (volgende() < 0.6 ? 0 : Math.floor(volgende() * 4)));
}

function tellingenVan(waarden: number[], reeks: number): Telling[] {
  return ATOMEN.flatMap((a, i) =>
    a.reeks === reeks
      ? Array.from({ length: waarden[i] }, () => ({ kernId: a.kernId, thema: a.thema, datum: kwartaalBegin(a.kwartaal) }))
      : [],
  );
}

function indices(pred: (a: Atoom) => boolean, kernIds: number[]): number[] {
  return ATOMEN.flatMap((a, i) => (kernIds.includes(a.kernId) && pred(a) ? [i] : []));
}

/** What each CSV row counts, read from its own columns. */
function figurenUitCsv(csv: string, kernIds: number[]): Figuur[] {
  return leesCsv(csv).records.map(({ cellen: [reeksLabel, indeling, waarde, aantal] }) => {
    const reeks = REEKSEN.indexOf(reeksLabel);
    const pred = (a: Atoom) =>
      a.reeks === reeks &&
      (indeling === 'totaal' ||
        (indeling === 'kwartaal' && kwartaalKort(a.kwartaal) === waarde) ||
        (indeling === 'kern' && `Kern ${a.kernId}` === waarde) ||
        (indeling === 'thema' && (a.thema ? config.themas.find((t) => t.slug === a.thema)?.label : 'Zonder thema') === waarde));
    return { naam: `${reeksLabel}, ${indeling} ${waarde}`, atomen: indices(pred, kernIds), cijfer: cijferUitTekst(aantal) };
  });
}

const gevallen = Array.from({ length: 16 }, (_, i) => ({
  naam: `zaad ${i}, ${i % 4 === 3 ? 'één kern' : 'vier kernen'}`,
  waarden: willekeurig(i + 1),
  kernIds: i % 4 === 3 ? [2] : KERNEN,
}));

describe('the signalen figures that leave the kern', () => {
  it.each(gevallen)(
    'no hidden figure in the CSV (the page shows the same) can be narrowed down: $naam',
    ({ waarden, kernIds }) => {
      const o = bouwOverzicht(
        REEKSEN.map((label, r) => ({ sleutel: label, label, tellingen: tellingenVan(waarden, r) })),
        { kwartalen: KWARTALEN, kernIds, themas: THEMAS, exact: false },
      );
      const figuren = figurenUitCsv(
        aantallenCsv(o, (id) => `Kern ${id}`, config),
        kernIds,
      );
      expect(figuren.length).toBeGreaterThan(10);
      // Each figure as published matches the true count of the signals it describes.
      for (const f of figuren)
        if (f.cijfer.toon === 'getal')
          expect(
            f.atomen.reduce((s, j) => s + waarden[j], 0),
            f.naam,
          ).toBe(f.cijfer.aantal);
      expect(valAan(ATOMEN.length, figuren, waarden).filter((u) => u.herleid)).toEqual([]);
    },
  );

  it('counts a quarter from its local date', () => {
    expect(kwartaalVan(kwartaalBegin('2026-K3'))).toBe('2026-K3');
  });
});
