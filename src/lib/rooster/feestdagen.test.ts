import { describe, expect, it } from 'vitest';
import { feestdag, feestdagen, paaszondag } from './feestdagen.ts';

describe('Dutch public holidays', () => {
  it('finds Easter Sunday in known years, early and late ones included', () => {
    expect(paaszondag(2024)).toBe('2024-03-31');
    expect(paaszondag(2025)).toBe('2025-04-20');
    expect(paaszondag(2026)).toBe('2026-04-05');
    expect(paaszondag(2027)).toBe('2027-03-28');
    expect(paaszondag(2038)).toBe('2038-04-25');
    expect(paaszondag(2285)).toBe('2285-03-22');
  });

  it('lists the eleven holidays of 2026 with the ones counted from Easter', () => {
    expect(feestdagen(2026)).toEqual([
      { datum: '2026-01-01', naam: 'Nieuwjaarsdag' },
      { datum: '2026-04-03', naam: 'Goede Vrijdag' },
      { datum: '2026-04-05', naam: '1e Paasdag' },
      { datum: '2026-04-06', naam: '2e Paasdag' },
      { datum: '2026-04-27', naam: 'Koningsdag' },
      { datum: '2026-05-05', naam: 'Bevrijdingsdag' },
      { datum: '2026-05-14', naam: 'Hemelvaartsdag' },
      { datum: '2026-05-24', naam: '1e Pinksterdag' },
      { datum: '2026-05-25', naam: '2e Pinksterdag' },
      { datum: '2026-12-25', naam: '1e Kerstdag' },
      { datum: '2026-12-26', naam: '2e Kerstdag' },
    ]);
  });

  it("moves King's Day to Saturday when 27 April is a Sunday", () => {
    expect(feestdag('2025-04-26')).toBe('Koningsdag');
    expect(feestdag('2025-04-27')).toBeUndefined();
  });

  it('names a holiday and nothing on an ordinary day', () => {
    expect(feestdag('2026-12-25')).toBe('1e Kerstdag');
    expect(feestdag('2027-05-06')).toBe('Hemelvaartsdag');
    expect(feestdag('2026-12-24')).toBeUndefined();
  });
});
