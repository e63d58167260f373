import { describe, expect, it } from 'vitest';
import {
  bouwOverzicht,
  kwartaalLabel,
  kwartaalVan,
  laatsteKwartalen,
  registreerReeks,
  reeksBronnen,
  toonAantal,
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

describe('small-number rule', () => {
  it('shows 1 to 4 as "minder dan 5" where counts are not exact, and 0 and 5 as they are', () => {
    expect([0, 1, 4, 5, 12].map((n) => toonAantal(n, false))).toEqual(['0', 'minder dan 5', 'minder dan 5', '5', '12']);
    expect(toonAantal(3, true)).toBe('3');
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
    expect(o.perKwartaal).toEqual([[1, 2]]);
    expect(o.perThema).toEqual([
      { thema: 'ontmoeting', aantallen: [2] },
      { thema: null, aantallen: [1] },
    ]);
    expect(o.totalen).toEqual([3]);
  });

  it('leaves totals out when counts are not exact, so a hidden count cannot be subtracted', () => {
    const o = bouwOverzicht([{ sleutel: 'signalen', label: 'Signalen', tellingen }], {
      ...opties,
      kernIds: [1, 2],
      exact: false,
    });
    expect(o.totalen).toBeUndefined();
    expect(o.perKern).toEqual([
      { kernId: 1, aantallen: [3] },
      { kernId: 2, aantallen: [1] },
    ]);
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
      expect(o.perKwartaal).toEqual([
        [1, 2],
        [0, 1],
      ]);
    } finally {
      (reeksBronnen() as unknown[]).splice(vooraf);
    }
  });
});
