import { and, eq } from 'drizzle-orm';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { loadConfig } from '../../src/lib/config/load.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { lokaal } from '../../src/lib/rooster/kalender.ts';
import type { Rooster } from '../../src/lib/rooster/schema.ts';
import { datumTekst } from '../../src/lib/rooster/tekst.ts';
import { vraagSeizoenen } from '../../src/lib/versheid/seizoen.ts';
import { axeFouten, nieuwePagina, type Pagina, startBrowser } from './browser.ts';
import { basis, logIn, MET_PUBLICATIE, mails, neemPublicatieSlot, testDb } from './portaal-hulp.ts';

/**
 * Issue 15, "Gaat het weer door?": a seasonal activity whose season starts next month. Its
 * partner's mail is in the outbox; the link opens a page with one button (a GET changes nothing),
 * the click confirms without logging in, a second use and a changed link are refused in plain
 * Dutch, and the history names it. An activity without partner is on the kernondersteuner's call
 * list. Kern Den Ham.
 */

let browser: Browser;
const db = testDb();
const PARTNER = 'seizoen-partner@test.example';
const KO = 'seizoen-ko@test.example';
const vandaag = lokaal(new Date()).datum;
const maand = Number(vandaag.slice(5, 7));
const vanMaand = (maand % 12) + 1;
const start = `${Number(vandaag.slice(0, 4)) + (vanMaand === 1 ? 1 : 0)}-${String(vanMaand).padStart(2, '0')}-01`;
const OUD = '2025-01-15';
type Act = { id: number; titel: string; organisatieId: number; rooster: Rooster };
let metPartner: Act;
let zonder: Act;

beforeAll(async () => {
  // The test process runs the periodic job itself, into the server's outbox.
  process.env.OUTBOX_DIR = path.join(inject('dataDir'), 'outbox');
  browser = await startBrowser();
  const kern = db.select().from(t.kern).where(eq(t.kern.slug, 'den-ham')).get()!;
  const koppels = db.select().from(t.organisatieKern).all();
  const eenKern = (id: number) => koppels.filter((k) => k.organisatieId === id).length === 1;
  const acts = db
    .select({
      id: t.activiteit.id,
      titel: t.activiteit.titel,
      organisatieId: t.activiteit.organisatieId,
      rooster: t.activiteit.rooster,
    })
    .from(t.activiteit)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.activiteit.organisatieId))
    .where(
      and(eq(t.activiteit.kernId, kern.id), eq(t.activiteit.status, 'gepubliceerd'), eq(t.organisatie.status, 'gepubliceerd')),
    )
    .all()
    .filter((a) => eenKern(a.organisatieId) && !a.rooster.seizoen && a.rooster.regels.length > 0);
  metPartner = acts[0];
  zonder = acts.find((a) => a.organisatieId !== metPartner.organisatieId)!;
  for (const a of [metPartner, zonder]) {
    const rooster: Rooster = { ...a.rooster, seizoen: { vanMaand, totMaand: ((vanMaand + 6) % 12) + 1 } };
    db.update(t.activiteit).set({ rooster, gecontroleerdOp: OUD }).where(eq(t.activiteit.id, a.id)).run();
  }
  bewaarAccount(db, {
    email: PARTNER,
    naam: 'Sanne Seizoen',
    beheerder: false,
    organisaties: [metPartner.organisatieId],
    kernen: [],
  });
  bewaarAccount(db, { email: KO, naam: 'Koen Kern', beheerder: false, organisaties: [], kernen: [kern.id] });
  // Six weeks ahead, so the first day of next month is always within the window.
  const config = loadConfig();
  await vraagSeizoenen(db, { ...config, versheid: { ...config.versheid, seizoen_vooraf_weken: 6 } }, vandaag, basis);
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

/** A screenshot at 360 px wide, to look at (not compared). */
async function foto(page: Pagina, naam: string) {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: path.join(inject('dataDir'), '..', `sk-seizoen-${naam}.png`), fullPage: true });
}

const gecontroleerd = (id: number) => db.select().from(t.activiteit).where(eq(t.activiteit.id, id)).get()!.gecontroleerdOp;

