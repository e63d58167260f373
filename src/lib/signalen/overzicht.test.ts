import { describe, expect, it } from 'vitest';
import { cijferTekst, exact } from '../cijfers/bescherm.ts';
import {
  bouwOverzicht,
  kwartaalLabel,
  kwartaalVan,
  laatsteKwartalen,
  registreerReeks,
  reeksBronnen,
  type Telling,
} from './overzicht.ts';
import './reeksen.ts';

const t = (kernId: number, thema: string | null, datum: string): Telling => ({ kernId, thema, datum });

describe('quarters', () => {
  it('names and counts back quarters across a year', () => {
    expect(kwartaalVan('2026-11-22')).toBe('2026-K4');
    expect(kwartaalVan('2026-03-31')).toBe('2026-K1');
    expect(kwartaalLabel('2026-K4')).toBe('4e kwartaal 2026');
    expect(laatsteKwartalen('2026-02-10', 3)).toEqual(['2025-K3', '2025-K4', '2026-K1']);
  });
});

describe('overview', () => {
  const tellingen = [
    t(1, 'ontmoeting', '2026-10-02'),
    t(1, 'ontmoeting', '2026-11-20'),
    t(1, null, '2026-08-01'),
    t(2, 'vervoer', '2026-10-05'),
    t(1, 'ontmoeting', '2024-01-01'),
  ];
  const opties = { kwartalen: ['2026-K3', '2026-K4'], themas: ['ontmoeting', 'vervoer'] };

  it('counts per quarter, thema and kern within the chosen kernen and quarters', () => {
    const o = bouwOverzicht([{ sleutel: 'signalen', label: 'Signalen', tellingen }], { ...opties, kernIds: [1], exact: true });
    expect(o.perKwartaal).toEqual([exact([1, 2])]);
    expect(o.perThema).toEqual([
      { thema: 'ontmoeting', aantallen: exact([2]) },
      { thema: null, aantallen: exact([1]) },
    ]);
    expect(o.totalen).toEqual(exact([3]));
  });

  it('hides small counts when not exact, and whatever would let one be worked out', () => {
    const o = bouwOverzicht([{ sleutel: 'signalen', label: 'Signalen', tellingen }], {
      ...opties,
      kernIds: [1, 2],
      exact: false,
    });
    // Four signals: every breakdown would narrow a count down, so only the total may stay.
    expect(o.perKern.map((k) => cijferTekst(k.aantallen[0]))).toEqual(['niet getoond', 'niet getoond']);
    expect(o.perKwartaal[0].map(cijferTekst)).toEqual(['niet getoond', 'niet getoond']);
    expect(cijferTekst(o.totalen[0])).toBe('minder dan 5');
  });

  it('takes an extra series (such as "aanbod ontbreekt") with one call', () => {
    const vooraf = reeksBronnen().length;
    expect(reeksBronnen().map((r) => r.label)).toEqual(['Nieuwe signalen', 'Aanbod ontbreekt']);
    registreerReeks({ sleutel: 'proef', label: 'Proefreeks', tellingen: () => [t(1, 'vervoer', '2026-12-01')] });
    try {
      const bronnen = reeksBronnen().filter((b) => b.sleutel !== 'aanbod-ontbreekt');
      const o = bouwOverzicht(
        bronnen.map((b) => ({
          ...b,
          tellingen: b.sleutel === 'proef' ? b.tellingen(undefined as never, { kernIds: [1], van: '2026-07-01' }) : tellingen,
        })),
        { ...opties, kernIds: [1], exact: true },
      );
      expect(o.reeksen.map((r) => r.label)).toEqual(['Nieuwe signalen', 'Proefreeks']);
      expect(o.perKwartaal).toEqual([exact([1, 2]), exact([0, 1])]);
    } finally {
      (reeksBronnen() as unknown[]).splice(vooraf);
    }
  });
});
