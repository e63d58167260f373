import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { kwartaalLabel, kwartaalVan } from '../../src/lib/signalen/overzicht.ts';
import { lokaal } from '../../src/lib/rooster/kalender.ts';
import { axeFouten, startBrowser, type Pagina } from './browser.ts';
import { basis, ingelogdePagina, MET_PUBLICATIE, publiceerOpnieuw, testDb } from './portaal-hulp.ts';
import { bestandenMet } from './signalen-hulp.ts';

/**
 * Signalen end to end: recording past the privacy guard, "wij zien dit ook" by a second
 * organisation, follow-up to afgerond with an activity, the overview, access for another kern,
 * and no signal text anywhere in the published site.
 */

let browser: Browser;
const db = testDb();
// Geerdijk and Bruinehaar: kernen no other browser test changes.
const P1 = 'signaal-partner1@test.example';
const P2 = 'signaal-partner2@test.example';
const KO = 'signaal-ko@test.example';
const ANDER = 'signaal-ander@test.example';
const BEHEER = 'signaal-beheer@test.example';
let org1: { id: number; naam: string };
let org2: { id: number; naam: string };
let activiteit: { id: number; titel: string; slug: string };
const kwartaal = kwartaalLabel(kwartaalVan(lokaal(new Date()).datum));

function alleenIn(slug: string) {
  const kern = db.select().from(t.kern).where(eq(t.kern.slug, slug)).get()!;
  const rijen = db.select().from(t.organisatieKern).all();
  const ids = [...new Set(rijen.filter((r) => r.kernId === kern.id).map((r) => r.organisatieId))].filter(
    (o) => rijen.filter((r) => r.organisatieId === o).length === 1,
  );
  return {
    kern,
    orgs: ids.map(
      (id) =>
        db.select({ id: t.organisatie.id, naam: t.organisatie.naam }).from(t.organisatie).where(eq(t.organisatie.id, id)).get()!,
    ),
  };
}

