import type { FilterNaam, Zoekstaat } from './staat.ts';
import type { Analyse, Vraagmaker } from './vraag.ts';

/**
 * One search as the search page runs it, on Pagefind's browser API. Pagefind only returns pages
 * that contain every word; when that gives fewer than a handful, pages with most of the words
 * follow, so "koffie ochtend dorpshuis" never ends empty because of one word. Client-safe.
 */

export type Fragment = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
};
export type PfResultaat = { id: string; score: number; data: () => Promise<Fragment> };
type PfUitkomst = { results: PfResultaat[]; unfilteredResultCount: number };
export type PagefindApi = {
  search: (term: string | null, opties?: { filters?: Record<string, string> }) => Promise<PfUitkomst | null>;
};

export type Zoekuitkomst = {
  analyse: Analyse;
  resultaten: PfResultaat[];
  /** How many of `resultaten` contain all words; the rest contain some. */
  volledig: number;
  /** The kern searched in: chosen as filter, or named in the query. */
  kern?: string;
  /** The filters applied, as Pagefind got them. */
  filters: Record<string, string>;
};

/** Enough results that nobody needs the partial matches. */
const GENOEG = 5;

export function pagefindFilters(staat: Zoekstaat, analyse: Analyse): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [naam, waarde] of Object.entries(staat.filters) as [FilterNaam, string][]) if (waarde) filters[naam] = waarde;
  if (!filters.kern && analyse.kern) filters.kern = analyse.kern.slug;
  return filters;
}

/** Pages with most of the words first, then by their score relative to the best page for each word. */
async function deelsGevonden(pf: PagefindApi, termen: string[], filters: Record<string, string>, al: Set<string>) {
  const perTerm = await Promise.all(termen.map((t) => pf.search(t, { filters })));
  const telling = new Map<string, { r: PfResultaat; woorden: number; score: number }>();
  for (const uitkomst of perTerm) {
    const resultaten = uitkomst?.results ?? [];
    const beste = resultaten[0]?.score || 1;
    for (const r of resultaten) {
      if (al.has(r.id)) continue;
      const t = telling.get(r.id) ?? { r, woorden: 0, score: 0 };
      t.woorden++;
      t.score += r.score / beste;
      telling.set(r.id, t);
    }
  }
  return [...telling.values()].sort((a, b) => b.woorden - a.woorden || b.score - a.score);
}

/** The correct Dutch words among `woorden` (see src/lib/zoeken/spelling.ts); loaded only when a correction is about to happen. */
export type Nederlands = (woorden: string[]) => Promise<ReadonlySet<string>>;

export async function zoek(
  pf: PagefindApi,
  vraagmaker: Vraagmaker,
  staat: Zoekstaat,
  nederlands?: Nederlands,
  alleDoelgroepen: string[] = [],
): Promise<Zoekuitkomst> {
  let analyse = vraagmaker.analyseer(staat.q);
  if (nederlands && analyse.correcties.length > 0) {
    analyse = vraagmaker.analyseer(staat.q, await nederlands(analyse.correcties.map((c) => c.van)));
  }
  const filters = pagefindFilters(staat, analyse);
  const leeg = { analyse, resultaten: [], volledig: 0, kern: filters.kern, filters };
  if (analyse.termen.length === 0 && Object.keys(filters).length === 0) return leeg;
  const alles = await pf.search(analyse.termen.length > 0 ? analyse.termen.join(' ') : null, { filters });
  const resultaten = alles?.results ?? [];
  const volledig = resultaten.length;
  /** Per result how many words it misses: 0 for all words. */
  const mist = resultaten.map(() => 0);
  if (volledig < GENOEG && analyse.termen.length > 1) {
    for (const d of await deelsGevonden(pf, analyse.termen, filters, new Set(resultaten.map((r) => r.id)))) {
      resultaten.push(d.r);
      mist.push(analyse.termen.length - d.woorden);
    }
  }
  return { ...leeg, resultaten: await rangschik(pf, resultaten, mist, analyse, alleDoelgroepen), volledig };
}

/** Weights of the reordering; tuned with both relevance sets (`npm run bench -- zoeken`). */
export const RANG = { doelgroep: 3, andereGroep: -2, activiteit: 1, later: -3 };

/** The doelgroep slug that means "for everyone": never counts as "another group". */
export const IEDEREEN = 'iedereen';

const filterSets = new WeakMap<PagefindApi, Map<string, Promise<Set<string>>>>();

/** All pages with one filter value (a filter-only search: no words, so no index chunks), cached per Pagefind. */
function paginasMet(pf: PagefindApi, naam: string, waarde: string): Promise<Set<string>> {
  let cache = filterSets.get(pf);
  if (!cache) filterSets.set(pf, (cache = new Map()));
  const sleutel = `${naam}=${waarde}`;
  let set = cache.get(sleutel);
  if (!set) {
    set = pf.search(null, { filters: { [naam]: waarde } }).then((r) => new Set((r?.results ?? []).map((x) => x.id)));
    cache.set(sleutel, set);
  }
  return set;
}

/**
 * Orders the results by who they are for and what is happening now, keeping Pagefind's order
 * otherwise: paused or ended activities last, always; pages with all words before pages with
 * fewer; then a doelgroep named in the query first and activities only for other groups lower,
 * activities before offices when the query describes a situation, and activities outside their
 * season lower.
 */
export async function rangschik(
  pf: PagefindApi,
  resultaten: PfResultaat[],
  /** Per result how many of the words it misses (0: all words); more words always rank first. */
  mist: number[],
  analyse: Pick<Analyse, 'doelgroepen' | 'situatie'>,
  alleDoelgroepen: string[],
): Promise<PfResultaat[]> {
  if (resultaten.length < 2) return resultaten;
  const andere =
    analyse.doelgroepen.length > 0 ? alleDoelgroepen.filter((g) => g !== IEDEREEN && !analyse.doelgroepen.includes(g)) : [];
  const [gestopt, later, activiteit, gevraagd, anders] = await Promise.all([
    paginasMet(pf, 'stand', 'gestopt'),
    paginasMet(pf, 'stand', 'later'),
    paginasMet(pf, 'type', 'activiteit'),
    Promise.all(analyse.doelgroepen.map((g) => paginasMet(pf, 'doelgroep', g))),
    Promise.all(andere.map((g) => paginasMet(pf, 'doelgroep', g))),
  ]);
  const bonus = (id: string) => {
    let b = 0;
    if (gevraagd.some((s) => s.has(id))) b += RANG.doelgroep;
    // Only an activity is for a group; an organisation's groups are those of all its activities.
    else if (activiteit.has(id) && anders.some((s) => s.has(id))) b += RANG.andereGroep;
    if (analyse.situatie && activiteit.has(id)) b += RANG.activiteit;
    if (later.has(id)) b += RANG.later;
    return b;
  };
  return resultaten
    .map((r, i) => ({ r, i, stop: gestopt.has(r.id) ? 1 : 0, deel: mist[i] ?? 0, bonus: bonus(r.id) }))
    .sort((a, b) => a.stop - b.stop || a.deel - b.deel || b.bonus - a.bonus || a.i - b.i)
    .map((x) => x.r);
}

/** Number of results for the same words without a kern: for "ook in andere kernen". */
export async function aantalZonderKern(pf: PagefindApi, uitkomst: Zoekuitkomst): Promise<number> {
  const filters = { ...uitkomst.filters };
  delete filters.kern;
  const termen = uitkomst.analyse.termen;
  const r = await pf.search(termen.length > 0 ? termen.join(' ') : null, { filters });
  return r?.results.length ?? 0;
}
