import { gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { zoekgat } from '../../../db/schema.ts';
import { kwartaalBegin, kwartaalVan, laatsteKwartalen } from '../cijfers/perioden.ts';
import type { DbOfTx } from '../db/client.ts';
import { STOPWOORDEN, woorden } from '../zoeken/tekst.ts';
import { vindPersoonsgegevens } from './privacy.ts';

/**
 * "Gezocht, niets gevonden": searches on the public site that found nothing, as a signal of
 * unmet need. The search page sends only its normalised words and the kern chosen; we keep them
 * per day, nothing else (no IP address, no cookie, no time, not which words were searched
 * together). A word the privacy guard flags (a name, a number, an address) is dropped. A word
 * shows in the overview only once it was searched on at least DAGEN_GRENS different days in a
 * kern and quarter: one person's searches never show, and neither does a rare word.
 */

/** A word appears in the overview only when searched on at least this many different days. */
export const DAGEN_GRENS = 5;
/** Kept for this many quarters (the overview shows four), then deleted. */
export const BEWAAR_KWARTALEN = 8;
const MAX_WOORDEN = 8;

export const meldingSchema = z
  .object({
    woorden: z.array(z.string().max(60)).min(1).max(MAX_WOORDEN),
    kern: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/)
      .optional(),
  })
  .strict();

/** The words to keep: normalised, 3 to 40 letters, no stop words, no numbers, nothing the privacy guard flags. */
export function teBewarenWoorden(invoer: string[], bekendeNamen: readonly string[] = []): string[] {
  const uit = new Set<string>();
  for (const w of invoer.flatMap(woorden)) {
    if (w.length < 3 || w.length > 40 || !/^[a-z]+$/.test(w) || STOPWOORDEN.has(w)) continue;
    const alsNaam = w[0].toUpperCase() + w.slice(1);
    const gemeld = [w, alsNaam, `Ik sprak ${alsNaam} gisteren`].some(
      (zin) => vindPersoonsgegevens(zin, { bekendeNamen }).length > 0,
    );
    if (!gemeld) uit.add(w);
  }
  return [...uit];
}

export type Melding = { woorden: string[]; kern?: string };

/**
 * Keeps one search that found nothing. `kernen`: the slugs that exist (another kern is dropped).
 * Returns how many words were kept.
 */
export function bewaarZoekgat(
  db: DbOfTx,
  melding: Melding,
  dag: string,
  kernen: string[],
  bekendeNamen: readonly string[] = [],
): number {
  const kern = melding.kern && kernen.includes(melding.kern) ? melding.kern : null;
  const lijst = teBewarenWoorden(melding.woorden, bekendeNamen);
  if (lijst.length > 0)
    db.insert(zoekgat)
      .values(lijst.map((woord) => ({ dag, kern, woord })))
      .run();
  return lijst.length;
}

/** Deletes what is older than BEWAAR_KWARTALEN quarters. */
export function ruimZoekgatOp(db: DbOfTx, vandaag: string): void {
  const oudste = kwartaalBegin(laatsteKwartalen(vandaag, BEWAAR_KWARTALEN)[0]);
  db.delete(zoekgat).where(lt(zoekgat.dag, oudste)).run();
}

export type ZoekgatRij = { kern: string | null; kwartaal: string; woord: string; dagen: number };

/**
 * Per kern (null: no kern chosen) and quarter, the words searched without result on at least
 * DAGEN_GRENS different days, most days first. Only counts of days, never single searches.
 */
export function zoekgatReeks(db: DbOfTx, vandaag: string, kwartalen = 4): ZoekgatRij[] {
  const lijst = laatsteKwartalen(vandaag, kwartalen);
  const rijen = db
    .select({ kern: zoekgat.kern, dag: zoekgat.dag, woord: zoekgat.woord })
    .from(zoekgat)
    .where(gte(zoekgat.dag, kwartaalBegin(lijst[0])))
    .groupBy(zoekgat.kern, zoekgat.woord, zoekgat.dag)
    .all();
  const tel = new Map<string, ZoekgatRij>();
  for (const r of rijen) {
    const kwartaal = kwartaalVan(r.dag);
    const sleutel = `${r.kern ?? ''}|${kwartaal}|${r.woord}`;
    const t = tel.get(sleutel) ?? { kern: r.kern, kwartaal, woord: r.woord, dagen: 0 };
    t.dagen++;
    tel.set(sleutel, t);
  }
  return [...tel.values()]
    .filter((r) => r.dagen >= DAGEN_GRENS)
    .sort(
      (a, b) =>
        (a.kwartaal < b.kwartaal ? 1 : a.kwartaal > b.kwartaal ? -1 : 0) || b.dagen - a.dagen || a.woord.localeCompare(b.woord),
    );
}

/**
 * The series for the signalen overview: the kernen the account sees, by name; searches without a
 * kern only for the beheerder (they belong to the whole gemeente).
 */
export function zoekgatVoor(
  db: DbOfTx,
  vandaag: string,
  kernen: { slug: string; naam: string }[],
  beheerder: boolean,
): (ZoekgatRij & { kernNaam: string })[] {
  const naam = new Map(kernen.map((k) => [k.slug, k.naam]));
  return zoekgatReeks(db, vandaag).flatMap((r) => {
    if (r.kern === null) return beheerder ? [{ ...r, kernNaam: 'Geen kern gekozen' }] : [];
    const n = naam.get(r.kern);
    return n ? [{ ...r, kernNaam: n }] : [];
  });
}
