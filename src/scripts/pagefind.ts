import {
  alsEenIndex,
  DEEL_FILTER,
  WOORDENLIJST_FILTER,
  deelNummer,
  type Delenlijst,
  leesDelenlijst,
  type RuwePagefind,
} from '../lib/zoeken/delen.ts';
import type { Woordenlijst } from '../lib/zoeken/vraag.ts';
import type { PagefindApi } from '../lib/zoeken/zoeker.ts';

/**
 * Loads Pagefind and the vocabulary once, on demand: only when someone starts to search, never
 * on a plain page view. The URL is kept out of Vite's reach: Pagefind is written into the
 * release after the Astro build.
 */

export type Pagefind = PagefindApi & { preload: (term: string, opties?: object) => Promise<void> };

type PagefindModule = RuwePagefind & {
  options: (opties: object) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, opties?: object) => Promise<void>;
  mergeIndex: (pad: string, opties?: object) => Promise<void>;
};

const PAGEFIND_URL = '/pagefind/pagefind.js';
/** The other parts of a large site's index (src/lib/release/zoekindex.ts). */
const DELEN_URL = '/pagefind/delen.json';

/** Tuned with the relevance suite (tests/zoeken/relevantie.yaml, `npm run bench -- zoeken`). */
export const RANGSCHIKKING = {
  metaWeights: { title: 10, trefwoorden: 2, themawoorden: 0.5 },
};

/** For every part: Pagefind's options() only reach the first index, mergeIndex takes its own. */
const INSTELLINGEN = { ranking: RANGSCHIKKING, excerptLength: 26 };

let pagefind: Promise<Pagefind> | undefined;
let woordenlijst: Promise<Woordenlijst> | undefined;

/** The parts besides /pagefind/ itself; none for one index or a release from before the split. */
async function laadDelen(): Promise<Delenlijst> {
  const r = await fetch(DELEN_URL);
  return leesDelenlijst(r.ok ? await r.json() : {});
}

/** The parts merged into the first, each with its number as a filter, as one index (src/lib/zoeken/delen.ts). */
async function voegSamen(pf: PagefindModule, { delen, onbekend }: Delenlijst): Promise<Pagefind> {
  await pf.options({ ...INSTELLINGEN, mergeFilter: { [DEEL_FILTER]: '0' } });
  await pf.init();
  await Promise.all(
    delen.map((deel) => pf.mergeIndex(deel, { ...INSTELLINGEN, mergeFilter: { [DEEL_FILTER]: `${deelNummer(deel)}` } })),
  );
  const lijsten = await pf.search(null, { filters: { [WOORDENLIJST_FILTER]: 'ja' } });
  const index = alsEenIndex(pf, new Set(lijsten?.results.map((r) => r.id)), onbekend);
  return { search: index.search, preload: (term, opties) => pf.preload(term, opties) };
}

export function laadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    // Fetched while Pagefind loads; a failure fails the whole load (tried again on the next search).
    const delen = laadDelen();
    delen.catch(() => undefined);
    const pf = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindModule;
    const lijst = await delen;
    if (lijst.delen.length > 0) return voegSamen(pf, lijst);
    await pf.options(INSTELLINGEN);
    await pf.init();
    return pf;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

export function laadWoorden(): Promise<Woordenlijst> {
  woordenlijst ??= fetch('/zoeken/woorden.json').then((r) => {
    if (!r.ok) throw new Error(`woorden.json: ${r.status}`);
    return r.json() as Promise<Woordenlijst>;
  });
  woordenlijst.catch(() => (woordenlijst = undefined));
  return woordenlijst;
}

const letters = new Map<string, Promise<string[]>>();

/**
 * The correct Dutch words among `woorden`, from /zoeken/nederlands/<letter>.json (one small file
 * per first letter, only for the words about to be corrected). A file that fails to load counts
 * as empty: then the word is corrected as before.
 */
export async function laadNederlands(woorden: string[]): Promise<ReadonlySet<string>> {
  const nodig = [...new Set(woorden.map((w) => w[0]).filter((l) => /^[a-z]$/.test(l)))];
  const lijsten = await Promise.all(
    nodig.map((letter) => {
      let lijst = letters.get(letter);
      if (!lijst) {
        lijst = fetch(`/zoeken/nederlands/${letter}.json`)
          .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
          .catch(() => []);
        letters.set(letter, lijst);
      }
      return lijst;
    }),
  );
  const alle = new Set(lijsten.flat());
  return new Set(woorden.filter((w) => alle.has(w)));
}
