import { describe, expect, it } from 'vitest';
import { afstandKm, afstandTekst, reisTekst, reistijdMinuten, sorteerOpAfstand } from './afstand.ts';

const VRIEZENVEEN = { lat: 52.4089, lon: 6.621 };
const VROOMSHOOP = { lat: 52.4605, lon: 6.566 };

describe('afstandKm', () => {
  it('measures known distances', () => {
    // Amsterdam Centraal – Utrecht Centraal: about 35 km in a straight line.
    expect(afstandKm({ lat: 52.3791, lon: 4.9003 }, { lat: 52.0894, lon: 5.1101 })).toBeCloseTo(35.1, 0);
    // One degree of latitude is about 111.2 km.
    expect(afstandKm({ lat: 52, lon: 6 }, { lat: 53, lon: 6 })).toBeCloseTo(111.2, 1);
    expect(afstandKm(VRIEZENVEEN, VRIEZENVEEN)).toBe(0);
    expect(afstandKm(VRIEZENVEEN, VROOMSHOOP)).toBeCloseTo(afstandKm(VROOMSHOOP, VRIEZENVEEN), 10);
    expect(afstandKm(VRIEZENVEEN, VROOMSHOOP)).toBeGreaterThan(6.5);
    expect(afstandKm(VRIEZENVEEN, VROOMSHOOP)).toBeLessThan(7.2);
  });
});

describe('reistijd and texts', () => {
  it('walks at 5 km/h and cycles at 15 km/h over a route a quarter longer than the straight line', () => {
    expect(reistijdMinuten(1, 5)).toBe(15);
    expect(reistijdMinuten(1, 15)).toBe(5);
    expect(reistijdMinuten(0.05, 5)).toBe(1);
    expect(reistijdMinuten(2.1, 5)).toBe(35);
  });

  it('writes distances the Dutch way', () => {
    expect(afstandTekst(0.004)).toBe('10 m');
    expect(afstandTekst(0.347)).toBe('350 m');
    expect(afstandTekst(1.234)).toBe('1,2 km');
    expect(afstandTekst(9.97)).toBe('10 km');
    expect(afstandTekst(14.4)).toBe('14 km');
  });

  it('gives walking and cycling times, and only cycling for long distances', () => {
    expect(reisTekst(1)).toBe('1,0 km, ongeveer 15 minuten lopen of 5 minuten fietsen');
    expect(reisTekst(0.3)).toBe('300 m, ongeveer 5 minuten lopen of 2 minuten fietsen');
    expect(reisTekst(4)).toBe('4,0 km, ongeveer 1 uur lopen of 20 minuten fietsen');
    expect(reisTekst(5)).toBe('5,0 km, ongeveer 1 uur en 15 minuten lopen of 25 minuten fietsen');
    expect(reisTekst(12)).toBe('12 km, ongeveer 1 uur fietsen');
  });
});

describe('sorteerOpAfstand', () => {
  const items = [
    { naam: 'Vroomshoop', plek: VROOMSHOOP },
    { naam: 'zonder plek' },
    { naam: 'Vriezenveen', plek: VRIEZENVEEN },
    { naam: 'Aadorp', plek: { lat: 52.377, lon: 6.629 } },
    { naam: 'ook zonder plek' },
    { naam: 'Vriezenveen 2', plek: VRIEZENVEEN },
  ];

  it('puts the nearest first, keeps ties in order and puts items without a place last', () => {
    const r = sorteerOpAfstand(items, (i) => i.plek, { lat: 52.41, lon: 6.622 });
    expect(r.map((x) => x.item.naam)).toEqual([
      'Vriezenveen',
      'Vriezenveen 2',
      'Aadorp',
      'Vroomshoop',
      'zonder plek',
      'ook zonder plek',
    ]);
    expect(r[0].km).toBeLessThan(0.2);
    expect(r[4].km).toBeUndefined();
  });

  it('sorts the other way round from the other end of the gemeente', () => {
    const r = sorteerOpAfstand(items, (i) => i.plek, VROOMSHOOP);
    expect(r.map((x) => x.item.naam).slice(0, 4)).toEqual(['Vroomshoop', 'Vriezenveen', 'Vriezenveen 2', 'Aadorp']);
    expect(r[0].km).toBe(0);
  });

  it('does not change the input', () => {
    const kopie = [...items];
    sorteerOpAfstand(items, (i) => i.plek, VROOMSHOOP);
    expect(items).toEqual(kopie);
  });
});
