import { feestdag } from './feestdagen.ts';
import { dagNummer, maandagVan, plusDagen, weekdag, weekVanMaand } from './kalender.ts';
import type { Regel, Rooster } from './schema.ts';

/** One occurrence of an activity: a local date with local start and end time. */
export type Keer = { datum: string; van: string; tot: string };

/** Whether a rule has an occurrence on a date (ignoring season, period and exceptions). */
export function regelValtOp(regel: Regel, datum: string): boolean {
  switch (regel.type) {
    case 'eenmalig':
      return regel.datum === datum;
    case 'wekelijks': {
      if (!regel.dagen.includes(weekdag(datum))) return false;
      if (regel.interval === 1 || !regel.vanafWeek) return true;
      const weken = Math.round((maandagVan(datum) - maandagVan(regel.vanafWeek)) / 7);
      return ((weken % regel.interval) + regel.interval) % regel.interval === 0;
    }
    case 'maandelijks': {
      if (weekdag(datum) !== regel.dag) return false;
      const { nummer, laatste } = weekVanMaand(datum);
      return regel.week === -1 ? laatste : nummer === regel.week;
    }
  }
}

/** Months vanMaand..totMaand inclusive; September to May wraps around the new year. */
export function inSeizoen(seizoen: Rooster['seizoen'], datum: string): boolean {
  if (!seizoen) return true;
  const maand = Number(datum.slice(5, 7));
  const { vanMaand, totMaand } = seizoen;
  return vanMaand <= totMaand ? maand >= vanMaand && maand <= totMaand : maand >= vanMaand || maand <= totMaand;
}

/** The months (1–12) the rooster can take place in: its season without the skipped months. */
export function roosterMaanden(rooster: Pick<Rooster, 'seizoen' | 'nietInMaanden'>): number[] {
  const maanden = Array.from({ length: 12 }, (_, i) => i + 1);
  return maanden.filter(
    (m) => inSeizoen(rooster.seizoen, `2000-${String(m).padStart(2, '0')}-01`) && !rooster.nietInMaanden?.includes(m),
  );
}

/** Season and skipped months: whether the month of a date is one the rooster takes place in. */
export function inRoosterMaand(rooster: Pick<Rooster, 'seizoen' | 'nietInMaanden'>, datum: string): boolean {
  return inSeizoen(rooster.seizoen, datum) && !rooster.nietInMaanden?.includes(Number(datum.slice(5, 7)));
}

/** A date the rooster skips on purpose: a "niet op" date, or a public holiday when ticked. */
export function overgeslagen(rooster: Pick<Rooster, 'nietOp' | 'nietOpFeestdagen'>, datum: string): boolean {
  return rooster.nietOp.includes(datum) || (rooster.nietOpFeestdagen === true && feestdag(datum) !== undefined);
}

function binnenPeriode(rooster: Rooster, datum: string): boolean {
  const { van, tot } = rooster.periode ?? {};
  return (!van || datum >= van) && (!tot || datum <= tot);
}

/** All occurrences on one date, in order of start time. */
export function kerenOp(rooster: Rooster, datum: string): Keer[] {
  if (!binnenPeriode(rooster, datum) || !inRoosterMaand(rooster, datum) || overgeslagen(rooster, datum)) {
    return [];
  }
  return rooster.regels
    .filter((r) => regelValtOp(r, datum))
    .map((r) => ({ datum, van: r.van, tot: r.tot }))
    .sort((a, b) => a.van.localeCompare(b.van));
}

/** The last date on which the rooster can still have an occurrence, if it ends at all. */
export function laatsteMogelijkeDatum(rooster: Rooster): string | undefined {
  const eenmalig = rooster.regels.every((r) => r.type === 'eenmalig');
  const kandidaten: string[] = [];
  if (rooster.periode?.tot) kandidaten.push(rooster.periode.tot);
  if (eenmalig && rooster.regels.length > 0) {
    kandidaten.push(
      rooster.regels
        .map((r) => (r as { datum: string }).datum)
        .sort()
        .at(-1)!,
    );
  }
  return kandidaten.sort()[0];
}

/**
 * Occurrences from `nu` on, at most `aantal`, looking at most `horizonDagen` ahead. An occurrence
 * today still counts while it has not ended.
 */
export function volgendeKeren(
  rooster: Rooster,
  nu: { datum: string; tijd: string },
  opties: { aantal?: number; horizonDagen?: number; tot?: string } = {},
): Keer[] {
  const aantal = opties.aantal ?? 5;
  const eind = [opties.tot ?? plusDagen(nu.datum, opties.horizonDagen ?? 400), laatsteMogelijkeDatum(rooster)]
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  const keren: Keer[] = [];
  if (rooster.regels.length === 0) return keren;
  const start = rooster.periode?.van && rooster.periode.van > nu.datum ? rooster.periode.van : nu.datum;
  for (let n = dagNummer(start), laatste = dagNummer(eind); n <= laatste && keren.length < aantal; n++) {
    const datum = plusDagen(start, n - dagNummer(start));
    for (const keer of kerenOp(rooster, datum)) {
      if (datum === nu.datum && keer.tot <= nu.tijd) continue;
      keren.push(keer);
      if (keren.length === aantal) break;
    }
  }
  return keren;
}

/** Whether the rooster has no occurrence left after `nu` (a past event, an ended course). */
export function isVoorbij(rooster: Rooster, nu: { datum: string; tijd: string }): boolean {
  return rooster.regels.length > 0 && volgendeKeren(rooster, nu, { aantal: 1 }).length === 0;
}
