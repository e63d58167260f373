/**
 * Design-token files define thousands of custom properties for components we never use
 * (the voorbeeld theme: 200 kB). We keep only the properties our CSS refers to, directly or
 * through other properties, so a gemeente can drop in its full token file without page weight.
 */

const VAR = /var\(\s*(--[A-Za-z0-9_-]+)/g;
// A value may contain quoted strings with ; and { } inside (data: URLs of icons).
const DECLARATIE = /(^|[;{\s])(--[A-Za-z0-9_-]+)\s*:((?:"[^"]*"|'[^']*'|[^;{}"'])*)(;|(?=\}))/g;

export function varVerwijzingen(tekst: string): Set<string> {
  return new Set(Array.from(tekst.matchAll(VAR), (m) => m[1]));
}

/** Removes declarations of custom properties that are not (transitively) used. */
export function snoeiTokens(css: string, gebruikt: Iterable<string>): string {
  const waarden = new Map<string, string[]>();
  for (const m of css.matchAll(DECLARATIE)) {
    const lijst = waarden.get(m[2]) ?? [];
    lijst.push(m[3]);
    waarden.set(m[2], lijst);
  }
  const nodig = new Set<string>();
  const werk = [...gebruikt];
  while (werk.length > 0) {
    const naam = werk.pop()!;
    if (nodig.has(naam)) continue;
    nodig.add(naam);
    for (const waarde of waarden.get(naam) ?? []) werk.push(...varVerwijzingen(waarde));
  }
  return css
    .replace(DECLARATIE, (heel, voor: string, naam: string) => (nodig.has(naam) ? heel : voor))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\n/gm, '');
}
