import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { laadKaart, leesActiviteit, type Organisatie } from '../../src/lib/data/kaart.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { lokaal, plusDagen } from '../../src/lib/rooster/kalender.ts';
import { axeFouten, startBrowser, type Pagina } from './browser.ts';
import { basis, ingelogdePagina, MET_PUBLICATIE, neemPublicatieSlot, testDb, wachtTotZichtbaar } from './portaal-hulp.ts';

/**
 * A partner connects the iCalendar feed of its own agenda (served by this test on 127.0.0.1; the
 * server allows that only with SK_AGENDA_LOKAAL=1). Its dated events wait for the beheerder, who
 * approves one; it is published. The feed changes, "Nu ophalen", and the change waits for review.
 * Kern Daarlerveen: no other browser test looks at it.
 */

let browser: Browser;
const db = testDb();
const PARTNER = 'partner-agenda@test.example';
const BEHEERDER = 'beheer-agenda@gemeente.example';
const DAG = plusDagen(lokaal(new Date()).datum, 12);
let org: Organisatie;
let feed = '';
let server: http.Server;
let feedUrl = '';
let geefSlotVrij: (() => Promise<void>) | undefined;

/** A feed as a calendar program exports it, with the lantern walk at `van`. */
function maakFeed(van: string): string {
  const d = DAG.replaceAll('-', '');
  const ev = (uid: string, start: string, eind: string, titel: string, tekst: string) =>
    `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Amsterdam:${d}T${start}00\r\nDTEND;TZID=Europe/Amsterdam:${d}T${eind}00\r\nSUMMARY:${titel}\r\nDESCRIPTION:${tekst}\r\nLOCATION:Dorpshuis\\, Daarlerveen\r\nEND:VEVENT\r\n`;
  return [
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Agenda//NL\r\n',
    ev('optocht@test', van, '2030', 'Lampionnenoptocht Daarlerveen', 'Loop mee met uw lampion door het dorp\\, met muziek.'),
    ev('bingo@test', '1400', '1600', 'Bingomiddag Daarlerveen', 'Bingo met mooie prijzen en koffie met iets lekkers.'),
    'END:VCALENDAR\r\n',
  ].join('');
}

