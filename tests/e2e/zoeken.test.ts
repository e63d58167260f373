import { eq } from 'drizzle-orm';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { kwartaalBegin, kwartaalVan } from '../../src/lib/cijfers/perioden.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { plusDagen } from '../../src/lib/rooster/kalender.ts';
import { axeFouten, nieuwePagina, startBrowser, type Pagina } from './browser.ts';
import { logIn, MET_PUBLICATIE, publiceerOpnieuw, testDb } from './portaal-hulp.ts';

const basis = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(() => browser?.close());

const klaar = (page: Pagina) => page.locator('#zoekformulier[data-status="klaar"]').waitFor({ timeout: 20_000 });
const resultaten = (page: Pagina) =>
  page.locator('#resultatenlijst > li h3 a').evaluateAll((a) => a.map((l) => l.getAttribute('href')));
const status = (page: Pagina) => page.getByRole('status').textContent();

describe('zoeken', () => {
  it('loads Pagefind only when someone starts to search', async () => {
    const page = await nieuwePagina(browser);
    const geladen: string[] = [];
    page.on('request', (r) => {
      if (/\/pagefind\/|woorden\.json/.test(r.url())) geladen.push(new URL(r.url()).pathname);
    });
    await page.goto(`${basis}/kernen/vroomshoop/`);
    await page.goto(`${basis}/zoeken/`);
    await page.waitForLoadState('networkidle');
    expect(geladen).toEqual([]);
    await page.goto(`${basis}/organisaties/`);
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).focus();
    await expect.poll(() => geladen).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/zoeken/woorden.json']));
    expect(page.fouten).toEqual([]);
  });

  it('type, filter, open a result, go back: query, filters and results are restored', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/zoeken/`);
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).pressSequentially('koffie', { delay: 30 });
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^\d+ resultaten voor ‘koffie’\.$/);
    await page.locator('#filters > summary').click();
    await page.getByRole('combobox', { name: 'Kern' }).selectOption({ label: 'Vroomshoop' });
    await page.getByRole('checkbox', { name: 'Alleen gratis activiteiten' }).check();
    await expect
      .poll(() => status(page), { timeout: 30_000 })
      .toMatch(/^\d+ resultaten? voor ‘koffie’ in Vroomshoop met 1 filter\.$/);
    expect(new URL(page.url()).search).toBe('?q=koffie&kern=vroomshoop&gratis=ja');
    const lijst = await resultaten(page);
    expect(lijst.length).toBeGreaterThan(0);
    expect(lijst.every((href) => href!.startsWith('/aanbod/') && href!.endsWith('-vroomshoop/'))).toBe(true);

    const eerste = page.locator('#resultatenlijst > li').first();
    await expect(eerste.locator('.sk-meta').first().textContent()).resolves.toBe('Activiteit · Vroomshoop');
    await expect(eerste.getByText(/^Gecontroleerd \d{1,2} [a-z]+ \d{4}$/).count()).resolves.toBe(1);
    await expect(eerste.locator('mark').count()).resolves.toBeGreaterThan(0);
    await eerste.getByRole('link').click();
    await page.waitForURL(`${basis}${lijst[0]}`);
    await page.goBack();
    await klaar(page);
    await expect(page.locator('#filters').getAttribute('open')).resolves.toBe('');
    await expect(page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).inputValue()).resolves.toBe('koffie');
    await expect(page.getByRole('combobox', { name: 'Kern' }).inputValue()).resolves.toBe('vroomshoop');
    await expect(page.getByRole('checkbox', { name: 'Alleen gratis activiteiten' }).isChecked()).resolves.toBe(true);
    await expect.poll(() => resultaten(page)).toEqual(lijst);
    expect(page.fouten).toEqual([]);
  });

  it('the whole flow by keyboard: header search on a kern page, filters, a result, back', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/kernen/den-ham/`);
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== 'sk-zoekveld'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sk-zoekveld');
    await expect(page.getByLabel('Zoeken in Den Ham').count()).resolves.toBe(1);
    await page.keyboard.type('koor');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\/\?q=koor&kern=den-ham$/);
    await klaar(page);
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/voor ‘koor’ in Den Ham\./);
    await expect(
      page.getByRole('link', { name: /^Zoek ook in andere kernen \(\d+ resultaten in de hele gemeente\)$/ }).isVisible(),
    ).resolves.toBe(true);

    // Into the filters: field → Zoek → Filters (open with Enter) → Kern → one down = first kern.
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-kern');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).search).toMatch(/^\?q=koor&kern=den-ham&soort=[a-z-]+$/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=koor&kern=den-ham');
    await klaar(page);

    const eerste = (await resultaten(page))[0]!;
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.getAttribute('href'))) !== eerste; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${basis}${eerste}`);
    // The browser's own back shortcut; headless Chromium has no browser UI to take it, then use history.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForURL(/\/zoeken\//, { timeout: 2000 }).catch(() => page.goBack());
    await page.waitForURL(/\/zoeken\/\?q=koor&kern=den-ham$/);
    await klaar(page);
    await expect(page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).inputValue()).resolves.toBe('koor');
    expect(page.fouten).toEqual([]);
  });

  it('"ook in andere kernen" widens the search in one step', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/zoeken/?q=mantelzorg&kern=aadorp`);
    await klaar(page);
    const inKern = (await resultaten(page)).length;
    await page.getByRole('link', { name: /^Zoek ook in andere kernen/ }).click();
    await page.waitForURL(`${basis}/zoeken/?q=mantelzorg`);
    await klaar(page);
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^\d+ resultaten voor ‘mantelzorg’\.$/);
    expect((await resultaten(page)).length).toBeGreaterThan(inKern);
  });

  it('finds inwoners’ words, typos and a kern named in the query, and says so', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/zoeken/?q=mantelzorgkafe+vroomshoop`);
    await klaar(page);
    await expect(status(page)).resolves.toContain('Gezocht op ‘mantelzorgcafe’ in plaats van ‘mantelzorgkafe’.');
    await expect(status(page)).resolves.toContain('U noemde Vroomshoop: we zoeken daar.');
    expect((await resultaten(page))[0]).toBe('/aanbod/mantelzorgcafe-vroomshoop/');
  });

  it('leaves a correct Dutch word alone and offers the site word as "Bedoelde u …?"', async () => {
    const page = await nieuwePagina(browser);
    const gevraagd: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/zoeken/nederlands/')) gevraagd.push(new URL(r.url()).pathname);
    });
    // "kapper" is correct Dutch, one letter from "kamer" on the site: not replaced.
    await page.goto(`${basis}/zoeken/?q=kapper`);
    await klaar(page);
    await expect(status(page)).resolves.not.toContain('in plaats van');
    await expect(status(page)).resolves.toContain('Bedoelde u kamer?');
    await expect(page.getByRole('link', { name: 'kamer', exact: true }).getAttribute('href')).resolves.toBe('/zoeken/?q=kamer');
    expect(gevraagd).toEqual(['/zoeken/nederlands/k.json']);
    // A real typo is still corrected.
    await page.goto(`${basis}/zoeken/?q=koffei`);
    await klaar(page);
    await expect(status(page)).resolves.toContain('Gezocht op ‘koffie’ in plaats van ‘koffei’.');
    await expect(page.getByText('Bedoelde u').count()).resolves.toBe(0);
    expect(page.fouten).toEqual([]);
  });

  it('a doelgroep word puts activities for that group first and those only for other groups lower', async () => {
    const page = await nieuwePagina(browser);
    const groepen = () =>
      page.locator('#resultatenlijst > li').evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.doelgroep ?? ''));
    for (const [vraag, groep] of [
      ['bewegen voor senioren', 'ouderen'],
      ['iets leuks voor pubers', 'jongeren'],
    ] as const) {
      await page.goto(`${basis}/zoeken/?q=${encodeURIComponent(vraag)}`);
      await klaar(page);
      const lijst = await groepen();
      expect(lijst.length, vraag).toBeGreaterThan(2);
      expect(lijst[0].split(' '), vraag).toContain(groep);
      // No result only for other groups above one for the group asked.
      const laatsteVoor = lijst.findLastIndex((g) => g.split(' ').includes(groep));
      const eersteAnder = lijst.findIndex((g) => g !== '' && !g.split(' ').includes(groep));
      if (eersteAnder >= 0) expect(eersteAnder, `${vraag}: ${lijst.join(' | ')}`).toBeGreaterThan(laatsteVoor);
    }
    expect(page.fouten).toEqual([]);
  });

  it('on a phone (375×800) the first result is on the first screen, announced and focused', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    // Typed in the box and sent with Enter, as on a phone.
    await page.goto(`${basis}/zoeken/`);
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).fill('koffie');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^\d+ resultaten voor ‘koffie’\.$/);
    await klaar(page);
    const plek = () =>
      page
        .locator('#resultatenlijst > li')
        .first()
        .evaluate((li) => {
          const r = li.getBoundingClientRect();
          return { top: r.top, opPagina: r.top + window.scrollY, hoogte: window.innerHeight };
        });
    const na = await plek();
    // In the viewport after the search, and on the first screen of the page itself (not by scrolling there).
    expect(na.top).toBeGreaterThanOrEqual(0);
    expect(na.top).toBeLessThan(na.hoogte - 60);
    expect(na.opPagina, `first result at ${na.opPagina} px on the page`).toBeLessThan(na.hoogte - 60);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resultaten-kop');
    await expect(page.getByRole('status').first().getAttribute('id')).resolves.toBe('zoekstatus');
    // "Wat is dichtbij?" comes after the results; the filters are one line.
    const volgorde = await page.evaluate(() => {
      const lijst = document.getElementById('resultatenlijst')!;
      const dichtbij = document.querySelector('[data-dichtbij]')!;
      return lijst.compareDocumentPosition(dichtbij) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(volgorde).toBeTruthy();
    const filters = await page.locator('#filters > summary').boundingBox();
    expect(filters!.height).toBeLessThanOrEqual(48);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/zoeken-375.png' });

    // Arriving with a query from the search box on another page: the same.
    await page.goto(`${basis}/kernen/vroomshoop/`);
    await page.getByRole('searchbox', { name: 'Zoeken in Vroomshoop' }).fill('bingo');
    await page.getByRole('searchbox', { name: 'Zoeken in Vroomshoop' }).press('Enter');
    await page.waitForURL(/\/zoeken\/\?q=bingo/);
    await klaar(page);
    const vanElders = await plek();
    expect(vanElders.opPagina).toBeLessThan(vanElders.hoogte - 60);
    expect(await axeFouten(page)).toEqual([]);
    expect(page.fouten).toEqual([]);
  });

  it('the kern page of Vriezenveen is short on a phone: the kernondersteuner on top, the long lists folded', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 375, height: 800 }, isMobile: true });
    await page.goto(`${basis}/kernen/vriezenveen/`);
    const ondersteuner = await page.getByRole('heading', { name: /^Uw kernondersteuner: / }).boundingBox();
    expect(ondersteuner!.y).toBeLessThan(800);
    const hoogte = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(hoogte, `page is ${hoogte} px long`).toBeLessThan(9000);
    // Folded, not gone: opening "Toon alle … activiteiten" shows the whole list.
    const alle = page.getByText(/^Toon alle \d+ activiteiten van A tot Z$/);
    await alle.click();
    const links = page.locator('section[aria-labelledby="alle-activiteiten"] a[href^="/aanbod/"]');
    await expect.poll(() => links.first().isVisible()).toBe(true);
    expect(await links.count()).toBeGreaterThan(20);
    expect(await axeFouten(page)).toEqual([]);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/kern-vriezenveen-375.png' });
  });

  it('no result is never a dead end: the kernondersteuner, the thema pages, fewer filters', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/zoeken/?q=qqxqq&kern=sibculo&dag=zo`);
    await klaar(page);
    await expect(status(page)).resolves.toBe('Geen resultaten voor ‘qqxqq’ in Sibculo met 1 filter.');
    const geen = page.getByRole('region', { name: 'Niet gevonden wat u zoekt? Wij helpen u verder' });
    await expect(geen.getByRole('heading', { name: /kernondersteuner in Sibculo$/ }).isVisible()).resolves.toBe(true);
    await expect(geen.getByRole('heading', { name: /kernondersteuner in / }).count()).resolves.toBe(1);
    await expect(geen.getByRole('link', { name: /^0546 0\d\d \d{3}$/ }).getAttribute('href')).resolves.toMatch(/^tel:\+31546/);
    await expect(geen.getByRole('link', { name: 'Zoek zonder filters' }).getAttribute('href')).resolves.toBe('/zoeken/?q=qqxqq');
    await expect(page.getByRole('link', { name: 'Geld en schulden' }).isVisible()).resolves.toBe(true);

    await page.goto(`${basis}/zoeken/?q=kangoeroeklup&kern=aadorp`);
    await klaar(page);
    await expect(status(page)).resolves.toBe('Geen resultaten voor ‘kangoeroeklup’ in Aadorp.');
    await expect(geen.getByRole('heading', { name: /kernondersteuner in Aadorp$/ }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: /^Zoek ook in andere kernen \(\d+ resultaten? in de hele gemeente\)$/ }).click();
    await page.waitForURL(`${basis}/zoeken/?q=kangoeroeklup`);
    await klaar(page);
    expect((await resultaten(page)).length).toBeGreaterThan(0);

    await page.goto(`${basis}/zoeken/?q=qqxqq`);
    await klaar(page);
    await expect(geen.getByRole('link', { name: 'Bruinehaar' }).getAttribute('href')).resolves.toBe('/kernen/bruinehaar/');
    await expect(geen.getByRole('link', { name: 'Zoek zonder filters' }).isVisible()).resolves.toBe(false);
  });

  it('has no axe violations with results and with the filters open', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/zoeken/?q=bingo`);
    await klaar(page);
    expect(await axeFouten(page)).toEqual([]);
    await page.locator('#filters > summary').click();
    await page.getByRole('combobox', { name: 'Thema' }).selectOption('ontmoeting');
    await klaar(page);
    expect(await axeFouten(page)).toEqual([]);
    await page.goto(`${basis}/zoeken/?q=qqxqq&kern=vriezenveen`);
    await klaar(page);
    expect(await axeFouten(page)).toEqual([]);
    expect(page.fouten).toEqual([]);
  });

  it('without JavaScript a search keeps the query and shows matches from our own server', async () => {
    const page = await nieuwePagina(browser, { javaScriptEnabled: false });
    await page.goto(`${basis}/kernen/kloosterhaar/`);
    await page.getByRole('searchbox', { name: 'Zoeken in Kloosterhaar' }).fill('schulden');
    await page.getByRole('button', { name: 'Zoek' }).click();
    await page.waitForURL(`${basis}/zoeken/?q=schulden&kern=kloosterhaar`);
    await expect(page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).inputValue()).resolves.toBe('schulden');
    await page.locator('#filters > summary').click();
    await expect(page.getByRole('combobox', { name: 'Kern' }).inputValue()).resolves.toBe('kloosterhaar');
    await expect(
      page.getByRole('heading', { level: 2, name: /^\d+ resultaten? voor ‘schulden’ in Kloosterhaar$/ }).isVisible(),
    ).resolves.toBe(true);
    const links = await page.locator('#zoeken-server ol a').evaluateAll((a) => a.map((l) => l.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    await expect(
      page.getByRole('link', { name: 'Alles in Kloosterhaar, met de kernondersteuner' }).getAttribute('href'),
    ).resolves.toBe('/kernen/kloosterhaar/');
    await expect(page.getByText('Zoeken werkt op deze site met JavaScript.').isVisible()).resolves.toBe(false);

    // An inwoner's word (a synonym) and a typo, from the search page itself.
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).fill('geldzorgne');
    await page.getByRole('combobox', { name: 'Kern' }).selectOption('');
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await page.waitForURL(/\/zoeken\/\?q=geldzorgne/);
    await expect(page.getByText('Gezocht op ‘geldzorgen’ in plaats van ‘geldzorgne’.').isVisible()).resolves.toBe(true);
    const geld = await page.locator('#zoeken-server ol a').evaluateAll((a) => a.map((l) => l.getAttribute('href')));
    // Pages about money come first (their own words or names), not just any page of the thema.
    expect(
      geld.slice(0, 3).every((h) => /geld|schuld/.test(h ?? '')),
      geld.join(' '),
    ).toBe(true);
    // The lists stay as a way out.
    await expect(page.getByRole('link', { name: 'Geld en schulden' }).first().getAttribute('href')).resolves.toBe(
      '/themas/geldzaken/',
    );

    // With JavaScript the same address shows Pagefind's results, not the server's.
    const metJs = await nieuwePagina(browser);
    await metJs.goto(`${basis}/zoeken/?q=schulden`);
    await klaar(metJs);
    await expect(metJs.locator('#zoeken-server').isVisible()).resolves.toBe(false);
    expect((await resultaten(metJs)).length).toBeGreaterThan(0);
    // The server's block is in this page too: shown, it has no axe violations (axe needs JavaScript).
    await metJs.evaluate(() => document.getElementById('zoeken-server')?.removeAttribute('hidden'));
    await expect(metJs.locator('#zoeken-server ol li').count()).resolves.toBeGreaterThan(0);
    expect(await axeFouten(metJs)).toEqual([]);
    expect(metJs.fouten).toEqual([]);
  });

  it('a search that finds nothing reaches our server with its words and kern only, and shows in the overview past 5 days', async () => {
    const page = await nieuwePagina(browser);
    const meldingen: { body: unknown; cookie?: string }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/zoeken/niets-gevonden')) meldingen.push({ body: r.postDataJSON(), cookie: r.headers().cookie });
    });
    await page.goto(`${basis}/zoeken/?q=een+padelbaan&kern=aadorp`);
    await klaar(page);
    await expect.poll(() => meldingen.length).toBe(1);
    expect(meldingen[0]).toEqual({ body: { woorden: ['padelbaan'], kern: 'aadorp' }, cookie: undefined });
    // Typing halfway is not a search that found nothing.
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).fill('qqxq');
    await klaar(page);

    // Global Privacy Control in the browser: nothing is sent; Do Not Track at the server: nothing kept.
    const gpc = await nieuwePagina(browser);
    await gpc.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }));
    let gestuurd = 0;
    gpc.on('request', (r) => {
      if (r.url().endsWith('/zoeken/niets-gevonden')) gestuurd++;
    });
    await gpc.goto(`${basis}/zoeken/?q=padelbaan&kern=aadorp`);
    await klaar(gpc);
    const db = testDb();
    const tel = () =>
      db
        .select()
        .from(t.zoekgat)
        .all()
        .filter((r) => r.woord === 'padelbaan').length;
    try {
      expect(tel()).toBe(1);
      const dnt = await fetch(`${basis}/zoeken/niets-gevonden`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', DNT: '1' },
        body: JSON.stringify({ woorden: ['padelbaan'], kern: 'aadorp' }),
      });
      expect(dnt.status).toBe(204);
      expect(dnt.headers.get('set-cookie')).toBeNull();
      expect(tel()).toBe(1);
      expect(gestuurd).toBe(0);
      // Only the day, the kern and the word are kept.
      expect(Object.keys(db.select().from(t.zoekgat).all()[0]).sort()).toEqual(['dag', 'id', 'kern', 'woord']);

      // Three more days: four in all, not shown; a fifth day: shown.
      const vandaag = db.select().from(t.zoekgat).all()[0].dag;
      const begin = kwartaalBegin(kwartaalVan(vandaag));
      const dagen = Array.from({ length: 6 }, (_, i) => plusDagen(begin, i)).filter((d) => d !== vandaag);
      db.insert(t.zoekgat)
        .values(dagen.slice(0, 3).map((dag) => ({ dag, kern: 'aadorp', woord: 'padelbaan' })))
        .run();
      bewaarAccount(db, {
        email: 'zoekgat-beheer@test.example',
        naam: 'Zoekgat Beheer',
        beheerder: true,
        organisaties: [],
        kernen: [],
      });
      const beheer = await nieuwePagina(browser);
      await logIn(beheer, 'zoekgat-beheer@test.example');
      await beheer.goto(`${basis}/partners/signalen/overzicht`);
      const sectie = beheer.getByRole('region', { name: 'Gezocht, niets gevonden' });
      await expect(sectie.getByText('Nog geen woorden die vaak genoeg zijn gezocht.').isVisible()).resolves.toBe(true);
      db.insert(t.zoekgat).values({ dag: dagen[3], kern: 'aadorp', woord: 'padelbaan' }).run();
      await beheer.reload();
      const rij = sectie.getByRole('row', { name: /Aadorp padelbaan 5/ });
      await expect(rij.isVisible()).resolves.toBe(true);
      expect(await axeFouten(beheer)).toEqual([]);
    } finally {
      db.$client.close();
    }
    expect(page.fouten).toEqual([]);
  });

  it('keeps working on a search page that was opened before a publish', MET_PUBLICATIE, async () => {
    const page = await nieuwePagina(browser);
    const gevraagd: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/pagefind/')) gevraagd.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${basis}/zoeken/?q=schulden`);
    await klaar(page);
    expect((await resultaten(page)).length).toBeGreaterThan(0);

    // A change that alters the index chunk of a word this page has not looked up yet.
    const db = testDb();
    try {
      const act = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).all().at(-1)!;
      db.update(t.activiteit)
        .set({ omschrijving: `${act.omschrijving} Ook xylofoonles voor wie wil.` })
        .where(eq(t.activiteit.id, act.id))
        .run();
      bewaarAccount(db, {
        email: 'zoek-beheer@test.example',
        naam: 'Zoek Beheer',
        beheerder: true,
        organisaties: [],
        kernen: [],
      });
    } finally {
      db.$client.close();
    }
    const beheerder = await nieuwePagina(browser);
    await logIn(beheerder, 'zoek-beheer@test.example');
    const live = await publiceerOpnieuw(beheerder);

    gevraagd.length = 0;
    await page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' }).fill('xylofoon');
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/‘xylofoon’/);
    expect(gevraagd.filter((r) => !r.startsWith('200 '))).toEqual([]);
    // The old page's chunk is not in the new release: it came from the release the page was opened in.
    const uitEerdere = gevraagd.map((r) => r.slice(4)).filter((p) => !existsSync(path.join(live, p)));
    expect(uitEerdere.length).toBeGreaterThan(0);
    expect(page.fouten).toEqual([]);
  });
});
