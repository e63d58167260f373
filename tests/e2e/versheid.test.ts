import { and, eq } from 'drizzle-orm';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { stuurHerinneringen } from '../../src/lib/portaal/versheid.ts';
import { lokaal, plusDagen } from '../../src/lib/rooster/kalender.ts';
import { datumTekst } from '../../src/lib/rooster/tekst.ts';
import { axeFouten, nieuwePagina, type Pagina, startBrowser } from './browser.ts';
import { basis, logIn, MET_PUBLICATIE, mails, neemPublicatieSlot, testDb, wachtTotZichtbaar } from './portaal-hulp.ts';

/**
 * Issue 15, one click from the reminder: a listing seven months unchecked, its partner's reminder
 * in the outbox, "Alles klopt nog" confirms without logging in (a GET alone changes nothing), the
 * public page shows the new date after publishing, and a used, changed or expired link gets a
 * clear message. Kern Bruinehaar.
 */

let browser: Browser;
const db = testDb();
const PARTNER = 'versheid-partner@test.example';
const KO = 'versheid-ko@test.example';
const BEHEERDER = 'versheid-beheer@test.example';
const vandaag = lokaal(new Date()).datum;
const OUD = plusDagen(vandaag, -213);
let org: { id: number; slug: string; naam: string };
/** Unchecked for 13 months (notice on the page) and for 20 months (also out of the lists). */
let jaarOud: { id: number; slug: string; naam: string };
let teOud: { id: number; slug: string; naam: string };
let koTelefoon: string;
let partnerId: number;

beforeAll(async () => {
  // The test process sends the reminder itself, into the server's outbox.
  process.env.OUTBOX_DIR = path.join(inject('dataDir'), 'outbox');
  browser = await startBrowser();
  const kern = db.select().from(t.kern).where(eq(t.kern.slug, 'bruinehaar')).get()!;
  // Organisations of this kern alone, so no other test file looks at them.
  const eigen = db
    .select({ id: t.organisatie.id, slug: t.organisatie.slug, naam: t.organisatie.naam })
    .from(t.organisatie)
    .innerJoin(t.organisatieKern, eq(t.organisatieKern.organisatieId, t.organisatie.id))
    .where(and(eq(t.organisatieKern.kernId, kern.id), eq(t.organisatie.status, 'gepubliceerd')))
    .all()
    .filter((o) => db.select().from(t.organisatieKern).where(eq(t.organisatieKern.organisatieId, o.id)).all().length === 1);
  [org, jaarOud, teOud] = eigen;
  db.update(t.organisatie)
    .set({ gecontroleerdOp: plusDagen(vandaag, -400) })
    .where(eq(t.organisatie.id, jaarOud.id))
    .run();
  db.update(t.organisatie)
    .set({ gecontroleerdOp: plusDagen(vandaag, -610) })
    .where(eq(t.organisatie.id, teOud.id))
    .run();
  koTelefoon = db.select().from(t.kernondersteuner).where(eq(t.kernondersteuner.kernId, kern.id)).get()!.telefoon;
  db.update(t.organisatie).set({ gecontroleerdOp: OUD }).where(eq(t.organisatie.id, org.id)).run();
  db.delete(t.herinnering).where(eq(t.herinnering.organisatieId, org.id)).run();
  bewaarAccount(db, { email: KO, naam: 'Kees Kern', beheerder: false, organisaties: [], kernen: [kern.id] });
  bewaarAccount(db, { email: BEHEERDER, naam: 'Bea Beheer', beheerder: true, organisaties: [], kernen: [] });
  partnerId = bewaarAccount(db, { email: PARTNER, naam: 'Vera Versheid', beheerder: false, organisaties: [org.id], kernen: [] });
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

/** A screenshot at 360 px wide, to look at (not compared). */
async function foto(page: Pagina, naam: string) {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: path.join(inject('dataDir'), '..', `sk-versheid-${naam}.png`), fullPage: true });
}

function links() {
  const mail = mails(PARTNER).at(-1);
  if (!mail) throw new Error(`Geen herinnering aan ${PARTNER}`);
  const klopt = mail.tekst.match(/^Alles klopt nog: (\S+)$/m)?.[1];
  const anders = mail.tekst.match(/^Er is iets veranderd: (\S+)$/m)?.[1];
  if (!klopt || !anders) throw new Error(`Geen links in: ${mail.tekst}`);
  return { mail, klopt, anders };
}

