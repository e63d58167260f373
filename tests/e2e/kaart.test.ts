import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeFouten, nieuwePagina, startBrowser, type Pagina } from './browser.ts';
import { getekendAandeel, wachtOpKaart, WEBGL_ARGS, zonderAutomatischLaden } from './kaarthulp.ts';

/**
 * The map and "dichtbij mij" in Chromium. WebGL runs on SwiftShader (software), so the map
 * really renders, also on a machine without a GPU.
 */

const basis = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser(WEBGL_ARGS);
});
afterAll(() => browser?.close());

/** Every request the page makes, as URLs. */
function volgVerzoeken(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

const KAART_CODE = /\/_astro\/.*\.(m?js|css)$|\/kaart\/kernen\.geojson$/;

/** The places of the list under the map (the text alternative). */
async function lijstPlekken(page: Page): Promise<{ adres: string; links: string[] }[]> {
  return page.locator('[data-kaart-plekken] > li').evaluateAll((lis) =>
    lis.map((li) => ({
      adres: li.querySelector('[data-adres]')?.textContent ?? '',
      links: Array.from(li.querySelectorAll('a'), (a) => a.getAttribute('href') ?? ''),
    })),
  );
}

async function markerLeden(page: Page): Promise<number[][]> {
  return page
    .locator('.sk-marker')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.plekken!.split(' ').map(Number)));
}

