import type { RoosterInvoer, Weekdag } from '../rooster/schema.ts';
import { WEEKDAGEN } from '../rooster/schema.ts';
import type { Toeval } from './prng.ts';
import type { RoosterRecept } from './bouwstenen.ts';

/*
 * Turns a schedule recipe from the YAML into a real rooster. All dates are placed relative to
 * the reference date, and every random draw happens before (and independently of) any date
 * arithmetic: so another reference date moves the dates but never changes a day, time or text.
 */

const DAG = 86_400_000;

export function datumNaarDag(datum: string): number {
  const [j, m, d] = datum.split('-').map(Number);
  return Math.round(Date.UTC(j, m - 1, d) / DAG);
}

export function dagNaarDatum(dag: number): string {
  return new Date(dag * DAG).toISOString().slice(0, 10);
}

export function plusDagen(datum: string, n: number): string {
  return dagNaarDatum(datumNaarDag(datum) + n);
}

/** 0 = Monday, as in WEEKDAGEN. */
function weekdagIndex(dag: number): number {
  return (new Date(dag * DAG).getUTCDay() + 6) % 7;
}

/** The first day on or after `dag` that falls on `weekdag`. */
function eerstVolgende(dag: number, weekdag: Weekdag): number {
  const doel = WEEKDAGEN.indexOf(weekdag);
  return dag + ((doel - weekdagIndex(dag) + 7) % 7);
}

type Regel = NonNullable<RoosterInvoer['regels']>[number];

function maandVan(dag: number): number {
  return new Date(dag * DAG).getUTCMonth() + 1;
}

function inSeizoen(dag: number, seizoen?: { vanMaand: number; totMaand: number }): boolean {
  if (!seizoen) return true;
  const m = maandVan(dag);
  const { vanMaand: van, totMaand: tot } = seizoen;
  return van <= tot ? m >= van && m <= tot : m >= van || m <= tot;
}

/** Does the rule happen on this day? Only used to pick a believable `nietOp` date. */
function valtOp(regel: Regel, dag: number): boolean {
  const wd = WEEKDAGEN[weekdagIndex(dag)];
  if (regel.type === 'eenmalig') return datumNaarDag(regel.datum) === dag;
  if (regel.type === 'maandelijks') {
    if (regel.dag !== wd) return false;
    const d = new Date(dag * DAG);
    const dagInMaand = d.getUTCDate();
    const dagenInMaand = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return regel.week === -1 ? dagInMaand + 7 > dagenInMaand : Math.ceil(dagInMaand / 7) === regel.week;
  }
  if (!regel.dagen.includes(wd)) return false;
  const interval = regel.interval ?? 1;
  if (interval === 1 || !regel.vanafWeek) return true;
  const maandag = (x: number) => x - weekdagIndex(x);
  const weken = Math.round((maandag(dag) - maandag(datumNaarDag(regel.vanafWeek))) / 7);
  return ((weken % interval) + interval) % interval === 0;
}

function volgendeKeer(regel: Regel, vanaf: number, seizoen?: { vanMaand: number; totMaand: number }): number | undefined {
  for (let dag = vanaf; dag < vanaf + 400; dag++) {
    if (inSeizoen(dag, seizoen) && valtOp(regel, dag)) return dag;
  }
  return undefined;
}

function tijdvak(tijd: string): { van: string; tot: string } {
  const [van, tot] = tijd.split('-');
  return { van, tot };
}

export interface GebouwdRooster {
  rooster: RoosterInvoer;
  /** The days it happens on, for texts such as "elke dinsdag". */
  dagen: Weekdag[];
}

/** Chance of one cancelled date when the recipe does not say. */
const NIET_OP_KANS = 0.1;

