import { randomBytes } from 'node:crypto';
import { antwoordBerichten, nieuweVerwijzingBerichten } from './berichten.ts';
import { toonCode } from './code.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import { bewaarAccount, laadAccount, type Account } from '../portaal/accounts.ts';
import { leesFormulier } from '../portaal/formulier/velden.ts';
import { bewaarCapaciteiten, zetCapaciteit } from './capaciteit.ts';
import { telRijen } from './cijfers.ts';
import { leesVerwijsFormulier } from './formulier.ts';
import { archiveer, stuurSignaleringen } from './onderhoud.ts';
import { tekortenPerKwartaal, registreerNietsPassend } from './tekorten.ts';
import { overzicht } from '../signalen/overzicht.ts';
import '../signalen/reeksen.ts';
import { beantwoord, contactVan, leesVerwijzing, maakVerwijzing, VerwijsFout, wisVerlopenContact } from './verwijzingen.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-verwijzen-'));
const dbPad = path.join(dir, 'db.sqlite');
const outbox = path.join(dir, 'outbox');
const sleutels = { huidig: randomBytes(32) };
const s = () => sleutels;
let db: Db;
let ko: Account;
let aanbieder: Account;
let activiteit: { id: number; kernId: number; themas: string[]; organisatieId: number };
const TELEFOON = '06 11223344';
const EMAIL = 'inwoner.test@voorbeeld.example';
const NAAM = 'Gerrit Testinwoner';

const formulier = (extra: Record<string, string> = {}) =>
  leesFormulier(
    Object.entries({ thema: activiteit.themas[0], 'verwijzer.naam': 'Kim Kern', 'verwijzer.telefoon': '0546 012 345', ...extra }),
  );

function verwijs(extra: Record<string, string> = {}, vandaag = '2026-11-22') {
  const r = leesVerwijsFormulier(formulier(extra), activiteit.themas);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return maakVerwijzing(db, ko, activiteit.id, r.data, { vandaag, sleutels: s });
}

/** The database file and its write-ahead log as bytes, after writing everything to the file. */
function ruweBytes(): string {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(dbPad).toString('latin1') + readFileSync(`${dbPad}-wal`).toString('latin1');
}

