/**
 * Words as search sees them, the same at build time and in the browser: lower case, accents
 * folded ("cliënt" = "client", "café" = "cafe"), split on everything that is not a letter or digit.
 * Client-safe: no Node imports.
 */

export function normaliseer(tekst: string): string {
  return tekst
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

/** "Koffie-inloop in 't Hoogspel" → ["koffie", "inloop", "in", "t", "hoogspel"]. */
export function woorden(tekst: string): string[] {
  return normaliseer(tekst)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Words that carry no meaning for search. Pagefind requires every word of a query to be on a
 * page, so "iets voor mijn zoon" would find nothing if "iets", "voor" and "mijn" stayed in.
 */
export const STOPWOORDEN = new Set(
  (
    'de het een en of maar want dus ook nog al wel niet geen te van voor in op aan bij met naar om uit door over ' +
    'onder tegen tot na zonder als dan dat die dit deze wat wie waar wanneer hoe waarom welk welke er hier daar ' +
    'ik mij me mijn jij je jou jouw u uw hij hem zijn zij ze haar wij we ons onze jullie hun hen men iemand ' +
    'iets niets alles is ben bent was waren wordt worden word kan kun kunt kunnen wil wilt willen moet moeten ' +
    'mag mogen zou zouden heb hebt heeft hebben had zoek zoeken zoekt gezocht graag even eens s t zo heel erg ' +
    'dingen ding soort ergens'
  ).split(' '),
);

/** Too general to narrow a search down, but fine as the only word ("hulp"). */
export const ALGEMEEN = new Set([
  'hulp',
  'help',
  'helpen',
  'mensen',
  'informatie',
  'info',
  'vraag',
  'vragen',
  'activiteit',
  'activiteiten',
]);

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at `max` + 1. */
export function afstand(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let vorige2: number[] = [];
  let vorige = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const rij = [i];
    let minimum = i;
    for (let j = 1; j <= n; j++) {
      const kosten = a[i - 1] === b[j - 1] ? 0 : 1;
      let w = Math.min(vorige[j] + 1, rij[j - 1] + 1, vorige[j - 1] + kosten);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) w = Math.min(w, vorige2[j - 2] + 1);
      rij.push(w);
      if (w < minimum) minimum = w;
    }
    if (minimum > max) return max + 1;
    vorige2 = vorige;
    vorige = rij;
  }
  return Math.min(vorige[n], max + 1);
}
