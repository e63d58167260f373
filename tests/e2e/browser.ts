import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.ts';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export function startBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export type Pagina = Page & { fouten: string[] };

/** A page that records console errors, failed requests and uncaught exceptions. */
export async function nieuwePagina(browser: Browser, opties: BrowserContextOptions = {}): Promise<Pagina> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...opties });
  const page = (await context.newPage()) as Pagina;
  page.fouten = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.fouten.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.fouten.push(`pageerror: ${e.message}`));
  return page;
}

const axeBron = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResultaat = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };

/** WCAG 2.1 A and AA violations on the current page, as readable lines. */
export async function axeFouten(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeBron);
  const r = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResultaat;
  return r.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} @ ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}
