import type { PagefindApi, PfResultaat } from './zoeker.ts';

/**
 * A large site's search index in parts (src/lib/release/zoekindex.ts), as one index for the search
 * page: every part holds a hidden page with the site's words (the woordenlijst), left out of every
 * result here; and a part that does not know a word the site gained since it was made is left out
 * of a search for that word. Client-safe.
 */

/** /pagefind/delen.json: the parts besides /pagefind/ itself, and per newer word the parts that lack it. */
export type Delenlijst = { delen: string[]; onbekend: Onbekend };
/** Per word, the parts that lack it. A Map: a searched word such as "constructor" is never an object's key. */
export type Onbekend = ReadonlyMap<string, number[]>;

/** The filter of the hidden page with the site's words, by which it is found and left out. */
export const WOORDENLIJST_FILTER = 'woordenlijst';

/** The filter Pagefind's mergeFilter gives every page of a part (src/scripts/pagefind.ts). */
export const DEEL_FILTER = 'deel';

export function leesDelenlijst(json: unknown): Delenlijst {
  const o = (json ?? {}) as { delen?: unknown; onbekend?: unknown };
  const delen = Array.isArray(o.delen)
    ? o.delen.filter((d): d is string => typeof d === 'string' && /^\/pagefind\/deel-\d+\/$/.test(d))
    : [];
  const onbekend = new Map<string, number[]>();
  if (o.onbekend && typeof o.onbekend === 'object') {
    for (const [woord, nrs] of Object.entries(o.onbekend)) {
      if (Array.isArray(nrs))
        onbekend.set(
          woord,
          nrs.filter((n): n is number => Number.isInteger(n)),
        );
    }
  }
  return { delen, onbekend };
}

/** The part's number in its URL: /pagefind/deel-3/ → 3. */
export function deelNummer(url: string): number {
  return Number(/deel-(\d+)\/$/.exec(url)?.[1] ?? 0);
}

/** Pagefind's search with the filters it understands beyond one value per name. */
type Filters = Record<string, string | { none: string[] }>;
export type RuwePagefind = {
  search: (
    term: string | null,
    opties?: { filters?: Filters },
  ) => Promise<{ results: PfResultaat[]; unfilteredResultCount: number } | null>;
};

/** The parts to leave out of a search for `term`: those that lack one of its words. */
export function onbekendIn(term: string | null, onbekend: Onbekend): string[] {
  const delen = new Set<number>();
  for (const w of term?.split(/\s+/) ?? []) for (const d of onbekend.get(w) ?? []) delen.add(d);
  return [...delen].sort((a, b) => a - b).map(String);
}

/**
 * The merged parts as one index: `woordenlijsten` are the ids of the hidden pages (found once by
 * their filter), never returned.
 */
export function alsEenIndex(pf: RuwePagefind, woordenlijsten: ReadonlySet<string>, onbekend: Onbekend): PagefindApi {
  return {
    async search(term, opties = {}) {
      const zonder = onbekendIn(term, onbekend);
      const filters: Filters = { ...opties.filters };
      if (zonder.length > 0) filters[DEEL_FILTER] = { none: zonder };
      const uitkomst = await pf.search(term, { ...opties, filters });
      if (!uitkomst) return uitkomst;
      return { ...uitkomst, results: uitkomst.results.filter((r) => !woordenlijsten.has(r.id)) };
    },
  };
}