const gecontroleerd = () => db.select().from(t.organisatie).where(eq(t.organisatie.id, org.id)).get()!.gecontroleerdOp;

describe('one click from the reminder', () => {
  it('confirms a listing without logging in; only the button does it, once', async () => {
    await stuurHerinneringen(db, vandaag, basis);
    const { mail, klopt } = links();
    expect(mail.onderwerp).toBe(`Klopt alles nog van ${org.naam}?`);
    expect(mail.tekst).toContain(`${org.naam} (gecontroleerd op ${datumTekst(OUD)})`);

    const page = await nieuwePagina(browser);
    // What a mail scanner does: open the link. Nothing changes.
    const scan = await fetch(klopt);
    expect(scan.status).toBe(200);
    await page.goto(klopt);
    await page.getByRole('heading', { level: 1, name: 'Alles klopt nog' }).waitFor();
    expect(await page.getByText(`gecontroleerd op ${datumTekst(OUD)}`).count()).toBe(1);
    await foto(page, 'klopt-nog');
    expect(gecontroleerd()).toBe(OUD);
    expect(await axeFouten(page)).toEqual([]);

    const geefVrij = await neemPublicatieSlot();
    try {
      await page.getByRole('button', { name: 'Ja, alles klopt nog' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dank u wel!' }).waitFor();
      await page.getByText(`gecontroleerd op ${datumTekst(vandaag)}`).waitFor();
      expect(await page.getByText(/namens Vera Versheid/).count()).toBe(1);
      await foto(page, 'bedankt');
      expect(gecontroleerd()).toBe(vandaag);
      const rev = db.select().from(t.revisie).where(eq(t.revisie.organisatieId, org.id)).all().at(-1)!;
      expect(rev).toMatchObject({ actie: 'controleren', auteurId: partnerId });
      expect(await axeFouten(page)).toEqual([]);
      await wachtTotZichtbaar(`${basis}/organisaties/${org.slug}/`, `Gecontroleerd op ${datumTekst(vandaag)}`, 300);
    } finally {
      await geefVrij();
    }

    // Visible age, in the same release: the lists say "Gecontroleerd <datum>"; after 12 months the page
    // warns with the kernondersteuner's number; after 18 months the listing leaves the lists, its page stays.
    await page.goto(`${basis}/organisaties/`);
    expect(await page.locator(`a[href="/organisaties/${org.slug}/"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/organisaties/${jaarOud.slug}/"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/organisaties/${teOud.slug}/"]`).count()).toBe(0);
    await page
      .getByText(`Gecontroleerd ${datumTekst(vandaag)}`)
      .first()
      .waitFor();
    for (const o of [jaarOud, teOud]) {
      await page.goto(`${basis}/organisaties/${o.slug}/`);
      await page.getByText('Let op: deze gegevens zijn lang niet gecontroleerd').waitFor();
      expect(await page.getByRole('link', { name: koTelefoon }).count()).toBeGreaterThan(0);
    }
    await foto(page, 'oud');
    expect(await axeFouten(page)).toEqual([]);
    await page.goto(`${basis}/organisaties/${org.slug}/`);
    expect(await page.getByText('Let op: deze gegevens zijn lang niet gecontroleerd').count()).toBe(0);

    // A second use, also after opening the page again.
    await page.goto(klopt);
    await page.getByText('Deze link is al gebruikt. Een link uit de herinnering werkt maar één keer.').waitFor();
    // The refusal is a 400, which Chromium logs; nothing else may go wrong.
    expect(page.fouten.filter((f) => !f.includes('status of 400'))).toEqual([]);
  });

  it('a changed or expired link says so in plain Dutch and confirms nothing', async () => {
    db.update(t.organisatie).set({ gecontroleerdOp: OUD }).where(eq(t.organisatie.id, org.id)).run();
    db.delete(t.herinnering).where(eq(t.herinnering.organisatieId, org.id)).run();
    await stuurHerinneringen(db, vandaag, basis);
    const { klopt } = links();
    const page = await nieuwePagina(browser);
    const url = new URL(klopt);
    const token = url.searchParams.get('token')!;
    url.searchParams.set('token', `${token.slice(0, -2)}${token.endsWith('xx') ? 'yy' : 'xx'}`);
    await page.goto(url.href);
    await page.getByText('Deze link klopt niet. Misschien is hij niet helemaal overgenomen uit de e-mail.').waitFor();
    expect(await page.getByRole('button', { name: 'Ja, alles klopt nog' }).count()).toBe(0);

    // Expired while the page was open: the click is refused.
    await page.goto(klopt);
    db.$client.prepare("update bevestig_token set verloopt_op = '2000-01-01T00:00:00.000Z' where account_id = ?").run(partnerId);
    await page.getByRole('button', { name: 'Ja, alles klopt nog' }).click();
    await page.getByText('Deze link is verlopen. Een link uit de herinnering werkt 30 dagen.').waitFor();
    expect(gecontroleerd()).toBe(OUD);
  });

  it('"Er is iets veranderd" logs the partner in and opens the form', async () => {
    const { anders } = links();
    const page = await nieuwePagina(browser);
    await page.goto(anders);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${basis}/partners/organisaties/${org.id}/`);
    expect(await page.getByRole('button', { name: 'Opslaan', exact: true }).count()).toBe(1);
    const ander = await nieuwePagina(browser);
    await ander.goto(anders);
    await ander.getByRole('button', { name: 'Inloggen' }).click();
    await ander.getByText('Deze inloglink is al gebruikt.', { exact: false }).waitFor();
  });

  it(
    "a listing without partner is on the kernondersteuner's call list; confirmed on its behalf with a note in the history",
    MET_PUBLICATIE,
    async () => {
      // The stale page tells who gets a reminder and who is called, with the share per kern.
      const beheer = await nieuwePagina(browser);
      await logIn(beheer, BEHEERDER);
      await beheer.goto(`${basis}/partners/beheer/verouderd/`);
      await beheer.getByRole('heading', { name: /^Gecontroleerd in het laatste half jaar: \d+ %$/ }).waitFor();
      await beheer.getByRole('rowheader', { name: 'Bruinehaar' }).waitFor();
      const regel = beheer.getByRole('listitem').filter({ has: beheer.getByRole('link', { name: teOud.naam, exact: true }) });
      expect(await regel.first().textContent()).toContain('geen partner · op de bellijst van Kees Kern');
      expect(await axeFouten(beheer)).toEqual([]);
      await foto(beheer, 'verouderd');

      const ko = await nieuwePagina(browser);
      await logIn(ko, KO);
      await ko.getByRole('link', { name: /zonder partner om na te bellen/ }).click();
      await ko.getByRole('heading', { level: 1, name: 'Bellijst: gegevens zonder partner' }).waitFor();
      await ko.getByRole('heading', { name: jaarOud.naam, exact: true }).waitFor();
      await foto(ko, 'bellijst');
      expect(await ko.getByRole('heading', { name: org.naam, exact: true }).count()).toBe(0);
      expect(await axeFouten(ko)).toEqual([]);

      const notitie = ko.getByLabel(`Hoe weet u dat het klopt? (${jaarOud.naam})`);
      await notitie.fill('gebeld met mevrouw Jansen');
      await ko.getByRole('button', { name: `Klopt nog, namens ${jaarOud.naam}` }).click();
      await ko
        .getByText(/Dit lijkt een naam.*Noem de rol, niet de naam/)
        .first()
        .waitFor();
      expect(await ko.getByLabel(`Hoe weet u dat het klopt? (${jaarOud.naam})`).inputValue()).toBe('gebeld met mevrouw Jansen');

      const geefVrij = await neemPublicatieSlot();
      try {
        await ko.getByLabel(`Hoe weet u dat het klopt? (${jaarOud.naam})`).fill('gebeld met de secretaris');
        await ko.getByRole('button', { name: `Klopt nog, namens ${jaarOud.naam}` }).click();
        await ko.getByText('Genoteerd: alles klopt nog, namens de organisatie.', { exact: false }).waitFor();
        expect(await ko.getByRole('heading', { name: jaarOud.naam, exact: true }).count()).toBe(0);
        expect(db.select().from(t.organisatie).where(eq(t.organisatie.id, jaarOud.id)).get()!.gecontroleerdOp).toBe(vandaag);
      } finally {
        await geefVrij();
      }
      // The beheerder reads it in the history of the listing.
      await beheer.goto(`${basis}/partners/geschiedenis/organisatie/${jaarOud.id}/`);
      await beheer.getByText('Gecontroleerd namens de organisatie: gebeld met de secretaris').waitFor();
      await beheer.getByText(/alles klopt nog door Kees Kern/).waitFor();
    },
  );
});
