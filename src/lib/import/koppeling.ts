import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { GemeenteConfig } from '../config/schema.ts';
import { probleem, type Melding } from '../opendata/hsds/melding.ts';
import type { TaxonomieCode } from '../opendata/hsds/taxonomie.ts';

/**
 * A mapping file (YAML) from another system's taxonomy terms or categories to our soorten,
 * thema's and doelgroepen. A term is named by its id, code or name in the other system:
 *
 *   termen:
 *     - term: Nieuwkomers
 *       doelgroepen: [nieuwkomers]
 *     - term: BD-1800          # Open Eligibility "Language support"
 *       themas: [taal-en-digitaal]
 *
 * For terms without a mapping the import suggests one from the names (`stelVoor`).
 */

const MAX_TERMEN = 2000;

function schema(config: GemeenteConfig) {
  const uit = (lijst: { slug: string }[], wat: string) =>
    z.string({ error: `schrijf de korte naam van een ${wat}` }).refine((s) => lijst.some((i) => i.slug === s), {
      error: (i) => `"${String(i.input)}" staat niet in de lijst ${wat}en (${lijst.map((x) => x.slug).join(', ')})`,
    });
  const lijst = (item: z.ZodType<string>) => z.array(item, { error: 'schrijf een lijst, bijvoorbeeld [a, b]' }).max(50);
  return z.object(
    {
      termen: z
        .array(
          z
            .object({
              term: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(200)),
              soort: uit(config.soorten, 'soort').optional(),
              themas: lijst(uit(config.themas, 'thema')).optional(),
              doelgroepen: lijst(uit(config.doelgroepen, 'doelgroep')).optional(),
            })
            .strict(),
          { error: 'termen hoort een lijst te zijn' },
        )
        .max(MAX_TERMEN),
    },
    { error: 'het bestand hoort met "termen:" te beginnen' },
  );
}

export type Koppeling = Map<string, { code: TaxonomieCode; slug: string }[]>;

const sleutel = (s: string) => s.trim().toLowerCase();

/** Reads and checks a mapping file; every problem names the file and the path (`termen[2].themas[0]`). */
export function leesKoppeling(pad: string, config: GemeenteConfig): { koppeling?: Koppeling; meldingen: Melding[] } {
  const bestand = path.basename(pad);
  let ruw: unknown;
  try {
    ruw = parse(readFileSync(pad, 'utf8'));
  } catch (e) {
    return { meldingen: [probleem({ bestand }, `Dit koppelingsbestand is niet te lezen: ${(e as Error).message}`)] };
  }
  const r = schema(config).safeParse(ruw);
  if (!r.success) {
    return {
      meldingen: r.error.issues.map((i) =>
        probleem(
          {
            bestand,
            rij: i.path
              .map((d) => (typeof d === 'number' ? `[${d}]` : `.${String(d)}`))
              .join('')
              .replace(/^\./, ''),
          },
          i.message,
        ),
      ),
    };
  }
  const koppeling: Koppeling = new Map();
  for (const t of r.data.termen) {
    const doelen = [
      ...(t.soort ? [{ code: 'soort' as const, slug: t.soort }] : []),
      ...(t.themas ?? []).map((slug) => ({ code: 'thema' as const, slug })),
      ...(t.doelgroepen ?? []).map((slug) => ({ code: 'doelgroep' as const, slug })),
    ];
    koppeling.set(sleutel(t.term), doelen);
  }
  return { koppeling, meldingen: [] };
}

/** Our terms for a term of another system: by id, code or name, as written in the mapping. */
export function gekoppeld(koppeling: Koppeling | undefined, term: { id?: string; code?: string; name?: string }) {
  if (!koppeling) return undefined;
  for (const w of [term.id, term.code, term.name]) {
    const doelen = w ? koppeling.get(sleutel(w)) : undefined;
    if (doelen) return doelen;
  }
  return undefined;
}

const STOPWOORDEN = new Set(['en', 'van', 'voor', 'de', 'het', 'een', 'met', 'in', 'op', 'and', 'the', 'of', 'for']);

/** The words of a name: lower case, without accents and stop words. */
function woorden(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 && !STOPWOORDEN.has(w)),
  );
}

/** The same word scores 2, the same stem (first five letters: "ouderen", "ouders") 1. */
function score(term: Set<string>, eigen: Set<string>): number {
  const stammen = new Set([...eigen].map((w) => w.slice(0, 5)));
  return [...term].reduce((som, w) => som + (eigen.has(w) ? 2 : stammen.has(w.slice(0, 5)) ? 1 : 0), 0);
}

export type Voorstel = { code: 'soort' | 'thema' | 'doelgroep'; slug: string; label: string };

/**
 * A suggestion from the names: the item of our lists (soorten, thema's, doelgroepen) whose label
 * or slug shares the most word stems with the term's name. Only a suggestion: nothing is mapped
 * until the beheerder writes it in the mapping file.
 */
export function stelVoor(config: GemeenteConfig, naam: string | undefined): Voorstel | undefined {
  if (!naam) return undefined;
  const term = woorden(naam);
  let beste: (Voorstel & { score: number }) | undefined;
  const lijsten = [
    ['soort', config.soorten],
    ['thema', config.themas],
    ['doelgroep', config.doelgroepen],
  ] as const;
  for (const [code, items] of lijsten) {
    for (const item of items) {
      const punten = score(term, woorden(`${item.label} ${item.slug.replace(/-/g, ' ')}`));
      if (punten > 0 && (!beste || punten > beste.score)) beste = { code, slug: item.slug, label: item.label, score: punten };
    }
  }
  return beste && { code: beste.code, slug: beste.slug, label: beste.label };
}

const VELD_VAN = { soort: 'soort', thema: 'themas', doelgroep: 'doelgroepen' } as const;

/** A mapping file to start from: every unknown term, with the suggestion filled in where there is one. */
export function koppelingSjabloon(onbekend: Map<string, Voorstel | undefined>): string {
  const regels = ['termen:'];
  for (const [term, v] of [...onbekend].sort(([a], [b]) => a.localeCompare(b))) {
    regels.push(`  - term: ${JSON.stringify(term)}`);
    if (!v) regels.push('    # geen voorstel: kies zelf soort, themas of doelgroepen');
    else if (v.code === 'soort') regels.push(`    soort: ${v.slug} # ${v.label}`);
    else regels.push(`    ${VELD_VAN[v.code]}: [${v.slug}] # ${v.label}`);
  }
  return regels.join('\n');
}
