import { eq } from 'drizzle-orm';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { axeFouten, type Pagina, startBrowser } from './browser.ts';
import { basis, ingelogdePagina, MET_PUBLICATIE, neemPublicatieSlot, testDb, wachtTotZichtbaar } from './portaal-hulp.ts';

/**
 * Issue 14, the kernondersteuner's card: edited in the portal like an organisation. The
 * kernondersteuner changes the phone number and the kern page shows it after publishing; two
 * people changing different fields at the same time both keep their change.
 */

let browser: Browser;
const db = testDb();
const KO = 'kaart-ko@test.example';
const BEHEER = 'kaart-beheer@test.example';
let kern: { id: number; slug: string };

beforeAll(async () => {
  browser = await startBrowser();
  // The last kern with a kernondersteuner: other test files use the first ones.
  const rij = db
    .select({ id: t.kern.id, slug: t.kern.slug })
    .from(t.kernondersteuner)
    .innerJoin(t.kern, eq(t.kern.id, t.kernondersteuner.kernId))
    .orderBy(t.kern.id)
    .all()
    .at(-1)!;
  kern = rij;
  bewaarAccount(db, { email: KO, naam: 'Karin Kaart', beheerder: false, organisaties: [], kernen: [kern.id] });
  bewaarAccount(db, { email: BEHEER, naam: 'Bert Beheer', beheerder: true, organisaties: [], kernen: [] });
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

/** A screenshot at 360 px wide, to look at (not compared). */
async function foto(page: Pagina, naam: string) {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: path.join(inject('dataDir'), '..', `sk-kaart-${naam}.png`), fullPage: true });
}

const kaart = () => db.select().from(t.kernondersteuner).where(eq(t.kernondersteuner.kernId, kern.id)).get()!;

describe('the kernondersteuner card in the portal', () => {
  it('the kernondersteuner changes the phone number; the kern page shows it after publishing', MET_PUBLICATIE, async () => {
    const ko = await ingelogdePagina(browser, KO);
    await ko.getByRole('link', { name: /Uw kaart op de pagina van/ }).click();
    await ko.getByRole('heading', { level: 1, name: /Kaart op de pagina van/ }).waitFor();
    expect(await axeFouten(ko)).toEqual([]);
    await foto(ko, 'formulier');

    // A wrong number: a message at the field, nothing typed lost.
    await ko.getByLabel('Telefoonnummer').fill('12');
    await ko.getByRole('button', { name: 'Opslaan' }).click();
    await ko.getByText('dit is geen geldig telefoonnummer', { exact: false }).first().waitFor();
    expect(await ko.getByLabel('Telefoonnummer').inputValue()).toBe('12');
    expect(await axeFouten(ko)).toEqual([]);

    const NIEUW = '0546 987 654';
    const geefVrij = await neemPublicatieSlot();
    try {
      await ko.getByLabel('Telefoonnummer').fill(NIEUW);
      await ko.getByRole('button', { name: 'Opslaan' }).click();
      await ko.getByText('Uw wijziging is opgeslagen en staat binnen een minuut op de sociale kaart.').waitFor();
      await wachtTotZichtbaar(`${basis}/kernen/${kern.slug}/`, NIEUW, 300);
    } finally {
      await geefVrij();
    }
  });

  it('two people change different fields at the same time: both are kept', MET_PUBLICATIE, async () => {
    const ko = await ingelogdePagina(browser, KO);
    const beheer = await ingelogdePagina(browser, BEHEER);
    const pad = `${basis}/partners/kernondersteuner/${kern.id}/`;
    await ko.goto(pad);
    await beheer.goto(pad);
    const geefVrij = await neemPublicatieSlot();
    try {
      await beheer.getByLabel('Wanneer bereikbaar').fill('Elke werkdag van 9.00 tot 12.00 uur');
      await beheer.getByRole('button', { name: 'Opslaan' }).click();
      await beheer.getByText('Uw wijziging is opgeslagen', { exact: false }).waitFor();
      await ko.getByLabel('Telefoonnummer').fill('0546 121 212');
      await ko.getByRole('button', { name: 'Opslaan' }).click();
      await ko.getByText('Uw wijziging is opgeslagen', { exact: false }).waitFor();
    } finally {
      await geefVrij();
    }
    expect(kaart().bereikbaar).toBe('Elke werkdag van 9.00 tot 12.00 uur');
    expect(kaart().telefoon).toBe('0546 121 212');
    // The history shows every version, the first one included, each to put back.
    await beheer.goto(pad);
    await beheer.getByText(/eerste versie, van voor het portaal/).waitFor();
    expect(await beheer.getByRole('button', { name: /Deze versie terugzetten/ }).count()).toBeGreaterThan(1);
  });
});
