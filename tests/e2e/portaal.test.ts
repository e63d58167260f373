import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { laadKaart, type Activiteit, type Organisatie } from '../../src/lib/data/kaart.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { bouwHaak } from './bouwhaak.ts';
import { axeFouten, nieuwePagina, startBrowser, type Pagina } from './browser.ts';
import {
  basis,
  linkUit,
  liveId,
  ingelogdePagina,
  logIn,
  MET_PUBLICATIE,
  mails,
  neemPublicatieSlot,
  testDb,
  wachtOpMail,
  wachtTotGeenPublicatie,
  wachtTotZichtbaar,
} from './portaal-hulp.ts';

let browser: Browser;
const db = testDb();
let orgA: Organisatie;
let orgB: Organisatie;
let actA: Activiteit;
let actB: Activiteit;
const PARTNER_A = 'partner-a@test.example';
const PARTNER_B = 'partner-b@test.example';
const BEHEERDER = 'beheer@gemeente.example';
const GERDA = 'gerda@test.example';
const HENK = 'henk@test.example';

let geefSlotVrij: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // This file publishes and kills a build: no other file may publish meanwhile.
  geefSlotVrij = await neemPublicatieSlot();
  browser = await startBrowser();
  const kaart = laadKaart(db);
  const wekelijks = (a: Activiteit) =>
    a.status === 'gepubliceerd' && a.rooster.regels[0]?.type === 'wekelijks' && !a.rooster.periode;
  // Organisations in small kernen, so other test files looking at Vriezenveen are not affected.
  orgA = kaart.organisaties.find(
    (o) => o.kernen.join() === 'aadorp' && kaart.activiteiten.some((a) => a.organisatie === o.slug && wekelijks(a)),
  )!;
  orgB = kaart.organisaties.find(
    (o) => o.kernen.join() === 'kloosterhaar' && kaart.activiteiten.some((a) => a.organisatie === o.slug),
  )!;
  actA = kaart.activiteiten.find((a) => a.organisatie === orgA.slug && wekelijks(a))!;
  actB = kaart.activiteiten.find((a) => a.organisatie === orgB.slug)!;
  bewaarAccount(db, { email: PARTNER_A, naam: 'Anna Partner', beheerder: false, organisaties: [orgA.id], kernen: [] });
  bewaarAccount(db, { email: GERDA, naam: 'Gerda Smit', beheerder: false, organisaties: [orgA.id], kernen: [] });
  bewaarAccount(db, { email: HENK, naam: 'Henk Bakker', beheerder: false, organisaties: [orgA.id], kernen: [] });
  bewaarAccount(db, { email: PARTNER_B, naam: 'Carla Ander', beheerder: false, organisaties: [orgB.id], kernen: [] });
  // The first beheerder is made on the command line, as the README says.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/create-beheerder.ts', BEHEERDER, 'Gemeente', 'Beheer'], {
    env: { ...process.env, DATABASE_PATH: (db.$client as unknown as { name: string }).name },
  });
}, MET_PUBLICATIE.timeout);
afterAll(async () => {
  await browser?.close();
  await geefSlotVrij?.();
  db.$client.close();
});

const ingelogd = (email: string, opties = {}) => ingelogdePagina(browser, email, opties);

function csrfVan(page: Pagina) {
  return page.locator('input[name="csrf"]').first().inputValue();
}

