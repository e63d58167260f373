import { describe, expect, it } from 'vitest';
import { type Figuur, optimum, valAan } from './aanval.ts';
import { bescherm, type Cijfer, cijferTekst, exact, GRENS } from './bescherm.ts';

/** Records as counts per atom of a grid (e.g. kern × thema × kwartaal); each dimension is a table. */
type Raster = { maten: number[]; waarden: number[] };

function coordinaten(maten: number[], index: number): number[] {
  const c: number[] = [];
  let rest = index;
  for (const m of [...maten].reverse()) {
    c.unshift(rest % m);
    rest = Math.floor(rest / m);
  }
  return c;
}

/** One table per dimension and a total: atoms per cell, and the true counts. */
function tabellenVan(r: Raster): { atomen: number[][][]; aantallen: number[][] } {
  const alle = r.waarden.map((_, i) => i);
  const atomen = [
    [alle],
    ...r.maten.map((m, d) => Array.from({ length: m }, (_, k) => alle.filter((i) => coordinaten(r.maten, i)[d] === k))),
  ];
  return { atomen, aantallen: atomen.map((t) => t.map((cel) => cel.reduce((s, i) => s + r.waarden[i], 0))) };
}

function figuren(atomen: number[][][], cijfers: Cijfer[][]): Figuur[] {
  return atomen.flatMap((t, a) => t.map((cel, b) => ({ naam: `tabel ${a} rij ${b}`, atomen: cel, cijfer: cijfers[a][b] })));
}

/** Deterministic small counts, many of them 1 to 4 (mulberry32). */
function willekeurig(zaad: number, maten: number[], max: number): Raster {
  let s = zaad;
  const volgende = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = maten.reduce((a, b) => a * b, 1);
  return { maten, waarden: Array.from({ length: n }, () => (volgende() < 0.45 ? 0 : Math.floor(volgende() * max))) };
}

describe('the attacker', () => {
  it('finds the hidden count when only small counts are hidden: total 8, Twee 6, Drie 0', () => {
    // Kern Een has 2, Twee 6, Drie 0 (one thema): total 8.
    const r: Raster = { maten: [3], waarden: [2, 6, 0] };
    const { atomen, aantallen } = tabellenVan(r);
    const alleenKlein = aantallen.map((t) =>
      t.map((aantal) => ({ aantal, toon: aantal > 0 && aantal < GRENS ? 'klein' : 'getal' }) as Cijfer),
    );
    const [een] = valAan(r.waarden.length, figuren(atomen, alleenKlein));
    expect(een).toMatchObject({ aantal: 2, min: 2, max: 2, herleid: true });
  });

  it('solves a small linear programme', () => {
    // x0 + x1 = 8, x1 ≥ 5, x0 in 1..4: x0 is at most 3.
    const b = [
      { atomen: [0, 1], min: 8, max: 8 },
      { atomen: [1], min: 5, max: Number.POSITIVE_INFINITY },
      { atomen: [0], min: 1, max: 4 },
    ];
    expect(optimum(2, b, [0], -1)).toBeCloseTo(3);
    expect(optimum(2, b, [0], 1)).toBeCloseTo(1);
    expect(optimum(2, b, [1], -1)).toBeCloseTo(7);
  });
});

describe('the rule for figures that leave the kern', () => {
  it('hides the case total 8, Twee 6, Drie 0 so that Een cannot be recovered', () => {
    const r: Raster = { maten: [3], waarden: [2, 6, 0] };
    const { atomen, aantallen } = tabellenVan(r);
    const c = bescherm(aantallen.map((t) => t.map((aantal) => ({ aantal, exact: false }))));
    // Een alone would give it away (8 − 6 − 0): the total or Twee is hidden too.
    expect(c.flat().filter((x) => x.toon !== 'getal' && x.aantal >= GRENS).length).toBeGreaterThan(0);
    expect(valAan(r.waarden.length, figuren(atomen, c)).filter((u) => u.herleid)).toEqual([]);
  });

  it('shows exact counts as they are', () => {
    expect(bescherm([[{ aantal: 3, exact: true }]])).toEqual([exact([3])]);
  });

  it('leaves a large table alone when nothing is small', () => {
    const c = bescherm([[{ aantal: 20, exact: false }], [12, 8].map((aantal) => ({ aantal, exact: false }))]);
    expect(c.flat().map(cijferTekst)).toEqual(['20', '12', '8']);
  });

  const gevallen = Array.from({ length: 40 }, (_, i) => {
    const maten = [[3, 2], [4, 3], [2, 2, 3], [5], [3, 3, 4]][i % 5];
    return { naam: `zaad ${i}, raster ${maten.join('×')}`, raster: willekeurig(i + 1, maten, i % 3 === 0 ? 5 : 9) };
  });

  it.each(gevallen)('no hidden cell can be narrowed down: $naam', ({ raster }) => {
    const { atomen, aantallen } = tabellenVan(raster);
    const c = bescherm(aantallen.map((t) => t.map((aantal) => ({ aantal, exact: false }))));
    c.flat().forEach((cel, i) => {
      if (cel.aantal > 0 && cel.aantal < GRENS) expect(cel.toon, `cel ${i}`).not.toBe('getal');
    });
    const herleid = valAan(raster.waarden.length, figuren(atomen, c), raster.waarden).filter((u) => u.herleid);
    expect(herleid).toEqual([]);
  });
});
