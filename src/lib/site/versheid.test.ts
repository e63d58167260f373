import { describe, expect, it } from 'vitest';
import { leeftijd, maandenTerug } from './versheid.ts';

const regels = { melding_na_maanden: 12, verbergen_na_maanden: 18 };
const VANDAAG = '2026-12-02';

describe('age of a listing', () => {
  it.each([
    ['2026-12-02', 0, '2026-12-02'],
    ['2026-12-02', 12, '2025-12-02'],
    ['2026-12-02', 18, '2025-06-02'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2026-01-15', 13, '2024-12-15'],
  ])('%s minus %i months is %s', (datum, n, verwacht) => {
    expect(maandenTerug(datum, n)).toBe(verwacht);
  });

  it.each([
    ['checked yesterday', '2026-12-01', 'vers'],
    ['checked eleven months ago', '2026-01-03', 'vers'],
    ['checked exactly twelve months ago', '2025-12-02', 'melding'],
    ['checked seventeen months ago', '2025-07-01', 'melding'],
    ['checked exactly eighteen months ago', '2025-06-02', 'verborgen'],
    ['checked years ago', '2019-04-01', 'verborgen'],
  ] as const)('a listing %s is %s', (_naam, datum, verwacht) => {
    expect(leeftijd(datum, VANDAAG, regels)).toBe(verwacht);
  });

  it('follows the configured months and the beheerder’s exemption', () => {
    expect(leeftijd('2026-05-01', VANDAAG, { melding_na_maanden: 6, verbergen_na_maanden: 9 })).toBe('melding');
    expect(leeftijd('2026-02-01', VANDAAG, { melding_na_maanden: 6, verbergen_na_maanden: 9 })).toBe('verborgen');
    expect(leeftijd('2019-04-01', VANDAAG, regels, true)).toBe('vers');
  });
});
