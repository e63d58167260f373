import { eq } from 'drizzle-orm';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { bouwRelease } from '../../src/lib/release/bouwen.ts';
import { deelMap, deelVan, urlVan } from '../../src/lib/release/zoekindex.ts';
import { nieuwePagina, startBrowser } from './browser.ts';
import { startKaart, stopKaart } from './opzet.ts';

/**
 * A large site's search index comes in parts (src/lib/release/zoekindex.ts) that the browser
 * merges. Here the demo is split on purpose (SK_ZOEKINDEX_DEEL), on a server of its own, and a
 * word that only a page in another part than the first holds must be found.
 */

let kaart: { kind: ChildProcess; baseUrl: string };
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  // Inside the project, so this build keeps its bundle next to its output (as tests/e2e-gemeente).
  mkdirSync('data', { recursive: true });
  dataDir = mkdtempSync(path.join(process.cwd(), 'data', 'e2e-zoekdelen-'));
  [kaart, browser] = await Promise.all([startKaart(dataDir, { SK_ZOEKINDEX_DEEL: '150' }), startBrowser()]);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  if (kaart) await stopKaart(kaart.kind, dataDir);
});

const release = () => realpathSync(path.join(dataDir, 'releases/current'));
const lees = (bestand: string) => readFileSync(path.join(release(), bestand), 'utf8');

/**
 * A page of a later part with a word that no other page of the site has anywhere: a word of its
 * description (meta), which the page also shows in its indexed text; nor does any other page have
 * its first letters but four (Pagefind stems the word, and finds every word that begins with it).
 *
 * Some other page must have a word that begins it: a part without the word itself then searches the
 * longest beginning it does have ("over" for "oversteken", https://github.com/Pagefind/pagefind/pull/315),
 * and those pages, merged from the other parts, ranked above the page itself, until every part got
 * the site's words (zoekindex.ts).
 */
