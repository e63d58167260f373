import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { SESSIE_COOKIE } from '../../src/lib/portaal/omgeving.ts';
import { maakSessie } from '../../src/lib/portaal/sessies.ts';
import { isVoorbij } from '../../src/lib/rooster/keren.ts';
import { roosterTekst } from '../../src/lib/rooster/tekst.ts';
import { axeFouten, nieuwePagina, startBrowser, type Pagina } from './browser.ts';
import { basis, logIn, MET_PUBLICATIE, neemPublicatieSlot, testDb, wachtTotZichtbaar } from './portaal-hulp.ts';

/**
 * Verwijzen in Geerdijk, a kern no other test file changes. Three people log in by e-mail as a
 * person would; the others only check access, with a session made directly (the login links are
 * rate-limited per address, and all test files share 127.0.0.1).
 */
const db = testDb();
const dataDir = inject('dataDir');
const UIT = 'test-results/verwijzen';
const INWONER_TELEFOON = '06 98765432';
const INWONER_NAAM = 'Hendrika Proefpersoon';
const KO = 'ko-geerdijk@verwijzen.example';
const AANBIEDER = 'aanbieder-geerdijk@verwijzen.example';
const BEHEERDER = 'beheer@verwijzen.example';

let browser: Browser;
let act: typeof t.activiteit.$inferSelect;
let kern: typeof t.kern.$inferSelect;
let koTelefoon: string;
let ids: { ander: number; andereKo: number };
let ko: Pagina;
let aanbieder: Pagina;
let beheerder: Pagina;
const problemen: string[] = [];

async function axe(page: Pagina, wat: string) {
  problemen.push(...(await axeFouten(page)).map((f) => `${wat}: ${f}`), ...page.fouten.splice(0).map((f) => `${wat}: ${f}`));
}

/** A logged-in page without the e-mail round trip, for accounts that only test access. */
async function metSessie(accountId: number): Promise<Pagina> {
  const page = await nieuwePagina(browser);
  const { token } = maakSessie(db, accountId);
  await page.context().addCookies([{ name: SESSIE_COOKIE, value: token, url: `${basis}/partners/` }]);
  return page;
}

const tekstUitPdf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

