import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount, laadAccount } from '../../src/lib/portaal/accounts.ts';
import { lokaal } from '../../src/lib/rooster/kalender.ts';
import { meldSignaal } from '../../src/lib/signalen/opslag.ts';
import type { SignaalInvoer } from '../../src/lib/signalen/schema.ts';
import { axeFouten, startBrowser } from './browser.ts';
import { basis, ingelogdePagina, testDb } from './portaal-hulp.ts';

/**
 * The right to correction and erasure: a kernondersteuner takes a name out of a signal that
 * slipped past the guard, and it is no longer in the database file; the beheerder deletes a
 * signal with a reason; the audit log holds neither text. Kern Kloosterhaar.
 */

let browser: Browser;
const db = testDb();
const KO = 'wissen-ko@test.example';
const BEHEER = 'wissen-beheer@test.example';
const NAAM = 'Zwartkruisvelde';
const TEKST = `De jongen van ${NAAM} hangt elke avond bij de speeltuin rond. Kenmerk-wissen-e2e.`;
const WEG = 'Kenmerk-verwijderen-e2e: een groep jongeren bij de kerk maakt zich zorgen.';
let naamSignaal: number;
let wegSignaal: number;

/** The database file and its write-ahead log as text, after writing everything into the file. */
function bestand(): string {
  const [stand] = db.$client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  expect(stand.busy).toBe(0);
  const pad = db.$client.name;
  let wal = '';
  try {
    wal = readFileSync(`${pad}-wal`, 'latin1');
  } catch {}
  return readFileSync(pad, 'latin1') + wal;
}

beforeAll(async () => {
  browser = await startBrowser();
  const kern = db.select().from(t.kern).where(eq(t.kern.slug, 'kloosterhaar')).get()!;
  bewaarAccount(db, { email: KO, naam: 'Kees Kern', beheerder: false, organisaties: [], kernen: [kern.id] });
  // Recorded by someone else, so the kernondersteuner's page holds the old text only once.
  const melder = laadAccount(
    db,
    bewaarAccount(db, { email: 'wissen-melder@test.example', naam: 'Mel', beheerder: false, organisaties: [], kernen: [] }),
  )!;
  bewaarAccount(db, { email: BEHEER, naam: 'Bert Heer', beheerder: true, organisaties: [], kernen: [] });
  // Straight into the database, as a text that slipped past the guard would be.
  const invoer = (tekst: string) =>
    ({
      kern: kern.slug,
      kernId: kern.id,
      tekst,
      omvang: 'groep',
      sinds: 'langer',
      basis: 'eigen-waarneming',
      afzender: {
        waarde: 'kernondersteuner',
        organisatieId: null,
        rol: 'kernondersteuner',
        naam: 'Kernondersteuning',
        kernIds: [kern.id],
      },
    }) as SignaalInvoer;
  const vandaag = lokaal(new Date()).datum;
  naamSignaal = meldSignaal(db, melder, invoer(TEKST), vandaag);
  wegSignaal = meldSignaal(db, melder, invoer(WEG), vandaag);
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

const ingelogd = (email: string, opties = {}) => ingelogdePagina(browser, email, opties);

describe('correct and erase signalen', () => {
  it('a kernondersteuner takes a name out and it is gone from the database file', async () => {
    expect(bestand()).toContain(NAAM);
    const ko = await ingelogd(KO);
    await ko.goto(`${basis}/partners/signalen/${naamSignaal}/`);
    expect(await axeFouten(ko)).toEqual([]);
    await ko.getByLabel('Wat moet er weg?').fill('iets dat er niet staat');
    await ko.getByRole('button', { name: 'Weghalen' }).click();
    await ko.getByText('deze tekst staat niet in dit signaal').first().waitFor();
    expect(await ko.getByLabel('Wat moet er weg?').inputValue()).toBe('iets dat er niet staat');
    await ko.getByLabel('Wat moet er weg?').fill(NAAM);
    await ko.getByRole('button', { name: 'Weghalen' }).click();
    await ko.getByText('Het stuk tekst is overal in dit signaal weggehaald.').waitFor();
    await ko.getByText('De jongen van [weggehaald] hangt').waitFor();
    await ko.getByRole('region', { name: 'Wat er gebeurde' }).getByText('Persoonsgegevens weggehaald').waitFor();
    expect(await ko.content()).not.toContain(NAAM);
    expect(bestand()).not.toContain(NAAM);
  });

  it('the beheerder deletes a signal with a reason; the audit log holds neither text', async () => {
    expect(bestand()).toContain('Kenmerk-verwijderen-e2e');
    const beheer = await ingelogd(BEHEER);
    await beheer.goto(`${basis}/partners/signalen/${wegSignaal}/`);
    await beheer.getByRole('button', { name: 'Signaal verwijderen' }).click();
    await beheer.getByText('kies waarom het signaal weg moet').first().waitFor();
    await beheer.getByLabel('Waarom moet het weg?').selectOption({ label: 'Iemand over wie het gaat, vraagt erom' });
    await beheer.getByRole('button', { name: 'Signaal verwijderen' }).click();
    await beheer.getByText('Het signaal is verwijderd, met alle reacties en stappen.').waitFor();
    expect(db.select().from(t.signaal).where(eq(t.signaal.id, wegSignaal)).get()).toBeUndefined();
    const weg = await beheer.goto(`${basis}/partners/signalen/${wegSignaal}/`);
    expect(weg?.status()).toBe(403);
    expect(bestand()).not.toContain('Kenmerk-verwijderen-e2e');

    await beheer.goto(`${basis}/partners/beheer/logboek/`);
    const logboek = (await beheer.locator('main').textContent()) ?? '';
    expect(logboek).toContain(`Signaal ${wegSignaal}`);
    expect(logboek).toContain('Iemand over wie het gaat, vraagt erom');
    expect(logboek).toContain(`Signaal ${naamSignaal}`);
    const rijen = JSON.stringify(db.select().from(t.logboek).all());
    for (const tekst of [NAAM, 'Kenmerk-wissen-e2e', 'Kenmerk-verwijderen-e2e', 'speeltuin', 'jongeren bij de kerk']) {
      expect(logboek, tekst).not.toContain(tekst);
      expect(rijen, tekst).not.toContain(tekst);
    }
  });
});