function eigenWoord(delen: string[][]): { pagina: string; woord: string; begin: string } {
  const alle = new Map(delen.flat().map((p) => [p, lees(p).toLowerCase()]));
  const woordenVan = new Map([...alle].map(([p, h]) => [p, new Set(h.replace(/<[^>]+>/g, ' ').match(/[a-z]+/g) ?? [])]));
  const kandidaten = delen
    .slice(1)
    .flat()
    .filter((p) => /^(organisaties|aanbod)\//.test(p));
  for (const pagina of kandidaten) {
    const html = lees(pagina).toLowerCase();
    const beschrijving = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
    const tekst = (html.match(/<main[^>]*data-pagefind-body[^>]*>([\s\S]*)<\/main>/)?.[1] ?? '')
      .replace(/<(\w+)[^>]*data-pagefind-ignore[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ');
    const anders = [...alle].filter(([p]) => p !== pagina).map(([, h]) => h);
    const andereWoorden = new Set([...woordenVan].filter(([p]) => p !== pagina).flatMap(([, w]) => [...w]));
    const beginVan = (w: string) =>
      Array.from({ length: w.length - 5 }, (_, i) => w.slice(0, i + 3)).find((b) => andereWoorden.has(b));
    const woord = beschrijving
      .match(/[a-z]{8,}/g)
      ?.find((w) => tekst.includes(w) && !anders.some((h) => h.includes(w.slice(0, -4))) && beginVan(w));
    if (woord) return { pagina, woord, begin: beginVan(woord)! };
  }
  throw new Error('Geen pagina met een eigen woord gevonden dat met een ander woord van de site begint');
}

describe('zoeken in een index in delen', () => {
  it('finds a word that only a page in a later part holds, and loads that part', async () => {
    const { delen } = JSON.parse(lees('pagefind/.delen.json')) as { delen: string[][] };
    expect(delen.length).toBe(4);
    expect(JSON.parse(lees('pagefind/delen.json')).delen).toEqual([
      '/pagefind/deel-1/',
      '/pagefind/deel-2/',
      '/pagefind/deel-3/',
    ]);
    const { pagina, woord, begin } = eigenWoord(delen);

    const page = await nieuwePagina(browser);
    const geladen: string[] = [];
    page.on('request', (r) => geladen.push(new URL(r.url()).pathname));
    await page.goto(`${kaart.baseUrl}/zoeken/`);
    // Typed, not submitted: the results come from Pagefind in the browser, not from the server.
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).pressSequentially(woord, { delay: 30 });
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/(resultaat|resultaten) voor/);
    const gevonden = page.locator('#resultatenlijst > li h3 a');
    await expect
      .poll(() => gevonden.evaluateAll((a) => a.map((l) => l.getAttribute('href'))), { timeout: 30_000 })
      .toEqual([urlVan(pagina)]);
    expect(woord, `"${woord}" begint met "${begin}", dat op andere pagina's staat`).toMatch(new RegExp(`^${begin}`));
    expect(geladen).toEqual(expect.arrayContaining(['/pagefind/delen.json', '/pagefind/deel-3/pagefind-entry.json']));
    expect(page.fouten).toEqual([]);
  });

  it('a publish indexes only the parts with changed pages again and links the others', async () => {
    const db = openDb(path.join(dataDir, 'sociale-kaart.sqlite'));
    let slug: string;
    let organisatie: string;
    try {
      const act = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).all().at(-1)!;
      slug = act.slug;
      organisatie = db.select().from(t.organisatie).where(eq(t.organisatie.id, act.organisatieId)).get()!.slug;
      db.update(t.activiteit)
        // A word new to the site that begins with one it has: the parts made before it must not look for "koffie".
        .set({ omschrijving: `${act.omschrijving} Ook koffiexylofoonles voor wie wil.` })
        .where(eq(t.activiteit.id, act.id))
        .run();
    } finally {
      db.$client.close();
    }
    const vorige = release();
    // A publish as the portal starts one, against this test's own server's data.
    Object.assign(process.env, {
      DATABASE_PATH: path.join(dataDir, 'sociale-kaart.sqlite'),
      RELEASES_DIR: path.join(dataDir, 'releases'),
      SK_ZOEKINDEX_DEEL: '150',
    });
    const info = await bouwRelease({ log: () => undefined });
    expect(info.soort).toBe('incrementeel');
    const nieuw = release();
    const entry = (r: string, deel: number) => statSync(path.join(r, deelMap(deel), 'pagefind-entry.json')).ino;
    const geraakt = [0, 1, 2, 3].filter((d) => entry(nieuw, d) !== entry(vorige, d));
    // The activity shares its organisation's part: besides part 0 (the overview pages) only that one.
    const deel = deelVan(`aanbod/${slug}/index.html`, 4, `organisaties/${organisatie}/index.html`);
    expect(geraakt).toContain(deel);
    expect(geraakt.filter((d) => d !== 0 && d !== deel)).toEqual([]);
    const { onbekend } = JSON.parse(lees('pagefind/delen.json')) as { onbekend: Record<string, number[]> };
    expect(onbekend.koffiexylofoonles).toEqual([0, 1, 2, 3].filter((d) => !geraakt.includes(d)));

    const page = await nieuwePagina(browser);
    await page.goto(`${kaart.baseUrl}/zoeken/`);
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).pressSequentially('koffiexylofoonles', { delay: 30 });
    const gevonden = page.locator('#resultatenlijst > li h3 a');
    await expect
      .poll(() => gevonden.evaluateAll((a) => a.map((l) => l.getAttribute('href'))), { timeout: 30_000 })
      .toEqual([`/aanbod/${slug}/`]);
    // Words that name properties of every object are searched like any other, without an error.
    const veld = page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' });
    await veld.fill('constructor');
    await veld.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/‘constructor’/);
    expect(page.fouten).toEqual([]);
  }, 300_000);
});
