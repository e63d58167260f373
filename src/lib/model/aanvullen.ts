import { z } from 'zod';
import type { GemeenteConfig } from '../config/schema.ts';
import { maakSchemas } from './schemas.ts';

/**
 * What a record still lacks before it can go on the map. Another system's data rarely has our
 * lists (soort, thema's, doelgroepen) or our "vrije inloop or aanmelden": such a record is kept
 * as a concept with one to-do per missing field, completed by the beheerder in the portal.
 * Only the fields the portal form can fill are completable; anything else wrong stays a problem.
 * The full zod schema decides: a record is complete exactly when it passes it.
 */

export const AANVULBAAR = {
  activiteit: {
    themas: 'kies een thema',
    doelgroepen: 'kies voor wie het is',
    aanmelden: 'kies vrije inloop of aanmelden',
    kosten: 'kies wat het kost',
  },
  organisatie: {
    soort: 'kies de soort organisatie',
    kernen: 'kies de kernen waar de organisatie actief is',
  },
} as const;
export type AanvulSoort = keyof typeof AANVULBAAR;

/** Stand-ins stored for a field that is still empty; the portal form shows them as "nothing chosen". */
const LEEG: Record<string, unknown> = { themas: [], doelgroepen: [], kernen: [], aanmelden: {}, kosten: {}, soort: '' };

export type Controle = {
  /** Completable fields that fail, in the order of AANVULBAAR. */
  velden: string[];
  /** One plain-Dutch to-do per field ("kies voor wie het is"). */
  teDoen: string[];
  /** Issues that are not about a completable field: these are real problems. */
  overig: z.core.$ZodIssue[];
};

const aanvulVeld = (soort: AanvulSoort, pad: ReadonlyArray<PropertyKey>) =>
  typeof pad[0] === 'string' && pad[0] in AANVULBAAR[soort] ? pad[0] : undefined;

/** Checks a record against the full schema and sorts what fails into to-dos and problems. */
export function controleer(config: GemeenteConfig, soort: AanvulSoort, data: unknown): Controle {
  const r = maakSchemas(config)[soort].safeParse(data);
  if (r.success) return { velden: [], teDoen: [], overig: [] };
  const fout = new Set<string>();
  const overig: z.core.$ZodIssue[] = [];
  for (const issue of r.error.issues) {
    const veld = aanvulVeld(soort, issue.path);
    if (veld) fout.add(veld);
    else overig.push(issue);
  }
  const tekst = AANVULBAAR[soort] as Record<string, string>;
  const velden = Object.keys(tekst).filter((v) => fout.has(v));
  return { velden, teDoen: velden.map((v) => tekst[v]), overig };
}

/**
 * A record that fails only on completable fields, made storable as a concept: those fields get
 * their empty stand-in (what was there and is usable, such as "how to sign up", is kept), the
 * rest is validated as usual. Returns undefined when something else is wrong.
 */
export function alsConcept<T>(
  config: GemeenteConfig,
  soort: AanvulSoort,
  data: Record<string, unknown>,
): { data: T; teDoen: string[]; velden: string[] } | undefined {
  const c = controleer(config, soort, data);
  if (c.overig.length > 0 || c.velden.length === 0) return undefined;
  const schema = maakSchemas(config)[soort] as z.ZodObject;
  const los = schema.safeExtend(Object.fromEntries(c.velden.map((v) => [v, z.unknown()])));
  const invoer: Record<string, unknown> = { ...data, status: 'concept' };
  for (const v of c.velden) {
    const w = data[v];
    invoer[v] = v === 'aanmelden' && w && typeof w === 'object' ? { ...(w as object), soort: undefined } : LEEG[v];
  }
  const r = los.safeParse(invoer);
  if (!r.success) return undefined;
  return { data: r.data as T, teDoen: c.teDoen, velden: c.velden };
}
