import { describe, expect, it } from 'vitest';
import {
  aanmeldenTekst,
  beginletter,
  euro,
  initialen,
  kostenKort,
  kostenTekst,
  sorteerOpNaam,
  telefoonHref,
} from './weergave.ts';

describe('weergave', () => {
  it('writes amounts the Dutch way', () => {
    expect(euro(250)).toBe('€ 2,50');
    expect(euro(1500)).toBe('€ 15');
    expect(euro(5)).toBe('€ 0,05');
  });

  it('says the cost, with "gratis" as its own value', () => {
    expect(kostenTekst({ soort: 'gratis' })).toBe('Gratis.');
    expect(kostenTekst({ soort: 'bedrag', bedragCent: 250, per: 'keer', toelichting: 'Koffie inbegrepen.' })).toBe(
      '€ 2,50 per keer. Koffie inbegrepen.',
    );
    expect(kostenKort({ soort: 'bedrag', bedragCent: 4500, per: 'seizoen' })).toBe('€ 45 per seizoen');
    expect(kostenKort({ soort: 'vrijwillige-bijdrage' })).toBe('Vrijwillige bijdrage');
  });

  it('says how to join', () => {
    expect(aanmeldenTekst({ soort: 'vrije-inloop' })).toBe('U kunt zo binnenlopen. Aanmelden hoeft niet.');
    expect(aanmeldenTekst({ soort: 'aanmelden', hoe: 'Bel Ellen.' })).toBe('Aanmelden is nodig. Bel Ellen.');
  });

  it('makes tel: links that work from every phone', () => {
    expect(telefoonHref('0546 012 345')).toBe('tel:+31546012345');
    expect(telefoonHref('06-12345678')).toBe('tel:+31612345678');
    expect(telefoonHref('+31 (0)546 012345'.replace('(0)', ''))).toBe('tel:+31546012345');
    expect(telefoonHref('14 0546')).toBe('tel:140546');
  });

  it('sorts and groups names as a Dutch A–Z list does', () => {
    expect(beginletter("'t Hooge Huus")).toBe('H');
    expect(beginletter('Éénzaam? Samen!')).toBe('E');
    expect(beginletter('4-daagse club')).toBe('#');
    expect(['Zonnebloem', "'t Anker", 'Ééndracht', 'bibliotheek'].sort(sorteerOpNaam)).toEqual([
      "'t Anker",
      'bibliotheek',
      'Ééndracht',
      'Zonnebloem',
    ]);
  });

  it('takes initials of first and last name', () => {
    expect(initialen('Ineke Hofman')).toBe('IH');
    expect(initialen('Gerrit van der Veen')).toBe('GV');
    expect(initialen('Fatima')).toBe('F');
  });
});
