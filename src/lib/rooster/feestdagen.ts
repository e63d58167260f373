import { plusDagen } from './kalender.ts';

/**
 * Dutch public holidays (the official list of the Rijksoverheid), computed for any year, so a
 * partner can tick "niet op feestdagen" once and the site, the calendar feeds and the open data
 * skip them. Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher); the holidays
 * that depend on it are counted from Easter Sunday.
 */

export type Feestdag = { datum: string; naam: string };

const twee = (n: number) => String(n).padStart(2, '0');

/** Easter Sunday of a Gregorian year, as "YYYY-MM-DD". */
export function paaszondag(jaar: number): string {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jaar}-${twee(maand)}-${twee(dag)}`;
}

/** King's Day is 27 April, or the Saturday before when the 27th is a Sunday. */
function koningsdag(jaar: number): string {
  const zondag = new Date(Date.UTC(jaar, 3, 27)).getUTCDay() === 0;
  return `${jaar}-04-${zondag ? '26' : '27'}`;
}

/** The public holidays of one year, in date order. */
export function feestdagen(jaar: number): Feestdag[] {
  const pasen = paaszondag(jaar);
  return [
    { datum: `${jaar}-01-01`, naam: 'Nieuwjaarsdag' },
    { datum: plusDagen(pasen, -2), naam: 'Goede Vrijdag' },
    { datum: pasen, naam: '1e Paasdag' },
    { datum: plusDagen(pasen, 1), naam: '2e Paasdag' },
    { datum: koningsdag(jaar), naam: 'Koningsdag' },
    { datum: `${jaar}-05-05`, naam: 'Bevrijdingsdag' },
    { datum: plusDagen(pasen, 39), naam: 'Hemelvaartsdag' },
    { datum: plusDagen(pasen, 49), naam: '1e Pinksterdag' },
    { datum: plusDagen(pasen, 50), naam: '2e Pinksterdag' },
    { datum: `${jaar}-12-25`, naam: '1e Kerstdag' },
    { datum: `${jaar}-12-26`, naam: '2e Kerstdag' },
  ].sort((x, y) => x.datum.localeCompare(y.datum));
}

const perJaar = new Map<number, Map<string, string>>();

/** The name of the holiday on a date ("1e Kerstdag"), or undefined on an ordinary day. */
export function feestdag(datum: string): string | undefined {
  const jaar = Number(datum.slice(0, 4));
  let dagen = perJaar.get(jaar);
  if (!dagen) {
    dagen = new Map(feestdagen(jaar).map((f) => [f.datum, f.naam]));
    perJaar.set(jaar, dagen);
  }
  return dagen.get(datum);
}
