import { describe, expect, it } from 'vitest';
import { datumUitTekst } from './datum.ts';

describe('datumUitTekst, the one date parser of the portal', () => {
  it.each([
    ['24-12-2026', '2026-12-24'],
    ['24/12/2026', '2026-12-24'],
    ['24 december 2026', '2026-12-24'],
    ['24 December 2026', '2026-12-24'],
    ['1 mei 2027', '2027-05-01'],
    ['3 dec. 2026', '2026-12-03'],
    ['7 mrt 2027', '2027-03-07'],
    ['2026-12-24', '2026-12-24'],
    ['24 de 2026', '24 de 2026'],
  ])('reads %j as %s', (tekst, iso) => {
    expect(datumUitTekst(tekst)).toBe(iso);
  });
});
