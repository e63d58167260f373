import { describe, expect, it } from 'vitest';
import { afstand, normaliseer, woorden } from './tekst.ts';

describe('woorden', () => {
  it('folds case and accents and splits on everything else', () => {
    expect(woorden("Cliëntondersteuning in 't Hoogspel, Alzheimer Café!")).toEqual([
      'clientondersteuning',
      'in',
      't',
      'hoogspel',
      'alzheimer',
      'cafe',
    ]);
    expect(woorden('Koffie-inloop 55+')).toEqual(['koffie', 'inloop', '55']);
    expect(normaliseer('Ééntje')).toBe('eentje');
  });
});

describe('afstand', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one', () => {
    expect(afstand('koffie', 'koffie')).toBe(0);
    expect(afstand('kofie', 'koffie')).toBe(1);
    expect(afstand('mantelzorgkafe', 'mantelzorgcafe')).toBe(1);
    expect(afstand('voetbaltrainig', 'voetbaltraining')).toBe(1);
    expect(afstand('eenzaamhijd', 'eenzaamheid')).toBe(2);
    expect(afstand('shculden', 'schulden')).toBe(1);
  });

  it('stops early above the maximum', () => {
    expect(afstand('bingo', 'voetbal', 2)).toBe(3);
    expect(afstand('a', 'abcdef', 1)).toBe(2);
  });
});
