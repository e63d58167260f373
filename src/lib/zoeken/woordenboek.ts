import type { Frase, Synoniemen } from './synoniemen.ts';
import { STOPWOORDEN } from './tekst.ts';

/**
 * The words of the whole site with the number of pages they are on. It splits compound words
 * ("koffieochtend" → koffie + ochtend) and is what the browser corrects typos against
 * (/zoeken/woorden.json).
 */
export class Woordenboek {
  readonly aantal = new Map<string, number>();

  /** `paginas`: the words of each page (duplicates are fine). */
  constructor(paginas: Iterable<string[]>) {
    for (const woorden of paginas) {
      for (const w of new Set(woorden)) {
        if (w.length >= 3 && !STOPWOORDEN.has(w) && !/^\d+$/.test(w)) this.aantal.set(w, (this.aantal.get(w) ?? 0) + 1);
      }
    }
  }

  bevat(w: string): boolean {
    return this.aantal.has(w);
  }

  /**
   * A compound as its parts, when both are words of the site: "dorpshuis" → ["dorp", "huis"]
   * (with the linking s), "schuldhulpmaatje" → ["schuld", "hulp", "maatje"]. Undefined when
   * no split is found.
   */
  splits(woord: string, diepte = 2): string[] | undefined {
    if (woord.length < 7 || diepte === 0) return undefined;
    for (let i = woord.length - 4; i >= 3; i--) {
      const links = woord.slice(0, i);
      const rechts = woord.slice(i);
      if (!this.bevat(rechts) || STOPWOORDEN.has(links)) continue;
      const stam = this.stam(links);
      const linksDelen = stam ? (this.splits(stam, diepte - 1) ?? [stam]) : this.splits(links, diepte - 1);
      if (!linksDelen) continue;
      return [...linksDelen, ...(this.splits(rechts, diepte - 1) ?? [rechts])];
    }
    return undefined;
  }

  /** The left part of a compound as a word of its own: "dorps" → "dorp", "kinder" → "kinderen". */
  private stam(links: string): string | undefined {
    if (links.length >= 3 && this.bevat(links)) return links;
    if (links.endsWith('s') && links.length >= 4 && this.bevat(links.slice(0, -1))) return links.slice(0, -1);
    if (this.bevat(`${links}en`)) return `${links}en`;
    return undefined;
  }

  /** For the browser: words ordered by how many pages they are on, most first. */
  naarJson(): { woorden: string[] } {
    return {
      woorden: [...this.aantal].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w),
    };
  }
}

/** Whether a page's words contain a phrase; a single long word also matches as the start of a word. */
export function bevatFrase(tekst: string, gesorteerd: string[], frase: Frase): boolean {
  if (frase.length > 1) return tekst.includes(` ${frase.join(' ')} `);
  const [w] = frase;
  if (w.length < 5) return tekst.includes(` ${w} `);
  let lo = 0;
  let hi = gesorteerd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (gesorteerd[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo < gesorteerd.length && gesorteerd[lo].startsWith(w);
}

/** What a page is about, for the hidden keywords (all as normalised words). */
export type Paginawoorden = {
  /** What the page shows and Pagefind indexes. */
  tekst: string[];
  /** Labels of its own doelgroepen: specific, but kept out of the text so they do not fill the snippets. */
  labels: string[];
  /** Labels of its thema's: broad, an organisation can have five. */
  themaLabels: string[];
  themas: string[];
};

/**
 * The hidden keywords of a page, in two strengths. `eigen`: synonyms of words in its own text
 * (a synonym group found there), the parts of its compound words and its doelgroepen. `thema`:
 * its thema's and the inwoners' words for them; weaker, so that a page about debts ranks above
 * an organisation that lists "geld" among five thema's. Words already in the text, stop words
 * and numbers are left out (the browser drops stop words from a query too).
 */
export function trefwoorden(
  pagina: Paginawoorden,
  synoniemen: Synoniemen,
  boek: Woordenboek,
): { eigen: string[]; thema: string[] } {
  const eigen = [...pagina.tekst, ...pagina.labels];
  const tekst = ` ${eigen.join(' ')} `;
  const uniek = [...new Set(eigen)].sort();
  const sterk = new Set<string>(pagina.labels);
  const zwak = new Set<string>(pagina.themaLabels);
  const voegToe = (doel: Set<string>, frasen: Frase[]) => {
    for (const f of frasen) for (const w of f) doel.add(w);
  };
  for (const groep of synoniemen.groepen) {
    if (groep.herken.some((f) => bevatFrase(tekst, uniek, f))) voegToe(sterk, groep.alle);
  }
  for (const w of uniek) for (const deel of boek.splits(w) ?? []) sterk.add(deel);
  for (const thema of pagina.themas) voegToe(zwak, synoniemen.themas.get(thema) ?? []);
  const bekend = new Set(pagina.tekst);
  const nieuw = (w: string) => !bekend.has(w) && !STOPWOORDEN.has(w) && !/^\d+$/.test(w);
  return { eigen: [...sterk].filter(nieuw), thema: [...zwak].filter((w) => nieuw(w) && !sterk.has(w)) };
}
