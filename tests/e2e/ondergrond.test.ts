import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PDOK_STIJL } from '../../src/lib/config/schema.ts';
import { nieuwePagina, startBrowser } from './browser.ts';
import { getekendAandeel, wachtOpKaart, WEBGL_ARGS, zonderAutomatischLaden } from './kaarthulp.ts';
import { MET_PUBLICATIE, neemPublicatieSlot } from './portaal-hulp.ts';
import { legePng, mvtTegel, pmtilesArchief } from './tegels.ts';

/**
 * The other two basemap settings, in a real browser against the real server. The test server runs
 * with the default setting, so we add a page whose map settings say `pmtiles` or `pdok` (exactly
 * what a build with that setting writes) and, for `pmtiles`, the self-hosted files. PDOK itself
 * cannot be reached from here: the test answers for its host with a small style. That style's
 * tiles come from the test server, because the map's worker fetches tiles, and Playwright cannot
 * answer requests from workers.
 */

const basis = inject('baseUrl');
const release = path.join(inject('dataDir'), 'releases/current');
let browser: Browser;
let geefVrij: (() => Promise<void>) | undefined;

function pagina(map: string, ondergrond: object) {
  const html = readFileSync(path.join(release, 'kernen/sibculo/index.html'), 'utf8');
  const nieuw = html.replace(
    /(<script type="application\/json" data-kaart-instellingen>)(.*?)(<\/script>)/,
    (_, open: string, json: string, dicht: string) => `${open}${JSON.stringify({ ...JSON.parse(json), ondergrond })}${dicht}`,
  );
  expect(nieuw).not.toBe(html);
  mkdirSync(path.join(release, map), { recursive: true });
  writeFileSync(path.join(release, map, 'index.html'), nieuw);
}

beforeAll(async () => {
  // The test pages live in the live release: no other test file may publish a new one meanwhile.
  geefVrij = await neemPublicatieSlot();
  browser = await startBrowser(WEBGL_ARGS);
  mkdirSync(path.join(release, 'kaart-test'), { recursive: true });
  writeFileSync(path.join(release, 'kaart-test/twenterand.pmtiles'), pmtilesArchief(mvtTegel(['earth', 'water'])));
  writeFileSync(path.join(release, 'kaart-test/sprite.json'), '{}');
  writeFileSync(path.join(release, 'kaart-test/sprite.png'), legePng());
  mkdirSync(path.join(release, 'kaart-test/tegels/0/0'), { recursive: true });
  writeFileSync(path.join(release, 'kaart-test/tegels/0/0/0.pbf'), mvtTegel(['water']));
  pagina('test-pmtiles', {
    ondergrond: 'pmtiles',
    bestand: '/kaart-test/twenterand.pmtiles',
    glyphs: '/kaart-test/fonts/{fontstack}/{range}.pbf',
    sprite: '/kaart-test/sprite',
    lettertype: 'Noto Sans Regular',
    attributie: '© OpenStreetMap-bijdragers',
  });
  pagina('test-pdok', { ondergrond: 'pdok', stijl: PDOK_STIJL });
}, MET_PUBLICATIE.timeout);
afterAll(async () => {
  await browser?.close();
  await geefVrij?.();
});

async function openKaart(page: Page, pad: string) {
  await zonderAutomatischLaden(page);
  await page.goto(basis + pad);
  await page.getByRole('button', { name: 'Toon de kaart' }).click();
  await wachtOpKaart(page);
  await page.waitForLoadState('networkidle');
}

describe('basemap pmtiles', () => {
  it('reads the self-hosted PMTiles file in byte ranges and draws it, with no request leaving the site', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 900, height: 800 } });
    const urls: string[] = [];
    const bereiken: { status: number; range?: string }[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('response', async (r) => {
      if (r.url().endsWith('.pmtiles')) bereiken.push({ status: r.status(), range: (await r.request().allHeaders()).range });
    });
    await openKaart(page, '/test-pmtiles/');

    expect(bereiken.length).toBeGreaterThan(0);
    for (const b of bereiken) {
      expect(b.range).toMatch(/^bytes=\d+-\d+$/);
      expect(b.status).toBe(206);
    }
    expect(urls.some((u) => u.endsWith('/kaart-test/sprite.json'))).toBe(true);
    expect(urls.filter((u) => !u.startsWith(basis) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('© OpenStreetMap-bijdragers');

    // The tile's water polygon covers everything: the map shows the theme's water colour.
    const water = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.fillStyle = getComputedStyle(document.querySelector('.sk-kaart')!).getPropertyValue('--sk-kaart-water');
      const hex = ctx.fillStyle.slice(1);
      return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
    });
    expect(await getekendAandeel(page, water, 0.3)).toBeGreaterThan(0.3);
    expect(page.fouten).toEqual([]);
  });
});

describe('basemap pdok', () => {
  it('loads its style from PDOK only, shows "Kaartgegevens: © Kadaster" and draws the style', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 900, height: 800 } });
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    // What the server sends with `ondergrond: pdok`: the CSP allows PDOK's host.
    await page.route(`${basis}/test-pdok/`, async (route) => {
      const res = await route.fetch();
      const csp = res.headers()['content-security-policy'].replace(/(img-src|connect-src) ([^;]*)/g, '$1 $2 https://api.pdok.nl');
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': csp } });
    });
    const cors = { 'Access-Control-Allow-Origin': '*' };
    await page.route('https://api.pdok.nl/**', (route) =>
      route.request().url() === PDOK_STIJL
        ? route.fulfill({
            headers: cors,
            contentType: 'application/json',
            body: JSON.stringify({
              version: 8,
              sources: { brt: { type: 'vector', tiles: [`${basis}/kaart-test/tegels/{z}/{x}/{y}.pbf`], maxzoom: 0 } },
              layers: [
                { id: 'achtergrond', type: 'background', paint: { 'background-color': '#ffffff' } },
                { id: 'water', type: 'fill', source: 'brt', 'source-layer': 'water', paint: { 'fill-color': '#00c000' } },
              ],
            }),
          })
        : route.abort(),
    );
    await openKaart(page, '/test-pdok/');

    const extern = urls.filter((u) => !u.startsWith(basis) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(extern).toEqual([PDOK_STIJL]);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Kaartgegevens: © Kadaster');
    expect(await getekendAandeel(page, [0, 192, 0], 0.3)).toBeGreaterThan(0.3);
    expect(page.fouten).toEqual([]);
  });
});
