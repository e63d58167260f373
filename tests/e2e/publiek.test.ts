import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load.ts';
import { lokaal } from '../../src/lib/rooster/kalender.ts';
import { leeftijd } from '../../src/lib/site/versheid.ts';
import { axeFouten, nieuwePagina, startBrowser } from './browser.ts';

const basis = inject('baseUrl');
type OpenData = {
  kernen: { slug: string; naam: string }[];
  organisaties: { slug: string; naam: string; soort: string; telefoon?: string; kernen: string[]; gecontroleerd_op: string }[];
  activiteiten: { slug: string; titel: string; kern: string; kosten_soort: string; status: string; wanneer: string }[];
};

let browser: Browser;
let data: OpenData;

beforeAll(async () => {
  browser = await startBrowser();
  data = (await (await fetch(`${basis}/open-data/sociale-kaart.json`)).json()) as OpenData;
});
afterAll(() => browser?.close());

/** One page of every type, with what an inwoner must find on it. */
function paginaTypes() {
  const org = data.organisaties.find((o) => o.soort === 'welzijn' && o.telefoon)!;
  const act = data.activiteiten.find((a) => a.status === 'gepubliceerd' && a.kosten_soort === 'gratis')!;
  return [
    { pad: '/', kop: 'Hulp en activiteiten in Twenterand', link: 'Vriezenveen' },
    { pad: '/kernen/', kop: 'De kernen van Twenterand', link: 'Bruinehaar' },
    { pad: '/kernen/sibculo/', kop: 'Sibculo', link: undefined },
    { pad: '/organisaties/', kop: 'Organisaties van A tot Z', link: org.naam },
    { pad: `/organisaties/${org.slug}/`, kop: org.naam, link: undefined },
    { pad: `/aanbod/${act.slug}/`, kop: act.titel, link: undefined },
    { pad: '/themas/', kop: 'Waar zoekt u hulp bij?', link: 'Geld en schulden' },
    { pad: '/themas/mantelzorg/', kop: 'Zorgen voor een ander', link: undefined },
    { pad: '/zoeken/', kop: 'Zoeken', link: 'Alle organisaties van A tot Z' },
    { pad: '/open-data/', kop: 'Open data', link: 'Organisaties (CSV)' },
    { pad: '/over/', kop: 'Over de sociale kaart', link: undefined },
    { pad: '/toegankelijkheid/', kop: 'Toegankelijkheid', link: undefined },
    { pad: '/privacy/', kop: 'Privacy', link: undefined },
  ];
}