beforeAll(async () => {
  browser = await startBrowser();
  const geerdijk = alleenIn('geerdijk');
  [org1, org2] = geerdijk.orgs;
  activiteit = db
    .select({ id: t.activiteit.id, titel: t.activiteit.titel, slug: t.activiteit.slug })
    .from(t.activiteit)
    .where(eq(t.activiteit.kernId, geerdijk.kern.id))
    .all()[0];
  bewaarAccount(db, { email: P1, naam: 'Petra Een', beheerder: false, organisaties: [org1.id], kernen: [] });
  bewaarAccount(db, { email: P2, naam: 'Paul Twee', beheerder: false, organisaties: [org2.id], kernen: [] });
  bewaarAccount(db, { email: KO, naam: 'Karin Kern', beheerder: false, organisaties: [], kernen: [geerdijk.kern.id] });
  bewaarAccount(db, {
    email: ANDER,
    naam: 'Anton Ander',
    beheerder: false,
    organisaties: [alleenIn('bruinehaar').orgs[0].id],
    kernen: [],
  });
  bewaarAccount(db, { email: BEHEER, naam: 'Bea Heer', beheerder: true, organisaties: [], kernen: [] });
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

const ingelogd = (email: string, opties = {}) => ingelogdePagina(browser, email, opties);

/** Fills the signal form as a partner would; the text last, so the live check sees it. */
async function vulSignaal(page: Pagina, tekst: string) {
  await page.getByLabel('Thema').selectOption({ label: 'Mensen ontmoeten' });
  await page.getByLabel('Voor wie').selectOption({ label: 'Ouderen' });
  await page.getByRole('radio', { name: 'Een groep' }).check();
  await page.getByLabel('Sinds wanneer').selectOption({ index: 2 });
  await page.getByRole('radio', { name: 'Uit meerdere gesprekken' }).check();
  await page.getByLabel('Wat ziet u?').fill(tekst);
}

async function meld(page: Pagina, tekst: string): Promise<number> {
  await page.goto(`${basis}/partners/signalen/nieuw/`);
  await vulSignaal(page, tekst);
  await page.getByRole('button', { name: 'Signaal opslaan' }).click();
  await page.getByText('Uw signaal is opgeslagen').waitFor();
  return Number(/\/signalen\/(\d+)\//.exec(page.url())![1]);
}

describe('signalen', () => {
  let signaalId: number;
  const tekst = 'Steeds meer ouderen in Geerdijk zitten in de winter veel alleen thuis. Kenmerk-ouderen-e2e.';

  it('a partner records a signal past the privacy guard, a second organisation recognises it, the kernondersteuner takes it to afgerond', async () => {
    const problemen: string[] = [];
    const axe = async (p: Pagina, wat: string) => problemen.push(...(await axeFouten(p)).map((f) => `${wat}: ${f}`));

    const partner = await ingelogd(P1);
    await partner.getByRole('navigation', { name: 'Portaalmenu' }).getByRole('link', { name: 'Signalen' }).click();
    await partner.getByRole('link', { name: 'Nieuw signaal' }).click();
    await vulSignaal(partner, 'Meneer Jansen (82) van de Kerkstraat 4 zit veel alleen, bel 06-12345678.');
    const live = partner.locator('#privacy-controle');
    await live.getByText('Dit lijkt een telefoonnummer: 06-12345678.').waitFor();
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await partner.getByRole('button', { name: 'Signaal opslaan' }).click();
    await partner.getByRole('heading', { name: /niet goed ingevuld/ }).waitFor();
    const fout = await partner.locator('#veld-tekst-fout').textContent();
    expect(fout).toContain('Dit lijkt een naam: "Meneer Jansen".');
    expect(fout).toContain('Schrijf over de groep, niet over één persoon.');
    expect(
      db
        .select()
        .from(t.signaal)
        .all()
        .some((s) => s.tekst.includes('Jansen')),
    ).toBe(false);
    await axe(partner, 'nieuw signaal met fout');

    await partner.getByLabel('Wat ziet u?').fill(tekst);
    await partner.locator('[data-voorbeeld="tekst"]').getByText(tekst).waitFor();
    await expect(live.textContent()).resolves.toBe('');
    expect(await partner.locator('[data-voorbeeld="afzender"]').textContent()).toBe(org1.naam);
    await partner.getByRole('button', { name: 'Signaal opslaan' }).click();
    await partner.getByText('Uw signaal is opgeslagen').waitFor();
    signaalId = Number(/\/signalen\/(\d+)\//.exec(partner.url())![1]);
    await partner.getByRole('heading', { level: 1, name: `Signaal ${signaalId} in Geerdijk` }).waitFor();
    expect(db.select().from(t.signaal).where(eq(t.signaal.id, signaalId)).get()).toMatchObject({
      organisatieId: org1.id,
      tekst,
      status: 'nieuw',
    });
    await axe(partner, 'signaal');

    const tweede = await ingelogd(P2);
    await tweede.goto(`${basis}/partners/signalen/`);
    await axe(tweede, 'lijst');
    await tweede.getByRole('link', { name: new RegExp(`^Signaal ${signaalId}:`) }).click();
    await tweede.getByLabel('Wat ziet u zelf?').fill('Bij de soos zien we het ook: minder ouderen komen op eigen kracht.');
    await tweede.getByRole('button', { name: 'Wij zien dit ook' }).click();
    await tweede.getByText('Uw organisatie telt nu mee').waitFor();
    await tweede.getByText('Herkend door 2 organisaties').waitFor();
    // A second click (a tampered form) changes nothing: organisations count, not clicks.
    const csrf = await tweede.locator('input[name="csrf"]').first().inputValue();
    const nogmaals = await tweede.request.post(`${basis}/partners/signalen/${signaalId}/`, {
      form: { csrf, actie: 'herkennen', afzender: `org-${org2.id}` },
      headers: { Origin: basis },
    });
    expect(nogmaals.status()).toBe(403);
    expect(db.select().from(t.signaalHerkenning).where(eq(t.signaalHerkenning.signaalId, signaalId)).all()).toHaveLength(1);

    const ko = await ingelogd(KO);
    await ko.getByRole('link', { name: /vraagt uw aandacht|vragen uw aandacht/ }).click();
    await ko.getByRole('link', { name: new RegExp(`^Signaal ${signaalId}:`) }).click();
    await ko.getByRole('radio', { name: 'Besproken met de partners in de kern' }).check();
    await ko.getByRole('button', { name: 'Stap opslaan' }).click();
    await ko.getByText('De volgende stap is opgeslagen').waitFor();
    await ko.getByRole('radio', { name: 'Wordt opgepakt door een organisatie' }).check();
    await ko.getByLabel('Wie pakt het op? (bij opgepakt)').selectOption({ label: org2.naam });
    await ko.getByRole('button', { name: 'Stap opslaan' }).click();
    await ko.getByText(`Stand: Opgepakt door ${org2.naam}`).waitFor();
    await ko.getByRole('radio', { name: 'Afgerond: er is iets mee gedaan' }).check();
    await ko.getByLabel('Toelichting').fill('Elke donderdag een koffieochtend in het dorpshuis, met vervoer.');
    await ko.getByLabel('Activiteit op de kaart (bij afgerond)').selectOption({ label: activiteit.titel });
    await axe(ko, 'opvolgen');
    await ko.getByRole('button', { name: 'Stap opslaan' }).click();
    await ko.getByText('Stand: Afgerond').waitFor();
    expect(await ko.getByRole('link', { name: activiteit.titel }).getAttribute('href')).toBe(`/aanbod/${activiteit.slug}/`);
    const tijdlijn = await ko.getByRole('region', { name: 'Wat er gebeurde' }).textContent();
    for (const stap of ['Gemeld', 'Wij zien dit ook', 'Besproken', `Opgepakt door ${org2.naam}`, 'Afgerond'])
      expect(tijdlijn).toContain(stap);
    expect(tijdlijn).toContain(org1.naam);
    expect(tijdlijn).not.toContain('Petra');

    await ko.goto(`${basis}/partners/signalen/overzicht/`);
    const diagram = ko.getByRole('img', { name: /Nieuwe signalen per kwartaal in Geerdijk/ });
    // The description lists each series; "Nieuwe signalen" ends with this quarter's 1.
    expect(await diagram.locator('desc').textContent()).toMatch(/Nieuwe signalen:[^;.]*K\d \d{4} 1(\.|;|$)/);
    const rij = ko.getByRole('row', { name: new RegExp(`^${kwartaal}`) });
    await expect(rij.getByRole('cell').first().textContent()).resolves.toBe('1');
    await axe(ko, 'overzicht');

    // Gemeente-wide, the same figure may travel beyond the kern: small counts are hidden.
    const beheer = await ingelogd(BEHEER);
    await beheer.goto(`${basis}/partners/signalen/overzicht/`);
    // Hidden as small, or (when the other figures would give it away) not shown at all.
    expect(['minder dan 5', 'niet getoond']).toContain(
      await beheer
        .getByRole('row', { name: new RegExp(`^${kwartaal}`) })
        .getByRole('cell')
        .first()
        .textContent(),
    );
    await axe(beheer, 'overzicht gemeente');
    expect(problemen).toEqual([]);
    // The refused form answers 422 on purpose; Chromium logs that as a failed resource.
    const fouten = [...partner.fouten, ...tweede.fouten, ...ko.fouten, ...beheer.fouten].filter(
      (f) => !f.includes('status of 422'),
    );
    expect(fouten).toEqual([]);
  });

  it('refuses personal data on the server without JavaScript, with the same explanation at the field', async () => {
    const page = await ingelogd(P1, { javaScriptEnabled: false });
    await page.goto(`${basis}/partners/signalen/nieuw/`);
    await vulSignaal(page, 'Mail de moeder op jan.bos@voorbeeld.example over de kinderen.');
    await page.getByRole('button', { name: 'Voorbeeld bijwerken' }).click();
    await expect(page.locator('#veld-tekst-fout').textContent()).resolves.toContain(
      'Dit lijkt een e-mailadres: jan.bos@voorbeeld.example.',
    );
    await page.getByRole('button', { name: 'Signaal opslaan' }).click();
    await expect(page.locator('#veld-tekst-fout').textContent()).resolves.toBe(
      'Dit lijkt een e-mailadres: jan.bos@voorbeeld.example. Schrijf over de groep, niet over één persoon.',
    );
    await expect(page.getByLabel('Wat ziet u?').inputValue()).resolves.toContain('jan.bos@voorbeeld.example');
    expect(
      db
        .select()
        .from(t.signaal)
        .all()
        .some((s) => s.tekst.includes('jan.bos')),
    ).toBe(false);
  });

  it('keeps a partner of another kern out: no page, no list, no export, no reaction', async () => {
    const page = await ingelogd(ANDER);
    for (const pad of [
      `/partners/signalen/${signaalId}/`,
      '/partners/signalen/?kern=geerdijk',
      '/partners/signalen/overzicht/?kern=geerdijk',
    ]) {
      const res = await page.goto(basis + pad);
      expect(res?.status(), pad).toBe(403);
      await expect(page.getByRole('heading', { name: 'Geen toegang' }).count(), pad).resolves.toBe(1);
    }
    await page.goto(`${basis}/partners/signalen/`);
    expect(await page.locator('main').textContent()).not.toContain('Kenmerk-ouderen-e2e');
    for (const soort of ['signalen', 'aantallen']) {
      expect((await page.request.get(`${basis}/partners/signalen/export.csv?soort=${soort}&kern=geerdijk`)).status(), soort).toBe(
        403,
      );
    }
    const eigen = await page.request.get(`${basis}/partners/signalen/export.csv?soort=signalen`);
    expect(eigen.status()).toBe(200);
    expect(await eigen.text()).not.toContain('Kenmerk-ouderen-e2e');
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const gebeurtenissen = () =>
      db.select().from(t.signaalGebeurtenis).where(eq(t.signaalGebeurtenis.signaalId, signaalId)).all().length;
    const voor = gebeurtenissen();
    const aanvallen: Record<string, string>[] = [
      { actie: 'herkennen', afzender: 'org-1' },
      { actie: 'status', status: 'geen-actie', uitkomst: 'Nee' },
      { actie: 'speelt-nog' },
    ];
    for (const velden of aanvallen) {
      const res = await page.request.post(`${basis}/partners/signalen/${signaalId}/`, {
        form: { csrf, ...velden },
        headers: { Origin: basis },
      });
      expect(res.status(), velden.actie).toBe(403);
    }
    expect(gebeurtenissen()).toBe(voor);
    expect(db.select().from(t.signaal).where(eq(t.signaal.id, signaalId)).get()!.status).toBe('afgerond');

    // The partners of the kern themselves get the text, Excel-safe.
    const partner = await ingelogd(P1);
    const csv = await (await partner.request.get(`${basis}/partners/signalen/export.csv?soort=signalen`)).text();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Kenmerk-ouderen-e2e');
  });

  it('never puts a signal text in the published site, its search index or the open data', MET_PUBLICATIE, async () => {
    const partner = await ingelogd(P1);
    const kenmerk = `Kenmerkzin${Date.now().toString(36)}`;
    await meld(partner, `Rond het dorpshuis ${kenmerk} veel jongeren zonder plek.`);
    const release = await publiceerOpnieuw(await ingelogd(BEHEER));
    // Positive check first: the search for a public text must find it in the decompressed index.
    const pagefind = bestandenMet(release, activiteit.titel).filter((b) => b.includes('pagefind'));
    expect(pagefind.length).toBeGreaterThan(0);
    expect(bestandenMet(release, kenmerk)).toEqual([]);
    expect(bestandenMet(release, 'Kenmerk-ouderen-e2e')).toEqual([]);
  });
});
