import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { axeFouten, nieuwePagina, startBrowser } from '../e2e/browser.ts';
import { logIn, testDb } from '../e2e/portaal-hulp.ts';

/**
 * Loon op Zand from content/voorbeelden/loon-op-zand only: no code of its own. Every public
 * page type passes the same checks as Twenterand's, speaks of the Sterk Lokaal Team where
 * Twenterand has its kernondersteuner, and nothing in the release mentions Twenterand.
 */

const basis = inject('baseUrl');
const dataDir = inject('dataDir');

type OpenData = {
  organisaties: { slug: string; naam: string; soort: string }[];
  activiteiten: { slug: string; titel: string; status: string }[];
};

let browser: Browser;
let data: OpenData;

beforeAll(async () => {
  browser = await startBrowser();
  data = (await (await fetch(`${basis}/open-data/sociale-kaart.json`)).json()) as OpenData;
});
afterAll(() => browser?.close());

function paginaTypes() {
  const org = data.organisaties.find((o) => o.soort === 'welzijn')!;
  const act = data.activiteiten.find((a) => a.status === 'gepubliceerd')!;
  return [
    { pad: '/', kop: 'Hulp en activiteiten in Loon op Zand' },
    { pad: '/kernen/', kop: 'De kernen van Loon op Zand' },
    { pad: '/kernen/de-moer/', kop: 'De Moer' },
    { pad: '/organisaties/', kop: 'Organisaties van A tot Z' },
    { pad: `/organisaties/${org.slug}/`, kop: org.naam },
    { pad: `/aanbod/${act.slug}/`, kop: act.titel },
    { pad: '/themas/', kop: 'Waar zoekt u hulp bij?' },
    { pad: '/themas/mantelzorg/', kop: 'Zorgen voor een ander' },
    { pad: '/zoeken/', kop: 'Zoeken' },
    { pad: '/over/', kop: 'Over de sociale kaart' },
  ];
}

/** Every HTML file of the live release, also the ones no link leads to. */
function htmlBestanden(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.join(d.parentPath, d.name));
}

describe('Loon op Zand, a second gemeente from configuration alone', () => {
  it('every public page type has its heading and landmarks, no axe violations and no console errors', async () => {
    const page = await nieuwePagina(browser);
    const problemen: string[] = [];
    for (const { pad, kop } of paginaTypes()) {
      const res = await page.goto(basis + pad);
      expect(res?.status(), pad).toBe(200);
      expect(await page.getByRole('heading', { level: 1, name: kop, exact: true }).count(), `${pad}: h1 "${kop}"`).toBe(1);
      expect(await page.getByRole('main').count(), `${pad}: main`).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), `${pad}: menu`).toBe(1);
      problemen.push(...(await axeFouten(page)).map((f) => `${pad}: ${f}`));
    }
    expect(problemen).toEqual([]);
    expect(page.fouten).toEqual([]);
    await page.context().close();
  });

  it('names the Sterk Lokaal Team where Twenterand names its kernondersteuner', async () => {
    const page = await nieuwePagina(browser, { viewport: { width: 360, height: 780 } });
    await page.goto(`${basis}/`);
    await page.getByText('Elke kern heeft een eigen Sterk Lokaal Team.').waitFor();
    await page.getByText('Bel het Sterk Lokaal Team van uw dorp. Dat kent de mensen').waitFor();
    expect(await page.getByText(/^Sterk Lokaal Team: .+ \(demo\)$/).count()).toBe(3);

    await page.goto(`${basis}/kernen/kaatsheuvel/`);
    const kaart = page.getByRole('heading', { level: 2, name: /^Uw Sterk Lokaal Team: .+ \(demo\)$/ });
    await kaart.waitFor();
    // On paper (the kern page is the print page) the Sterk Lokaal Team stays on top.
    await page.emulateMedia({ media: 'print' });
    expect(await kaart.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // No result: the search page sends the inwoner to the Sterk Lokaal Team of their kern.
    await page.goto(`${basis}/zoeken/?q=qqxqq&kern=de-moer`);
    const geen = page.getByRole('region', { name: 'Niet gevonden wat u zoekt? Wij helpen u verder' });
    await geen.getByRole('heading', { name: /, Sterk Lokaal Team in De Moer$/ }).waitFor();
    await expect(geen.getByRole('link', { name: /^0416 0\d\d \d{3}$/ }).getAttribute('href')).resolves.toMatch(/^tel:\+31416/);
    const tekst = await page.locator('body').textContent();
    expect(tekst).not.toMatch(/kernondersteuner/i);
    await page.context().close();
  });

  it('speaks of the Sterk Lokaal Team in the portal too', async () => {
    const db = testDb();
    bewaarAccount(db, { email: 'beheer@loonopzand.example', naam: 'Bea Heer', beheerder: true, organisaties: [], kernen: [] });
    db.$client.close();
    const page = await nieuwePagina(browser);
    await logIn(page, 'beheer@loonopzand.example');
    await page.goto(`${basis}/partners/beheer/accounts/`);
    await page.getByRole('group', { name: 'Sterk Lokaal Team van' }).waitFor();
    await page.getByText('Een Sterk Lokaal Team beoordeelt wijzigingen in deze kernen.').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/kernondersteuner/i);
    expect(await axeFouten(page)).toEqual([]);
    await page.context().close();
  });

  it('wears its own colours on top of the voorbeeld tokens: brown links, a green card for the Sterk Lokaal Team', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/kernen/kaatsheuvel/`);
    const link = await page
      .getByRole('navigation', { name: 'Kruimelpad' })
      .getByRole('link', { name: 'Kernen' })
      .evaluate((a) => getComputedStyle(a).color);
    const kaart = await page
      .getByRole('region', { name: /^Uw Sterk Lokaal Team: / })
      .evaluate((s) => getComputedStyle(s).borderLeftColor);
    // --voorbeeld-kleuren-oranje-500 (#863d15) and -groen-400 (#157b31), set in huisstijl/kleuren.css.
    expect([link, kaart]).toEqual(['rgb(134, 61, 21)', 'rgb(21, 123, 49)']);
    await page.context().close();
  });

  it('marks every invented name as demo, and no page of the release mentions Twenterand', async () => {
    expect(data.organisaties.length).toBeGreaterThan(24);
    expect(data.activiteiten.length).toBeGreaterThan(24);
    const nietGemerkt = [...data.organisaties.map((o) => o.naam), ...data.activiteiten.map((a) => a.titel)].filter(
      (n) => !n.endsWith(' (demo)'),
    );
    expect(nietGemerkt).toEqual([]);

    const bestanden = htmlBestanden(path.join(dataDir, 'releases', 'current'));
    expect(bestanden.length).toBeGreaterThan(100);
    const metTwenterand = bestanden.filter((b) => /twenterand/i.test(readFileSync(b, 'utf8')));
    expect(metTwenterand.map((b) => path.relative(dataDir, b))).toEqual([]);
  });
});
