import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GeenAgenda, leesAgenda, platteTekst } from './inlezen.ts';

/** A partner's feed read with ical.js: times in Amsterdam across both summer-time changes, whole days, cancelled and repeating events. */

const fixture = (naam: string) => readFileSync(`tests/fixtures/agenda/${naam}`, 'utf8');
const VANDAAG = '2027-01-10';
const TOT = '2028-01-10';

describe('leesAgenda', () => {
  const { afspraken, overgeslagen } = leesAgenda(fixture('agenda.ics'), VANDAAG, TOT);
  const per = Object.fromEntries(afspraken.map((a) => [a.sleutel, a]));

  it('gives local Amsterdam times before and after each summer-time change', () => {
    expect(per['voor-zomertijd']).toMatchObject({ datum: '2027-03-27', van: '10:00', tot: '12:00' });
    // 08:00 UTC is 10:00 in Amsterdam after 28 March (UTC+2) ...
    expect(per['na-zomertijd']).toMatchObject({ datum: '2027-03-29', van: '10:00', tot: '11:30' });
    // ... and 09:30 UTC is 10:30 after 31 October (UTC+1); the end follows DURATION.
    expect(per.wintertijd).toMatchObject({ datum: '2027-11-01', van: '10:30', tot: '12:30' });
  });

  it('reads a whole-day event as the whole day, said in words', () => {
    expect(per.koningsdag).toMatchObject({ datum: '2027-04-27', van: '00:00', tot: '23:59', toelichting: 'De hele dag.' });
  });

  it('marks a cancelled event, skips a repeating one with a reason and leaves out the past', () => {
    expect(per.afgelast.geannuleerd).toBe(true);
    expect(per['voor-zomertijd'].geannuleerd).toBe(false);
    expect(per['elke-week']).toBeUndefined();
    expect(overgeslagen).toEqual([{ titel: 'Koorrepetitie', reden: expect.stringContaining('herhaalt zich') }]);
    expect(per.voorbij).toBeUndefined();
  });

  it('makes HTML descriptions plain text and keeps the place', () => {
    expect(per['voor-zomertijd'].omschrijving).toBe('Neem uw kapotte spullen mee.\nWij repareren samen.');
    expect(per['voor-zomertijd'].plek).toBe('Dorpshuis De Bongerd, Vroomshoop');
    expect(per['voor-zomertijd'].titel).toBe('Repair café');
  });

  it('a time zone named but not defined in the feed, and floating times, are read as Amsterdam time', () => {
    const kal = (dtstart: string) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:x\r\n${dtstart}\r\nSUMMARY:X\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    expect(leesAgenda(kal('DTSTART;TZID=Europe/Amsterdam:20270701T193000'), VANDAAG, TOT).afspraken[0]).toMatchObject({
      van: '19:30',
      tot: '20:30',
    });
    expect(leesAgenda(kal('DTSTART:20270701T193000'), VANDAAG, TOT).afspraken[0].van).toBe('19:30');
  });

  it('refuses what is not a calendar, with a Dutch reason', () => {
    expect(() => leesAgenda('<!doctype html><title>Agenda</title>', VANDAAG, TOT)).toThrow(GeenAgenda);
    expect(() => leesAgenda('<!doctype html>', VANDAAG, TOT)).toThrow('dit adres geeft geen agenda');
    expect(() => leesAgenda('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n', VANDAAG, TOT)).toThrow('beschadigd');
  });

  it('limits long text', () => {
    expect(platteTekst('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
