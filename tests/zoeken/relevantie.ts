import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { z } from 'zod';
import { FILTERS, staatNaarZoekdeel } from '../../src/lib/zoeken/staat.ts';

/**
 * The relevance suite: realistic inwoner queries (tests/zoeken/relevantie.yaml), run through the
 * real search page in Chromium, so stop words, typo correction, synonyms and Pagefind's ranking
 * are all measured together. Used by the e2e test and by `npm run bench -- zoeken`.
 */

const vraagSchema = z
  .object({
    vraag: z.string().min(1),
    /** Who asks (persona set only), for the report. */
    persona: z.string().optional(),
    kern: z.string().optional(),
    filters: z.partialRecord(z.enum(FILTERS), z.string()).optional(),
    /** Good answers by address (the first set). */
    verwacht: z
      .array(z.string().regex(/^\/[a-z0-9/-]+\/$/))
      .min(1)
      .optional(),
    /** Good answers by judgement (the persona set): an activity or organisation with one of these thema's… */
    thema: z.array(z.string()).min(1).optional(),
    /** …and for one of these doelgroepen (or for everyone: no doelgroep). */
    doelgroep: z.array(z.string()).min(1).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.verwacht) !== Boolean(v.thema), { error: 'geef verwacht of thema' });
export type Relevantievraag = z.infer<typeof vraagSchema>;

export const SETS = {
  /** Written beside the code, with the pages that should come up. */
  eigen: fileURLToPath(new URL('relevantie.yaml', import.meta.url)),
  /** Phrased by personas (an older widow, a father with debts, a mantelzorger, a teenager, a newcomer), judged by thema and doelgroep. */
  personas: fileURLToPath(new URL('relevantie-personas.yaml', import.meta.url)),
};

export function laadRelevantie(bestand = SETS.eigen): Relevantievraag[] {
  return z
    .array(vraagSchema)
    .min(40)
    .parse(parse(readFileSync(bestand, 'utf8')));
}

/** One result as the search page shows it, with the thema's and doelgroepen Pagefind has for it. */
export type Gevonden = { href: string; themas: string[]; doelgroepen: string[] };

/** Whether a result answers the question. */
export function goed(vraag: Relevantievraag, r: Gevonden): boolean {
  if (vraag.verwacht) return vraag.verwacht.includes(r.href);
  if (!/^\/(aanbod|organisaties)\//.test(r.href)) return false;
  if (!r.themas.some((t) => vraag.thema?.includes(t))) return false;
  const voorIedereen = r.doelgroepen.length === 0 || r.doelgroepen.includes('iedereen');
  return !vraag.doelgroep || voorIedereen || r.doelgroepen.some((g) => vraag.doelgroep?.includes(g));
}

export type Uitslag = { vraag: Relevantievraag; top5: string[] /** 1-based; 0 = not in the results shown. */; rang: number };
export type Meting = { recallBij5: number; mrr: number; uitslagen: Uitslag[] };

/** The result links of the search page for one query, as an inwoner would see them. */
export async function zoekOpPagina(page: Page, basis: string, vraag: Relevantievraag): Promise<Gevonden[]> {
  const deel = staatNaarZoekdeel({ q: vraag.vraag, filters: { ...vraag.filters, kern: vraag.kern } });
  await page.goto(`${basis}/zoeken/${deel}`);
  await page.locator('#zoekformulier[data-status="klaar"]').waitFor({ timeout: 30_000 });
  return page.locator('#resultatenlijst > li').evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
      themas: (li as HTMLElement).dataset.thema?.split(' ').filter(Boolean) ?? [],
      doelgroepen: (li as HTMLElement).dataset.doelgroep?.split(' ').filter(Boolean) ?? [],
    })),
  );
}

export async function meetRelevantie(page: Page, basis: string, vragen = laadRelevantie()): Promise<Meting> {
  const uitslagen: Uitslag[] = [];
  for (const vraag of vragen) {
    const gevonden = await zoekOpPagina(page, basis, vraag);
    const index = gevonden.findIndex((r) => goed(vraag, r));
    uitslagen.push({ vraag, top5: gevonden.slice(0, 5).map((r) => r.href), rang: index + 1 });
  }
  const raak = uitslagen.filter((u) => u.rang >= 1 && u.rang <= 5).length;
  const mrr = uitslagen.reduce((som, u) => som + (u.rang > 0 ? 1 / u.rang : 0), 0) / uitslagen.length;
  return { recallBij5: raak / uitslagen.length, mrr, uitslagen };
}

/** One line per miss, for test output and the bench. */
export function missers(meting: Meting): string[] {
  return meting.uitslagen
    .filter((u) => u.rang === 0 || u.rang > 5)
    .map(
      (u) =>
        `${u.vraag.persona ? `${u.vraag.persona}: ` : ''}"${u.vraag.vraag}"${u.vraag.kern ? ` in ${u.vraag.kern}` : ''}: rang ${u.rang || '-'}; top 5: ${u.top5.join(', ') || '(niets)'}`,
    );
}