beforeAll(async () => {
  geefSlotVrij = await neemPublicatieSlot();
  browser = await startBrowser();
  const kaart = laadKaart(db);
  org = kaart.organisaties.find(
    (o) =>
      o.kernen.join() === 'daarlerveen' &&
      kaart.activiteiten.some((a) => a.organisatie === o.slug && a.status === 'gepubliceerd'),
  )!;
  bewaarAccount(db, { email: PARTNER, naam: 'Paula Agenda', beheerder: false, organisaties: [org.id], kernen: [] });
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/create-beheerder.ts', BEHEERDER, 'Gemeente', 'Agenda'], {
    env: { ...process.env, DATABASE_PATH: (db.$client as unknown as { name: string }).name },
  });
  feed = maakFeed('1900');
  server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(feed));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agenda.ics`;
}, MET_PUBLICATIE.timeout);
afterAll(async () => {
  server?.close();
  await browser?.close();
  await geefSlotVrij?.();
  db.$client.close();
});

/** Waits for the announced outcome of a button in the section; on failure says what the section shows. */
async function uitkomst(sectie: ReturnType<Pagina['getByRole']>, tekst: string) {
  await sectie
    .getByRole('status')
    .filter({ hasText: tekst })
    .waitFor({ timeout: 20_000 })
    .catch(async () => {
      throw new Error(`Niet "${tekst}" maar:\n${await sectie.textContent()}`);
    });
}

const ingelogd = (email: string, opties = {}) => ingelogdePagina(browser, email, opties);

describe('agenda koppelen', () => {
  it(
    'a partner connects its agenda, the beheerder approves an event, a change comes in as a proposal',
    MET_PUBLICATIE,
    async () => {
      const partner = await ingelogd(PARTNER);
      await partner.goto(`${basis}/partners/organisaties/${org.id}/`);
      const sectie = partner.getByRole('region', { name: 'Agenda koppelen' });
      const veld = sectie.getByLabel('Adres van uw agenda (iCal)');

      // A wrong address: a Dutch message at the field, what was typed stays.
      await veld.fill('agenda.example/club');
      await sectie.getByRole('button', { name: 'Agenda koppelen' }).click();
      await sectie.getByText(/beginnend met https:\/\//).waitFor();
      expect(await sectie.getByLabel('Adres van uw agenda (iCal)').inputValue()).toBe('agenda.example/club');
      expect(await axeFouten(partner)).toEqual([]);

      await sectie.getByLabel('Adres van uw agenda (iCal)').fill(feedUrl);
      await sectie.getByRole('button', { name: 'Agenda koppelen' }).click();
      await uitkomst(sectie, '2 nieuwe.');
      expect(await sectie.getByRole('button', { name: 'Nu ophalen' }).count()).toBe(1);
      expect(await axeFouten(partner)).toEqual([]);
      await partner.setViewportSize({ width: 360, height: 800 });
      expect(await partner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      mkdirSync('test-results/screenshots', { recursive: true });
      await sectie.screenshot({ path: 'test-results/screenshots/agenda-koppelen-360.png' });
      await partner.setViewportSize({ width: 1280, height: 900 });

      // Nothing is public yet: both wait for review.
      const beheerder = await ingelogd(BEHEERDER);
      await beheerder.getByRole('link', { name: 'Beoordelen' }).first().click();
      await beheerder.getByRole('link', { name: 'Nieuwe activiteit: Bingomiddag Daarlerveen' }).waitFor();
      await beheerder.getByRole('link', { name: 'Nieuwe activiteit: Lampionnenoptocht Daarlerveen' }).click();
      await beheerder.getByText(/Dit komt uit de gekoppelde agenda van de organisatie/).waitFor();
      expect(await axeFouten(beheerder)).toEqual([]);
      await beheerder.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
      await beheerder.getByText('De wijziging is goedgekeurd').waitFor();

      const optocht = laadKaart(db).activiteiten.find((a) => a.titel === 'Lampionnenoptocht Daarlerveen')!;
      expect(optocht.rooster.regels).toEqual([{ type: 'eenmalig', datum: DAG, van: '19:00', tot: '20:30' }]);
      await wachtTotZichtbaar(`${basis}/aanbod/${optocht.slug}/`, 'Lampionnenoptocht Daarlerveen', 170);
      const html = await (await fetch(`${basis}/aanbod/${optocht.slug}/`)).text();
      expect(html).toContain('19.00–20.30 uur');
      expect(html).toContain('Waar: Dorpshuis, Daarlerveen');

      // The feed changes: the walk starts half an hour later. "Nu ophalen" makes it a proposal.
      feed = maakFeed('1930');
      await partner.goto(`${basis}/partners/organisaties/${org.id}/`);
      await sectie.getByRole('button', { name: 'Nu ophalen' }).click();
      await uitkomst(sectie, '1 gewijzigd.');
      const voorstel = db
        .select()
        .from(t.revisie)
        .where(and(eq(t.revisie.soort, 'activiteit'), eq(t.revisie.entiteitId, optocht.id), eq(t.revisie.status, 'wacht')))
        .get()!;
      expect(voorstel.actie).toBe('wijzigen');
      await beheerder.goto(`${basis}/partners/beoordelen/`);
      await beheerder.getByRole('link', { name: 'Activiteit: Lampionnenoptocht Daarlerveen' }).click();
      expect(await beheerder.getByRole('row').count()).toBeGreaterThan(1);
      // Still as approved on the map until this is approved too.
      expect(leesActiviteit(db, optocht.id)!.rooster.regels[0]).toMatchObject({ van: '19:00' });
      // A partner of this organisation cannot connect an agenda to another one, not even by crafting the post.
      const ander = laadKaart(db).organisaties.find((o) => o.id !== org.id)!;
      const csrf = await partner.locator('input[name="csrf"]').first().inputValue();
      const aanval = await partner.request.post(`${basis}/partners/organisaties/${ander.id}/`, {
        form: { csrf, actie: 'agenda-koppelen', 'agenda-url': feedUrl },
        headers: { Origin: basis },
      });
      expect(aanval.status()).toBe(403);
      expect(db.select().from(t.agendaKoppeling).where(eq(t.agendaKoppeling.organisatieId, ander.id)).get()).toBeUndefined();
      // The refused address answers 422 on purpose; Chromium logs that as a failed resource.
      expect([...partner.fouten, ...beheerder.fouten].filter((f) => !f.includes('status of 422'))).toEqual([]);
    },
  );
});