export function bouwRooster(recept: RoosterRecept, referentieDatum: string, toeval: Toeval): GebouwdRooster {
  // Draw everything first; see the comment at the top of this file.
  const dagen = recept.dagen ?? [toeval.kies(recept.dag ?? ['di'])];
  const { van, tot } = tijdvak(toeval.kies(recept.tijd ?? ['09:30-11:30']));
  const week = toeval.kies<NonNullable<RoosterRecept['week']>[number]>(recept.week ?? [1]);
  const [overMin, overMax] =
    recept.over ?? (recept.soort === 'om-de-week' || recept.soort === 'om-de-drie-weken' ? [0, 20] : [10, 120]);
  const over = toeval.tussen(overMin, overMax);
  const [aantalMin, aantalMax] = recept.aantal ?? [4, 8];
  const aantal = toeval.tussen(aantalMin, aantalMax);
  const reeksStap = toeval.kies([7, 7, 14]);
  const nietOp =
    recept.soort !== 'eenmalig' &&
    recept.soort !== 'reeks' &&
    recept.soort !== 'op-afspraak' &&
    toeval.kans(recept.nietOp ?? NIET_OP_KANS);
  const nietOpOver = toeval.tussen(14, 70);

  const ref = datumNaarDag(referentieDatum);
  const seizoen = recept.seizoen ? { vanMaand: recept.seizoen[0], totMaand: recept.seizoen[1] } : undefined;
  const rooster: RoosterInvoer = { regels: [] };
  const eerste = eerstVolgende(ref + over, dagen[0]);

  switch (recept.soort) {
    case 'wekelijks':
    case 'cursus':
      rooster.regels = [{ type: 'wekelijks', dagen, interval: 1, van, tot }];
      break;
    case 'om-de-week':
    case 'om-de-drie-weken':
      rooster.regels = [
        {
          type: 'wekelijks',
          dagen,
          interval: recept.soort === 'om-de-week' ? 2 : 3,
          vanafWeek: dagNaarDatum(eerste),
          van,
          tot,
        },
      ];
      break;
    case 'maandelijks':
      rooster.regels = [{ type: 'maandelijks', week, dag: dagen[0], van, tot }];
      break;
    case 'eenmalig': {
      let dag = eerste;
      if (recept.maand) {
        // E.g. a Christmas market: the first such month after the reference date.
        const d = new Date((ref + 10) * DAG);
        let jaar = d.getUTCFullYear();
        if (d.getUTCMonth() + 1 > recept.maand) jaar++;
        const begin = Math.round(Date.UTC(jaar, recept.maand - 1, 1) / DAG);
        dag = eerstVolgende(Math.max(begin, ref + 10) + (over % 21), dagen[0]);
      }
      rooster.regels = [{ type: 'eenmalig', datum: dagNaarDatum(dag), van, tot }];
      break;
    }
    case 'reeks':
      rooster.regels = Array.from({ length: aantal }, (_, i) => ({
        type: 'eenmalig' as const,
        datum: dagNaarDatum(eerste + i * reeksStap),
        van,
        tot,
      }));
      break;
    case 'op-afspraak':
      rooster.opAfspraak = true;
      break;
  }

  if (recept.soort === 'cursus') {
    rooster.periode = { van: dagNaarDatum(eerste), tot: dagNaarDatum(eerste + (aantal - 1) * 7 + (dagen.length > 1 ? 6 : 0)) };
  } else if (recept.vanaf) {
    rooster.periode = { van: dagNaarDatum(eerste) };
  }
  if (recept.opAfspraak) rooster.opAfspraak = true;
  if (seizoen) rooster.seizoen = seizoen;
  if (recept.toelichting) rooster.toelichting = recept.toelichting;

  const regel = rooster.regels?.[0];
  if (nietOp && regel) {
    const start = Math.max(ref + nietOpOver, rooster.periode?.van ? datumNaarDag(rooster.periode.van) + 7 : 0);
    const dag = volgendeKeer(regel, start, seizoen);
    const einde = rooster.periode?.tot ? datumNaarDag(rooster.periode.tot) : Infinity;
    // A course may be over before the cancelled date; then its first lesson is moved instead.
    if (dag !== undefined) rooster.nietOp = [dagNaarDatum(dag <= einde ? dag : eerste + 7)];
  }
  return { rooster, dagen };
}

const DAGNAMEN: Record<Weekdag, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};

/** "dinsdag" or "maandag en donderdag". */
export function dagenInWoorden(dagen: readonly Weekdag[]): string {
  const namen = dagen.map((d) => DAGNAMEN[d]);
  return namen.length === 1 ? namen[0] : `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}`;
}