describe('Gaat het weer door?', () => {
  it('the partner confirms from the mail in one click, once; a changed link is refused', MET_PUBLICATIE, async () => {
    const mail = mails(PARTNER).at(-1);
    expect(mail?.onderwerp).toBe(`Gaat ${metPartner.titel} weer door vanaf ${datumTekst(start)}?`);
    const ja = mail!.tekst.match(/^Ja, het gaat door: (\S+)$/m)![1];
    expect(mail!.tekst).toMatch(/^Er is iets veranderd: \S+\/partners\/inloggen\/link\/\S+$/m);

    // What a mail scanner does: open the link. Nothing changes.
    expect((await fetch(ja)).status).toBe(200);
    const page = await nieuwePagina(browser);
    await page.goto(ja);
    await page.getByRole('heading', { level: 1, name: 'Gaat het weer door?' }).waitFor();
    await page
      .getByText(`vanaf ${datumTekst(start)}`, { exact: false })
      .first()
      .waitFor();
    expect(gecontroleerd(metPartner.id)).toBe(OUD);
    expect(await axeFouten(page)).toEqual([]);
    await foto(page, 'vraag');

    const geefVrij = await neemPublicatieSlot();
    try {
      await page.getByRole('button', { name: 'Ja, het gaat door' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dank u wel!' }).waitFor();
      await page.getByText(/namens Sanne Seizoen/).waitFor();
      expect(gecontroleerd(metPartner.id)).toBe(vandaag);
      expect(await axeFouten(page)).toEqual([]);
    } finally {
      await geefVrij();
    }

    await page.goto(ja);
    await page.getByText('Deze link is al gebruikt. Een link uit de herinnering werkt maar één keer.').waitFor();
    expect(await page.getByRole('button', { name: 'Ja, het gaat door' }).count()).toBe(0);
    const url = new URL(ja);
    const token = url.searchParams.get('token')!;
    url.searchParams.set('token', `${token.slice(0, -2)}${token.endsWith('xx') ? 'yy' : 'xx'}`);
    await page.goto(url.href);
    await page.getByText('Deze link klopt niet. Misschien is hij niet helemaal overgenomen uit de e-mail.').waitFor();
    // A season link does nothing on the "Alles klopt nog" page either: one purpose per link.
    await page.goto(`${basis}/partners/klopt-nog/?token=${encodeURIComponent(token)}`);
    await page.getByText('Deze link klopt niet.', { exact: false }).waitFor();
    // The refusals are 400s, which Chromium logs; nothing else may go wrong.
    expect(page.fouten.filter((f) => !f.includes('status of 400'))).toEqual([]);

    // The history names it.
    const partner = await nieuwePagina(browser);
    await logIn(partner, PARTNER);
    await partner.goto(`${basis}/partners/geschiedenis/activiteit/${metPartner.id}/`);
    await partner
      .getByRole('heading', { name: new RegExp(`gaat weer door vanaf ${datumTekst(start)}, bevestigd door Sanne Seizoen`) })
      .waitFor();
  });

  it('an activity without partner is on the call list with "Gaat het weer door?"', MET_PUBLICATIE, async () => {
    const ko = await nieuwePagina(browser);
    await logIn(ko, KO);
    await ko.getByRole('link', { name: /gaat het weer door\?/ }).click();
    await ko.getByRole('heading', { level: 2, name: /^Gaat het weer door\? \(\d+\)$/ }).waitFor();
    await ko.getByRole('heading', { level: 3, name: zonder.titel, exact: true }).waitFor();
    expect(await ko.getByRole('heading', { level: 3, name: metPartner.titel, exact: true }).count()).toBe(0);
    expect(await axeFouten(ko)).toEqual([]);
    await foto(ko, 'bellijst');

    const notitie = () => ko.getByLabel(`Hoe weet u dat het doorgaat? (${zonder.titel})`);
    await notitie().fill('gebeld met mevrouw Jansen');
    await ko.getByRole('button', { name: `Gaat weer door: ${zonder.titel}` }).click();
    await ko
      .getByText(/Noem de rol, niet de naam/)
      .first()
      .waitFor();
    expect(await notitie().inputValue()).toBe('gebeld met mevrouw Jansen');
    expect(gecontroleerd(zonder.id)).toBe(OUD);

    const geefVrij = await neemPublicatieSlot();
    try {
      await notitie().fill('gebeld met de trainer');
      await ko.getByRole('button', { name: `Gaat weer door: ${zonder.titel}` }).click();
      await ko.getByText('Genoteerd: de activiteit gaat weer door, namens de organisatie.', { exact: false }).waitFor();
      expect(gecontroleerd(zonder.id)).toBe(vandaag);
      expect(await ko.getByRole('heading', { level: 3, name: zonder.titel, exact: true }).count()).toBe(0);
    } finally {
      await geefVrij();
    }
  });
});
