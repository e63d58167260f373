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
    kern: z.string().optional(),
    filters: z.partialRecord(z.enum(FILTERS), z.string()).optional(),
    verwacht: z.array(z.string().regex(/^\/[a-z0-9/-]+\/$/)).min(1),
  })
  .strict();
export type Relevantievraag = z.infer<typeof vraagSchema>;

export function laadRelevantie(bestand = fileURLToPath(new URL('relevantie.yaml', import.meta.url))): Relevantievraag[] {
  return z
    .array(vraagSchema)
    .min(40)
    .parse(parse(readFileSync(bestand, 'utf8')));
}

export type Uitslag = { vraag: Relevantievraag; top5: string[] /** 1-based; 0 = not in the results shown. */; rang: number };
export type Meting = { recallBij5: number; mrr: number; uitslagen: Uitslag[] };

/** The result links of the search page for one query, as an inwoner would see them. */
export async function zoekOpPagina(page: Page, basis: string, vraag: Relevantievraag): Promise<string[]> {
  const deel = staatNaarZoekdeel({ q: vraag.vraag, filters: { ...vraag.filters, kern: vraag.kern } });
  await page.goto(`${basis}/zoeken/${deel}`);
  await page.locator('#zoekformulier[data-status="klaar"]').waitFor({ timeout: 20_000 });
  return page.locator('#resultatenlijst > li h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

export async function meetRelevantie(page: Page, basis: string, vragen = laadRelevantie()): Promise<Meting> {
  const uitslagen: Uitslag[] = [];
  for (const vraag of vragen) {
    const links = await zoekOpPagina(page, basis, vraag);
    const index = links.findIndex((l) => vraag.verwacht.includes(l));
    uitslagen.push({ vraag, top5: links.slice(0, 5), rang: index + 1 });
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
        `"${u.vraag.vraag}"${u.vraag.kern ? ` in ${u.vraag.kern}` : ''}: rang ${u.rang || '-'}; top 5: ${u.top5.join(', ') || '(niets)'}`,
    );
}
