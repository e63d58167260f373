import { WEEKDAGEN, type Weekdag } from './schema.ts';

/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD") and wall-clock times in Europe/Amsterdam.
 * Dates are handled as UTC day numbers so that daylight saving never shifts a day; the time
 * zone matters only when a local date and time become an instant (JSON-LD, "is it past?").
 */

export const TIJDZONE = 'Europe/Amsterdam';
const DAG_MS = 86_400_000;

/**
 * Remembered per date: a full build asks for the same few hundred dates hundreds of thousands of
 * times (every occurrence of every activity), and parsing them each time took seconds at 20,000
 * pages. Bounded, so a long-running server cannot grow it without end.
 */
const dagNummers = new Map<string, number>();
const datums = new Map<number, string>();
const ONTHOUDEN = 20_000;

export function dagNummer(datum: string): number {
  let n = dagNummers.get(datum);
  if (n === undefined) {
    const [j, m, d] = datum.split('-').map(Number);
    n = Date.UTC(j, m - 1, d) / DAG_MS;
    if (dagNummers.size < ONTHOUDEN) dagNummers.set(datum, n);
  }
  return n;
}

export function uitDagNummer(n: number): string {
  let datum = datums.get(n);
  if (datum === undefined) {
    datum = new Date(n * DAG_MS).toISOString().slice(0, 10);
    if (datums.size < ONTHOUDEN) datums.set(n, datum);
  }
  return datum;
}

export function plusDagen(datum: string, dagen: number): string {
  return uitDagNummer(dagNummer(datum) + dagen);
}

/** 0 = Monday … 6 = Sunday, the Dutch order. */
export function weekdagIndex(datum: string): number {
  return (new Date(dagNummer(datum) * DAG_MS).getUTCDay() + 6) % 7;
}

export function weekdag(datum: string): Weekdag {
  return WEEKDAGEN[weekdagIndex(datum)];
}

/** Day number of the Monday of the week of `datum`. */
export function maandagVan(datum: string): number {
  return dagNummer(datum) - weekdagIndex(datum);
}

export function dagenInMaand(jaar: number, maand: number): number {
  return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

/** Which occurrence of its weekday in the month (1–5), and whether it is the last one. */
export function weekVanMaand(datum: string): { nummer: number; laatste: boolean } {
  const [j, m, d] = datum.split('-').map(Number);
  return { nummer: Math.floor((d - 1) / 7) + 1, laatste: d + 7 > dagenInMaand(j, m) };
}

const onderdelen = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIJDZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The local date and time in Amsterdam at a given instant. */
export function lokaal(moment: Date): { datum: string; tijd: string } {
  const p = Object.fromEntries(onderdelen.formatToParts(moment).map((x) => [x.type, x.value]));
  return { datum: `${p.year}-${p.month}-${p.day}`, tijd: `${p.hour}:${p.minute}` };
}

/** The offset of Amsterdam from UTC in minutes at an instant, asked of Intl. */
function offsetBerekend(moment: number): number {
  const { datum, tijd } = lokaal(new Date(moment));
  const [u, m] = tijd.split(':').map(Number);
  const alsUtc = dagNummer(datum) * DAG_MS + (u * 60 + m) * 60_000;
  return Math.round((alsUtc - Math.floor(moment / 60_000) * 60_000) / 60_000);
}

const UUR_MS = 3_600_000;
const offsetPerUur = new Map<number, number>();

/**
 * Offset of Amsterdam from UTC in minutes at an instant (60 in winter, 120 in summer). Intl takes
 * microseconds per call and a full build makes hundreds of thousands (every occurrence in the
 * agenda), so it is remembered per hour: the clocks change on the hour, and an hour whose start
 * and end differ (as in the 1930s, at odd minutes) is never remembered.
 */
function offsetOp(moment: number): number {
  const uur = Math.floor(moment / UUR_MS);
  const bekend = offsetPerUur.get(uur);
  if (bekend !== undefined) return bekend;
  const begin = offsetBerekend(uur * UUR_MS);
  if (begin !== offsetBerekend((uur + 1) * UUR_MS - 60_000)) return offsetBerekend(moment);
  if (offsetPerUur.size < ONTHOUDEN * 10) offsetPerUur.set(uur, begin);
  return begin;
}

/**
 * The instant of a local Amsterdam date and time. A time that does not exist (the hour skipped
 * when summer time starts) is read as the same clock time after the jump.
 */
export function naarMoment(datum: string, tijd: string): Date {
  const [u, m] = tijd.split(':').map(Number);
  const alsUtc = dagNummer(datum) * DAG_MS + (u * 60 + m) * 60_000;
  let offset = offsetOp(alsUtc - 60 * 60_000);
  const kandidaat = alsUtc - offset * 60_000;
  const echt = offsetOp(kandidaat);
  if (echt !== offset) offset = echt;
  return new Date(alsUtc - offset * 60_000);
}

/** ISO 8601 with the Amsterdam offset, e.g. "2027-03-28T10:00:00+02:00", for JSON-LD and HSDS. */
export function isoMetOffset(datum: string, tijd: string): string {
  const moment = naarMoment(datum, tijd);
  const offset = offsetOp(moment.getTime());
  const teken = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  const { datum: d, tijd: t } = lokaal(moment);
  return `${d}T${t}:00${teken}${hh}:${mm}`;
}
