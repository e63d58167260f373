import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { leesAgenda } from '../agenda/inlezen.ts';
import { loadConfig } from '../config/load.ts';
import { laadKaart, leesActiviteit, type Organisatie } from '../data/kaart.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb } from '../db/client.ts';
import { nogAanvullen } from '../portaal/aanvullen.ts';
import { bewaarAccount, laadAccount } from '../portaal/accounts.ts';
import { zetVertrouwd } from '../portaal/acties.ts';
import { keurGoed, stelVoor, werkversie } from '../portaal/revisies.ts';
import {
  bewaarKoppeling,
  haalAgendaOp,
  haalAgendasOp,
  komtUitAgenda,
  koppelSchema,
  leesKoppeling,
  verwijderKoppeling,
} from './koppeling.ts';
import { verwerk } from './verwerken.ts';
import { nieuwVoorstel } from './voorstel.ts';

/**
 * A connected feed end to end against a local server: new events become waiting proposals, a
 * refresh of the same feed makes nothing, a changed, removed or cancelled event is proposed as such.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-koppeling-'));
const config = loadConfig();
const db = openDb(path.join(dir, 'k.sqlite'));
const NU = new Date('2027-01-10T09:00:00Z');
const OPTIES = { lokaalToestaan: true };
let feed = '';
let server: http.Server;
let url = '';
let org: Organisatie;

beforeAll(async () => {
  seedDemo(db, config, '2026-11-22');
  const kaart = laadKaart(db);
  org = kaart.organisaties.find((o) => kaart.activiteiten.some((a) => a.organisatie === o.slug && a.status === 'gepubliceerd'))!;
  server = http.createServer((_req, res) => res.end(feed));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agenda.ics`;
});
afterAll(() => {
  server.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const fixture = (naam: string) => readFileSync(`tests/fixtures/agenda/${naam}`, 'utf8');
const wachtend = () =>
  db
    .select()
    .from(t.revisie)
    .where(eq(t.revisie.organisatieId, org.id))
    .all()
    .filter((r) => r.status === 'wacht');

describe('agenda koppelen', { timeout: 60_000 }, () => {
  it('validates the address at the field, in Dutch', () => {
    expect(koppelSchema.parse({ url: ' webcal://agenda.example/club.ics ' }).url).toBe('https://agenda.example/club.ics');
    const fout = (u: string) => koppelSchema.safeParse({ url: u }).error?.issues[0].message;
    expect(fout('')).toBe('vul het adres van uw agenda in');
    expect(fout('ftp://agenda.example/a.ics')).toMatch(/beginnend met https:\/\//);
    expect(fout('agenda')).toMatch(/beginnend met https:\/\//);
    expect(fout(`https://agenda.example/${'a'.repeat(500)}`)).toMatch(/te lang/);
  });

  it('proposes new events for review, also for a trusted organisation, and nothing on an unchanged refresh', async () => {
    const partnerId = bewaarAccount(db, {
      email: 'p@x.example',
      naam: 'Pien',
      beheerder: false,
      organisaties: [org.id],
      kernen: [],
    });
    const beheerder = laadAccount(
      db,
      bewaarAccount(db, { email: 'b@x.example', naam: 'B', beheerder: true, organisaties: [], kernen: [] }),
    )!;
    zetVertrouwd(db, beheerder, org.id, true);
    bewaarKoppeling(db, laadAccount(db, partnerId)!, org.id, url);
    feed = fixture('agenda.ics');

    const eerste = await haalAgendaOp(db, config, org.id, OPTIES, NU);
    expect(eerste.gelukt).toBe(true);
    expect(eerste.uitkomst).toMatch(/^4 nieuwe\. 1 afspraak overgeslagen: "Koorrepetitie" \(herhaalt zich/);
    const voorstellen = wachtend();
    expect(voorstellen.map((r) => [r.actie, r.entiteitId, r.auteurId])).toEqual(Array(4).fill(['nieuw', null, partnerId]));
    const repair = voorstellen.find((r) => (r.data as { titel: string }).titel === 'Repair café')!.data as Record<
      string,
      unknown
    >;
    expect(repair).toMatchObject({
      organisatie: org.slug,
      status: 'gepubliceerd',
      rooster: { regels: [{ type: 'eenmalig', datum: '2027-03-27', van: '10:00', tot: '12:00' }] },
    });
    expect(repair.omschrijving).toContain('Waar: Dorpshuis De Bongerd, Vroomshoop');
    expect(leesKoppeling(db, org.id)).toMatchObject({ gelukt: true, opgehaaldOp: NU.toISOString() });
    expect(voorstellen.every((v) => komtUitAgenda(db, v.id))).toBe(true);

    const tweede = await haalAgendaOp(db, config, org.id, OPTIES, NU);
    expect(tweede.uitkomst).toMatch(/^Niets nieuws\./);
    expect(wachtend()).toHaveLength(4);
  });

  it('proposes a changed event as a change, a removed one paused, a cancelled proposal withdrawn', async () => {
    const reviewer = db.select().from(t.account).where(eq(t.account.email, 'b@x.example')).get()!;
    const titel = (r: { data: unknown }) => (r.data as { titel: string }).titel;
    for (const r of wachtend().filter((r) => ['Repair café', 'Wandelen in het bos'].includes(titel(r))))
      keurGoed(db, r.id, reviewer.id);
    const repair = laadKaart(db).activiteiten.find((a) => a.titel === 'Repair café')!;
    const wandelen = laadKaart(db).activiteiten.find((a) => a.titel === 'Wandelen in het bos')!;

    feed = fixture('gewijzigd.ics');
    const r = await haalAgendaOp(db, config, org.id, OPTIES, NU);
    expect(r.uitkomst).toMatch(/^1 gewijzigd, 2 vervallen\./);
    const nu = wachtend();
    expect(nu.map(titel).sort()).toEqual(['Repair café', 'Vrijmarkt op Koningsdag', 'Wandelen in het bos']);
    const wijziging = nu.find((x) => x.entiteitId === repair.id)!;
    expect(wijziging.actie).toBe('wijzigen');
    expect((wijziging.data as { rooster: { regels: { tot: string }[] } }).rooster.regels[0].tot).toBe('12:30');
    expect(nu.find((x) => x.entiteitId === wandelen.id)!.data).toMatchObject({ status: 'gepauzeerd' });
    // Still live as before: nothing from a feed is applied without review.
    expect(leesActiviteit(db, repair.id)!.rooster.regels[0]).toMatchObject({ tot: '12:00' });
    expect(leesActiviteit(db, wandelen.id)!.status).toBe('gepubliceerd');

    expect((await haalAgendaOp(db, config, org.id, OPTIES, NU)).uitkomst).toMatch(/^Niets nieuws\./);
  });

  it('says in Dutch why a feed could not be fetched: not a calendar, too large', async () => {
    feed = '<!doctype html><title>Onze agenda</title>';
    expect(await haalAgendaOp(db, config, org.id, OPTIES, NU)).toEqual({
      gelukt: false,
      uitkomst: 'De agenda kon niet worden opgehaald: dit adres geeft geen agenda (iCalendar-bestand).',
    });
    feed = `BEGIN:VCALENDAR\r\n${'X'.repeat(3 * 1024 * 1024)}`;
    expect((await haalAgendaOp(db, config, org.id, OPTIES, NU)).uitkomst).toBe(
      'De agenda kon niet worden opgehaald: de agenda is groter dan 2 MB.',
    );
    expect(leesKoppeling(db, org.id)?.gelukt).toBe(false);
    // Without the explicit setting a local address is refused.
    expect((await haalAgendaOp(db, config, org.id, {}, NU)).uitkomst).toMatch(/niet op het openbare internet/);
  });

  it('the periodic job fetches only feeds not fetched for three hours', async () => {
    feed = fixture('gewijzigd.ics');
    expect(await haalAgendasOp(db, config, new Date(NU.getTime() + 3_600_000))).toBe(0);
    expect(await haalAgendasOp(db, config, new Date(NU.getTime() + 4 * 3_600_000))).toBe(1);
  });

  it('without activities to go by, the missing fields become to-dos of a concept', () => {
    const [a] = leesAgenda(fixture('agenda.ics'), '2027-01-10', '2028-01-10').afspraken;
    const v = nieuwVoorstel(a, { ...org, themas: [] }, undefined, config, '2027-01-10');
    expect(v).toMatchObject({
      data: { status: 'concept' },
      teDoen: ['kies een thema', 'kies voor wie het is', 'kies vrije inloop of aanmelden', 'kies wat het kost'],
    });
  });

  it('an approved concept proposal lands under "Na import nog aanvullen", not on the map', () => {
    const [a] = leesAgenda(fixture('agenda.ics'), '2027-01-10', '2028-01-10').afspraken;
    const kaal = { ...org, themas: [] };
    const uniek = { ...a, sleutel: 'concept@test', titel: 'Concept uit de agenda' };
    expect(
      verwerk(db, config, { org: kaal, auteurId: null, afspraken: [uniek], standaard: undefined, vandaag: '2027-01-10' }).nieuw,
    ).toBe(1);
    const r = wachtend().find((x) => (x.data as { titel: string }).titel === 'Concept uit de agenda')!;
    const reviewer = db.select().from(t.account).where(eq(t.account.email, 'b@x.example')).get()!;
    keurGoed(db, r.id, reviewer.id);
    expect(laadKaart(db).activiteiten.some((x) => x.titel === 'Concept uit de agenda')).toBe(false);
    expect(nogAanvullen(db, config).find((i) => i.naam === 'Concept uit de agenda')?.teDoen).toEqual([
      'kies een thema',
      'kies voor wie het is',
      'kies vrije inloop of aanmelden',
      'kies wat het kost',
    ]);
  });

  it("a partner's waiting change is kept in the feed's proposal, and its author is told", () => {
    const [a] = leesAgenda(fixture('agenda.ics'), '2027-01-10', '2028-01-10').afspraken;
    const invoer = (x: typeof a) => ({ org, auteurId: null, afspraken: [x], standaard: undefined, vandaag: '2027-01-10' });
    const ev = { ...a, sleutel: 'samen@test', titel: 'Samen uit de agenda' };
    verwerk(db, config, invoer(ev));
    const reviewer = db.select().from(t.account).where(eq(t.account.email, 'b@x.example')).get()!;
    const r = wachtend().find((x) => (x.data as { titel: string }).titel === 'Samen uit de agenda')!;
    const id = keurGoed(db, r.id, reviewer.id).entiteitId!;
    const gerrit = bewaarAccount(db, {
      email: 'g@x.example',
      naam: 'Gerrit',
      beheerder: false,
      organisaties: [org.id],
      kernen: [],
    });
    const w = werkversie(db, 'activiteit', id)!;
    const getypt = { ...(w.data as object), toegankelijkheid: 'Rolstoelvriendelijk, met een invalidentoilet.' };
    stelVoor(db, {
      soort: 'activiteit',
      entiteitId: id,
      organisatieId: org.id,
      data: getypt as never,
      basisVersie: w.versie,
      auteurId: gerrit,
      direct: false,
    });

    expect(verwerk(db, config, invoer({ ...ev, tot: '13:00' })).gewijzigd).toBe(1);
    const voorstel = werkversie(db, 'activiteit', id)!.wachtend!;
    expect(voorstel.data).toMatchObject({ toegankelijkheid: 'Rolstoelvriendelijk, met een invalidentoilet.' });
    const mail = db.select().from(t.mailWachtrij).where(eq(t.mailWachtrij.aan, 'g@x.example')).get();
    expect(mail?.onderwerp).toMatch(/samengevoegd met die van de gekoppelde agenda/);
  });

  it('removing the link keeps what it brought', () => {
    const partner = laadAccount(db, db.select().from(t.account).where(eq(t.account.email, 'p@x.example')).get()!.id)!;
    verwijderKoppeling(db, partner, org.id);
    expect(leesKoppeling(db, org.id)).toBeUndefined();
    expect(laadKaart(db).activiteiten.some((a) => a.titel === 'Repair café')).toBe(true);
  });
});
