import { afstand, ALGEMEEN, normaliseer, STOPWOORDEN, woorden } from './tekst.ts';

/**
 * Turns what an inwoner types into the words Pagefind should look for: stop words out, ages
 * into doelgroepen ("zoon van 14" → jongeren), a kern name into a kern filter, typos corrected
 * and typed compounds split, against the site's own vocabulary (/zoeken/woorden.json).
 * Client-safe and pure.
 */

export type Woordenlijst = {
  /** The site's words, most common first. */
  woorden: string[];
  kernen: { slug: string; naam: string }[];
  /** Per doelgroep slug the words that name it (content/zoeken/synoniemen.yaml, `doelgroepen:`). */
  doelgroepen?: Record<string, string[]>;
};

export type Correctie = { van: string; naar: string };

export type Analyse = {
  /** Words for Pagefind; all of them must match a page. Empty: search by filters only. */
  termen: string[];
  /** Typos corrected: the word typed is not Dutch. */
  correcties: Correctie[];
  /** Doubtful corrections, not applied: the word typed is correct Dutch, offered as "Bedoelde u …?". */
  suggesties: Correctie[];
  /** A kern named in the query, to use as filter when none is chosen. */
  kern?: { slug: string; naam: string };
  /** The query without that kern's name: "schulden den ham" → "schulden". */
  vraagZonderKern: string;
  /** Doelgroepen named in the query ("mijn puber", "65+"): results for them rank first. */
  doelgroepen: string[];
  /** Phrased as a situation (a sentence, with two stop words or more): activities rank above offices. */
  situatie: boolean;
};

/** Age in years → the word the pages use for that doelgroep. */
function leeftijdWoord(jaar: number): string | undefined {
  if (jaar <= 3) return 'peuter';
  if (jaar <= 11) return 'kinderen';
  if (jaar <= 22) return 'jongeren';
  if (jaar >= 55 && jaar <= 110) return 'ouderen';
  return undefined;
}

/** How many typos a word may have to be corrected: 1 in short words, 2 in longer ones. */
export function maxAfstand(w: string): 1 | 2 {
  return w.length <= 5 ? 1 : 2;
}

const LEEFTIJD_RUIS = new Set(['jaar', 'jarige', 'jaren', 'oud', 'plus']);

export class Vraagmaker {
  private readonly rang = new Map<string, number>();
  private readonly alfabetisch: string[];
  private readonly kernSleutels: { woorden: string[]; kern: { slug: string; naam: string } }[];
  private readonly groepVan = new Map<string, string>();

  constructor(private readonly lijst: Woordenlijst) {
    lijst.woorden.forEach((w, i) => {
      this.rang.set(w, i);
    });
    this.alfabetisch = [...lijst.woorden].sort();
    for (const [slug, lijstWoorden] of Object.entries(lijst.doelgroepen ?? {})) {
      for (const w of lijstWoorden) if (!this.groepVan.has(w)) this.groepVan.set(w, slug);
    }
    this.kernSleutels = lijst.kernen.flatMap((kern) => {
      const delen = woorden(kern.naam);
      const sleutels = [delen];
      // "Westerhaar" for Westerhaar-Vriezenveensewijk; "Den" alone would say nothing.
      if (delen.length > 1 && delen[0].length >= 6) sleutels.push([delen[0]]);
      return sleutels.map((w) => ({ woorden: w, kern }));
    });
  }

  bevat(w: string): boolean {
    return this.rang.has(w);
  }

