import ICAL from 'ical.js';
import { lokaal, plusDagen } from '../rooster/kalender.ts';
import { datumTekst } from '../rooster/tekst.ts';
import { TIJDZONE, VTIMEZONE } from './ical.ts';

/**
 * Reads a partner's iCalendar feed (parsed by ical.js, never by hand) into dated events in
 * Europe/Amsterdam. Only events with a date of their own become activities; a repeating event
 * (RRULE, RDATE, or an exception to one) is skipped with a reason: a weekly club evening belongs in
 * the portal as one activity with a schedule, not as 52 separate ones.
 */

export const MAX_AFSPRAKEN = 300;
const MAX_TITEL = 120;
const MAX_OMSCHRIJVING = 2500;
const MAX_PLEK = 200;
const MAX_UID = 500;

export type Afspraak = {
  /** UID, plus RECURRENCE-ID when present: the same event on every refresh. */
  sleutel: string;
  titel: string;
  /** Plain text, trimmed; may be empty. */
  omschrijving: string;
  datum: string;
  van: string;
  tot: string;
  /** Said in words when the times do not tell it (a whole day, several days). */
  toelichting?: string;
  plek?: string;
  geannuleerd: boolean;
};

export type Overgeslagen = { titel: string; reden: string };
export type Ingelezen = { afspraken: Afspraak[]; overgeslagen: Overgeslagen[] };

/** The feed is not an iCalendar file; the message is for the partner. */
export class GeenAgenda extends Error {
  override name = 'GeenAgenda';
}

/** HTML that some calendars put in DESCRIPTION, made plain text, with its lines kept. */
export function platteTekst(tekst: string, max: number): string {
  const plat = tekst
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return plat.length > max ? `${plat.slice(0, max - 1).trimEnd()}…` : plat;
}

function leesKalender(tekst: string): ICAL.Component {
  if (!/^\s*BEGIN:VCALENDAR/i.test(tekst)) throw new GeenAgenda('dit adres geeft geen agenda (iCalendar-bestand)');
  try {
    const kalender = new ICAL.Component(ICAL.parse(tekst));
    if (kalender.name !== 'vcalendar') throw new GeenAgenda('dit adres geeft geen agenda (iCalendar-bestand)');
    return kalender;
  } catch (e) {
    if (e instanceof GeenAgenda) throw e;
    throw new GeenAgenda('de agenda op dit adres is beschadigd en kan niet gelezen worden');
  }
}

/**
 * Time zones: the feed's own VTIMEZONEs, and ours for Europe/Amsterdam when the feed only names it.
 * ical.js keeps them in one global registry, so the feed's are removed again after reading.
 */
function metTijdzones<T>(kalender: ICAL.Component, doe: () => T): T {
  const eigen = kalender.getAllSubcomponents('vtimezone').map((c) => new ICAL.Timezone(c));
  const ams = new ICAL.Timezone(
    new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...VTIMEZONE, 'END:VCALENDAR'].join('\r\n'))).getFirstSubcomponent(
      'vtimezone',
    )!,
  );
  const namen = [TIJDZONE, ...eigen.map((z) => z.tzid)];
  ICAL.TimezoneService.register(ams);
  for (const z of eigen) ICAL.TimezoneService.register(z);
  try {
    return doe();
  } finally {
    for (const naam of namen) ICAL.TimezoneService.remove(naam);
  }
}

/** Local Amsterdam date and time of an ical.js time; a floating time is read as Amsterdam time. */
function inAmsterdam(t: ICAL.Time): { datum: string; tijd: string } {
  const zwevend = t.zone === ICAL.Timezone.localTimezone || !t.zone || t.zone.tzid === 'floating';
  if (t.isDate || zwevend) {
    const p = (n: number) => String(n).padStart(2, '0');
    return { datum: `${t.year}-${p(t.month)}-${p(t.day)}`, tijd: `${p(t.hour)}:${p(t.minute)}` };
  }
  return lokaal(t.toJSDate());
}

/** Times of one event as our one-off schedule has them: one date, from and to on that day. */
function tijden(ev: ICAL.Event): Pick<Afspraak, 'datum' | 'van' | 'tot' | 'toelichting'> {
  const start = inAmsterdam(ev.startDate);
  const eindTijd = ev.endDate ?? ev.startDate;
  if (ev.startDate.isDate) {
    // DTEND of a whole-day event is the day after its last day.
    const laatste = plusDagen(inAmsterdam(eindTijd).datum, -1);
    const meer = laatste > start.datum;
    const toelichting = meer ? `De hele dag, tot en met ${datumTekst(laatste)}.` : 'De hele dag.';
    return { datum: start.datum, van: '00:00', tot: '23:59', toelichting };
  }
  const eind = inAmsterdam(eindTijd);
  if (eind.datum > start.datum) {
    return {
      datum: start.datum,
      van: start.tijd,
      tot: '23:59',
      toelichting: `Duurt tot ${datumTekst(eind.datum)}, ${eind.tijd.replace(':', '.')} uur.`,
    };
  }
  if (eind.tijd > start.tijd) return { datum: start.datum, van: start.tijd, tot: eind.tijd };
  // No end, or an end before the start: an hour, as a calendar shows it.
  const [u, m] = start.tijd.split(':').map(Number);
  const tot = u >= 23 ? '23:59' : `${String(u + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return { datum: start.datum, van: start.tijd, tot: tot > start.tijd ? tot : '23:59' };
}

function sleutelVan(ev: ICAL.Event): string {
  const rid = ev.component.getFirstPropertyValue('recurrence-id');
  return rid ? `${ev.uid}#${rid.toString()}` : ev.uid;
}

/**
 * The dated events of a feed from `vandaag` up to `totDag` (both local dates), past ones left
 * out. Throws GeenAgenda when the text is not a calendar.
 */
export function leesAgenda(tekst: string, vandaag: string, totDag: string): Ingelezen {
  const kalender = leesKalender(tekst);
  return metTijdzones(kalender, () => {
    const afspraken: Afspraak[] = [];
    const overgeslagen: Overgeslagen[] = [];
    for (const comp of kalender.getAllSubcomponents('vevent')) {
      const ev = new ICAL.Event(comp);
      const titel = platteTekst(ev.summary ?? '', MAX_TITEL) || 'Activiteit';
      if (!ev.uid || ev.uid.length > MAX_UID || !comp.hasProperty('dtstart')) {
        overgeslagen.push({ titel, reden: 'heeft geen (bruikbare) UID of begintijd' });
        continue;
      }
      if (ev.isRecurring() || ev.isRecurrenceException()) {
        overgeslagen.push({ titel, reden: 'herhaalt zich; zet dit als vaste activiteit met een rooster in het portaal' });
        continue;
      }
      const t = tijden(ev);
      if (t.datum < vandaag || t.datum > totDag) continue;
      if (afspraken.length >= MAX_AFSPRAKEN) {
        overgeslagen.push({ titel, reden: `meer dan ${MAX_AFSPRAKEN} afspraken in één agenda` });
        continue;
      }
      const plek = platteTekst(ev.location ?? '', MAX_PLEK);
      afspraken.push({
        sleutel: sleutelVan(ev),
        titel,
        omschrijving: platteTekst(ev.description ?? '', MAX_OMSCHRIJVING),
        ...t,
        ...(plek ? { plek } : {}),
        geannuleerd: String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
      });
    }
    return { afspraken, overgeslagen };
  });
}