beforeAll(async () => {
  browser = await startBrowser();
  mkdirSync(UIT, { recursive: true });
  kern = db.select().from(t.kern).where(eq(t.kern.slug, 'geerdijk')).get()!;
  const nu = { datum: new Date().toISOString().slice(0, 10), tijd: '00:00' };
  act = db
    .select()
    .from(t.activiteit)
    .where(and(eq(t.activiteit.kernId, kern.id), eq(t.activiteit.status, 'gepubliceerd')))
    .all()
    .find((a) => a.rooster.regels[0]?.type === 'wekelijks' && !isVoorbij(a.rooster, nu) && a.capaciteit !== 'vol')!;
  koTelefoon = db.select().from(t.kernondersteuner).where(eq(t.kernondersteuner.kernId, kern.id)).get()!.telefoon;
  const andereOrg = db
    .select()
    .from(t.activiteit)
    .all()
    .find((a) => a.organisatieId !== act.organisatieId && a.kernId !== kern.id)!;
  const anderKern = db.select().from(t.kern).where(eq(t.kern.slug, 'daarlerveen')).get()!;
  bewaarAccount(db, { email: KO, naam: 'Karin Kern', beheerder: false, organisaties: [], kernen: [kern.id] });
  bewaarAccount(db, {
    email: AANBIEDER,
    naam: 'Arend Aanbieder',
    beheerder: false,
    organisaties: [act.organisatieId],
    kernen: [],
  });
  bewaarAccount(db, { email: BEHEERDER, naam: 'Gemeente Cijfers', beheerder: true, organisaties: [], kernen: [] });
  ids = {
    ander: bewaarAccount(db, {
      email: 'ander@verwijzen.example',
      naam: 'Andere Partner',
      beheerder: false,
      organisaties: [andereOrg.organisatieId],
      kernen: [],
    }),
    andereKo: bewaarAccount(db, {
      email: 'ko-daarlerveen@verwijzen.example',
      naam: 'Andere Kern',
      beheerder: false,
      organisaties: [],
      kernen: [anderKern.id],
    }),
  };
  [ko, aanbieder, beheerder] = await Promise.all(
    [KO, AANBIEDER, BEHEERDER].map(async (email) => {
      const page = await nieuwePagina(browser);
      await logIn(page, email);
      return page;
    }),
  );
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

let verwijzingId: number;
let code: string;

describe('verwijzen', () => {
  it('a kernondersteuner refers from the public page, prints the card, the provider confirms with the code, and the figures count it', async () => {
    // The public page is static: its discreet link asks for a login first.
    const anoniem = await nieuwePagina(browser);
    await anoniem.goto(`${basis}/aanbod/${act.slug}/`);
    const link = anoniem.getByRole('link', { name: 'Verwijzen (voor kernondersteuners)' });
    expect(await link.locator('xpath=..').getAttribute('data-pagefind-ignore')).not.toBeNull();
    await link.click();
    await anoniem.getByRole('heading', { name: 'Inloggen bij het partnerportaal' }).waitFor();
    expect(anoniem.url()).toContain(encodeURIComponent(`/partners/verwijzingen/nieuw/?activiteit=${act.uuid}`));

    await ko.goto(`${basis}/partners/verwijzingen/nieuw/?activiteit=${act.uuid}`);
    await ko.getByRole('heading', { level: 1, name: `Verwijzen naar ${act.titel}` }).waitFor();
    await axe(ko, 'verwijzen formulier');
    await ko.getByLabel('De inwoner geeft toestemming').check();
    await ko.getByLabel('Naam van de inwoner').fill(INWONER_NAAM);
    await ko.getByLabel('Telefoon van de inwoner').fill(INWONER_TELEFOON);
    await ko.getByRole('button', { name: 'Verwijzing maken' }).click();
    await ko.getByText('De verwijzing is gemaakt').waitFor();
    await axe(ko, 'verwijzing');
    verwijzingId = Number(ko.url().match(/verwijzingen\/(\d+)\//)![1]);
    code = db.select().from(t.verwijzing).where(eq(t.verwijzing.id, verwijzingId)).get()!.code;
    const getoond = `${code.slice(0, 3)}-${code.slice(3)}`;
    await ko.getByRole('heading', { level: 1, name: `Verwijzing ${getoond}` }).waitFor();

    await ko.getByRole('link', { name: 'Kaartje voor de inwoner' }).click();
    await ko.getByText('Uw code').waitFor();
    await axe(ko, 'kaartje');
    const pdf = path.join(UIT, 'kaartje.pdf');
    await ko.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const tekst = tekstUitPdf(pdf);
    for (const moet of [act.titel, roosterTekst(act.rooster)[0], koTelefoon, 'Karin Kern']) expect(tekst, moet).toContain(moet);
    // The code is printed large and letter-spaced: pdftotext may split a letter off ("A JR-NWX").
    expect(tekst.replace(/\s+/g, ''), getoond).toContain(getoond.replace(/\s+/g, ''));
    for (const niet of [INWONER_TELEFOON, INWONER_NAAM, '98765432', 'Partnerportaal', 'Uitloggen'])
      expect(tekst, niet).not.toContain(niet);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, path.join(UIT, 'kaartje')]);

    await aanbieder.goto(`${basis}/partners/`);
    await aanbieder.getByText('Er wacht 1 verwijzing op uw antwoord.').waitFor();
    await axe(aanbieder, 'overzicht aanbieder');
    await aanbieder.getByRole('link', { name: 'Verwijzingen', exact: true }).first().click();
    await aanbieder.getByLabel('Code invoeren').fill(` ${getoond.toLowerCase().replace('-', ' ')} `);
    await aanbieder.getByRole('button', { name: 'Zoek verwijzing' }).click();
    await aanbieder.getByRole('heading', { level: 1, name: `Verwijzing ${getoond}` }).waitFor();
    await aanbieder.getByText(INWONER_TELEFOON).waitFor();
    await axe(aanbieder, 'verwijzing aanbieder');
    await aanbieder.getByLabel('Aangekomen').check();
    await aanbieder.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await aanbieder.getByText('Uw antwoord is opgeslagen').waitFor();

    await ko.goto(`${basis}/partners/verwijzingen/${verwijzingId}/`);
    await expect(ko.getByRole('definition').filter({ hasText: 'Aangekomen' }).count()).resolves.toBe(1);
    const organisatie = db.select().from(t.organisatie).where(eq(t.organisatie.id, act.organisatieId)).get()!;
    await expect(
      ko.getByRole('row').filter({ hasText: organisatie.naam }).filter({ hasText: 'Aangekomen' }).count(),
    ).resolves.toBe(1);

    // Exact for the kernondersteuner in her own kern; "minder dan 5" for the gemeente-wide view.
    const inKern = db.select().from(t.verwijzing).where(eq(t.verwijzing.kernId, kern.id)).all().length;
    expect(inKern).toBeGreaterThanOrEqual(1);
    await ko.goto(`${basis}/partners/verwijzingen/cijfers/`);
    await axe(ko, 'cijfers');
    const rij = (p: Pagina) => p.locator('section[aria-labelledby="per-kern"]').getByRole('row').filter({ hasText: kern.naam });
    await expect(rij(ko).getByRole('cell').textContent()).resolves.toBe(String(inKern));
    await expect(ko.locator('section[aria-labelledby="per-kern"] svg[role="img"] title').textContent()).resolves.toContain(
      `${kern.naam}: ${inKern}`,
    );
    await beheerder.goto(`${basis}/partners/verwijzingen/cijfers/`);
    await axe(beheerder, 'cijfers beheer');
    // Small: hidden; larger: shown, unless hidden too so that no small count can be worked out.
    const mogelijk = inKern < 5 ? ['minder dan 5', 'niet getoond'] : [String(inKern), '5 of meer', 'niet getoond'];
    expect(mogelijk).toContain(await rij(beheerder).getByRole('cell').textContent());
    await ko.screenshot({ path: path.join(UIT, 'cijfers.png'), fullPage: true });
    expect(problemen).toEqual([]);
  });

  it('keeps a referral from everyone but the referrer and the provider, and forgets the contact detail when it closes', async () => {
    const ander = await metSessie(ids.ander);
    const andereKo = await metSessie(ids.andereKo);
    for (const [wie, page] of [
      ['andere partner', ander],
      ['andere kernondersteuner', andereKo],
      ['beheerder', beheerder],
    ] as const) {
      for (const pad of [`/partners/verwijzingen/${verwijzingId}/`, `/partners/verwijzingen/${verwijzingId}/kaartje/`]) {
        const res = await page.goto(basis + pad);
        expect(res?.status(), `${wie} ${pad}`).toBe(403);
      }
      expect(await page.content(), wie).not.toContain(code);
    }
    const res = await andereKo.goto(`${basis}/partners/verwijzingen/nieuw/?activiteit=${act.id}`);
    expect(res?.status()).toBe(403);
    // The beheerder does not refer, and is told who does.
    const beheerNieuw = await beheerder.goto(`${basis}/partners/verwijzingen/nieuw/`);
    expect(beheerNieuw?.status()).toBe(403);
    await beheerder.getByText('Verwijzen kan alleen een kernondersteuner').waitFor();
    const csrf = await ander.locator('input[name="csrf"]').first().inputValue();
    const aanval = await ander.request.post(`${basis}/partners/verwijzingen/${verwijzingId}/`, {
      form: { csrf, status: 'niet-gekomen' },
      headers: { Origin: basis },
    });
    expect(aanval.status()).toBe(403);
    await ander.goto(`${basis}/partners/verwijzingen/`);
    await ander.getByLabel('Code invoeren').fill(code);
    await ander.getByRole('button', { name: 'Zoek verwijzing' }).click();
    await ander.getByText('er is geen verwijzing met deze code naar uw activiteiten').first().waitFor();
    expect(db.select().from(t.verwijzing).where(eq(t.verwijzing.id, verwijzingId)).get()!.status).toBe('aangekomen');

    // Without consent nothing about the inwoner can be stored.
    await ko.goto(`${basis}/partners/verwijzingen/nieuw/?activiteit=${act.id}`);
    await ko.getByLabel('Telefoon van de inwoner').fill(INWONER_TELEFOON);
    await ko.getByRole('button', { name: 'Verwijzing maken' }).click();
    await ko.getByRole('link', { name: /zonder toestemming van de inwoner/ }).waitFor();
    expect(ko.fouten.splice(0)).toEqual([expect.stringContaining('status of 422')]);
    await axe(ko, 'formulier zonder toestemming');
    await ko.getByLabel('Telefoon van de inwoner').fill('');
    await ko.getByRole('button', { name: 'Verwijzing maken' }).click();
    await ko.getByText('De verwijzing is gemaakt').waitFor();
    const zonder = db
      .select()
      .from(t.verwijzing)
      .where(eq(t.verwijzing.id, Number(ko.url().match(/verwijzingen\/(\d+)\//)![1])))
      .get()!;
    expect([zonder.toestemmingOp, zonder.contactVersleuteld]).toEqual([null, null]);

    const voor = db.select().from(t.verwijzing).where(eq(t.verwijzing.id, verwijzingId)).get()!;
    expect(voor.contactVersleuteld).toMatch(/^v1\./);
    await aanbieder.goto(`${basis}/partners/verwijzingen/${verwijzingId}/`);
    await aanbieder.getByLabel('Gestopt').check();
    await aanbieder.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await aanbieder.getByText('Het contactgegeven is gewist.').waitFor();
    const rauw = db.$client.prepare('select contact_versleuteld, status from verwijzing where id = ?').get(verwijzingId);
    expect(rauw).toEqual({ contact_versleuteld: null, status: 'gestopt' });
    // The plain text was never written; the ciphertext is gone too once the log is checkpointed
    // (not possible while a build is reading, so only checked then).
    const [{ busy }] = db.$client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    const bestanden = readdirSync(dataDir).filter((f) => f.startsWith('sociale-kaart.sqlite'));
    const bytes = bestanden.map((f) => readFileSync(path.join(dataDir, f)).toString('latin1')).join('');
    for (const geheim of [INWONER_TELEFOON, '98765432', INWONER_NAAM]) expect(bytes.includes(geheim), geheim).toBe(false);
    if (busy === 0) expect(bytes.includes(voor.contactVersleuteld!)).toBe(false);
    const outbox = readdirSync(path.join(dataDir, 'outbox'))
      .map((f) => readFileSync(path.join(dataDir, 'outbox', f), 'utf8'))
      .join('');
    expect(outbox).not.toContain(INWONER_TELEFOON);
    expect(problemen).toEqual([]);
  });

  it('lets the beheerder allow a partner to refer in the kernen of its organisation', async () => {
    const ander = await metSessie(ids.ander);
    await ander.goto(`${basis}/partners/verwijzingen/`);
    await expect(ander.getByRole('link', { name: 'Nieuwe verwijzing' }).count()).resolves.toBe(0);
    await beheerder.goto(`${basis}/partners/beheer/accounts/${ids.ander}/`);
    await beheerder.getByLabel('Mag inwoners verwijzen naar activiteiten').check();
    await beheerder.getByRole('button', { name: 'Opslaan' }).first().click();
    await beheerder.getByText('De gegevens zijn opgeslagen.').waitFor();
    await ander.goto(`${basis}/partners/verwijzingen/`);
    await ander.getByRole('link', { name: 'Nieuwe verwijzing' }).click();
    await ander.getByRole('heading', { level: 1, name: 'Nieuwe verwijzing' }).waitFor();
    expect(await ander.locator('main ul a[href*="?activiteit="]').count()).toBeGreaterThan(0);
    await axe(ander, 'nieuwe verwijzing partner');
    expect(problemen).toEqual([]);
  });
  // Publishes: waits for the lock that keeps the test files' builds apart (portaal-hulp.ts).
  it('a provider marks an activity "vol": the public page and new cards show it, no review needed', MET_PUBLICATIE, async () => {
    const geefVrij = await neemPublicatieSlot();
    try {
      const plaatsen = () => aanbieder.getByRole('combobox', { name: `${act.titel} (${kern.naam}` });
      await aanbieder.goto(`${basis}/partners/verwijzingen/`);
      await plaatsen().selectOption('vol');
      await aanbieder.getByRole('button', { name: 'Plaatsen opslaan' }).click();
      await aanbieder.getByText('De plaatsen zijn aangepast').waitFor();
      await axe(aanbieder, 'plaatsen');
      expect(db.select().from(t.activiteit).where(eq(t.activiteit.id, act.id)).get()!.capaciteit).toBe('vol');
      const revisie = db.select().from(t.revisie).where(eq(t.revisie.entiteitId, act.id)).all().at(-1)!;
      expect([revisie.status, revisie.auteurId !== null]).toEqual(['direct', true]);
      await wachtTotZichtbaar(`${basis}/aanbod/${act.slug}/`, 'Deze activiteit is vol.');
      await ko.goto(`${basis}/partners/verwijzingen/${verwijzingId}/kaartje/`);
      await ko.getByText('Let op: vol.').waitFor();
      await plaatsen().selectOption('');
      await aanbieder.getByRole('button', { name: 'Plaatsen opslaan' }).click();
      await aanbieder.getByText('De plaatsen zijn aangepast').waitFor();
      expect(db.select().from(t.activiteit).where(eq(t.activiteit.id, act.id)).get()!.capaciteit).toBeNull();
      expect(problemen).toEqual([]);
    } finally {
      await geefVrij();
    }
  });
});
