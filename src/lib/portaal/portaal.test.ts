import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { leesActiviteit, leesOrganisatie } from '../data/kaart.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import type { OrganisatieData } from '../model/schemas.ts';
import { bewaarAccount, laadAccount } from './accounts.ts';
import { bevestigActueel, bewaarOrganisatie, wijzigStatus, zetVersieTerug } from './acties.ts';
import { publiceerHandmatig } from './beheer.ts';
import { beoordeel } from './beoordelen.ts';
import { organisatieAlsVelden } from './formulier/mapping.ts';
import { hashToken } from './geheim.ts';
import { Limiet } from './limiet.ts';
import {
  alsActiviteitData,
  alsOrganisatieData,
  keurGoed,
  stelVoor,
  werkversie,
  wijsAf,
  WijzigingsConflict,
  zetTerug,
} from './revisies.ts';
import { beeindigAlleSessies, gebruikLoginToken, maakLoginToken, maakSessie, verlopenSessie, vindSessie } from './sessies.ts';
import { magBeoordelen, magOrganisatieBewerken } from './toegang.ts';
import { verschillen } from './verschil.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-portaal-'));
const config = loadConfig();
let db: Db;
let orgA: number;
let orgB: number;
let partnerA: number;
let partnerB: number;
let beheerder: number;
let ondersteuner: number;

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, config, '2026-11-22');
  const orgs = db.select({ id: t.organisatie.id }).from(t.organisatie).limit(2).all();
  [orgA, orgB] = orgs.map((o) => o.id);
  partnerA = bewaarAccount(db, {
    email: 'A@Voorbeeld.example ',
    naam: 'Partner A',
    beheerder: false,
    organisaties: [orgA],
    kernen: [],
  });
  partnerB = bewaarAccount(db, {
    email: 'b@voorbeeld.example',
    naam: 'Partner B',
    beheerder: false,
    organisaties: [orgA, orgB],
    kernen: [],
  });
  beheerder = bewaarAccount(db, {
    email: 'beheer@gemeente.example',
    naam: 'Beheer',
    beheerder: true,
    organisaties: [],
    kernen: [],
  });
  const kernVanA = db
    .select()
    .from(t.organisatieKern)
    .where(undefined)
    .all()
    .find((k) => k.organisatieId === orgA)!.kernId;
  ondersteuner = bewaarAccount(db, {
    email: 'ko@welzijn.example',
    naam: 'KO',
    beheerder: false,
    organisaties: [],
    kernen: [kernVanA],
  });
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('login links and sessions', () => {
  it('stores only the hash, works once and within 15 minutes', () => {
    const nu = new Date('2026-11-22T10:00:00Z');
    const token = maakLoginToken(db, partnerA, nu);
    expect(
      db
        .select()
        .from(t.loginToken)
        .all()
        .some((r) => r.hash === token),
    ).toBe(false);
    expect(
      db
        .select()
        .from(t.loginToken)
        .all()
        .some((r) => r.hash === hashToken(token)),
    ).toBe(true);
    expect(gebruikLoginToken(db, token, new Date('2026-11-22T10:14:00Z'))).toEqual({ accountId: partnerA, soort: 'login' });
    expect(gebruikLoginToken(db, token, new Date('2026-11-22T10:14:30Z'))).toEqual({ fout: 'gebruikt', soort: 'login' });
    const later = maakLoginToken(db, partnerA, nu);
    expect(gebruikLoginToken(db, later, new Date('2026-11-22T10:15:01Z'))).toEqual({ fout: 'verlopen', soort: 'login' });
    expect(gebruikLoginToken(db, 'verzonnen', nu)).toEqual({ fout: 'onbekend' });
  });

  it('ends a session after two idle hours and "log out everywhere" ends all', () => {
    const start = new Date('2026-11-22T10:00:00Z');
    const s1 = maakSessie(db, partnerB, start);
    const s2 = maakSessie(db, partnerB, start);
    expect(vindSessie(db, s1.token, new Date('2026-11-22T11:59:00Z'))?.account.email).toBe('b@voorbeeld.example');
    expect(vindSessie(db, s1.token, new Date('2026-11-22T14:00:00Z'))).toBeUndefined();
    // The expired row stays a day (it proves a form came from a real session), then goes.
    expect(verlopenSessie(db, s1.token, new Date('2026-11-22T14:00:00Z'))).toBe(partnerB);
    expect(verlopenSessie(db, s1.token, new Date('2026-11-23T14:00:00Z'))).toBeUndefined();
    expect(verlopenSessie(db, s2.token, new Date('2026-11-22T11:00:00Z'))).toBeUndefined();
    expect(verlopenSessie(db, 'verzonnen', new Date('2026-11-22T14:00:00Z'))).toBeUndefined();
    expect(beeindigAlleSessies(db, partnerB)).toBe(2);
    expect(vindSessie(db, s2.token, start)).toBeUndefined();
  });
});

