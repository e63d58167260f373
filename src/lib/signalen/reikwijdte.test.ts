import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { leesOrganisatie } from '../data/kaart.ts';
import { kernIdMap } from '../data/opslaan.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import { partnerKernen } from './afzender.ts';
import { kernenVanOrganisaties } from '../verwijzen/verwijzingen.ts';
import { bewaarAccount, laadAccount } from '../portaal/accounts.ts';
import { bewaarOrganisatie } from '../portaal/acties.ts';
import { organisatieAlsVelden } from '../portaal/formulier/mapping.ts';
import { alsOrganisatieData, beoordelingVan, keurGoed, leesRevisie, stelVoor, werkversie } from '../portaal/revisies.ts';
import { magSignaalZien } from './toegang.ts';
import { magBeoordelen } from '../portaal/toegang.ts';

/**
 * The attack from issue 20: a partner widens their own access by adding kernen to their
 * organisation, or picks their own reviewer by proposing a kern.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-reikwijdte-'));
const config = loadConfig();
let db: Db;
let orgId: number;
let partner: number;
let beheerder: number;
/** Publishes asked for by the domain actions, so a test can say which change went live. */
const aanvragen: string[] = [];
const publiceren = { vraagAan: (reden: string) => void aanvragen.push(reden) };
let koNieuw: number;
let koHuidig: number;
let nieuweKern: string;

function formulier(kernen: string[], omschrijving?: string) {
  const w = werkversie(db, 'organisatie', orgId)!;
  const data = alsOrganisatieData(leesOrganisatie(db, orgId)!);
  const velden = organisatieAlsVelden({ ...data, kernen, omschrijving: omschrijving ?? data.omschrijving });
  velden.set('basis.versie', [String(w.versie)]);
  if (w.wachtend) velden.set('basis.revisie', [String(w.wachtend.id)]);
  return velden;
}

const kernId = (slug: string) => kernIdMap(db).get(slug)!;

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, config, '2026-11-22');
  const org = db
    .select()
    .from(t.organisatie)
    .all()
    .map((o) => leesOrganisatie(db, o.id)!)
    .find((o) => o.kernen.length === 1)!;
  orgId = org.id;
  db.update(t.organisatie).set({ vertrouwd: true }).where(eq(t.organisatie.id, orgId)).run();
  nieuweKern = config.kernen.map((k) => k.slug).find((k) => !org.kernen.includes(k))!;
  const maak = (email: string, extra: { beheerder?: boolean; organisaties?: number[]; kernen?: number[] }) =>
    bewaarAccount(db, { email, naam: email, beheerder: false, organisaties: [], kernen: [], ...extra });
  partner = maak('partner@vertrouwd.example', { organisaties: [orgId] });
  beheerder = maak('beheer@gemeente.example', { beheerder: true });
  koNieuw = maak('ko-nieuw@gemeente.example', { kernen: [kernId(nieuweKern)] });
  koHuidig = maak('ko-huidig@gemeente.example', { kernen: [kernId(org.kernen[0])] });
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a trusted partner adds a kern to their organisation', () => {
  it('waits for the beheerder and opens neither signalen nor referrals of that kern (403 stays 403)', () => {
    const account = laadAccount(db, partner)!;
    const huidig = leesOrganisatie(db, orgId)!.kernen;
    const uitkomst = bewaarOrganisatie(db, config, account, orgId, formulier([...huidig, nieuweKern]), publiceren);
    expect(uitkomst).toMatchObject({ soort: 'opgeslagen', direct: false });
    expect(leesOrganisatie(db, orgId)!.kernen).toEqual(huidig);
    expect(partnerKernen(db, account)).not.toContain(kernId(nieuweKern));
    expect(magSignaalZien(account, kernId(nieuweKern), partnerKernen(db, account))).toBe(false);
    expect(kernenVanOrganisaties(db, account.organisaties)).not.toContain(kernId(nieuweKern));
  });

  it.each([
    ['the kernondersteuner of the proposed kern', () => koNieuw, false],
    ['the kernondersteuner of a kern the organisation serves now', () => koHuidig, false],
    ['the partner who proposed it', () => partner, false],
    ['the beheerder', () => beheerder, true],
  ])('may be approved by %s: %s', (_naam, wie, mag) => {
    const r = db.select().from(t.revisie).where(eq(t.revisie.status, 'wacht')).all().at(-1)!;
    expect(magBeoordelen(laadAccount(db, wie())!, beoordelingVan(db, r))).toBe(mag);
  });

  it('opens the kern once the beheerder approves', () => {
    const r = db.select().from(t.revisie).where(eq(t.revisie.status, 'wacht')).all().at(-1)!;
    keurGoed(db, r.id, beheerder);
    expect(partnerKernen(db, laadAccount(db, partner)!)).toContain(kernId(nieuweKern));
  });

  it('still publishes a trusted change that keeps the kernen directly', () => {
    const account = laadAccount(db, partner)!;
    const kernen = leesOrganisatie(db, orgId)!.kernen;
    const uitkomst = bewaarOrganisatie(
      db,
      config,
      account,
      orgId,
      formulier(kernen, 'Een andere omschrijving van genoeg tekens.'),
      publiceren,
    );
    expect(uitkomst).toMatchObject({ soort: 'opgeslagen', direct: true });
    expect(aanvragen.length).toBeGreaterThan(0);
  });

  it('waits for the beheerder when a kern is taken away too', () => {
    const kernen = leesOrganisatie(db, orgId)!.kernen;
    const uitkomst = bewaarOrganisatie(db, config, laadAccount(db, partner)!, orgId, formulier(kernen.slice(0, 1)), publiceren);
    expect(uitkomst).toMatchObject({ soort: 'opgeslagen', direct: false });
    expect(leesOrganisatie(db, orgId)!.kernen).toEqual(kernen);
  });
});

describe('reviewers come from the current state, never from the proposal', () => {
  it('does not let the kernondersteuner of a proposed kern review a new activity there', () => {
    const org = leesOrganisatie(db, orgId)!;
    const vreemd = config.kernen.map((k) => k.slug).find((k) => !org.kernen.includes(k))!;
    const ko = bewaarAccount(db, {
      email: 'ko-vreemd@gemeente.example',
      naam: 'KO',
      beheerder: false,
      organisaties: [],
      kernen: [kernId(vreemd)],
    });
    const { revisie } = stelVoor(db, {
      soort: 'activiteit',
      organisatieId: orgId,
      data: { kern: vreemd } as never,
      auteurId: partner,
      direct: false,
    });
    const r = leesRevisie(db, revisie.id)!;
    expect(beoordelingVan(db, r).kernIds).toEqual([]);
    expect(magBeoordelen(laadAccount(db, ko)!, beoordelingVan(db, r))).toBe(false);
  });
});
