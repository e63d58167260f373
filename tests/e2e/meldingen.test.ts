import { and, eq } from 'drizzle-orm';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { loadConfig } from '../../src/lib/config/load.ts';
import { verstuur } from '../../src/lib/mail/mail.ts';
import { bewaarAccount, laadAccount } from '../../src/lib/portaal/accounts.ts';
import { lokaal } from '../../src/lib/rooster/kalender.ts';
import { dagoverzichten } from '../../src/lib/signalen/dagoverzicht.ts';
import { meldSignaal } from '../../src/lib/signalen/opslag.ts';
import type { SignaalInvoer } from '../../src/lib/signalen/schema.ts';
import { startBrowser } from './browser.ts';
import { basis, ingelogdePagina, mails, testDb } from './portaal-hulp.ts';

/**
 * Notifications: a partner switches on the daily e-mail of signalen and gets it (first words
 * only); a provider gets an e-mail when someone is referred to its activity (activity and code,
 * never who). Kern Westerhaar.
 */

let browser: Browser;
const db = testDb();
const KO = 'meldingen-ko@test.example';
const AANBIEDER = 'meldingen-aanbieder@test.example';
const TEKST = 'Steeds meer jongeren in het dorp zoeken een plek om te sporten na schooltijd, Kenmerk-meldingen-e2e.';
let kernNaam: string;
let act: { uuid: string; titel: string; organisatieId: number; kernId: number };

beforeAll(async () => {
  // The test process sends the daily e-mail itself, into the server's outbox.
  process.env.OUTBOX_DIR = path.join(inject('dataDir'), 'outbox');
  browser = await startBrowser();
  const kern = db.select().from(t.kern).where(eq(t.kern.slug, 'westerhaar-vriezenveensewijk')).get()!;
  kernNaam = kern.naam;
  act = db
    .select()
    .from(t.activiteit)
    .where(and(eq(t.activiteit.kernId, kern.id), eq(t.activiteit.status, 'gepubliceerd')))
    .all()
    .find((a) => a.capaciteit !== 'vol')!;
  bewaarAccount(db, { email: KO, naam: 'Koos Kern', beheerder: false, organisaties: [], kernen: [kern.id] });
  bewaarAccount(db, {
    email: AANBIEDER,
    naam: 'Anja Aanbod',
    beheerder: false,
    organisaties: [act.organisatieId],
    kernen: [kern.id],
  });
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

const ingelogd = (email: string, opties = {}) => ingelogdePagina(browser, email, opties);

describe('notifications', () => {
  it('a partner asks for the daily e-mail and finds the new signal in it, first words only', async () => {
    const partner = await ingelogd(AANBIEDER);
    await partner.goto(`${basis}/partners/signalen/`);
    await partner.getByLabel(/Stuur mij elke dag een e-mail/).check();
    await partner.getByRole('button', { name: 'E-mailkeuze opslaan' }).click();
    await partner.getByText('Uw keuze voor de dagelijkse e-mail is opgeslagen.').waitFor();
    expect(await partner.getByLabel(/Stuur mij elke dag een e-mail/).isChecked()).toBe(true);

    const ko = laadAccount(db, db.select().from(t.account).where(eq(t.account.email, KO)).get()!.id)!;
    const invoer = {
      kern: 'westerhaar-vriezenveensewijk',
      kernId: act.kernId,
      tekst: TEKST,
      omvang: 'groep',
      sinds: 'langer',
      basis: 'eigen-waarneming',
      afzender: { waarde: 'kernondersteuner', organisatieId: null, rol: 'kernondersteuner', naam: 'K', kernIds: [act.kernId] },
    } as SignaalInvoer;
    const id = meldSignaal(db, ko, invoer, lokaal(new Date()).datum);
    // The server sends this after midnight; the test runs the same daily step as if it were tomorrow.
    for (const b of dagoverzichten(db, loadConfig(), basis, new Date(Date.now() + 86_400_000))) await verstuur(b);
    const mail = mails(AANBIEDER).find((m) => m.onderwerp.startsWith('Signalen:'))!;
    expect(mail.tekst).toContain(`Signaal ${id} in ${kernNaam}: "Steeds meer jongeren in het dorp …"`);
    expect(mail.tekst).not.toContain('Kenmerk-meldingen-e2e');
    expect(mail.tekst).not.toContain('Koos');
  });

  it('a provider gets an e-mail with the activity and the code when someone is referred', async () => {
    const ko = await ingelogd(KO);
    const voor = mails(AANBIEDER).length;
    await ko.goto(`${basis}/partners/verwijzingen/nieuw/?activiteit=${act.uuid}`);
    await ko.getByRole('button', { name: 'Verwijzing maken' }).click();
    await ko.getByText('De verwijzing is gemaakt').waitFor();
    const id = Number(ko.url().match(/verwijzingen\/(\d+)\//)![1]);
    const code = db.select().from(t.verwijzing).where(eq(t.verwijzing.id, id)).get()!.code;
    const nieuw = mails(AANBIEDER).slice(voor);
    expect(nieuw.map((m) => m.onderwerp)).toEqual([`Nieuwe verwijzing naar ${act.titel}`]);
    expect(nieuw[0].tekst).toContain(`${code.slice(0, 3)}-${code.slice(3)}`);
    expect(nieuw[0].tekst).not.toContain('Koos');
  });
});
