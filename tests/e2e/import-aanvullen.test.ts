import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laadKaart } from '../../src/lib/data/kaart.ts';
import { axeFouten, nieuwePagina, startBrowser, type Pagina } from './browser.ts';
import { basis, logIn, MET_PUBLICATIE, neemPublicatieSlot, testDb, wachtTotZichtbaar } from './portaal-hulp.ts';

/**
 * Another system's HSDS records imported with `npm run import -- … --apply` come in as concepts;
 * the beheerder finds them under "Na import nog aanvullen", completes an organisation and an
 * activity in the portal and puts the activity on the map. Kern Westerhaar: no other browser
 * test counts its activities.
 */

let browser: Browser;
const db = testDb();
const BEHEERDER = 'beheer-import@gemeente.example';
const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-e2e-import-'));
let geefSlotVrij: (() => Promise<void>) | undefined;
let rapport = '';

beforeAll(async () => {
  geefSlotVrij = await neemPublicatieSlot();
  browser = await startBrowser();
  const tekst = readFileSync('tests/fixtures/ander-systeem/services.json', 'utf8')
    .replaceAll('"Vriezenveen"', '"Westerhaar-Vriezenveensewijk"')
    .replaceAll('"Den Ham"', '"Westerhaar-Vriezenveensewijk"')
    .replaceAll('Koffieochtend', 'Koffieochtend De Linde');
  writeFileSync(path.join(dir, 'services.json'), tekst);
  const env = { ...process.env, DATABASE_PATH: (db.$client as unknown as { name: string }).name };
  rapport = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', path.join(dir, 'services.json'), '--apply'], {
    env,
    encoding: 'utf8',
  });
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/create-beheerder.ts', BEHEERDER, 'Gemeente', 'Import'], { env });
}, MET_PUBLICATIE.timeout);
afterAll(async () => {
  await browser?.close();
  await geefSlotVrij?.();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Saves the form; the portal goes back to the overview with "gepubliceerd" (the beheerder publishes directly). */
async function opslaan(page: Pagina) {
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.waitForURL(/\/partners\/\?melding=gepubliceerd/, { timeout: 10_000 }).catch(async () => {
    throw new Error(`Opslaan lukte niet:\n${await page.locator('main').textContent()}`);
  });
  await page.goto(`${basis}/partners/beheer/aanvullen/`);
}

describe('after an import from another system', () => {
  it('the beheerder completes a concept in the portal and puts it on the map', async () => {
    expect(rapport).toContain('Opgeslagen, in één keer: 5 nieuw');
    expect(rapport).toContain('Koffieochtend De Linde (activiteit): kies voor wie het is; kies vrije inloop of aanmelden');

    const page: Pagina = await nieuwePagina(browser);
    await logIn(page, BEHEERDER);
    await page.getByRole('link', { name: 'Beheer', exact: true }).first().click();
    await page.getByRole('link', { name: 'Na import nog aanvullen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Na import nog aanvullen' }).waitFor();
    const open = page.getByRole('region', { name: /Nog aanvullen/ });
    const koffie = open.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Koffieochtend De Linde' }) });
    expect(await koffie.getByRole('listitem').allInnerTexts()).toEqual([
      'kies voor wie het is',
      'kies vrije inloop of aanmelden',
    ]);
    expect(await axeFouten(page)).toEqual([]);
    // At 360 px: no sideways scrolling; a screenshot to look at.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/na-import-aanvullen-360.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Not on the map yet, and cannot be: the organisation lacks its soort.
    const kaart = laadKaart(db, { ookConcepten: true });
    const act = kaart.activiteiten.find((a) => a.titel === 'Koffieochtend De Linde')!;
    expect(act.status).toBe('concept');
    expect((await fetch(`${basis}/aanbod/${act.slug}/`)).status).toBe(404);

    // The organisation: choose its soort.
    await open.getByRole('link', { name: 'Stichting Welzijn De Linde' }).click();
    await page.getByLabel('Soort organisatie').selectOption({ label: 'Welzijn' });
    await opslaan(page);

    // The activity: for whom, and how to join.
    await page
      .getByRole('region', { name: /Nog aanvullen/ })
      .getByRole('link', { name: 'Koffieochtend De Linde' })
      .click();
    await page
      .getByRole('group', { name: /Voor wie/ })
      .getByLabel('Ouderen')
      .check();
    await page
      .getByRole('group', { name: /Meedoen/ })
      .getByLabel(/Vrije inloop/)
      .check();
    await opslaan(page);

    const klaar = page.getByRole('region', { name: /Klaar om op de kaart te zetten/ });
    await klaar.getByRole('button', { name: /^Zet op de kaart\s*: Koffieochtend De Linde$/ }).click();
    await page.getByRole('status').filter({ hasText: 'staat nu op de sociale kaart' }).waitFor();
    expect(
      await page
        .getByRole('region', { name: /Klaar om op de kaart te zetten/ })
        .getByText('Koffieochtend De Linde')
        .count(),
    ).toBe(0);

    await wachtTotZichtbaar(`${basis}/aanbod/${act.slug}/`, 'Koffieochtend De Linde', 170);
    const html = await (await fetch(`${basis}/aanbod/${act.slug}/`)).text();
    expect(html).toContain('Ouderen');
    expect(html).toContain('Stichting Welzijn De Linde');
    // The others stay concepts: nothing unfinished is published.
    const geimporteerd = (a: { uuid: string }) => a.uuid.startsWith('c0ffee00-');
    expect(
      laadKaart(db)
        .activiteiten.filter(geimporteerd)
        .map((a) => a.titel),
    ).toEqual(['Koffieochtend De Linde']);
    expect(page.fouten).toEqual([]);
  });
});
