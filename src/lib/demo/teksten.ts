import { hoofdletter } from '../rooster/tekst.ts';
import type { Toeval } from './prng.ts';

/** "Cliëntondersteuning De Spil" → "clientondersteuning-de-spil". */
export function maakSlug(tekst: string): string {
  return tekst
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Hands out slugs that stay unique within one list, trying more specific forms first. */
export class SlugRegister {
  private readonly gebruikt = new Set<string>();

  geef(...kandidaten: string[]): string {
    const schoon = kandidaten.map(maakSlug).filter((s) => s !== '');
    for (const s of schoon) {
      if (!this.gebruikt.has(s)) return this.neem(s);
    }
    const basis = schoon[schoon.length - 1];
    for (let i = 2; ; i++) {
      if (!this.gebruikt.has(`${basis}-${i}`)) return this.neem(`${basis}-${i}`);
    }
  }

  private neem(s: string): string {
    this.gebruikt.add(s);
    return s;
  }
}

export type Variabelen = Record<string, string | undefined>;

/** Names of {placeholders} in a text, without the braces. */
export function plaatshouders(tekst: string): string[] {
  return [...tekst.matchAll(/\{([a-z:]+)\}/g)].map((m) => m[1]);
}

/**
 * Fills {placeholders}. An unknown or empty placeholder is a mistake in the YAML, and silently
 * printing "{plek}" on the demo site would hide it, so it throws.
 */
export function vulIn(tekst: string, variabelen: Variabelen): string {
  return tekst.replace(/\{([a-z:]+)\}/g, (_, naam: string) => {
    const waarde = variabelen[naam];
    if (waarde === undefined) throw new Error(`onbekende of lege plaatshouder {${naam}} in "${tekst}"`);
    return waarde;
  });
}

const MAX_OMSCHRIJVING = 600;

/** One sentence from each group; "" in a group lets the text skip that group now and then. */
export function maakOmschrijving(groepen: readonly (readonly string[])[], variabelen: Variabelen, toeval: Toeval): string {
  const zinnen: string[] = [];
  for (const groep of groepen) {
    const zin = toeval.kies(groep).trim();
    if (zin !== '') zinnen.push(hoofdletter(vulIn(zin, variabelen)));
  }
  while (zinnen.length > 1 && zinnen.join(' ').length > MAX_OMSCHRIJVING) zinnen.pop();
  return zinnen.join(' ');
}

/**
 * Landline numbers with a 0 right after the area code (0546 unless the demo says otherwise):
 * that block is never handed out in the Netherlands, so nobody gets called by someone trying the demo.
 */
export class Telefoonboek {
  private readonly gebruikt = new Set<string>();

  constructor(private readonly netnummer = '0546') {}

  nieuw(toeval: Toeval): string {
    for (;;) {
      const nummer = `${this.netnummer} 0${toeval.tussen(10, 99)} ${String(toeval.tussen(0, 999)).padStart(3, '0')}`;
      if (!this.gebruikt.has(nummer)) {
        this.gebruikt.add(nummer);
        return nummer;
      }
    }
  }
}

/** E-mail and web addresses only on .example, which is reserved and never reaches anyone. */
export function maakDomein(naam: string): string {
  return `${maakSlug(naam).replace(/-/g, '')}.example`;
}

/** Local part of an e-mail address: "Marieke" → "marieke". */
export function emailNaam(voornaam: string): string {
  return maakSlug(voornaam).replace(/-/g, '.');
}

/** "09:30" → "9.30", as written in Dutch texts. */
export function tijdInWoorden(tijd: string): string {
  const [u, m] = tijd.split(':');
  return `${Number(u)}.${m}`;
}