function alleenLokaal(urls: string[]): string[] {
  return urls.filter((u) => !u.startsWith(basis) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

describe('kaart', () => {
  it('a kern page loads no map code until the map is near, and is complete without it', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 375, height: 700 } });
    const urls = volgVerzoeken(page);
    await page.goto(`${basis}/kernen/vriezenveen/`);
    await page.waitForLoadState('networkidle');
    // Only the small loaders of the map, of "dichtbij mij" and of the header search (which loads
    // Pagefind only on focus); the budget test holds their size.
    const js = urls.filter((u) => /\.m?js$/.test(u));
    expect(js.map((u) => new URL(u).pathname.replace(/\.[\w-]+\.js$/, ''))).toEqual(
      expect.arrayContaining([
        '/_astro/Kaart.astro_astro_type_script_index_0_lang',
        '/_astro/Dichtbij.astro_astro_type_script_index_0_lang',
      ]),
    );
    expect(js.filter((u) => /maplibre|client\.|esm\.|pagefind/i.test(u))).toEqual([]);
    expect(urls.filter((u) => /maplibre|kernen\.geojson/.test(u))).toEqual([]);
    const voor = urls.length;

    // The text alternative is in the HTML: places with addresses and links.
    const plekken = await lijstPlekken(page);
    expect(plekken.length).toBeGreaterThan(10);
    for (const p of plekken) {
      expect(p.adres).toMatch(/ \d+\S*, \d{4} [A-Z]{2} Vriezenveen$/);
      expect(p.links.length).toBeGreaterThan(0);
    }

    await page.getByRole('heading', { name: 'Kaart van Vriezenveen', level: 2 }).scrollIntoViewIfNeeded();
    await wachtOpKaart(page);
    const nieuw = urls.slice(voor);
    expect(nieuw.some((u) => /maplibre-gl.*\.css$/.test(u))).toBe(true);
    expect(nieuw.some((u) => /maplibre-gl-worker.*\.mjs$/.test(u))).toBe(true);
    expect(nieuw.filter((u) => KAART_CODE.test(u)).length).toBeGreaterThan(3);
    expect(alleenLokaal(urls)).toEqual([]);
    expect(page.fouten).toEqual([]);
  });

  it('renders the canvas with every place of the list in a marker or cluster, and no request leaves the site', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 1000, height: 900 } });
    const urls = volgVerzoeken(page);
    await zonderAutomatischLaden(page);
    await page.goto(`${basis}/kernen/sibculo/`);
    await page.getByRole('button', { name: 'Toon de kaart' }).click();
    await wachtOpKaart(page);

    const canvas = page.getByRole('region', { name: 'Interactieve kaart van Sibculo' });
    expect(await canvas.count()).toBe(1);
    expect(await canvas.getAttribute('class')).toContain('maplibregl-canvas');
    const maat = await page.locator('.maplibregl-canvas').boundingBox();
    expect(maat!.width).toBeGreaterThan(300);
    expect(maat!.height).toBeGreaterThan(250);

    const plekken = await lijstPlekken(page);
    const leden = await markerLeden(page);
    expect(leden.flat().sort((a, b) => a - b)).toEqual(plekken.map((_, i) => i));
    expect(leden.length).toBeLessThanOrEqual(plekken.length);
    // Each marker names what it stands for.
    for (const naam of await page
      .locator('.sk-marker')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
      expect(naam).toMatch(/Sibculo|plekken dicht bij elkaar/);
    }
    expect(await page.getByRole('button', { name: 'Inzoomen' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Uitzoomen' }).count()).toBe(1);

    expect(await getekendAandeel(page, undefined, 0.05)).toBeGreaterThan(0.05);
    expect(alleenLokaal(urls)).toEqual([]);
    expect(page.fouten).toEqual([]);
  });

  it('opens a popup with name, type and link by mouse', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 1000, height: 900 } });
    await zonderAutomatischLaden(page);
    await page.goto(`${basis}/kernen/den-ham/`);
    await page.getByRole('button', { name: 'Toon de kaart' }).click();
    await wachtOpKaart(page);
    const plekken = await lijstPlekken(page);
    const leden = await markerLeden(page);
    const enkel = leden.findIndex((l) => l.length === 1);
    expect(enkel, 'minstens één losse marker').toBeGreaterThanOrEqual(0);
    await page.locator('.sk-marker').nth(enkel).click();
    const popup = page.getByRole('dialog');
    await popup.waitFor();
    const links = await popup.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(plekken[leden[enkel][0]].links);
    expect(await popup.textContent()).toMatch(/Activiteit|[A-Z][a-z]+/);
    await popup.getByRole('button', { name: 'Sluiten' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(page.fouten).toEqual([]);
  });

  it('works by keyboard: markers and popups are reachable, Escape closes, no keyboard trap', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 1000, height: 900 } });
    await zonderAutomatischLaden(page);
    await page.goto(`${basis}/kernen/vroomshoop/`);
    await page.getByRole('button', { name: 'Toon de kaart' }).focus();
    await page.keyboard.press('Enter');
    await wachtOpKaart(page);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Interactieve kaart van Vroomshoop');

    // Arrow keys move the map; Tab goes on to the markers.
    const eerste = page.locator('.sk-marker').first();
    const voor = (await eerste.boundingBox())!;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await eerste.boundingBox())!.x, { timeout: 5_000 }).toBeLessThan(voor.x - 20);
    const marker = async () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.plekken);
    await page.keyboard.press('Tab');
    expect(await marker()).toBeDefined();

    // Go to a single place (not a cluster) and open it with Enter.
    for (
      let i = 0;
      i < 60 && !(await page.evaluate(() => document.activeElement?.matches('.sk-marker:not(.sk-marker--cluster)')));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    const gekozen = await marker();
    expect(gekozen).toBeDefined();
    await page.keyboard.press('Enter');
    const popup = page.getByRole('dialog');
    await popup.waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null && document.activeElement?.tagName),
    ).toBe('A');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await marker()).toBe(gekozen);

    // A cluster opens by zooming in, with focus on a marker of what was in it.
    const clusters = await page.locator('.sk-marker--cluster').count();
    if (clusters > 0) {
      const voor = await page.locator('.sk-marker').count();
      await page.locator('.sk-marker--cluster').first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.sk-marker').count(), { timeout: 10_000 }).toBeGreaterThan(voor);
      expect(await marker()).toBeDefined();
    }

    // Tabbing on leaves the map: no keyboard trap.
    let uit = false;
    for (let i = 0; i < 80 && !uit; i++) {
      await page.keyboard.press('Tab');
      uit = await page.evaluate(() => !document.activeElement?.closest('.sk-kaart__kaart'));
    }
    expect(uit).toBe(true);
    expect(page.fouten).toEqual([]);
  });

  it('has no axe violations with the map open, on the overview and an organisation page', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 1000, height: 900 } });
    await zonderAutomatischLaden(page);
    const problemen: string[] = [];
    const org = await page.request
      .get(`${basis}/open-data/sociale-kaart.json`)
      .then((r) => r.json() as Promise<{ organisaties: { slug: string }[] }>);
    for (const pad of ['/', '/kernen/geerdijk/', `/organisaties/${org.organisaties[0].slug}/`]) {
      await page.goto(basis + pad);
      const knop = page.getByRole('button', { name: 'Toon de kaart' });
      if ((await knop.count()) === 0) continue;
      await knop.click();
      await wachtOpKaart(page);
      for (const f of await axeFouten(page)) problemen.push(`${pad}: ${f}`);
      for (const f of (page as Pagina).fouten.splice(0)) problemen.push(`${pad}: ${f}`);
    }
    expect(problemen).toEqual([]);
  });

  it('the overview shows the kernen and the privacy page says what the map requests', async () => {
    const html = await (await fetch(`${basis}/`)).text();
    expect(html).toContain('De kernen op de kaart');
    expect(html).toMatch(/<li data-lat="52\.4089" data-lon="6\.621">/);
    const res = await fetch(`${basis}/privacy/`);
    const privacy = await res.text();
    expect(privacy).toContain('De kaart');
    expect(privacy).toContain('geen verbinding met andere partijen');
    expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self';/);
    const geo = await (await fetch(`${basis}/kaart/kernen.geojson`)).json();
    expect(geo.features.filter((f: { properties: { soort: string } }) => f.properties.soort === 'omlijning')).toHaveLength(10);
  });
});