describe('access', () => {
  it('lets partners edit only their own organisations', () => {
    const a = laadAccount(db, partnerA)!;
    expect(a.email).toBe('a@voorbeeld.example');
    expect(magOrganisatieBewerken(a, orgA)).toBe(true);
    expect(magOrganisatieBewerken(a, orgB)).toBe(false);
    expect(magOrganisatieBewerken(laadAccount(db, beheerder)!, orgB)).toBe(true);
  });

  it('lets a kernondersteuner review changes in their kern, never their own', () => {
    const ko = laadAccount(db, ondersteuner)!;
    expect(magBeoordelen(ko, { kernIds: ko.kernen, auteurId: partnerA })).toBe(true);
    expect(magBeoordelen(ko, { kernIds: [99], auteurId: partnerA })).toBe(false);
    expect(magBeoordelen(ko, { kernIds: ko.kernen, auteurId: ondersteuner })).toBe(false);
    expect(magBeoordelen(laadAccount(db, partnerA)!, { kernIds: ko.kernen, auteurId: partnerB })).toBe(false);
  });
});

describe('revisions', () => {
  it('queues a change, shows the diff, and applies it on approval', () => {
    const w = werkversie(db, 'organisatie', orgA)!;
    const nieuw = { ...w.data, omschrijving: 'Een nieuwe omschrijving van minstens twintig tekens.' };
    const { revisie } = stelVoor(db, {
      soort: 'organisatie',
      entiteitId: orgA,
      organisatieId: orgA,
      data: nieuw,
      basisVersie: w.versie,
      auteurId: partnerA,
      direct: false,
    });
    expect(revisie.status).toBe('wacht');
    expect(leesOrganisatie(db, orgA)!.omschrijving).not.toBe(nieuw.omschrijving);
    expect(verschillen(config, 'organisatie', w.live, revisie.data).map((v) => v.label)).toEqual(['Omschrijving']);
    keurGoed(db, revisie.id, beheerder);
    const na = leesOrganisatie(db, orgA)!;
    expect(na.omschrijving).toBe(nieuw.omschrijving);
    expect(na.versie).toBe(w.versie + 1);
  });

  it('refuses a second editor who started before the first saved, and keeps the first change', () => {
    const w = werkversie(db, 'organisatie', orgA)!;
    const eerste = stelVoor(db, {
      soort: 'organisatie',
      entiteitId: orgA,
      organisatieId: orgA,
      data: { ...w.data, telefoon: '0546 011 111' },
      basisVersie: w.versie,
      auteurId: partnerA,
      direct: false,
    });
    expect(() =>
      stelVoor(db, {
        soort: 'organisatie',
        entiteitId: orgA,
        organisatieId: orgA,
        data: { ...w.data, telefoon: '0546 022 222' },
        basisVersie: w.versie,
        auteurId: partnerB,
        direct: false,
      }),
    ).toThrow(WijzigingsConflict);
    expect(werkversie(db, 'organisatie', orgA)!.wachtend?.id).toBe(eerste.revisie.id);
    // Building on the waiting proposal is fine and replaces it.
    const tweede = stelVoor(db, {
      soort: 'organisatie',
      entiteitId: orgA,
      organisatieId: orgA,
      data: { ...w.data, telefoon: '0546 033 333' },
      basisVersie: w.versie,
      basisRevisieId: eerste.revisie.id,
      auteurId: partnerB,
      direct: false,
    });
    expect(werkversie(db, 'organisatie', orgA)!.wachtend?.id).toBe(tweede.revisie.id);
    wijsAf(db, tweede.revisie.id, beheerder, 'Dit nummer klopt niet.');
    expect(werkversie(db, 'organisatie', orgA)!.wachtend).toBeUndefined();
  });

  it('publishes a trusted change directly, and can restore an earlier version', () => {
    const actId = db.select({ id: t.activiteit.id }).from(t.activiteit).limit(1).get()!.id;
    const voor = leesActiviteit(db, actId)!;
    const w = werkversie(db, 'activiteit', actId)!;
    const { revisie } = stelVoor(db, {
      soort: 'activiteit',
      entiteitId: actId,
      organisatieId: w.organisatieId,
      data: { ...alsActiviteitData(voor), titel: 'Andere titel' },
      basisVersie: w.versie,
      auteurId: beheerder,
      direct: true,
    });
    expect(revisie.status).toBe('direct');
    expect(leesActiviteit(db, actId)!.titel).toBe('Andere titel');
    const eerdere = stelVoor(db, {
      soort: 'activiteit',
      entiteitId: actId,
      organisatieId: w.organisatieId,
      data: alsActiviteitData(voor),
      basisVersie: w.versie + 1,
      auteurId: beheerder,
      direct: true,
    });
    stelVoor(db, {
      soort: 'activiteit',
      entiteitId: actId,
      organisatieId: w.organisatieId,
      data: { ...alsActiviteitData(voor), titel: 'Derde titel' },
      basisVersie: w.versie + 2,
      auteurId: beheerder,
      direct: true,
    });
    zetTerug(db, eerdere.revisie.id, beheerder);
    expect(leesActiviteit(db, actId)!.titel).toBe(voor.titel);
  });

  it('refuses to approve a proposal made on a version that changed since', () => {
    const w = werkversie(db, 'organisatie', orgB)!;
    const voorstel = stelVoor(db, {
      soort: 'organisatie',
      entiteitId: orgB,
      organisatieId: orgB,
      data: { ...w.data, naam: 'Voorstel' },
      basisVersie: w.versie,
      auteurId: partnerB,
      direct: false,
    });
    // The beheerder changes the live listing directly in the meantime.
    stelVoor(db, {
      soort: 'organisatie',
      entiteitId: orgB,
      organisatieId: orgB,
      data: { ...alsOrganisatieData(leesOrganisatie(db, orgB)!), naam: 'Door beheer' },
      basisVersie: w.versie,
      basisRevisieId: voorstel.revisie.id,
      auteurId: beheerder,
      direct: true,
    });
    expect(() => keurGoed(db, voorstel.revisie.id, beheerder)).toThrow(WijzigingsConflict);
    expect(leesOrganisatie(db, orgB)!.naam).toBe('Door beheer');
  });
});

