import { describe, expect, it } from 'vitest';
import { gelijk, gewijzigdeVelden, pasKeuzesToe, voegSamen } from './samenvoegen.ts';

const basis = { titel: 'Bridge', omschrijving: 'Elke week bridge.', kosten: { soort: 'gratis' }, themas: ['a', 'b'] };

describe('three-way merge', () => {
  it('keeps the price Gerda changed and the description Henk changed, without a conflict', () => {
    const gerda = { ...basis, kosten: { soort: 'bedrag', bedrag: 300, per: 'keer' } };
    const henk = { ...basis, omschrijving: 'Elke dinsdag bridge in het dorpshuis.' };
    const r = voegSamen(basis, henk, gerda);
    expect(r.conflicten).toEqual([]);
    expect(r.data).toEqual({ ...basis, kosten: gerda.kosten, omschrijving: henk.omschrijving });
    expect(r.vanHun).toEqual(['kosten']);
  });

  it('reports only a field both changed differently as a conflict, keeping mine until I choose', () => {
    const hun = { ...basis, kosten: { soort: 'bedrag', bedrag: 300 }, titel: 'Bridgeclub' };
    const mijn = { ...basis, kosten: { soort: 'bedrag', bedrag: 250 }, titel: 'Bridgeclub' };
    const r = voegSamen(basis, mijn, hun);
    expect(r.conflicten).toEqual([{ veld: 'kosten', mijn: mijn.kosten, hun: hun.kosten }]);
    expect(r.data.kosten).toEqual(mijn.kosten);
    expect(pasKeuzesToe(r.data, hun, { kosten: 'hun' }).kosten).toEqual(hun.kosten);
    expect(pasKeuzesToe(r.data, hun, { kosten: 'mijn' }).kosten).toEqual(mijn.kosten);
  });

  it('does not see a new order of themas as a change', () => {
    expect(gelijk(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(voegSamen(basis, { ...basis, themas: ['b', 'a'] }, { ...basis, themas: ['a', 'b', 'c'] }).data.themas).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('a field removed by the other person stays removed; without a basis every difference is a conflict', () => {
    const hun = { titel: 'Bridge', omschrijving: 'Elke week bridge.', themas: ['a', 'b'] };
    expect(voegSamen(basis, basis, hun).data).toEqual(hun);
    expect(voegSamen(undefined, { ...basis, titel: 'X' }, hun).conflicten.map((c) => c.veld)).toEqual(['titel', 'kosten']);
  });

  it('never counts the automatic check date as a change or a conflict', () => {
    const r = voegSamen(
      { ...basis, gecontroleerdOp: '2026-01-01' },
      { ...basis, gecontroleerdOp: '2026-12-02' },
      {
        ...basis,
        gecontroleerdOp: '2026-11-01',
      },
    );
    expect(r.conflicten).toEqual([]);
    expect(gewijzigdeVelden({ ...basis, gecontroleerdOp: 'x' }, { ...basis, titel: 'Y', gecontroleerdOp: 'y' })).toEqual([
      'titel',
    ]);
  });
});

/** A small seeded generator: the same cases every run, and a failure names its seed. */
function willekeur(zaad: number) {
  let s = zaad >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('merge property: a field changed by exactly one side always keeps that side’s value', () => {
  const VELDEN = ['titel', 'omschrijving', 'kosten', 'themas', 'kern', 'contact', 'rooster'];
  const waarde = (r: () => number, veld: string): unknown => {
    const n = Math.floor(r() * 4);
    if (veld === 'themas') return ['a', 'b', 'c', 'd'].filter(() => r() < 0.5);
    if (veld === 'kosten' || veld === 'contact') return n === 0 ? undefined : { soort: `s${n}`, bedrag: Math.floor(r() * 3) };
    return `${veld}-${n}`;
  };
  it('holds for 2000 random pairs of edits', () => {
    const fouten: string[] = [];
    for (let zaad = 1; zaad <= 2000; zaad++) {
      const r = willekeur(zaad);
      const basis: Record<string, unknown> = {};
      for (const v of VELDEN) if (r() < 0.9) basis[v] = waarde(r, v);
      const mijn = { ...basis };
      const hun = { ...basis };
      for (const v of VELDEN) {
        if (r() < 0.3) mijn[v] = waarde(r, v);
        if (r() < 0.3) hun[v] = waarde(r, v);
      }
      const s = voegSamen(basis, mijn, hun);
      for (const v of VELDEN) {
        const ikAnders = !gelijk(basis[v], mijn[v]);
        const zijAnders = !gelijk(basis[v], hun[v]);
        const conflict = s.conflicten.some((c) => c.veld === v);
        if (ikAnders && !zijAnders && !gelijk(s.data[v], mijn[v])) fouten.push(`zaad ${zaad}, ${v}: mijn waarde kwijt`);
        if (zijAnders && !ikAnders && !gelijk(s.data[v], hun[v])) fouten.push(`zaad ${zaad}, ${v}: hun waarde kwijt`);
        if (conflict !== (ikAnders && zijAnders && !gelijk(mijn[v], hun[v])))
          fouten.push(`zaad ${zaad}, ${v}: conflict klopt niet`);
        if (!ikAnders && !zijAnders && !gelijk(s.data[v], basis[v])) fouten.push(`zaad ${zaad}, ${v}: onaangeroerd veranderd`);
      }
    }
    expect(fouten).toEqual([]);
  });
});
