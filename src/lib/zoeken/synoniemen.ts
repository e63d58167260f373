import path from 'node:path';
import { z } from 'zod';
import { ConfigError, formatZodIssues, leesInstellingen, leesYaml, projectRoot } from '../config/load.ts';
import { inhoudPad } from '../config/inhoud.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { woorden } from './tekst.ts';

/**
 * The synonym file (content/zoeken/synoniemen.yaml): inwoners' words next to the words
 * organisations use. Read at build time; the words end up as hidden keywords on each page.
 */

const woordSchema = z
  .string({ error: 'moet een woord zijn' })
  .refine((w) => woorden(w).length > 0, { error: 'mag niet leeg zijn' })
  .refine((w) => !w.includes(','), { error: 'mag geen komma bevatten' });
const lijstSchema = z.array(woordSchema).min(1, { error: 'moet minstens één woord hebben' });

const groepSchema = z.union([
  lijstSchema,
  z.object({ woorden: lijstSchema, alleen_zoeken: z.array(woordSchema).default([]) }).strict(),
]);

export const synoniemenSchema = z
  .object({
    themas: z.record(z.string(), z.array(woordSchema).min(3, { error: 'geef minstens drie woorden per thema' })),
    groepen: z.array(groepSchema).default([]),
    /** Per doelgroep the words inwoners use for it ("pubers", "65-plus"): results for that group rank first. */
    doelgroepen: z.record(z.string(), z.array(woordSchema).min(1, { error: 'geef minstens één woord' })).default({}),
  })
  .strict();

/** A word or phrase as its normalised words: "Zorgen voor mijn moeder" → ["zorgen", "voor", "mijn", "moeder"]. */
export type Frase = string[];

export type Groep = {
  /** Words that, found on a page, mean the page is about this group. */
  herken: Frase[];
  /** Everything the page should also be found on. */
  alle: Frase[];
};

export type Synoniemen = {
  themas: Map<string, Frase[]>;
  groepen: Groep[];
  /** Normalised single words per doelgroep slug (words of a phrase count on their own). */
  doelgroepen: Map<string, string[]>;
};

const frasen = (lijst: string[]): Frase[] => lijst.map(woorden);

/** Parses and checks the file against the gemeente's thema's; `bestand` is only used in messages. */
export function parseSynoniemen(tekst: string, bestand: string, config: GemeenteConfig): Synoniemen {
  const r = synoniemenSchema.safeParse(leesYaml(tekst, bestand));
  if (!r.success) throw new ConfigError(bestand, formatZodIssues(r.error.issues));
  const bekend = new Set(config.themas.map((t) => t.slug));
  const problemen = [
    ...config.themas.filter((t) => !r.data.themas[t.slug]).map((t) => `themas: het thema "${t.slug}" (${t.label}) ontbreekt`),
    ...Object.keys(r.data.themas)
      .filter((slug) => !bekend.has(slug))
      .map((slug) => `themas.${slug}: dit thema staat niet in de instellingen van de gemeente`),
  ];
  const groepen = new Set(config.doelgroepen.map((d) => d.slug));
  problemen.push(
    ...Object.keys(r.data.doelgroepen)
      .filter((slug) => !groepen.has(slug))
      .map((slug) => `doelgroepen.${slug}: deze doelgroep staat niet in de instellingen van de gemeente`),
  );
  if (problemen.length > 0) throw new ConfigError(bestand, problemen);
  return {
    themas: new Map(Object.entries(r.data.themas).map(([slug, lijst]) => [slug, frasen(lijst)])),
    groepen: r.data.groepen.map((g) => {
      const herken = frasen(Array.isArray(g) ? g : g.woorden);
      return { herken, alle: [...herken, ...frasen(Array.isArray(g) ? [] : g.alleen_zoeken)] };
    }),
    doelgroepen: new Map(Object.entries(r.data.doelgroepen).map(([slug, lijst]) => [slug, [...new Set(lijst.flatMap(woorden))]])),
  };
}

export function synoniemenPad(): string {
  return process.env.SYNONIEMEN ? path.resolve(projectRoot(), process.env.SYNONIEMEN) : inhoudPad('zoeken', 'synoniemen.yaml');
}

export function laadSynoniemen(config: GemeenteConfig, pad = synoniemenPad()): Synoniemen {
  const { tekst, relatief } = leesInstellingen(pad);
  return parseSynoniemen(tekst, relatief, config);
}