beforeAll(() => {
  process.env.OUTBOX_DIR = outbox;
  db = openDb(dbPad);
  seedDemo(db, loadConfig(), '2026-11-22');
  const a = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).get()!;
  activiteit = { id: a.id, kernId: a.kernId, themas: a.themas, organisatieId: a.organisatieId };
  ko = laadAccount(
    db,
    bewaarAccount(db, { email: 'ko@test.example', naam: 'Kim Kern', beheerder: false, organisaties: [], kernen: [a.kernId] }),
  )!;
  aanbieder = laadAccount(
    db,
    bewaarAccount(db, {
      email: 'aanbieder@test.example',
      naam: 'Piet Aanbieder',
      beheerder: false,
      organisaties: [a.organisatieId],
      kernen: [],
    }),
  )!;
});
afterAll(() => {
  db.$client.close();
  delete process.env.OUTBOX_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe('a referral without consent', () => {
  it('holds no name or contact detail of the inwoner, and the form refuses one', () => {
    const { id, code } = verwijs();
    const v = leesVerwijzing(db, id)!;
    expect(v.code).toBe(code);
    expect(v.toestemmingOp).toBeNull();
    expect(v.contactVersleuteld).toBeNull();
    expect(contactVan(v, s)).toEqual({ soort: 'geen' });
    const r = leesVerwijsFormulier(formulier({ 'contact.telefoon': TELEFOON }), activiteit.themas);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['toestemming']);
    const zonder = leesVerwijsFormulier(formulier({ 'contact.naam': NAAM }), activiteit.themas);
    expect(zonder.success).toBe(false);
  });
});

describe('a referral with consent', () => {
  it('stores the detail encrypted, shows it to the two parties, and deletes it when closed', () => {
    const { id } = verwijs({ toestemming: 'ja', 'contact.naam': NAAM, 'contact.telefoon': TELEFOON, 'contact.email': EMAIL });
    const v = leesVerwijzing(db, id)!;
    expect(v.toestemmingOp).not.toBeNull();
    expect(v.contactVersleuteld).toMatch(/^v1\./);
    expect(contactVan(v, s)).toEqual({ soort: 'contact', contact: { naam: NAAM, telefoon: TELEFOON, email: EMAIL } });
    const bytes = ruweBytes();
    for (const geheim of [TELEFOON, EMAIL, NAAM, '11223344']) expect(bytes.includes(geheim), geheim).toBe(false);

    beantwoord(db, aanbieder, v, 'aangekomen', { vandaag: '2026-11-23' });
    expect(leesVerwijzing(db, id)!.contactVersleuteld).not.toBeNull();
    beantwoord(db, aanbieder, leesVerwijzing(db, id)!, 'gestopt', { vandaag: '2026-12-01' });
    const rauw = db.$client
      .prepare('select contact_versleuteld, status, gesloten_op from verwijzing where id = ?')
      .get(id) as Record<string, unknown>;
    expect(rauw).toMatchObject({ contact_versleuteld: null, status: 'gestopt' });
    expect(rauw.gesloten_op).not.toBeNull();
    expect(ruweBytes().includes(v.contactVersleuteld!)).toBe(false);
    // Closed straight away: the old bytes are overwritten, not left behind in the page (secure_delete).
    const direct = leesVerwijzing(db, verwijs({ toestemming: 'ja', 'contact.email': EMAIL }).id)!;
    expect(ruweBytes().includes(direct.contactVersleuteld!.slice(-24))).toBe(true);
    beantwoord(db, aanbieder, direct, 'niet-gekomen', { vandaag: '2026-11-23' });
    expect(ruweBytes().includes(direct.contactVersleuteld!.slice(-24))).toBe(false);
    const logboek = JSON.stringify(db.select().from(t.logboek).all());
    for (const geheim of [TELEFOON, EMAIL, NAAM]) expect(logboek.includes(geheim), geheim).toBe(false);
  });

  it('deletes the detail after six weeks also when nobody answered', () => {
    const { id } = verwijs({ toestemming: 'ja', 'contact.telefoon': TELEFOON }, '2026-10-01');
    expect(wisVerlopenContact(db, '2026-11-11')).toBe(0);
    expect(wisVerlopenContact(db, '2026-11-12')).toBeGreaterThanOrEqual(1);
    expect(leesVerwijzing(db, id)!.contactVersleuteld).toBeNull();
  });
});

describe('answers', () => {
  it('refuses answers from the wrong party, after closing, and on a stale view', () => {
    const { id } = verwijs();
    const v = leesVerwijzing(db, id)!;
    expect(() => beantwoord(db, ko, v, 'aangekomen', { vandaag: '2026-11-22' })).toThrow(VerwijsFout);
    expect(() => beantwoord(db, aanbieder, v, 'afgerond', { vandaag: '2026-11-22' })).toThrow(VerwijsFout);
    beantwoord(db, aanbieder, v, 'niet-gekomen', { vandaag: '2026-11-22' });
    expect(() => beantwoord(db, aanbieder, v, 'aangekomen', { vandaag: '2026-11-22' })).toThrow(/net beantwoord/);
    expect(() => beantwoord(db, aanbieder, leesVerwijzing(db, id)!, 'aangekomen', { vandaag: '2026-11-22' })).toThrow(
      VerwijsFout,
    );
    const historie = db.select().from(t.verwijzingStatus).where(eq(t.verwijzingStatus.verwijzingId, id)).all();
    expect(historie.map((h) => [h.status, h.organisatieId])).toEqual([
      ['verwezen', null],
      ['niet-gekomen', activiteit.organisatieId],
    ]);
  });
});

describe('gaps', () => {
  it('counts "vol", "past niet" and "niets passends" per kern, thema and quarter', () => {
    const voor = tekortenPerKwartaal(db, { kernIds: [activiteit.kernId] });
    beantwoord(db, aanbieder, leesVerwijzing(db, verwijs().id)!, 'vol', { vandaag: '2026-11-22' });
    beantwoord(db, aanbieder, leesVerwijzing(db, verwijs().id)!, 'past-niet', { vandaag: '2026-11-22', reden: 'tijd' });
    registreerNietsPassend(db, ko, { kernId: activiteit.kernId, thema: 'vervoer', doelgroep: 'ouderen' }, '2026-12-02');
    registreerNietsPassend(db, ko, { kernId: activiteit.kernId, thema: 'vervoer', doelgroep: undefined }, '2027-01-05');
    const na = tekortenPerKwartaal(db, { kernIds: [activiteit.kernId] });
    expect(voor).toEqual([]);
    const k4 = na.find((r) => r.kwartaal === '2026-K4' && r.thema === activiteit.themas[0])!;
    expect(k4).toMatchObject({ kernId: activiteit.kernId, vol: 1, pastNiet: 1, nietsPassend: 0, totaal: 2 });
    expect(tekortenPerKwartaal(db, { thema: 'vervoer' }).map((r) => [r.kwartaal, r.nietsPassend])).toEqual([
      ['2026-K4', 1],
      ['2027-K1', 1],
    ]);
    expect(tekortenPerKwartaal(db, { kernIds: [999] })).toEqual([]);
    // The same gaps feed the signalen overview as the series "Aanbod ontbreekt".
    const o = overzicht(db, { kernIds: [activiteit.kernId] }, { kwartalen: ['2026-K4', '2027-K1'], themas: [], exact: true });
    expect(o.reeksen.map((r) => r.sleutel)).toContain('aanbod-ontbreekt');
    expect(o.perKwartaal[o.reeksen.findIndex((r) => r.sleutel === 'aanbod-ontbreekt')].map((c) => c.aantal)).toEqual([3, 1]);
  });
});

describe('daily upkeep', () => {
  it('mails both parties once about a referral without an answer, without personal data', async () => {
    const { id, code } = verwijs({ toestemming: 'ja', 'contact.telefoon': TELEFOON }, '2026-11-01');
    const lees = () =>
      (existsSync(outbox) ? readdirSync(outbox, { withFileTypes: true }) : []).map((f) =>
        readFileSync(path.join(outbox, f.name), 'utf8'),
      );
    const overMijn = () => lees().filter((m) => m.includes(`/partners/verwijzingen/${id}/`));
    await stuurSignaleringen(db, '2026-11-14', 'http://localhost');
    expect(overMijn()).toHaveLength(0);
    expect(await stuurSignaleringen(db, '2026-11-15', 'http://localhost')).toBe(2);
    expect(await stuurSignaleringen(db, '2026-11-16', 'http://localhost')).toBe(0);
    expect(
      overMijn()
        .map((m) => JSON.parse(m).aan)
        .sort(),
    ).toEqual(['aanbieder@test.example', 'ko@test.example']);
    for (const m of lees()) for (const geheim of [TELEFOON, code]) expect(m.includes(geheim), geheim).toBe(false);
  });

  it('reduces referrals older than twelve months to counts that the figures still read', () => {
    const oud = verwijs({}, '2025-10-15');
    beantwoord(db, aanbieder, leesVerwijzing(db, oud.id)!, 'gestart', { vandaag: '2025-10-20' });
    verwijs({}, '2025-10-20');
    const periode = { van: '2025-10', tot: '2025-10', kernIds: [activiteit.kernId] };
    const som = () => telRijen(db, periode).reduce((n, r) => n + r.aantal, 0);
    expect(som()).toBe(2);
    expect(archiveer(db, '2026-10-15')).toBe(0);
    expect(archiveer(db, '2026-10-21')).toBe(2);
    expect(archiveer(db, '2026-10-21')).toBe(0);
    expect(leesVerwijzing(db, oud.id)).toBeUndefined();
    expect(db.select().from(t.verwijzingStatus).where(eq(t.verwijzingStatus.verwijzingId, oud.id)).all()).toEqual([]);
    expect(som()).toBe(2);
    expect(
      telRijen(db, periode)
        .map((r) => [r.uitkomst, r.aantal])
        .sort(),
    ).toEqual([
      ['gestart', 1],
      ['verwezen', 1],
    ]);
  });
});

describe('capacity and the flag', () => {
  it('sets "vol" at once, recorded as a revision', () => {
    zetCapaciteit(db, aanbieder, activiteit.id, 'vol');
    expect(db.select().from(t.activiteit).where(eq(t.activiteit.id, activiteit.id)).get()!.capaciteit).toBe('vol');
    const r = db.select().from(t.revisie).where(eq(t.revisie.entiteitId, activiteit.id)).all().at(-1)!;
    expect(r).toMatchObject({ status: 'direct', auteurId: aanbieder.id });
    expect((r.data as { capaciteit: string }).capaciteit).toBe('vol');
    zetCapaciteit(db, aanbieder, activiteit.id, null);
    expect(db.select().from(t.activiteit).where(eq(t.activiteit.id, activiteit.id)).get()!.capaciteit).toBeNull();
  });

  it('saves only changed, valid values from the capacity form, and then asks for a release', () => {
    const acts = [{ id: activiteit.id, titel: 'A', capaciteit: null }];
    const aanvragen: string[] = [];
    const publiceren = { vraagAan: (reden: string) => void aanvragen.push(reden) };
    expect(bewaarCapaciteiten(db, aanbieder, acts, () => '', publiceren)).toEqual([]);
    expect(bewaarCapaciteiten(db, aanbieder, acts, () => 'helemaal-vol', publiceren)).toEqual([]);
    expect(aanvragen).toEqual([]);
    expect(
      bewaarCapaciteiten(
        db,
        aanbieder,
        acts,
        (v) => (v === `capaciteit.${activiteit.id}` ? 'wachtlijst' : undefined),
        publiceren,
      ),
    ).toEqual(['A']);
    expect(db.select().from(t.activiteit).where(eq(t.activiteit.id, activiteit.id)).get()!.capaciteit).toBe('wachtlijst');
    expect(aanvragen).toEqual(['Plaatsen gewijzigd: A']);
  });

  it('keeps the "mag verwijzen" flag of an account', () => {
    const id = bewaarAccount(db, {
      email: 'p@test.example',
      naam: 'P',
      beheerder: false,
      organisaties: [activiteit.organisatieId],
      kernen: [],
      magVerwijzen: true,
    });
    expect(laadAccount(db, id)!.magVerwijzen).toBe(true);
    bewaarAccount(
      db,
      { email: 'p@test.example', naam: 'P', beheerder: false, organisaties: [activiteit.organisatieId], kernen: [] },
      id,
    );
    expect(laadAccount(db, id)!.magVerwijzen).toBe(true);
    bewaarAccount(
      db,
      { email: 'p@test.example', naam: 'P', beheerder: false, organisaties: [], kernen: [], magVerwijzen: false },
      id,
    );
    expect(laadAccount(db, id)!.magVerwijzen).toBe(false);
  });
});

describe('e-mails about a referral', () => {
  it('tell the provider the activity and the code, and the referrer the answer; never who', () => {
    const { id, code } = verwijs({
      toestemming: 'ja',
      'contact.naam': NAAM,
      'contact.telefoon': TELEFOON,
      'contact.email': EMAIL,
    });
    const nieuw = nieuweVerwijzingBerichten(db, id, 'http://localhost');
    expect(nieuw.map((b) => b.aan)).toContain('aanbieder@test.example');
    expect(nieuw.map((b) => b.aan)).not.toContain('ko@test.example');
    const titel = leesVerwijzing(db, id)!.activiteitTitel;
    expect(nieuw[0].onderwerp).toBe(`Nieuwe verwijzing naar ${titel}`);
    expect(nieuw[0].tekst).toContain(toonCode(code));
    expect(nieuw[0].tekst).toContain(`http://localhost/partners/verwijzingen/${id}/`);
    beantwoord(db, aanbieder, leesVerwijzing(db, id)!, 'aangekomen', { vandaag: '2026-11-23' });
    const antwoord = antwoordBerichten(db, id, aanbieder, 'http://localhost');
    expect(antwoord.map((b) => b.aan)).toEqual(['ko@test.example']);
    expect(antwoord[0].tekst).toContain(`${toonCode(code)}: Aangekomen`);
    for (const b of [...nieuw, ...antwoord])
      for (const geheim of [NAAM, TELEFOON, EMAIL, 'Gerrit']) expect(`${b.onderwerp} ${b.tekst}`, geheim).not.toContain(geheim);
    // The referrer closing it themselves is no news to them.
    expect(antwoordBerichten(db, id, ko, 'http://localhost')).toEqual([]);
  });
});