describe('public pages', () => {
  it('every page type has its heading, landmarks, no axe violations and no console errors', async () => {
    const page = await nieuwePagina(browser);
    const problemen: string[] = [];
    for (const { pad, kop, link } of paginaTypes()) {
      const res = await page.goto(basis + pad);
      expect(res?.status(), pad).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: kop, exact: true }).count(), `${pad}: h1 "${kop}"`).resolves.toBe(
        1,
      );
      expect(await page.getByRole('main').count(), `${pad}: main`).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), `${pad}: menu`).toBe(1);
      expect(await page.getByRole('search').count(), `${pad}: zoeken`).toBe(1);
      expect(await page.getByRole('contentinfo').count(), `${pad}: footer`).toBe(1);
      if (link)
        expect(await page.getByRole('link', { name: link, exact: true }).count(), `${pad}: link ${link}`).toBeGreaterThan(0);
      for (const f of await axeFouten(page)) problemen.push(`${pad}: ${f}`);
      for (const f of page.fouten.splice(0)) problemen.push(`${pad}: ${f}`);
    }
    expect(problemen).toEqual([]);
  });

  it('every kern page names its kernondersteuner first, with a tel: link, and lists organisations and activities', async () => {
    for (const kern of data.kernen) {
      const html = await (await fetch(`${basis}/kernen/${kern.slug}/`)).text();
      const ondersteuner = html.indexOf('Uw kernondersteuner:');
      expect(ondersteuner, kern.slug).toBeGreaterThan(0);
      expect(ondersteuner, `${kern.slug}: kernondersteuner vóór de organisaties`).toBeLessThan(html.indexOf('id="organisaties"'));
      expect(html.slice(ondersteuner, ondersteuner + 2000)).toMatch(/href="tel:\+31\d{9}"/);
      // Listings unchecked for too long stay in the open data but leave the lists (issue #15).
      const vandaag = lokaal(new Date()).datum;
      const orgs = data.organisaties.filter(
        (o) => o.kernen.includes(kern.slug) && leeftijd(o.gecontroleerd_op, vandaag, loadConfig().versheid) !== 'verborgen',
      );
      const acts = data.activiteiten.filter((a) => a.kern === kern.slug && a.status === 'gepubliceerd');
      expect(orgs.length, kern.slug).toBeGreaterThan(0);
      for (const o of orgs) expect(html, `${kern.slug} noemt ${o.slug}`).toContain(`href="/organisaties/${o.slug}/"`);
      expect(acts.filter((a) => html.includes(`href="/aanbod/${a.slug}/"`)).length, kern.slug).toBeGreaterThan(0);
    }
  });

  it('shows the demo notice, the build date and "gecontroleerd op" on listings', async () => {
    const page = await nieuwePagina(browser);
    const org = data.organisaties[0];
    await page.goto(`${basis}/organisaties/${org.slug}/`);
    await expect(page.getByRole('note', { name: 'Voorbeeldgegevens' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Gecontroleerd op \d{1,2} [a-z]+ \d{4}\.$/).count()).resolves.toBe(1);
    await expect(
      page.getByText(/Deze pagina is bijgewerkt op \d{1,2} [a-z]+ \d{4} om \d{1,2}\.\d\d uur\./).count(),
    ).resolves.toBe(1);
  });

  it('an activity page says when, where, for whom, the cost and how to join, with Event JSON-LD', async () => {
    const act = data.activiteiten.find((a) => a.status === 'gepubliceerd' && /^Elke /.test(a.wanneer))!;
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/aanbod/${act.slug}/`);
    for (const kop of ['Wanneer', 'Waar', 'Voor wie', 'Kosten', 'Meedoen']) {
      await expect(page.getByRole('heading', { level: 2, name: kop }).count(), kop).resolves.toBe(1);
    }
    await expect(page.getByRole('heading', { name: 'De volgende keren' }).count()).resolves.toBe(1);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld['@type']).toBe('Event');
    expect(ld.eventSchedule[0]['@type']).toBe('Schedule');
    expect(ld.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00$/);
  });

  it('works without JavaScript: the same content is in the HTML', async () => {
    const page = await nieuwePagina(browser, { javaScriptEnabled: false });
    await page.goto(`${basis}/kernen/vriezenveen/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Vriezenveen' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: /Activiteiten in de komende drie weken/ }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Organisaties A-Z' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisaties van A tot Z' }).isVisible()).resolves.toBe(true);
  });

  it('answers an unknown address with the 404 page and redirects a folder without slash', async () => {
    const page = await nieuwePagina(browser);
    const res = await page.goto(`${basis}/aanbod/bestaat-niet/`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Deze pagina bestaat niet (meer)');
    const kaal = await fetch(`${basis}/kernen/aadorp`, { redirect: 'manual' });
    expect(kaal.status).toBe(301);
    expect(kaal.headers.get('location')).toBe('/kernen/aadorp/');
    expect((await fetch(`${basis}/..%2f..%2fetc/passwd`)).status).toBe(404);
  });

  it('keeps to 320 px without sideways scrolling, and saves screenshots at 375 and 1280 px', async () => {
    mkdirSync('test-results/screenshots', { recursive: true });
    for (const breedte of [320, 375, 1280]) {
      const page = await nieuwePagina(browser, { viewport: { width: breedte, height: 900 } });
      for (const pad of ['/', '/kernen/vriezenveen/', `/aanbod/${data.activiteiten[0].slug}/`]) {
        await page.goto(basis + pad);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scroll, `${pad} op ${breedte} px`).toBeLessThanOrEqual(breedte);
        if (breedte !== 320) {
          const naam = pad.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
          await page.screenshot({ path: `test-results/screenshots/${naam}-${breedte}.png`, fullPage: breedte === 375 });
        }
      }
      await page.context().close();
    }
  });

  it('serves compressed pages with security headers and no cookies', async () => {
    const res = await fetch(`${basis}/kernen/vroomshoop/`, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull();
    const etag = res.headers.get('etag')!;
    const opnieuw = await fetch(`${basis}/kernen/vroomshoop/`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
    expect(opnieuw.status).toBe(304);
  });
});
