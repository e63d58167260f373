import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { leesCsv } from '../../src/lib/opendata/csv.ts';
import { HSDS_BESTANDEN } from '../../src/lib/opendata/hsds/bestanden.ts';
import { hsdsValidator } from '../../src/lib/opendata/hsds/testhulp.ts';
import { axeFouten, nieuwePagina, startBrowser } from './browser.ts';

const basis = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(() => browser?.close());

describe('open data in the release', () => {
  it('serves every HSDS file, and the JSON the release holds is valid HSDS 3.0', async () => {
    for (const bestand of HSDS_BESTANDEN) {
      const res = await fetch(`${basis}/open-data/hsds/${bestand}`);
      expect(res.status, bestand).toBe(200);
      expect(res.headers.get('content-type'), bestand).toBe(
        bestand.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      );
    }
    const valideer = hsdsValidator()('service');
    const services = (await (await fetch(`${basis}/open-data/hsds/services.json`)).json()) as { contents: unknown[] };
    const fout = services.contents.find((s) => !valideer(s));
    expect(fout === undefined ? [] : valideer.errors).toEqual([]);
    const csv = await (await fetch(`${basis}/open-data/hsds/services.csv`, { headers: { 'Accept-Encoding': 'br' } })).text();
    expect(leesCsv(csv).records.length).toBe(services.contents.length);
  });

  it('the open-data page links the DCAT-AP-NL description, and every file it describes is in the release', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/open-data/`);
    const href = await page.getByRole('link', { name: /DCAT-beschrijving/ }).getAttribute('href');
    const res = await fetch(`${basis}${href!}`);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const cat = (await res.json()) as { 'dcat:dataset': { 'dcat:distribution': { 'dcat:downloadURL': { '@id': string } }[] }[] };
    const urls = cat['dcat:dataset'][0]['dcat:distribution'].map((d) => new URL(d['dcat:downloadURL']['@id']).pathname);
    expect(urls.length).toBeGreaterThan(10);
    for (const pad of urls) expect((await fetch(`${basis}${pad}`)).status, pad).toBe(200);
    expect(page.fouten).toEqual([]);
  });

  it('the open-data page explains HSDS, links its files, and has no axe violations', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/open-data/`);
    await expect(page.getByRole('heading', { level: 2, name: 'Open Referral HSDS 3.0' }).count()).resolves.toBe(1);
    for (const naam of ['Diensten (HSDS JSON)', 'Organisaties (HSDS JSON)', 'HSDS-tabellen (datapackage.json)']) {
      await expect(page.getByRole('link', { name: naam }).count(), naam).resolves.toBe(1);
    }
    expect(await axeFouten(page)).toEqual([]);
    await page.getByRole('link', { name: 'Open Referral HSDS 3.0', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#hsds$/);
    expect(page.fouten).toEqual([]);
  });
});
