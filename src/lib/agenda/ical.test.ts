import { rmSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { Activiteit } from '../data/kaart.ts';
import { demoExport } from '../opendata/hsds/testhulp.ts';
import { naarMoment, plusDagen } from '../rooster/kalender.ts';
import { volgendeKeren } from '../rooster/keren.ts';
import { roosterSchema, type RoosterInvoer } from '../rooster/schema.ts';
import { maakSiteData } from '../site/sitedata.ts';
import { feed, feedSlugs, type FeedSoort } from './feeds.ts';
import { escapeTekst, maakAgenda, vouw } from './ical.ts';

/**
 * Every feed parsed with a real iCalendar parser (ical.js), its occurrences over a year expanded
 * and compared with the site's own next dates (src/lib/rooster): dates, local times, and the
 * absolute instants across both summer-time changes of 2027 (28 March, 31 October).
 */

const NU = { datum: '2027-01-10', tijd: '00:00' };
const TOT = plusDagen(NU.datum, 365);

type Keer = string; // "uuid datum van-tot"

/** Occurrences in a feed, as local Amsterdam date and times, checked against the instant. */
function uitFeed(tekst: string): Keer[] {
  const cal = new ICAL.Component(ICAL.parse(tekst));
  const tz = cal.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(tz);
  const keren: Keer[] = [];
  const eind = ICAL.Time.fromDateTimeString(`${TOT}T23:59:59`);
  for (const ve of cal.getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(ve);
    const uuid = ev.uid.slice(0, 36);
    const voeg = (start: ICAL.Time, einde: ICAL.Time) => {
      const datum = start.toString().slice(0, 10);
      const van = start.toString().slice(11, 16);
      const tot = einde.toString().slice(11, 16);
      // The instant the calendar shows must be the Amsterdam instant of that local time.
      expect(start.toJSDate().toISOString(), `${ev.summary} ${datum}`).toBe(naarMoment(datum, van).toISOString());
      keren.push(`${uuid} ${datum} ${van}-${tot}`);
    };
    if (!ev.isRecurring()) {
      if (ev.startDate.compare(eind) <= 0) voeg(ev.startDate, ev.endDate);
      continue;
    }
    const it = ev.iterator();
    for (let t = it.next(); t && t.compare(eind) <= 0; t = it.next()) {
      const d = ev.getOccurrenceDetails(t);
      voeg(d.startDate, d.endDate);
    }
  }
  return keren.sort();
}

function uitSite(activiteiten: Activiteit[]): Keer[] {
  return activiteiten
    .filter((a) => a.status === 'gepubliceerd')
    .flatMap((a) =>
      volgendeKeren(a.rooster, NU, { aantal: 100_000, tot: TOT }).map((k) => `${a.uuid} ${k.datum} ${k.van}-${k.tot}`),
    )
    .sort();
}

describe('iCalendar feeds match the site over a year, summer time included', { timeout: 120_000 }, () => {
  const { dir, config, site } = demoExport();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const data = maakSiteData(config, site.kaart, NU);

  for (const soort of ['aanbod', 'organisaties', 'kernen'] as FeedSoort[]) {
    it(`every ${soort} feed`, () => {
      const slugs = feedSlugs(data, soort);
      expect(slugs.length).toBeGreaterThan(5);
      let keren = 0;
      for (const slug of slugs) {
        const tekst = feed(data, soort, slug)!;
        const activiteiten =
          soort === 'aanbod'
            ? [data.activiteit(slug)!]
            : soort === 'organisaties'
              ? data.activiteitenVan(slug)
              : data.activiteitenIn(slug);
        const verwacht = uitSite(activiteiten);
        expect(uitFeed(tekst), `${soort}/${slug}.ics`).toEqual(verwacht);
        keren += verwacht.length;
      }
      expect(keren).toBeGreaterThan(100);
    });
  }

  it('the demo covers what is hard: seasons, periods, exceptions, every other week, last weekday', () => {
    const roosters = site.kaart.activiteiten.map((a) => a.rooster);
    expect(roosters.some((r) => r.seizoen)).toBe(true);
    expect(roosters.some((r) => r.nietOp.length > 0)).toBe(true);
    expect(roosters.some((r) => r.regels.some((g) => g.type === 'maandelijks'))).toBe(true);
  });
});

describe('hard schedules, one by one', () => {
  const basis = { organisatie: 'o', kern: 'k', status: 'gepubliceerd', slug: 's', titel: 'T', omschrijving: 'x' };
  const gevallen: [string, RoosterInvoer][] = [
    [
      'season September to May, wrapping the new year',
      { regels: [{ type: 'wekelijks', dagen: ['di', 'do'], van: '10:00', tot: '11:30' }], seizoen: { vanMaand: 9, totMaand: 5 } },
    ],
    [
      'every other week from a given week',
      { regels: [{ type: 'wekelijks', dagen: ['wo'], interval: 2, vanafWeek: '2027-01-20', van: '19:00', tot: '21:00' }] },
    ],
    [
      'every third week, two days',
      { regels: [{ type: 'wekelijks', dagen: ['ma', 'vr'], interval: 3, vanafWeek: '2026-12-28', van: '09:00', tot: '10:00' }] },
    ],
    [
      'last Friday of the month, with exceptions',
      {
        regels: [{ type: 'maandelijks', week: -1, dag: 'vr', van: '14:00', tot: '16:00' }],
        nietOp: ['2027-03-26', '2027-10-29', '2027-06-01'],
      },
    ],
    [
      'first Sunday on the summer-time change',
      { regels: [{ type: 'maandelijks', week: 4, dag: 'zo', van: '03:30', tot: '05:00' }] },
    ],
    [
      'a period that starts later and ends',
      {
        regels: [{ type: 'wekelijks', dagen: ['za'], van: '10:00', tot: '12:00' }],
        periode: { van: '2027-03-01', tot: '2027-11-06' },
        nietOp: ['2027-03-06'],
      },
    ],
    [
      'a period and a season together',
      {
        regels: [{ type: 'maandelijks', week: 2, dag: 'di', van: '19:30', tot: '21:00' }],
        seizoen: { vanMaand: 10, totMaand: 3 },
        periode: { tot: '2027-12-31' },
      },
    ],
    [
      'not in July and August, within a season (issue 14)',
      {
        regels: [{ type: 'wekelijks', dagen: ['ma', 'do'], van: '14:00', tot: '16:00' }],
        seizoen: { vanMaand: 3, totMaand: 10 },
        nietInMaanden: [7, 8],
      },
    ],
    [
      'not on public holidays: Easter Monday, Ascension, Whit Monday, Christmas (issue 14)',
      {
        regels: [
          { type: 'wekelijks', dagen: ['ma', 'do'], van: '10:00', tot: '11:00' },
          { type: 'maandelijks', week: -1, dag: 'za', van: '09:00', tot: '12:00' },
          { type: 'eenmalig', datum: '2027-12-25', van: '15:00', tot: '17:00' },
          { type: 'eenmalig', datum: '2027-12-24', van: '15:00', tot: '17:00' },
        ],
        nietOpFeestdagen: true,
        nietOp: ['2027-02-01'],
      },
    ],
    [
      'single dates, one cancelled',
      {
        regels: [
          { type: 'eenmalig', datum: '2027-03-28', van: '10:00', tot: '12:00' },
          { type: 'eenmalig', datum: '2027-10-31', van: '10:00', tot: '12:00' },
          { type: 'eenmalig', datum: '2027-05-01', van: '10:00', tot: '11:00' },
        ],
        nietOp: ['2027-05-01'],
      },
    ],
  ];
  for (const [naam, invoer] of gevallen) {
    it(naam, () => {
      const rooster = roosterSchema.parse(invoer);
      const a = { ...basis, id: 1, uuid: '12345678-1234-4234-8234-123456789012', rooster } as unknown as Activiteit;
      const tekst = maakAgenda([{ activiteit: a, url: 'https://x.example/aanbod/s/', organisatie: 'O' }], {
        naam: 'T',
        domein: 'x.example',
        vanaf: NU.datum,
        gemaakt: new Date('2027-01-10T00:00:00Z'),
      });
      const verwacht = uitSite([a]);
      expect(verwacht.length).toBeGreaterThan(0);
      expect(uitFeed(tekst)).toEqual(verwacht);
    });
  }
});

describe('RFC 5545 text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeTekst('Koffie, thee; en\\of\r\nkoek')).toBe('Koffie\\, thee\\; en\\\\of\\nkoek');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the same line', () => {
    const regel = `DESCRIPTION:${'Café één twee drie. '.repeat(20)}`;
    const gevouwen = vouw(regel);
    for (const deel of gevouwen.split('\r\n')) expect(Buffer.byteLength(deel)).toBeLessThanOrEqual(75);
    expect(gevouwen.replace(/\r\n /g, '')).toBe(regel);
    expect(vouw('KORT:ja')).toBe('KORT:ja');
  });

  it('a feed with a long Dutch text parses back to the same text', () => {
    const omschrijving = 'Samen koffie drinken, praten; en soms een spel.\nIedereen is welkom: jong én oud. '.repeat(5);
    const a = {
      id: 1,
      uuid: '12345678-1234-4234-8234-123456789012',
      slug: 's',
      titel: 'Koffie, thee & meer',
      omschrijving,
      organisatie: 'o',
      kern: 'k',
      status: 'gepubliceerd',
      rooster: roosterSchema.parse({ regels: [{ type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '11:00' }] }),
    } as unknown as Activiteit;
    const tekst = maakAgenda([{ activiteit: a, url: 'https://x.example/aanbod/s/', organisatie: 'Stichting; Samen' }], {
      naam: 'T',
      domein: 'x.example',
      vanaf: NU.datum,
      gemaakt: new Date('2027-01-10T00:00:00Z'),
    });
    expect(tekst.split('\r\n').every((r) => Buffer.byteLength(r) <= 75)).toBe(true);
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(tekst)).getFirstSubcomponent('vevent')!);
    expect(ev.summary).toBe('Koffie, thee & meer');
    expect(ev.description).toContain(omschrijving);
    expect(ev.description).toContain('Door Stichting; Samen.');
  });
});