  /** Whether a site word starts with `w` (Pagefind matches word starts: "huiswerk" finds "huiswerkbegeleiding"). */
  isBegin(w: string): boolean {
    let lo = 0;
    let hi = this.alfabetisch.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.alfabetisch[mid] < w) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.alfabetisch.length && this.alfabetisch[lo].startsWith(w);
  }

  /** The most common site word within 1 (short words) or 2 typos. */
  dichtstbij(w: string): string | undefined {
    const max = maxAfstand(w);
    let beste: string | undefined;
    let besteAfstand = max + 1;
    for (const kandidaat of this.lijst.woorden) {
      if (Math.abs(kandidaat.length - w.length) > max || kandidaat.length < 3) continue;
      const d = afstand(w, kandidaat, max);
      if (d < besteAfstand) {
        beste = kandidaat;
        besteAfstand = d;
        if (d === 1) break;
      }
    }
    return besteAfstand <= max ? beste : undefined;
  }

  /** A typed compound the site writes apart: "huiswerkhulp" → ["huiswerk", "hulp"]. */
  splits(w: string): string[] | undefined {
    for (let i = w.length - 3; i >= 3; i--) {
      const links = w.slice(0, i);
      const rechts = w.slice(i);
      const stam = this.bevat(links)
        ? links
        : links.endsWith('s') && this.bevat(links.slice(0, -1))
          ? links.slice(0, -1)
          : undefined;
      if (stam && this.bevat(rechts)) return [stam, rechts];
    }
    return undefined;
  }

  /** Words typed apart that the site writes as one: "koffie ochtend" → "koffieochtend", "speel tuin" → "speeltuin". */
  voegSamen(tokens: string[]): string[] {
    const uit: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const samen = tokens[i] + (tokens[i + 1] ?? '');
      const los = (t: string) => STOPWOORDEN.has(t) || /^\d+$/.test(t);
      if (i + 1 < tokens.length && !los(tokens[i]) && !los(tokens[i + 1]) && this.bevat(samen)) {
        uit.push(samen);
        i++;
      } else uit.push(tokens[i]);
    }
    return uit;
  }

  private vindKern(tokens: string[]): { kern: { slug: string; naam: string }; van: number; lengte: number } | undefined {
    for (const { woorden: sleutel, kern } of this.kernSleutels) {
      for (let i = 0; i + sleutel.length <= tokens.length; i++) {
        const stuk = tokens.slice(i, i + sleutel.length).join(' ');
        const doel = sleutel.join(' ');
        if (stuk === doel || (doel.length >= 7 && afstand(stuk, doel, 1) <= 1)) return { kern, van: i, lengte: sleutel.length };
      }
    }
    return undefined;
  }

  /**
   * `beschermd`: correct Dutch words near a site word (/zoeken/nederlands/<letter>.json, see
   * src/lib/zoeken/spelling.ts). Such a word is kept, and the site word is only suggested.
   */
  /** A word searched as typed: short, or a word (or word start) of the site. */
  private blijft(t: string): boolean {
    return t.length < 4 || this.bevat(t) || this.isBegin(t);
  }

  /** Whether a typed word is searched as it is, whatever site word lies near it (the cheap part of correctieVoor). */
  laatStaan(t: string): boolean {
    return (
      /^\d+$/.test(t) ||
      STOPWOORDEN.has(t) ||
      LEEFTIJD_RUIS.has(t) ||
      this.blijft(t) ||
      this.splits(t) !== undefined ||
      this.vindKern([t]) !== undefined
    );
  }

  /** The site word a single typed word would be corrected to (the rule of analyseer); undefined when it is kept. */
  correctieVoor(t: string): string | undefined {
    return this.laatStaan(t) ? undefined : this.dichtstbij(t);
  }

  analyseer(vraag: string, beschermd: ReadonlySet<string> = new Set()): Analyse {
    let tokens = woorden(normaliseer(vraag).replace(/(\d)\s*\+/g, '$1 plus'));
    const correcties: Correctie[] = [];
    const suggesties: Correctie[] = [];
    let kern: Analyse['kern'];
    let vraagZonderKern = vraag.trim();
    const gevonden = this.vindKern(tokens);
    if (gevonden && tokens.length > gevonden.lengte) {
      kern = gevonden.kern;
      tokens = [...tokens.slice(0, gevonden.van), ...tokens.slice(gevonden.van + gevonden.lengte)];
      vraagZonderKern = tokens.join(' ');
    }

    const termen: string[] = [];
    const doelgroepen = new Set<string>();
    // Two stop words or more: a sentence ("ik kan mijn rekeningen niet betalen"), not a keyword.
    const situatie = tokens.filter((t) => STOPWOORDEN.has(t)).length >= 2;
    for (const t of this.voegSamen(tokens)) {
      if (/^\d+$/.test(t)) {
        const w = leeftijdWoord(Number(t));
        if (w) termen.push(w);
        const groep = w && this.groepVan.get(w);
        if (groep) doelgroepen.add(groep);
        continue;
      }
      const groep = this.groepVan.get(t) ?? this.groepVan.get(`${t}s`) ?? this.groepVan.get(`${t}en`);
      if (groep) doelgroepen.add(groep);
      if (STOPWOORDEN.has(t) || LEEFTIJD_RUIS.has(t)) continue;
      if (this.blijft(t)) {
        termen.push(t);
        continue;
      }
      const delen = this.splits(t);
      if (delen) {
        termen.push(...delen);
        continue;
      }
      const beter = this.dichtstbij(t);
      if (beter && beschermd.has(t)) {
        suggesties.push({ van: t, naar: beter });
        termen.push(t);
        continue;
      }
      if (beter) correcties.push({ van: t, naar: beter });
      termen.push(beter ?? t);
    }
    const specifiek = this.voegSamen(termen).filter((t) => !ALGEMEEN.has(t));
    const uniek = [...new Set(specifiek.length > 0 ? specifiek : termen)];
    return { termen: uniek, correcties, suggesties, kern, vraagZonderKern, doelgroepen: [...doelgroepen], situatie };
  }
}