describe('Limiet', () => {
  it('allows max attempts per window per key', () => {
    const l = new Limiet(2, 1000);
    expect([l.magDoor('x', 0), l.magDoor('x', 10), l.magDoor('x', 20), l.magDoor('y', 20), l.magDoor('x', 1011)]).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
  });

  it('keeps bounded state: 100,000 addresses leave at most maxSleutels keys, the busiest recent one kept', () => {
    const l = new Limiet(3, 60_000, 1000);
    for (let i = 0; i < 3; i++) l.magDoor('aanvaller', i);
    for (let i = 0; i < 100_000; i++) {
      l.magDoor(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 10);
      if (i % 500 === 0) expect(l.magDoor('aanvaller', 10)).toBe(false);
    }
    expect(l.aantalSleutels).toBeLessThanOrEqual(1000);
    expect(l.magDoor('aanvaller', 20)).toBe(false);
  });
});

describe('actions that change the public site ask for a release themselves', () => {
  const aanvragen: string[] = [];
  const publiceren = { vraagAan: (reden: string) => void aanvragen.push(reden) };
  let orgC: number;
  let partnerC: number;
  beforeAll(() => {
    orgC = db.select({ id: t.organisatie.id }).from(t.organisatie).limit(1).offset(2).get()!.id;
    db.update(t.organisatie).set({ vertrouwd: false }).where(eq(t.organisatie.id, orgC)).run();
    partnerC = bewaarAccount(db, {
      email: 'c@voorbeeld.example',
      naam: 'Partner C',
      beheerder: false,
      organisaties: [orgC],
      kernen: [],
    });
  });
  beforeEach(() => {
    aanvragen.length = 0;
  });
  const account = (id: number) => laadAccount(db, id)!;
  /** The organisation form as the page fills it, with a changed description. */
  const formulier = (omschrijving: string) => {
    const w = werkversie(db, 'organisatie', orgC)!;
    const velden = organisatieAlsVelden({ ...(w.data as OrganisatieData), omschrijving });
    velden.set('basis.versie', [String(w.versie)]);
    if (w.wachtend) velden.set('basis.revisie', [String(w.wachtend.id)]);
    return velden;
  };

  it("a partner's proposal waits without a release; approving it asks for one", async () => {
    const naam = leesOrganisatie(db, orgC)!.naam;
    const uitkomst = bewaarOrganisatie(
      db,
      config,
      account(partnerC),
      orgC,
      formulier('Een voorstel van de partner, lang genoeg.'),
      publiceren,
    );
    expect(uitkomst).toMatchObject({ soort: 'opgeslagen', direct: false });
    expect(aanvragen).toEqual([]);
    const revisieId = uitkomst.soort === 'opgeslagen' ? uitkomst.revisieId : 0;
    expect(await beoordeel(db, account(beheerder), revisieId, 'goedkeuren', '', publiceren)).toEqual({
      soort: 'klaar',
      publiceren: true,
    });
    expect(aanvragen).toEqual([`Goedgekeurd: "${naam}"`]);
    expect(leesOrganisatie(db, orgC)!.naam).toBe(naam);
  });

  it("the beheerder's change, a check, a pause and a manual publish each ask for one", () => {
    const naam = leesOrganisatie(db, orgC)!.naam;
    const uitkomst = bewaarOrganisatie(
      db,
      config,
      account(beheerder),
      orgC,
      formulier('Direct door de beheerder gewijzigd, lang genoeg.'),
      publiceren,
    );
    expect(uitkomst).toMatchObject({ soort: 'opgeslagen', direct: true });
    bevestigActueel(db, account(partnerC), orgC, publiceren);
    const act = db.select().from(t.activiteit).where(eq(t.activiteit.organisatieId, orgC)).get()!;
    wijzigStatus(db, account(partnerC), act.id, 'pauzeren', publiceren);
    publiceerHandmatig(db, account(beheerder), publiceren);
    expect(aanvragen).toEqual([
      `Gewijzigd: ${naam}`,
      `Gecontroleerd: ${naam}`,
      `pauzeren: ${act.titel}`,
      'Handmatig door de beheerder',
    ]);
  });

  it('restoring a version asks for one; a revision of something else changes nothing', () => {
    const eerder = db.select().from(t.revisie).where(eq(t.revisie.entiteitId, orgC)).all();
    const direct = eerder.find((r) => r.soort === 'organisatie' && r.status === 'direct')!;
    const ander = db.select().from(t.revisie).where(eq(t.revisie.soort, 'activiteit')).get()!;
    expect(zetVersieTerug(db, account(beheerder), { soort: 'organisatie', id: orgC }, ander.id, publiceren)).toBe(false);
    expect(aanvragen).toEqual([]);
    expect(zetVersieTerug(db, account(beheerder), { soort: 'organisatie', id: orgC }, direct.id, publiceren)).toBe(true);
    expect(aanvragen).toEqual([`Teruggezet: organisatie "${(direct.data as { naam: string }).naam}"`]);
  });
});
