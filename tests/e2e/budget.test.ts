import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { meetGewicht, type Gewicht } from '../../scripts/bench/gewicht.ts';
import { paginaTypes } from '../../scripts/bench/paginagewicht.ts';
import { startBrowser } from './browser.ts';

/**
 * Page-weight budgets: compressed bytes (brotli, with headers) of the first view on a phone,
 * before the map or search is opened. Sizes, not times, so the test is the same on a slow day.
 * Anchors: a public page under 100 KB in all; JS at most 15 KB; CSS at most 25 KB.
 */
const BUDGET = {
  html: 16 * 1024,
  /** Pages that list a whole kern or thema carry more text. */
  htmlLijst: 32 * 1024,
  css: 25 * 1024,
  js: 15 * 1024,
  totaal: 100 * 1024,
};

const basis = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(() => browser?.close());

function overschrijdingen(type: string, g: Gewicht): string[] {
  const lijst = /kern|thema|A-Z/.test(type);
  const grenzen: [keyof Gewicht, number][] = [
    ['html', lijst ? BUDGET.htmlLijst : BUDGET.html],
    ['css', BUDGET.css],
    ['js', BUDGET.js],
    ['totaal', BUDGET.totaal],
  ];
  return grenzen
    .filter(([soort, grens]) => (g[soort] as number) > grens)
    .map(
      ([soort, grens]) =>
        `${type} (${new URL(g.url).pathname}): ${soort} ${g[soort]} bytes, ${(g[soort] as number) - grens} bytes boven het budget van ${grens}`,
    );
}

describe('page-weight budgets', () => {
  it('keeps every page type within its budget, with no request leaving the site', async () => {
    const fouten: string[] = [];
    for (const { type, pad } of await paginaTypes(basis)) {
      const g = await meetGewicht(browser, basis + pad);
      fouten.push(...overschrijdingen(type, g));
      if (g.extern.length > 0) fouten.push(`${type}: verzoeken buiten de site: ${g.extern.join(', ')}`);
    }
    expect(fouten).toEqual([]);
  });
});
