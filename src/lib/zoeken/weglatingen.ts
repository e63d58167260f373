import { afstand } from './tekst.ts';
import { maxAfstand } from './vraag.ts';

/**
 * Deletion forms of a word as numbers, for the symmetric-deletion search of spelling.ts: two words
 * within distance d share a form with at most d letters dropped from each. Building each form as a
 * string and hashing it in a Map cost about 400 ns; over the 290,000 Dutch word forms and their 50
 * forms each that was most of a first build's minute. Here a form's hash comes from prefix hashes
 * in a few 32-bit multiplications (wrapping, so no slow floating-point remainder). Different forms
 * can share a hash, so a caller checks every word it finds with the distance itself; equal forms
 * always share one, so nothing near is missed.
 */

const B = 0x9e3779b1;
const machten = new Int32Array(64).fill(1);
for (let k = 1; k < machten.length; k++) machten[k] = Math.imul(machten[k - 1], B);

function macht(k: number): number {
  if (k < machten.length) return machten[k];
  let m = machten[machten.length - 1];
  for (let t = machten.length - 1; t < k; t++) m = Math.imul(m, B);
  return m;
}

/** The hash of a whole string, the same as langsWeglatingen gives for its forms. */
export function vormHash(s: string): number {
  let h = 0;
  for (let t = 0; t < s.length; t++) h = (Math.imul(h, B) + s.charCodeAt(t)) | 0;
  return h;
}

/**
 * Calls `bij` with the hash of `w` and of every form of it with up to `n` letters dropped, keeping
 * at least 3 letters, until `bij` returns true (then so does this).
 */
export function langsWeglatingen(w: string, n: 1 | 2, bij: (hash: number) => boolean): boolean {
  const lengte = w.length;
  const voor = new Int32Array(lengte + 1);
  for (let t = 0; t < lengte; t++) voor[t + 1] = (Math.imul(voor[t], B) + w.charCodeAt(t)) | 0;
  /** The hash of w[a..b). */
  const stuk = (a: number, b: number) => (voor[b] - Math.imul(voor[a], macht(b - a))) | 0;
  if (bij(voor[lengte])) return true;
  if (lengte <= 3) return false;
  for (let i = 0; i < lengte; i++) {
    const rechts = stuk(i + 1, lengte);
    // w[0..i) + w[i+1..)
    if (bij((Math.imul(voor[i], macht(lengte - 1 - i)) + rechts) | 0)) return true;
    if (n === 1 || lengte - 1 <= 3) continue;
    const links = Math.imul(voor[i], macht(lengte - 2 - i));
    for (let j = i + 1; j < lengte; j++) {
      // w[0..i) + w[i+1..j) + w[j+1..)
      if (bij((links + Math.imul(stuk(i + 1, j), macht(lengte - 1 - j)) + stuk(j + 1, lengte)) | 0)) return true;
    }
  }
  return false;
}

/**
 * A test whether a word lies within maxAfstand of one of `woorden` (site words of 3 letters or
 * more), as Vraagmaker.dichtstbij would find one, without comparing it with every site word: the
 * words are indexed by their forms with up to two letters dropped; the word's own forms look up
 * candidates, and each candidate is checked with the distance itself.
 */
export function nabijheid(woorden: Iterable<string>): (w: string) => boolean {
  const index = new Map<number, string[]>();
  const lengtes = new Set<number>();
  for (const k of woorden) {
    if (k.length < 3) continue;
    lengtes.add(k.length);
    langsWeglatingen(k, 2, (v) => {
      const bij = index.get(v);
      if (!bij) index.set(v, [k]);
      else if (bij[bij.length - 1] !== k) bij.push(k);
      return false;
    });
  }
  return (w) => {
    const max = maxAfstand(w);
    let mogelijk = false;
    for (let d = -max; d <= max && !mogelijk; d++) mogelijk = lengtes.has(w.length + d);
    return mogelijk && langsWeglatingen(w, max, (v) => index.get(v)?.some((k) => afstand(w, k, max) <= max) ?? false);
  };
}
