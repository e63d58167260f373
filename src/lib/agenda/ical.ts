import type { Activiteit } from '../data/kaart.ts';
import { naarMoment, plusDagen } from '../rooster/kalender.ts';
import { feestdagen } from '../rooster/feestdagen.ts';
import { inRoosterMaand, regelValtOp, roosterMaanden } from '../rooster/keren.ts';
import type { Regel, Rooster, Weekdag } from '../rooster/schema.ts';

/**
 * iCalendar feeds (RFC 5545) of activities, for "Zet in mijn agenda". One VEVENT per schedule
 * rule: the rule as RRULE (weekly with interval and days, monthly on the nth or last weekday), a
 * season (without skipped months) as BYMONTH, a period as the first DTSTART and UNTIL, the "niet op"
 * dates and skipped public holidays as EXDATE, all
 * in Europe/Amsterdam with its VTIMEZONE, so a calendar shows the same dates as the site
 * (src/lib/rooster), summer time included. Text is escaped and lines are folded per RFC 5545.
 */

export const TIJDZONE = 'Europe/Amsterdam';

/** Europe/Amsterdam since 1996: summer time from the last Sunday of March to the last Sunday of October. */
export const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIJDZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const BYDAY: Record<Weekdag, string> = { ma: 'MO', di: 'TU', wo: 'WE', do: 'TH', vr: 'FR', za: 'SA', zo: 'SU' };

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeTekst(tekst: string): string {
  return tekst
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function vouw(regel: string): string {
  const delen: string[] = [];
  let huidig = '';
  let octetten = 0;
  for (const teken of regel) {
    const n = Buffer.byteLength(teken);
    const grens = delen.length === 0 ? 75 : 74; // a continuation line starts with a space
    if (octetten + n > grens) {
      delen.push(huidig);
      huidig = '';
      octetten = 0;
    }
    huidig += teken;
    octetten += n;
  }
  delen.push(huidig);
  return delen.join('\r\n ');
}

const lokaleTijd = (datum: string, tijd: string) => `${datum.replace(/-/g, '')}T${tijd.replace(':', '')}00`;
const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** BYMONTH: the season without the skipped months; absent when every month counts. */
function bymonth(rooster: Rooster): number[] | undefined {
  const maanden = roosterMaanden(rooster);
  return maanden.length < 12 ? maanden : undefined;
}

/** Years ahead for which skipped public holidays are listed as EXDATE (feeds are rebuilt on every publish). */
const FEESTDAG_JAREN = 3;

function feestdagenVanaf(start: string): string[] {
  const jaar = Number(start.slice(0, 4));
  return Array.from({ length: FEESTDAG_JAREN + 1 }, (_, i) => feestdagen(jaar + i).map((f) => f.datum)).flat();
}

/** Whether the rule, with season and period but without exceptions, has an occurrence on a date. */
function valtOp(rooster: Rooster, regel: Regel, datum: string): boolean {
  const { van, tot } = rooster.periode ?? {};
  return regelValtOp(regel, datum) && inRoosterMaand(rooster, datum) && (!van || datum >= van) && (!tot || datum <= tot);
}

/** The first occurrence on or after `vanaf` (within two years), for DTSTART. */
function eerste(rooster: Rooster, regel: Regel, vanaf: string): string | undefined {
  if (regel.type === 'eenmalig') return valtOp(rooster, regel, regel.datum) ? regel.datum : undefined;
  const start = rooster.periode?.van && rooster.periode.van > vanaf ? rooster.periode.van : vanaf;
  for (let i = 0; i < 800; i++) {
    const datum = plusDagen(start, i);
    if (rooster.periode?.tot && datum > rooster.periode.tot) return undefined;
    if (valtOp(rooster, regel, datum)) return datum;
  }
  return undefined;
}

function rrule(rooster: Rooster, regel: Regel): string | undefined {
  if (regel.type === 'eenmalig') return undefined;
  const delen =
    regel.type === 'wekelijks'
      ? [
          'FREQ=WEEKLY',
          ...(regel.interval > 1 ? [`INTERVAL=${regel.interval}`] : []),
          `BYDAY=${regel.dagen.map((d) => BYDAY[d]).join(',')}`,
        ]
      : ['FREQ=MONTHLY', `BYDAY=${regel.week}${BYDAY[regel.dag]}`];
  const maanden = bymonth(rooster);
  if (maanden) delen.push(`BYMONTH=${maanden.join(',')}`);
  if (rooster.periode?.tot) delen.push(`UNTIL=${utc(naarMoment(rooster.periode.tot, regel.tot))}`);
  delen.push('WKST=MO');
  return `RRULE:${delen.join(';')}`;
}

export type AgendaItem = { activiteit: Activiteit; url: string; organisatie: string; plek?: string };

export type AgendaOpties = {
  /** Name of the calendar, e.g. "Koffie-inloop (Sociale kaart Twenterand)". */
  naam: string;
  /** Host name for UIDs. */
  domein: string;
  /** Local date from which the feed starts (the build date): earlier occurrences are left out. */
  vanaf: string;
  /** Build moment, for DTSTAMP. */
  gemaakt: Date;
};

function events(item: AgendaItem, opties: AgendaOpties): string[][] {
  const { activiteit: a } = item;
  if (a.status !== 'gepubliceerd') return [];
  return a.rooster.regels.flatMap((regel, i) => {
    const start = eerste(a.rooster, regel, opties.vanaf);
    if (!start || (regel.type === 'eenmalig' && start < opties.vanaf)) return [];
    const regelRrule = rrule(a.rooster, regel);
    // "Niet op" dates and, when ticked, public holidays: the same dates the site skips.
    const nietOp = [...new Set([...a.rooster.nietOp, ...(a.rooster.nietOpFeestdagen ? feestdagenVanaf(start) : [])])];
    const uitzonderingen = regelRrule
      ? nietOp.filter((d) => d >= start && valtOp(a.rooster, regel, d)).sort()
      : nietOp.includes(start)
        ? [start]
        : [];
    if (!regelRrule && uitzonderingen.length > 0) return [];
    const omschrijving = [a.omschrijving, a.rooster.toelichting, `Door ${item.organisatie}. Meer informatie: ${item.url}`]
      .filter(Boolean)
      .join('\n\n');
    return [
      [
        'BEGIN:VEVENT',
        `UID:${a.uuid}-${i}@${opties.domein}`,
        `DTSTAMP:${utc(opties.gemaakt)}`,
        `DTSTART;TZID=${TIJDZONE}:${lokaleTijd(start, regel.van)}`,
        `DTEND;TZID=${TIJDZONE}:${lokaleTijd(start, regel.tot)}`,
        ...(regelRrule ? [regelRrule] : []),
        ...(uitzonderingen.length > 0
          ? [`EXDATE;TZID=${TIJDZONE}:${uitzonderingen.map((d) => lokaleTijd(d, regel.van)).join(',')}`]
          : []),
        `SUMMARY:${escapeTekst(a.titel)}`,
        `DESCRIPTION:${escapeTekst(omschrijving)}`,
        ...(item.plek ? [`LOCATION:${escapeTekst(item.plek)}`] : []),
        `URL:${item.url}`,
        'END:VEVENT',
      ],
    ];
  });
}

/** A complete VCALENDAR with CRLF line endings. */
export function maakAgenda(items: AgendaItem[], opties: AgendaOpties): string {
  const regels = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Sociale kaart//${escapeTekst(opties.domein)}//NL`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeTekst(opties.naam)}`,
    `X-WR-TIMEZONE:${TIJDZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
    ...VTIMEZONE,
    ...items.flatMap((item) => events(item, opties)).flat(),
    'END:VCALENDAR',
  ];
  return `${regels.map(vouw).join('\r\n')}\r\n`;
}