describe('dichtbij mij', () => {
  const VROOMSHOOP = { latitude: 52.4605, longitude: 6.566 };

  it('sorts the kern sections of a thema page from the user’s location, asked only after a click and sent nowhere', async () => {
    const page = await nieuwePagina(browser, { geolocation: VROOMSHOOP, permissions: ['geolocation'] });
    let gevraagd = 0;
    await page.exposeFunction('__plekGevraagd', () => gevraagd++);
    await page.addInitScript(() => {
      const echt = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
      navigator.geolocation.getCurrentPosition = (...args) => {
        (window as unknown as { __plekGevraagd: () => void }).__plekGevraagd();
        echt(...args);
      };
    });
    await page.goto(`${basis}/themas/ontmoeting/`);
    const volgorde = () =>
      page
        .locator('[data-dichtbij-lijst] > section > h2')
        .allTextContents()
        .then((t) => t.map((s) => s.trim()));
    const gewoon = await volgorde();
    expect(gewoon[0]).toBe('Vriezenveen');
    expect(gevraagd).toBe(0);

    const urls = volgVerzoeken(page);
    await page.getByRole('button', { name: 'Vanaf mijn plek' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/vanaf uw plek/);
    expect(gevraagd).toBe(1);
    const gesorteerd = await volgorde();
    expect(gesorteerd[0]).toBe('Vroomshoop');
    expect(new Set(gesorteerd)).toEqual(new Set(gewoon));
    const afstanden = await page.locator('[data-dichtbij-lijst] > section > [data-afstand]').allTextContents();
    expect(afstanden[0]).toMatch(/^Afstand: \d+ m, ongeveer \d+ minuu?t(en)? lopen of \d+ minuu?t(en)? fietsen\.$/);
    expect(afstanden.at(-1)).toMatch(/km/);
    expect(urls, 'geen verzoek na het bepalen van de plek').toEqual([]);

    await page.getByRole('button', { name: 'Terug naar de gewone volgorde' }).click();
    expect(await volgorde()).toEqual(gewoon);
    expect(page.fouten).toEqual([]);
  });

  it('sorts the lists of a kern page from a kern centre, nearest first', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/kernen/vriezenveen/`);
    await page.getByLabel('Of vanaf het midden van').selectOption({ label: 'Aadorp' });
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/vanaf het midden van Aadorp/);
    const lijsten = await page
      .locator('ul[data-dichtbij-lijst]')
      .evaluateAll((uls) =>
        uls.map((ul) =>
          Array.from(ul.children, (li) => [
            Number(li.getAttribute('data-lat')),
            Number(li.getAttribute('data-lon')),
            li.hasAttribute('data-lat') ? 1 : 0,
          ]),
        ),
      );
    expect(lijsten.length).toBeGreaterThan(3);
    const aadorp = { lat: 52.377, lon: 6.629 };
    const km = ([lat, lon]: number[]) => Math.hypot(lat - aadorp.lat, (lon - aadorp.lon) * Math.cos((52.4 * Math.PI) / 180));
    for (const lijst of lijsten) {
      const met = lijst.filter((x) => x[2] === 1);
      const afstanden = met.map(km);
      expect(afstanden).toEqual([...afstanden].sort((a, b) => a - b));
      // Items without an address come after those with one.
      expect(lijst.slice(0, met.length).every((x) => x[2] === 1)).toBe(true);
    }
    expect(await page.locator('[data-afstand]:not([hidden])').first().textContent()).toMatch(/^Afstand: \d+,\d km, ongeveer/);
    expect(page.fouten).toEqual([]);
  });

  it('sorts search results by distance too, also results shown later', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/zoeken/?q=koffie`);
    await page.locator('#zoekformulier[data-status="klaar"]').waitFor({ timeout: 20_000 });
    await page.getByLabel('Of vanaf het midden van').selectOption({ label: 'Kloosterhaar' });
    const kloosterhaar = { lat: 52.5185, lon: 6.642 };
    const km = (lat: number, lon: number) =>
      Math.hypot(lat - kloosterhaar.lat, (lon - kloosterhaar.lon) * Math.cos((52.4 * Math.PI) / 180));
    const afstanden = async () =>
      (
        await page
          .locator('#resultatenlijst > li[data-lat]')
          .evaluateAll((lis) => lis.map((li) => [Number(li.getAttribute('data-lat')), Number(li.getAttribute('data-lon'))]))
      ).map(([lat, lon]) => km(lat, lon));
    await expect.poll(async () => (await afstanden()).length).toBeGreaterThan(3);
    const eerst = await afstanden();
    expect(eerst).toEqual([...eerst].sort((a, b) => a - b));
    const meer = page.getByRole('button', { name: 'Meer resultaten tonen' });
    if (await meer.isVisible()) {
      await meer.click();
      await expect.poll(async () => (await afstanden()).length).toBeGreaterThan(eerst.length);
      const daarna = await afstanden();
      expect(daarna).toEqual([...daarna].sort((a, b) => a - b));
    }
    expect(await page.locator('#resultatenlijst [data-afstand]:not([hidden])').first().textContent()).toMatch(
      /^Afstand: \d+(,\d)? k?m, ongeveer/,
    );
    expect(page.fouten).toEqual([]);
  });

  it('is hidden without JavaScript, where the lists are complete as they are', async () => {
    const html = await (await fetch(`${basis}/kernen/vriezenveen/`)).text();
    expect(html).toMatch(/<div class="sk-dichtbij[^"]*" data-dichtbij data-pagefind-ignore hidden>/);
    expect(html).toMatch(/<div class="sk-kaart__vlak[^"]*" data-kaart-vlak tabindex="-1" hidden>/);
  });
});