describe('partner portal', () => {
  it('a partner changes a description and a time, the beheerder approves, the public site follows', async () => {
    const partner = await ingelogd(PARTNER_A);
    const problemen: string[] = [];
    const axe = async (wat: string) => problemen.push(...(await axeFouten(partner)).map((f) => `${wat}: ${f}`));
    await axe('overzicht');
    await partner.getByRole('link', { name: `Gegevens van ${orgA.naam} wijzigen` }).click();
    await axe('organisatie');
    // "Zwanenveldje" is a made-up word, so search can only find it through this change.
    const omschrijving = `Nieuwe omschrijving van ${orgA.naam}. Kom gerust langs in het Zwanenveldje voor koffie en een praatje.`;
    await partner.getByLabel('Wat doet u?').fill(omschrijving);
    await partner.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await partner.getByText('De gemeente kijkt ernaar').waitFor();

    await partner.getByRole('link', { name: actA.titel }).click();
    await axe('activiteit');
    await partner.getByLabel('Van', { exact: true }).first().fill('09:15');
    await partner.getByLabel('Tot', { exact: true }).first().fill('11:45');
    await partner.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await partner.getByText('De gemeente kijkt ernaar').waitFor();
    expect(await partner.getByText('Wacht op goedkeuring').count()).toBeGreaterThanOrEqual(2);

    const beheerder = await ingelogd(BEHEERDER);
    await beheerder.getByRole('link', { name: 'Beoordelen' }).first().click();
    for (const naam of [`Organisatie: ${orgA.naam}`, `Activiteit: ${actA.titel}`]) {
      await beheerder.getByRole('link', { name: naam }).click();
      expect(await beheerder.getByRole('row').count()).toBeGreaterThan(1);
      problemen.push(...(await axeFouten(beheerder)).map((f) => `beoordelen: ${f}`));
      await beheerder.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
      await beheerder.getByText('De wijziging is goedgekeurd').waitFor();
    }
    await wachtTotZichtbaar(`${basis}/organisaties/${orgA.slug}/`, omschrijving);
    await wachtTotZichtbaar(`${basis}/aanbod/${actA.slug}/`, '9.15–11.45 uur');
    await wachtTotZichtbaar(`${basis}/kernen/aadorp/`, '9.15–11.45 uur');
    // And search finds it: the release's Pagefind index was rebuilt with the change.
    const inwoner = await nieuwePagina(browser);
    await inwoner.goto(`${basis}/zoeken/?q=zwanenveldje`);
    await inwoner.locator('#zoekformulier[data-status="klaar"]').waitFor({ timeout: 20_000 });
    expect(
      await inwoner.locator('#resultatenlijst > li h3 a').evaluateAll((a) => a.map((l) => l.getAttribute('href'))),
    ).toContain(`/organisaties/${orgA.slug}/`);
    expect(problemen).toEqual([]);
    expect([...partner.fouten, ...beheerder.fouten]).toEqual([]);
  });

  it('keeps a partner of organisation A out of B, by URL and by tampering with forms', async () => {
    const page = await ingelogd(PARTNER_A);
    const csrf = await csrfVan(page);
    for (const pad of [
      `/partners/organisaties/${orgB.id}/`,
      `/partners/activiteiten/${actB.id}/`,
      `/partners/activiteiten/nieuw/?organisatie=${orgB.id}`,
      `/partners/geschiedenis/organisatie/${orgB.id}/`,
      '/partners/beoordelen/',
      '/partners/beheer/accounts/',
      '/partners/beheer/logboek/',
    ]) {
      const res = await page.goto(basis + pad);
      expect(res?.status(), pad).toBe(403);
      await expect(page.getByRole('heading', { name: 'Geen toegang' }).count(), pad).resolves.toBe(1);
    }
    const voor = db.select().from(t.revisie).where(eq(t.revisie.organisatieId, orgB.id)).all().length;
    const aanvallen: { pad: string; velden: Record<string, string> }[] = [
      { pad: `/partners/organisaties/${orgB.id}/`, velden: { actie: 'opslaan', naam: 'Overgenomen', 'basis.versie': '1' } },
      { pad: `/partners/organisaties/${orgB.id}/`, velden: { actie: 'controleren' } },
      { pad: `/partners/activiteiten/${actB.id}/`, velden: { actie: 'verwijderen', bevestig: 'ja' } },
      { pad: `/partners/activiteiten/nieuw/?organisatie=${orgB.id}`, velden: { actie: 'opslaan', titel: 'Nep' } },
    ];
    for (const { pad, velden } of aanvallen) {
      const res = await page.request.post(basis + pad, { form: { csrf, ...velden }, headers: { Origin: basis } });
      expect(res.status(), pad).toBe(403);
    }
    expect(db.select().from(t.revisie).where(eq(t.revisie.organisatieId, orgB.id)).all().length).toBe(voor);
    expect(db.select().from(t.activiteit).where(eq(t.activiteit.id, actB.id)).get()).toBeDefined();
    // Without the CSRF token a form post is refused, even for one's own organisation.
    const zonder = await page.request.post(`${basis}/partners/organisaties/${orgA.id}/`, {
      form: { actie: 'controleren' },
      headers: { Origin: basis },
    });
    expect(zonder.status()).toBe(403);
  });

  it('refuses a used, an expired and a made-up link with a clear message, and does not reveal accounts', async () => {
    const page = await nieuwePagina(browser);
    await logIn(page, PARTNER_B);
    const link = linkUit(mails(PARTNER_B).at(-1)!);
    const ander = await nieuwePagina(browser);
    await ander.goto(link);
    await ander.getByRole('button', { name: 'Inloggen' }).click();
    await ander.getByText('Deze inloglink is al gebruikt').waitFor();

    const voor = mails(PARTNER_B).length;
    await ander.goto(`${basis}/partners/inloggen/`);
    await ander.getByLabel('Uw e-mailadres').fill(PARTNER_B);
    await ander.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    const nieuw = linkUit(await wachtOpMail(PARTNER_B, voor));
    db.$client.prepare("update login_token set verloopt_op = '2000-01-01T00:00:00.000Z' where gebruikt_op is null").run();
    await ander.goto(nieuw);
    await ander.getByRole('button', { name: 'Inloggen' }).click();
    await ander.getByText('Deze inloglink is verlopen').waitFor();

    await ander.goto(`${basis}/partners/inloggen/link/?token=verzonnen`);
    await ander.getByRole('button', { name: 'Inloggen' }).click();
    await ander.getByText('Deze inloglink klopt niet').waitFor();

    const aantal = mails().length;
    await ander.goto(`${basis}/partners/inloggen/`);
    await ander.getByLabel('Uw e-mailadres').fill('bestaat-niet@test.example');
    await ander.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await ander.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
    expect(mails().length).toBe(aantal);
    expect(await axeFouten(ander)).toEqual([]);
  });

  it('merges two people’s edits of one activity: other fields both kept, the same field asked about by name', async () => {
    const gerda = await ingelogd(GERDA);
    const henk = await ingelogd(HENK);
    const pad = `${basis}/partners/activiteiten/${actA.id}/`;
    const prijs = async (p: Pagina, bedrag: string) => {
      await p.getByRole('radio', { name: 'Een vast bedrag' }).check();
      await p.getByLabel('Bedrag in euro (bij een vast bedrag)').fill(bedrag);
      await p.getByLabel('Bedrag per').selectOption('keer');
    };
    const opslaan = (p: Pagina) => p.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const wachtend = () =>
      db
        .select()
        .from(t.revisie)
        .where(eq(t.revisie.entiteitId, actA.id))
        .all()
        .filter((r) => r.soort === 'activiteit' && r.status === 'wacht');

    // Different fields: Gerda the price, Henk the description. Both kept, no merge screen.
    for (const p of [gerda, henk]) await p.goto(pad);
    await prijs(gerda, '3,15');
    await opslaan(gerda);
    await gerda.getByText('De gemeente kijkt ernaar').waitFor();
    const mailsVoor = mails(GERDA).length;
    const henkTekst = 'Henk schrijft hier een nieuwe omschrijving: elke week samen bridgen in het dorpshuis.';
    await henk.getByLabel('Wat gebeurt er?').fill(henkTekst);
    await opslaan(henk);
    await henk.getByText('De gemeente kijkt ernaar').waitFor();
    let open = wachtend();
    expect(open).toHaveLength(1);
    expect(open[0].data).toMatchObject({ omschrijving: henkTekst, kosten: { soort: 'bedrag', bedragCent: 315, per: 'keer' } });
    const samengevoegd = await wachtOpMail(GERDA, mailsVoor);
    expect(samengevoegd.onderwerp).toBe(`Uw wijziging van "${actA.titel}" is samengevoegd met die van Henk Bakker`);

    // The same field: Henk is asked, with Gerda's name and both prices, and chooses per field.
    for (const p of [gerda, henk]) await p.goto(pad);
    await prijs(gerda, '4,15');
    await opslaan(gerda);
    await gerda.getByText('De gemeente kijkt ernaar').waitFor();
    await prijs(henk, '2,65');
    await henk.getByLabel('Toegankelijkheid').fill('Drempelvrij, met ringleiding.');
    await opslaan(henk);
    await henk.getByRole('heading', { name: 'Uw wijziging is nog niet opgeslagen' }).waitFor();
    await henk.getByText(/Laatste verandering door Gerda Smit/).waitFor();
    const keuze = henk.getByRole('group', { name: 'Kosten: welke versie wilt u houden?' });
    await keuze.getByRole('radio', { name: 'De versie van Gerda Smit: € 4,15 per keer.' }).waitFor();
    // Only the price is asked about; Henk's other change is still in the form.
    expect(await henk.getByRole('group', { name: /welke versie wilt u houden/ }).count()).toBe(1);
    await expect(henk.getByLabel('Toegankelijkheid').inputValue()).resolves.toBe('Drempelvrij, met ringleiding.');
    expect(await axeFouten(henk)).toEqual([]);
    await opslaan(henk);
    await henk.getByText('Kies bij elk onderdeel hieronder welke versie u wilt houden.').waitFor();
    const voorKeuze = mails(GERDA).length;
    await henk.getByRole('radio', { name: 'Uw versie: € 2,65 per keer.' }).check();
    await opslaan(henk);
    await henk.getByText('De gemeente kijkt ernaar').waitFor();
    open = wachtend();
    expect(open).toHaveLength(1);
    expect(open[0].data).toMatchObject({
      omschrijving: henkTekst,
      toegankelijkheid: 'Drempelvrij, met ringleiding.',
      kosten: { soort: 'bedrag', bedragCent: 265, per: 'keer' },
    });
    const vervangen = await wachtOpMail(GERDA, voorKeuze);
    expect(vervangen.onderwerp).toBe(`Uw wijziging van "${actA.titel}" is vervangen door die van Henk Bakker`);
    expect(vervangen.tekst).toContain('Kosten');
    // The merge screen answers 409 (shown twice: the first time and without a choice); nothing else.
    expect([...gerda.fouten, ...henk.fouten].filter((f) => !f.includes('status of 409'))).toEqual([]);
  });

  it('offers what was typed back after a reload, and forgets it after saving', async () => {
    const anna = await ingelogd(PARTNER_A);
    await anna.goto(`${basis}/partners/organisaties/${orgA.id}/`);
    const tekst = 'Half getypt: wij organiseren elke week een koffieochtend voor iedereen in het dorp.';
    await anna.getByLabel('Wat doet u?').fill(tekst);
    const sleutel = `sk-concept:organisatie:${orgA.id}`;
    await anna.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('Half getypt'), sleutel);
    await anna.reload();
    await anna.getByRole('button', { name: 'Zet mijn tekst terug' }).click();
    await anna.getByText('Let op: die is nog niet opgeslagen').waitFor();
    await expect(anna.getByLabel('Wat doet u?').inputValue()).resolves.toBe(tekst);
    expect(await axeFouten(anna)).toEqual([]);
    await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await anna.getByText('De gemeente kijkt ernaar').waitFor();
    await anna.waitForFunction((k) => localStorage.getItem(k) === null, sleutel);
    await anna.goto(`${basis}/partners/organisaties/${orgA.id}/`);
    expect(await anna.getByRole('button', { name: 'Zet mijn tekst terug' }).count()).toBe(0);
    expect(anna.fouten).toEqual([]);
  });

  it('a rejection needs a reason, names the listing in the mail and offers the partner’s own text back', async () => {
    const anna = await ingelogd(PARTNER_A);
    await anna.goto(`${basis}/partners/activiteiten/${actA.id}/`);
    const typte = 'Rolstoel past door de achterdeur; bel even aan.';
    await anna.getByLabel('Toegankelijkheid').fill(typte);
    await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await anna.getByText('De gemeente kijkt ernaar').waitFor();
    const revisie = db
      .select()
      .from(t.revisie)
      .where(eq(t.revisie.entiteitId, actA.id))
      .all()
      .filter((r) => r.soort === 'activiteit' && r.status === 'wacht')
      .at(-1)!;

    const beheerder = await ingelogd(BEHEERDER);
    await beheerder.goto(`${basis}/partners/beoordelen/${revisie.id}/`);
    // Which listing, of which organisation, by whom; and on a phone nothing is cut off.
    await beheerder.getByText(`Activiteit: ${actA.titel}`).waitFor();
    await beheerder.getByText(`Van ${orgA.naam}. Voorgesteld door Anna Partner op`).waitFor();
    await beheerder.setViewportSize({ width: 360, height: 800 });
    await expect(beheerder.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await beheerder.getByRole('button', { name: 'Afwijzen' }).click();
    await beheerder.getByText('schrijf waarom u de wijziging afwijst').first().waitFor();
    const voor = mails(PARTNER_A).length;
    await beheerder.getByLabel(/Reden van afwijzen/).fill('Schrijf erbij of er een drempel is.');
    await beheerder.getByRole('button', { name: 'Afwijzen' }).click();
    await beheerder.getByText('De wijziging is afgewezen').waitFor();
    const mail = await wachtOpMail(PARTNER_A, voor);
    expect(mail.onderwerp).toBe(`Uw wijziging van "${actA.titel}" is niet doorgevoerd`);
    expect(mail.tekst).toContain('Schrijf erbij of er een drempel is.');
    const link = mail.tekst.match(/https?:\/\/\S+\?verder=\d+/)?.[0];
    expect(link).toContain(`/partners/activiteiten/${actA.id}/?verder=${revisie.id}`);

    // The form shows the live version and offers the rejected change; continuing fills it in.
    await anna.goto(`${basis}/partners/activiteiten/${actA.id}/`);
    await anna.getByText('De reden: Schrijf erbij of er een drempel is.').waitFor();
    await expect(anna.getByLabel('Toegankelijkheid').inputValue()).resolves.not.toBe(typte);
    await anna.getByRole('link', { name: 'Verder met uw afgewezen wijziging' }).click();
    await anna.getByRole('heading', { name: 'Uw afgewezen wijziging, nog niet opgeslagen' }).waitFor();
    await expect(anna.getByLabel('Toegankelijkheid').inputValue()).resolves.toBe(typte);
    expect(await axeFouten(anna)).toEqual([]);
    await anna.getByLabel('Toegankelijkheid').fill(`${typte} Er is geen drempel.`);
    await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await anna.getByText('De gemeente kijkt ernaar').waitFor();
    const opnieuw = db.select().from(t.revisie).where(eq(t.revisie.entiteitId, actA.id)).all().at(-1)!;
    expect(opnieuw).toMatchObject({ status: 'wacht', auteurId: revisie.auteurId });
    expect((opnieuw.data as { toegankelijkheid: string }).toegankelijkheid).toBe(`${typte} Er is geen drempel.`);
    expect([...anna.fouten, ...beheerder.fouten].filter((f) => !f.includes('status of 422'))).toEqual([]);
  });

  it('puts the original description back after two approved changes', async () => {
    const anna = await ingelogd(PARTNER_A);
    const beheerder = await ingelogd(BEHEERDER);
    for (const tekst of [
      'Tweede omschrijving van deze organisatie, voor de test van eerdere versies.',
      'Derde omschrijving van deze organisatie, voor de test van eerdere versies.',
    ]) {
      await anna.goto(`${basis}/partners/organisaties/${orgA.id}/`);
      await anna.getByLabel('Wat doet u?').fill(tekst);
      await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await anna.getByText('De gemeente kijkt ernaar').waitFor();
      const r = db
        .select()
        .from(t.revisie)
        .where(eq(t.revisie.organisatieId, orgA.id))
        .all()
        .filter((x) => x.soort === 'organisatie' && x.status === 'wacht')
        .at(-1)!;
      await beheerder.goto(`${basis}/partners/beoordelen/${r.id}/`);
      await beheerder.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
      await beheerder.getByText('De wijziging is goedgekeurd').waitFor();
    }
    await beheerder.goto(`${basis}/partners/geschiedenis/organisatie/${orgA.id}/`);
    const eerste = beheerder
      .getByRole('listitem')
      .filter({ has: beheerder.getByRole('heading', { name: /^Eerste versie, van voor het portaal/ }) });
    await eerste.getByRole('button', { name: 'Deze versie terugzetten' }).click();
    await beheerder.getByText('De eerdere versie staat weer live.').waitFor();
    expect(db.select().from(t.organisatie).where(eq(t.organisatie.id, orgA.id)).get()!.omschrijving).toBe(orgA.omschrijving);
    const teruggezet = beheerder
      .getByRole('listitem')
      .filter({ has: beheerder.getByRole('heading', { name: /eerdere versie teruggezet door Gemeente Beheer/ }) })
      .first();
    await teruggezet.getByText('Dit is de versie die nu op de sociale kaart staat.').waitFor();
    expect(await beheerder.getByText('Dit is de versie die nu op de sociale kaart staat.').count()).toBe(1);
    expect(await teruggezet.getByRole('button', { name: 'Deze versie terugzetten' }).count()).toBe(0);
    expect(await axeFouten(beheerder)).toEqual([]);
    expect([...anna.fouten, ...beheerder.fouten]).toEqual([]);
  });

  it('the schedule editor shows the fields of the chosen kind, returns to an added block and names it in a message', async () => {
    const anna = await ingelogd(PARTNER_A);
    await anna.goto(`${basis}/partners/activiteiten/nieuw/?organisatie=${orgA.id}`);
    const tijd1 = anna.getByRole('group', { name: 'Tijd 1' });
    await expect(tijd1.getByLabel('Datum (bij één datum)').isVisible()).resolves.toBe(false);
    await tijd1.getByLabel('Hoe vaak?').selectOption('eenmalig');
    await expect(tijd1.getByLabel('Datum (bij één datum)').isVisible()).resolves.toBe(true);
    await expect(tijd1.getByRole('group', { name: /Op welke dagen/ }).isVisible()).resolves.toBe(false);
    await tijd1.getByLabel('Hoe vaak?').selectOption('wekelijks');
    await anna.getByLabel('Naam van de activiteit').fill('Proef voor de tijden');
    await anna.getByRole('button', { name: 'Nog een tijd toevoegen' }).click();
    await anna.waitForURL(/#tijd-2$/);
    const tijd2 = anna.getByRole('group', { name: 'Tijd 2' });
    await tijd2.getByLabel('Van', { exact: true }).fill('14:00');
    await tijd2.getByLabel('Tot', { exact: true }).fill('15:00');
    await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await anna.getByText('Tijd 2: kies minstens één dag').first().waitFor();
    await expect(anna.getByLabel('Naam van de activiteit').inputValue()).resolves.toBe('Proef voor de tijden');
    expect(anna.fouten.filter((f) => !f.includes('status of 422'))).toEqual([]);
  });

  it('keeps everything typed when validation fails, and stores hostile input exactly and shows it harmlessly', async () => {
    const page = await ingelogd(PARTNER_A);
    let dialoog = false;
    page.on('dialog', (d) => {
      dialoog = true;
      void d.dismiss();
    });
    await page.goto(`${basis}/partners/activiteiten/${actA.id}/`);
    const lang = 'a'.repeat(3001);
    await page.getByLabel('Wat gebeurt er?').fill(lang);
    await page.getByLabel('Naam van de activiteit').fill('');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('heading', { name: /niet goed ingevuld/ }).waitFor();
    await expect(page.getByLabel('Wat gebeurt er?').inputValue()).resolves.toBe(lang);
    await page.getByText('maximaal 3000 tekens').first().waitFor();
    expect(await axeFouten(page)).toEqual([]);

    const vijandig = `<script>alert(1)</script><img src=x onerror=alert(2)> ' OR 1=1; DROP TABLE activiteit; -- \u202Eטקסט\u202C 😀 \u0007 "quotes" & ampersand`;
    await page.getByLabel('Naam van de activiteit').fill(`Test ${vijandig}`.slice(0, 120));
    await page.getByLabel('Wat gebeurt er?').fill(vijandig);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De gemeente kijkt ernaar').waitFor();
    const revisie = db.select().from(t.revisie).where(eq(t.revisie.entiteitId, actA.id)).all().at(-1)!;
    expect((revisie.data as { omschrijving: string }).omschrijving).toBe(vijandig);

    const beheerder = await ingelogd(BEHEERDER);
    await beheerder.goto(`${basis}/partners/beoordelen/${revisie.id}/`);
    await expect(beheerder.getByRole('cell', { name: vijandig }).count()).resolves.toBeGreaterThan(0);
    await beheerder.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
    await beheerder.getByText('De wijziging is goedgekeurd').waitFor();
    expect(db.select().from(t.activiteit).where(eq(t.activiteit.id, actA.id)).get()!.omschrijving).toBe(vijandig);
    await wachtTotZichtbaar(`${basis}/aanbod/${actA.slug}/`, 'DROP TABLE activiteit');
    await page.goto(`${basis}/aanbod/${actA.slug}/`);
    await expect(page.locator('main').getByText("' OR 1=1", { exact: false }).first().textContent()).resolves.toContain(
      vijandig.slice(0, 40),
    );
    const scripts = await page.locator('script').allTextContents();
    expect(scripts.filter((s) => s.includes('alert(1)') && !s.trim().startsWith('{'))).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialoog).toBe(false);
    expect(db.select().from(t.activiteit).all().length).toBeGreaterThan(300);
  });

  it('keeps the previous release live when a build is killed during its astro step, and the next publish succeeds', async () => {
    // Publishes started by the tests above must be done, so the build we kill is ours.
    await wachtTotGeenPublicatie();
    const voor = await liveId();
    // Our requests, not one another test (or a timer of the server) makes meanwhile.
    const laatsteId = () => db.select().from(t.publicatie).all().at(-1)?.id ?? 0;
    const eigen = async (na: number) => {
      const rij = () =>
        db
          .select()
          .from(t.publicatie)
          .all()
          .find((p) => p.id > na && p.reden === 'Handmatig door de beheerder');
      for (let i = 0; i < 600 && !['klaar', 'mislukt'].includes(rij()?.status ?? ''); i++)
        await new Promise((r) => setTimeout(r, 100));
      return rij();
    };
    const haak = bouwHaak(inject('dataDir'));
    haak.pauzeer('astro');
    const beheerder = await ingelogd(BEHEERDER);
    await beheerder.goto(`${basis}/partners/beheer/publicaties/`);
    const voorKlik = laatsteId();
    await beheerder.getByRole('button', { name: 'Nu opnieuw publiceren' }).click();
    // The astro step has started and waits: kill its process group exactly now.
    const pid = await haak.pid('astro');
    process.kill(-pid, 'SIGKILL');
    const gedood = await eigen(voorKlik);
    expect(gedood?.status).toBe('mislukt');
    expect(gedood?.fout).toContain('astro is mislukt (SIGKILL)');
    expect(await liveId()).toBe(voor);
    expect((await fetch(`${basis}/kernen/aadorp/`)).status).toBe(200);
    await beheerder.goto(`${basis}/partners/`);
    await beheerder.getByText('Publiceren is mislukt').waitFor();
    await beheerder.getByText(/We proberen het om \d{1,2}\.\d\d uur opnieuw/).waitFor();
    await beheerder.goto(`${basis}/partners/beheer/publicaties/`);
    await beheerder.getByText(/We proberen het automatisch opnieuw om/).waitFor();

    haak.laatDoor();
    const voorTweedeKlik = laatsteId();
    await beheerder.getByRole('button', { name: 'Nu opnieuw publiceren' }).click();
    expect((await eigen(voorTweedeKlik))?.status).toBe('klaar');
    expect(await liveId()).not.toBe(voor);
  });
});
