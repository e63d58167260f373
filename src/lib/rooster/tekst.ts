import { feestdag } from './feestdagen.ts';
import { lokaal, weekdagIndex } from './kalender.ts';
import type { Keer } from './keren.ts';
import { MAANDEN, type Regel, type Rooster, type Weekdag } from './schema.ts';

/** Schedules as people say them: "Elke dinsdag, 10.00–12.00 uur". */

export const DAGNAMEN: Record<Weekdag, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};
const DAG_VOLGORDE = Object.keys(DAGNAMEN) as Weekdag[];

const RANGTELWOORD: Record<number, string> = { 1: 'eerste', 2: 'tweede', 3: 'derde', 4: 'vierde', [-1]: 'laatste' };
const TELWOORD: Record<number, string> = { 3: 'drie', 4: 'vier' };

export function hoofdletter(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a", "a en b", "a, b en c". */
export function opsomming(delen: string[]): string {
  if (delen.length <= 1) return delen.join('');
  return `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}

/** "09:30" → "9.30", as Dutch writes clock times. */
export function tijdTekst(tijd: string): string {
  const [u, m] = tijd.split(':');
  return `${Number(u)}.${m}`;
}

export function tijdvakTekst(van: string, tot: string): string {
  return `${tijdTekst(van)}–${tijdTekst(tot)} uur`;
}

/** "12 december 2026"; with `metDag` "zaterdag 12 december 2026"; `zonderJaar` drops the year. */
export function datumTekst(datum: string, opties: { metDag?: boolean; zonderJaar?: boolean } = {}): string {
  const [j, m, d] = datum.split('-').map(Number);
  const dag = opties.metDag ? `${DAGNAMEN[DAG_VOLGORDE[weekdagIndex(datum)]]} ` : '';
  return `${dag}${d} ${MAANDEN[m - 1]}${opties.zonderJaar ? '' : ` ${j}`}`;
}

/**
 * A moment as the portal shows it, in Dutch local time: "3 december 2026 om 14.05 uur" (times as on the public site). The one
 * helper for every time shown (logboek, publicaties, history, reviews), so none shows UTC.
 */
export function momentTekst(moment: string | Date): string {
  const l = lokaal(new Date(moment));
  return `${datumTekst(l.datum)} om ${tijdTekst(l.tijd)} uur`;
}

function dagenTekst(dagen: Weekdag[]): string {
  return opsomming([...dagen].sort((a, b) => DAG_VOLGORDE.indexOf(a) - DAG_VOLGORDE.indexOf(b)).map((d) => DAGNAMEN[d]));
}

export function regelTekst(regel: Regel): string {
  const tijd = tijdvakTekst(regel.van, regel.tot);
  switch (regel.type) {
    case 'wekelijks': {
      const dagen = dagenTekst(regel.dagen);
      if (regel.interval === 1) return `Elke ${dagen}, ${tijd}`;
      if (regel.interval === 2) return `Om de week op ${dagen}, ${tijd}`;
      return `Eens in de ${TELWOORD[regel.interval]} weken op ${dagen}, ${tijd}`;
    }
    case 'maandelijks':
      return `Elke ${RANGTELWOORD[regel.week]} ${DAGNAMEN[regel.dag]} van de maand, ${tijd}`;
    case 'eenmalig':
      return `${hoofdletter(datumTekst(regel.datum, { metDag: true }))}, ${tijd}`;
  }
}

function seizoenTekst(seizoen: NonNullable<Rooster['seizoen']>): string {
  const van = MAANDEN[seizoen.vanMaand - 1];
  const tot = MAANDEN[seizoen.totMaand - 1];
  return seizoen.vanMaand === seizoen.totMaand ? `Alleen in ${van}.` : `Van ${van} tot en met ${tot}.`;
}

function periodeTekst(periode: NonNullable<Rooster['periode']>): string | undefined {
  if (periode.van && periode.tot) return `Van ${datumTekst(periode.van)} tot en met ${datumTekst(periode.tot)}.`;
  if (periode.van) return `Vanaf ${datumTekst(periode.van)}.`;
  if (periode.tot) return `Tot en met ${datumTekst(periode.tot)}.`;
  return undefined;
}

function nietInMaandenTekst(maanden: number[]): string {
  return `Niet in ${opsomming([...maanden].sort((a, b) => a - b).map((m) => MAANDEN[m - 1]))}.`;
}

/** When in the year: season, skipped months, period and holidays, each as a short sentence. */
function wanneerInHetJaar(rooster: Rooster): string[] {
  return [
    rooster.seizoen ? seizoenTekst(rooster.seizoen) : undefined,
    rooster.nietInMaanden?.length ? nietInMaandenTekst(rooster.nietInMaanden) : undefined,
    rooster.periode ? periodeTekst(rooster.periode) : undefined,
    rooster.nietOpFeestdagen ? 'Niet op feestdagen.' : undefined,
  ].filter((s): s is string => s !== undefined);
}

/**
 * The schedule as short lines: first the rules, then season, period, exceptions, remarks.
 * Single dates of a series are listed in date order.
 */
export function roosterTekst(rooster: Rooster): string[] {
  const regels = [...rooster.regels].sort((a, b) =>
    a.type === 'eenmalig' && b.type === 'eenmalig' ? a.datum.localeCompare(b.datum) : 0,
  );
  const regelsTekst = regels.map(regelTekst);
  const extra = [
    rooster.opAfspraak ? 'Op afspraak.' : undefined,
    ...wanneerInHetJaar(rooster),
    rooster.nietOp.length > 0 ? `Niet op ${opsomming([...rooster.nietOp].sort().map((d) => datumTekst(d)))}.` : undefined,
    rooster.toelichting?.trim() || undefined,
  ].filter((s): s is string => s !== undefined);
  return [...regelsTekst, ...extra];
}

/**
 * One line for lists, search results and print: the first rule (or "Op afspraak.") with when in
 * the year it applies, so "mei t/m september" is never only on the detail page.
 */
export function roosterSamenvatting(rooster: Rooster): string {
  const [eerste] = roosterTekst(rooster);
  const jaar = wanneerInHetJaar(rooster).filter((s) => s !== eerste);
  if (!eerste || jaar.length === 0) return [eerste, ...jaar].filter(Boolean).join(' ');
  return [eerste.endsWith('.') ? eerste : `${eerste}.`, ...jaar].join(' ');
}

/**
 * "Dinsdag 24 november" (the year only when it is not `huidigJaar`); a public holiday is named:
 * "Vrijdag 25 december (1e Kerstdag)". For next-date lists and the kern agenda alike.
 */
export function dagTekst(datum: string, huidigJaar?: string): string {
  const zonderJaar = huidigJaar !== undefined && datum.startsWith(huidigJaar);
  const naam = feestdag(datum);
  return `${hoofdletter(datumTekst(datum, { metDag: true, zonderJaar }))}${naam ? ` (${naam})` : ''}`;
}

/** "Dinsdag 24 november, 10.00–12.00 uur" (the year only when it is not this year). */
export function keerTekst(keer: Keer, huidigJaar?: string): string {
  return `${dagTekst(keer.datum, huidigJaar)}, ${tijdvakTekst(keer.van, keer.tot)}`;
}
