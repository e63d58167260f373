import { eq } from 'drizzle-orm';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { maanden, maandTekst } from '../../src/lib/cijfers/perioden.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { lokaal, plusDagen } from '../../src/lib/rooster/kalender.ts';
import { datumTekst } from '../../src/lib/rooster/tekst.ts';
import { meetVersheid } from '../../src/lib/versheid/maandoverzicht.ts';
import { axeFouten, nieuwePagina, type Pagina, startBrowser } from './browser.ts';
import { basis, logIn, testDb } from './portaal-hulp.ts';

/**
 * Issue 15, the freshness overview over time: per kern per month (chart and table) and who did
 * not answer their reminders, with the dates. A kernondersteuner sees their own kern only, the
 * beheerder all, a partner nothing. Earlier months are written straight into the table (the
 * periodic job measures the current one). Kern Vroomshoop; changes nothing on the public site.
 */

let browser: Browser;
const db = testDb();
const KO = 'overzicht-ko@test.example';
const BEHEERDER = 'overzicht-beheer@test.example';
const PARTNER = 'overzicht-partner@test.example';
const vandaag = lokaal(new Date()).datum;
const [vorige, deze] = maanden(vandaag.slice(0, 7), 2);
const herinnerd = [plusDagen(vandaag, -35), plusDagen(vandaag, -5)];
let kern: { id: number; naam: string };
let andereKern: { id: number; naam: string };
let org: { id: number; naam: string };

beforeAll(async () => {
  browser = await startBrowser();
  kern = db.select().from(t.kern).where(eq(t.kern.slug, 'vroomshoop')).get()!;
  andereKern = db.select().from(t.kern).where(eq(t.kern.slug, 'sibculo')).get()!;
  const koppels = db.select().from(t.organisatieKern).all();
  org = db
    .select({ id: t.organisatie.id, naam: t.organisatie.naam, status: t.organisatie.status, op: t.organisatie.gecontroleerdOp })
    .from(t.organisatie)
    .all()
    .find(
      (o) =>
        o.status === 'gepubliceerd' &&
        koppels
          .filter((k) => k.organisatieId === o.id)
          .map((k) => k.kernId)
          .join() === String(kern.id),
    )!;
  // A partner who left two reminders unanswered (the listing stays as old as it is on the public site).
  const oud = plusDagen(vandaag, -250);
  db.$client.prepare('update organisatie set gecontroleerd_op = ? where id = ? and gecontroleerd_op > ?').run(oud, org.id, oud);
  for (const op of herinnerd)
    db.insert(t.herinneringVerstuurd).values({ organisatieId: org.id, verstuurdOp: op }).onConflictDoNothing().run();
  bewaarAccount(db, { email: PARTNER, naam: 'Olga Overzicht', beheerder: false, organisaties: [org.id], kernen: [] });
  bewaarAccount(db, { email: KO, naam: 'Kim Kern', beheerder: false, organisaties: [], kernen: [kern.id] });
  bewaarAccount(db, { email: BEHEERDER, naam: 'Bram Beheer', beheerder: true, organisaties: [], kernen: [] });
  // Last month as the job would have left it; this month measured now.
  const rij = { maand: vorige, vers: 3, totaal: 4, gemetenOp: new Date().toISOString() };
  for (const kernId of [0, kern.id, andereKern.id]) {
    db.insert(t.versheidMaand)
      .values({ ...rij, kernId })
      .onConflictDoUpdate({ target: [t.versheidMaand.maand, t.versheidMaand.kernId], set: rij })
      .run();
  }
  meetVersheid(db, vandaag);
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

/** A screenshot at 360 px wide, to look at (not compared). */
async function foto(page: Pagina, naam: string) {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: path.join(inject('dataDir'), '..', `sk-versheid-overzicht-${naam}.png`), fullPage: true });
}

describe('freshness per kern per month', () => {
  it('the kernondersteuner sees their own kern per month and who did not answer, with the reminder dates', async () => {
    const page = await nieuwePagina(browser);
    await logIn(page, KO);
    await page.getByRole('link', { name: 'Versheid per maand' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versheid per maand' }).waitFor();
    await page.getByRole('heading', { name: `Gecontroleerd in het laatste half jaar: ${kern.naam}` }).waitFor();
    // The chart's table and the table per kern: last month 3 of 4.
    await page
      .getByRole('rowheader', { name: maandTekst(vorige) })
      .first()
      .waitFor();
    await page.getByRole('cell', { name: '75 %', exact: true }).first().waitFor();
    await page.getByRole('cell', { name: '75 % (3 van 4)' }).waitFor();
    await page
      .getByRole('rowheader', { name: maandTekst(deze) })
      .first()
      .waitFor();
    expect(await page.getByRole('columnheader', { name: kern.naam }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('columnheader', { name: andereKern.naam }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Alle kernen' }).count()).toBe(0);

    const regel = page.getByRole('listitem').filter({ hasText: org.naam });
    const tekst = await regel.first().textContent();
    expect(tekst).toContain('partner: Olga Overzicht');
    // Newest first. The reminder job of a test running beside this one may have added today's.
    expect(tekst).toContain(`${datumTekst(herinnerd[1])}, ${datumTekst(herinnerd[0])}`);
    expect(tekst).toMatch(/herinneringen op /);
    expect(await axeFouten(page)).toEqual([]);
    await foto(page, 'ko');
  });

  it('the beheerder sees all kernen and chooses the kern of the chart; a partner sees nothing', async () => {
    const page = await nieuwePagina(browser);
    await logIn(page, BEHEERDER);
    await page.goto(`${basis}/partners/versheid/`);
    await page.getByRole('heading', { name: 'Gecontroleerd in het laatste half jaar: Alle kernen' }).waitFor();
    for (const naam of ['Alle kernen', kern.naam, andereKern.naam])
      await page.getByRole('columnheader', { name: naam }).first().waitFor();
    await page.getByLabel('Kern in de grafiek').selectOption({ label: andereKern.naam });
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByRole('heading', { name: `Gecontroleerd in het laatste half jaar: ${andereKern.naam}` }).waitFor();
    expect(await page.getByRole('link', { name: org.naam }).count()).toBeGreaterThan(0);
    expect(await axeFouten(page)).toEqual([]);
    await foto(page, 'beheer');

    const partner = await nieuwePagina(browser);
    await logIn(partner, PARTNER);
    const antwoord = await partner.goto(`${basis}/partners/versheid/`);
    expect(antwoord?.status()).toBe(403);
    expect(await partner.getByRole('heading', { name: 'Versheid per maand' }).count()).toBe(0);
    expect(await partner.getByRole('link', { name: 'Versheid per maand' }).count()).toBe(0);
  });
});
