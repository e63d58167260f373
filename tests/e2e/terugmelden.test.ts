import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { axeFouten, nieuwePagina, startBrowser } from './browser.ts';
import {
  basis,
  logIn,
  MET_PUBLICATIE,
  mails,
  neemPublicatieSlot,
  testDb,
  wachtOpMail,
  wachtTotZichtbaar,
} from './portaal-hulp.ts';

/**
 * Issue 15, "Klopt er iets niet?" with JavaScript off: an inwoner reports a wrong phone number
 * (first with a phone number in the text, which the privacy guard refuses), the partner gets an
 * e-mail, changes the number, and the report is closed. The report text never reaches the
 * public release. Kern Sibculo.
 */

let browser: Browser;
const db = testDb();
const PARTNER = 'terugmelden-partner@test.example';
const TEKST = 'Het nummer op deze pagina werkt niet meer, Kenmerk-terugmelden-e2e.';
const NIEUW = '0546 099 123';
let org: { id: number; slug: string; naam: string };

beforeAll(async () => {
  browser = await startBrowser();
  const kern = db.select().from(t.kern).where(eq(t.kern.slug, 'sibculo')).get()!;
  org = db
    .select({ id: t.organisatie.id, slug: t.organisatie.slug, naam: t.organisatie.naam })
    .from(t.organisatie)
    .innerJoin(t.organisatieKern, eq(t.organisatieKern.organisatieId, t.organisatie.id))
    .where(and(eq(t.organisatieKern.kernId, kern.id), eq(t.organisatie.status, 'gepubliceerd')))
    .all()
    // An organisation of this kern alone, so no other test file looks at it.
    .find((o) => db.select().from(t.organisatieKern).where(eq(t.organisatieKern.organisatieId, o.id)).all().length === 1)!;
  // Trusted: the partner's change is live at once, without review.
  db.update(t.organisatie).set({ vertrouwd: true }).where(eq(t.organisatie.id, org.id)).run();
  bewaarAccount(db, { email: PARTNER, naam: 'Teun Terug', beheerder: false, organisaties: [org.id], kernen: [] });
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

function bestanden(map: string): string[] {
  return readdirSync(map).flatMap((n) => {
    const p = path.join(map, n);
    return statSync(p).isDirectory() ? bestanden(p) : [p];
  });
}

describe('Klopt er iets niet?', () => {
  it(
    'an inwoner reports a wrong phone number without JavaScript; the partner changes it and the report closes',
    MET_PUBLICATIE,
    async () => {
      // axe needs JavaScript: the same pages are checked in a second browser with it.
      const metJs = await nieuwePagina(browser);
      metJs.setDefaultTimeout(30_000);
      const inwoner = await nieuwePagina(browser, { javaScriptEnabled: false });
      inwoner.setDefaultTimeout(30_000);
      await inwoner.goto(`${basis}/organisaties/${org.slug}/`);
      await inwoner.getByText('Klopt er iets niet?').click();
      await inwoner.getByLabel('Het telefoonnummer of e-mailadres').check();
      await inwoner.getByLabel(/Wilt u iets uitleggen/).fill('Bel mevrouw De Vries, 0546 123 456');
      await inwoner.getByRole('button', { name: 'Melding versturen' }).click();

      // The privacy guard refuses a phone number; what was typed stays.
      await inwoner.getByText('Uw melding is nog niet verstuurd.').waitFor();
      await inwoner.getByText(/Dit lijkt een telefoonnummer: 0546 123 456\..*Schrijf hier geen namen/).waitFor();
      expect(await inwoner.getByLabel(/Wilt u iets uitleggen/).inputValue()).toBe('Bel mevrouw De Vries, 0546 123 456');
      expect(await inwoner.getByLabel('Het telefoonnummer of e-mailadres').isChecked()).toBe(true);
      // The same with JavaScript, for axe: the open form on the page, then the refusal.
      await metJs.goto(`${basis}/organisaties/${org.slug}/`);
      await metJs.getByText('Klopt er iets niet?').click();
      expect(await axeFouten(metJs)).toEqual([]);
      await metJs.getByLabel('Iets anders').check();
      await metJs.getByLabel(/Wilt u iets uitleggen/).fill('Mail naar jan.jansen@example.nl');
      await metJs.getByRole('button', { name: 'Melding versturen' }).click();
      await metJs.getByText(/Dit lijkt een e-mailadres/).waitFor();
      expect(await axeFouten(metJs)).toEqual([]);
      await metJs.setViewportSize({ width: 360, height: 800 });
      await metJs.screenshot({ path: path.join(inject('dataDir'), '..', 'sk-terugmelden-fout.png'), fullPage: true });

      const voor = mails(PARTNER).length;
      await inwoner.getByLabel(/Wilt u iets uitleggen/).fill(TEKST);
      await inwoner.getByRole('button', { name: 'Melding versturen' }).click();
      await inwoner.getByRole('heading', { level: 1, name: 'Dank u wel voor uw melding' }).waitFor();
      await inwoner.getByRole('heading', { name: 'Wat gebeurt er nu?' }).waitFor();

      const mail = await wachtOpMail(PARTNER, voor);
      expect(mail.onderwerp).toBe(`Klopt er iets niet bij ${org.naam}?`);
      expect(mail.tekst).toContain(TEKST);
      expect(mail.tekst).toContain(`/partners/organisaties/${org.id}/`);

      const partner = await nieuwePagina(browser);
      partner.setDefaultTimeout(30_000);
      await logIn(partner, PARTNER);
      await partner.getByRole('link', { name: /1 melding van inwoners/ }).click();
      await partner
        .getByText(`"${TEKST}"`)
        .waitFor()
        .catch(async (e: Error) => {
          // Say why: the page the partner got, and what the database holds for the report and the organisation.
          const melding = db.select().from(t.terugmelding).where(eq(t.terugmelding.organisatieId, org.id)).all();
          const revisies = db.select().from(t.revisie).where(eq(t.revisie.organisatieId, org.id)).all();
          const kop = await partner.locator('h1').first().textContent();
          throw new Error(
            `${e.message}\npagina: ${partner.url()} (${kop})\nmeldingen: ${JSON.stringify(melding)}\nrevisies: ${JSON.stringify(revisies.map(({ data: _d, ...r }) => r))}`,
          );
        });
      expect(await axeFouten(partner)).toEqual([]);
      // A partner cannot dismiss a report; only a reviewer can.
      expect(await partner.getByRole('button', { name: 'Afsluiten zonder wijziging' }).count()).toBe(0);

      const geefVrij = await neemPublicatieSlot();
      try {
        await partner.getByRole('link', { name: org.naam }).click();
        await partner.getByLabel('Telefoon', { exact: false }).first().fill(NIEUW);
        await partner.getByRole('button', { name: 'Opslaan', exact: true }).click();
        await partner.getByText('Uw wijziging is opgeslagen en staat binnen een minuut op de sociale kaart.').waitFor();
        await partner.goto(`${basis}/partners/meldingen/`);
        await partner.getByRole('heading', { name: 'Open meldingen (0)' }).waitFor();
        await partner.getByText(/De gegevens zijn aangepast op/).waitFor();
        await wachtTotZichtbaar(`${basis}/organisaties/${org.slug}/`, NIEUW, 300);
      } finally {
        await geefVrij();
      }
      // No report text in the release (compressed copies hold the same pages).
      const release = path.join(inject('dataDir'), 'releases', 'current');
      const met = bestanden(release).filter(
        (f) =>
          !/\.(br|gz|pf_\w+|woff2?|png|jpg|webp|avif|wasm)$/.test(f) &&
          readFileSync(f, 'utf8').includes('Kenmerk-terugmelden-e2e'),
      );
      expect(met).toEqual([]);

      // The thank-you page, with axe (a second report, after the checks above).
      await metJs.getByLabel('De plek').check();
      await metJs.getByLabel(/Wilt u iets uitleggen/).fill('De ingang is nu aan de achterkant.');
      await metJs.getByRole('button', { name: 'Melding versturen' }).click();
      await metJs.getByRole('heading', { level: 1, name: 'Dank u wel voor uw melding' }).waitFor();
      expect(await axeFouten(metJs)).toEqual([]);
      await metJs.screenshot({ path: path.join(inject('dataDir'), '..', 'sk-terugmelden-bedankt.png'), fullPage: true });
      await partner.setViewportSize({ width: 360, height: 800 });
      await partner.goto(`${basis}/partners/meldingen/`);
      await partner.screenshot({ path: path.join(inject('dataDir'), '..', 'sk-terugmelden-meldingen.png'), fullPage: true });
    },
  );
});
