import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { type Db, openDb } from '../db/client.ts';
import { bevestigActueel, bewaarOrganisatie } from '../portaal/acties.ts';
import { bewaarAccount, laadAccount } from '../portaal/accounts.ts';
import { organisatieAlsVelden } from '../portaal/formulier/mapping.ts';
import { Limiet } from '../portaal/limiet.ts';
import { werkversie } from '../portaal/revisies.ts';
import type { OrganisatieData } from '../model/schemas.ts';
import { SLOT } from './schema.ts';
import {
  type Doel,
  magTerugmelden,
  meldTerug,
  sluitAfgehandeld,
  terugmeldingenVoor,
  vindDoel,
  wijsTerugmeldingAf,
} from './terugmelden.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-terug-'));
process.env.OUTBOX_DIR = path.join(dir, 'outbox');
const config = loadConfig();
let db: Db;
let org: { id: number; uuid: string; naam: string };
let kernId: number;
let ids: { partner: number; ko: number; beheerder: number; vreemde: number; andereKo: number };
const publiceren = { vraagAan: () => {} };
const stil = { verstuurStraks: () => {} };
const URL_ = 'https://kaart.example';
const account = (id: number) => laadAccount(db, id)!;

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, config, '2026-11-22');
  const kernen = db.select().from(t.kern).all();
  const koppels = db.select().from(t.organisatieKern).all();
  // An organisation of one kern, so a kernondersteuner elsewhere has nothing to do with it.
  const eigen = koppels.find((k) => koppels.filter((x) => x.organisatieId === k.organisatieId).length === 1)!;
  kernId = eigen.kernId;
  org = db
    .select({ id: t.organisatie.id, uuid: t.organisatie.uuid, naam: t.organisatie.naam })
    .from(t.organisatie)
    .where(eq(t.organisatie.id, eigen.organisatieId))
    .get()!;
  const anderOrg = koppels.find((k) => k.organisatieId !== org.id)!.organisatieId;
  const orgKernen = db
    .select({ k: t.organisatieKern.kernId })
    .from(t.organisatieKern)
    .where(eq(t.organisatieKern.organisatieId, org.id))
    .all()
    .map((r) => r.k);
  db.update(t.organisatie).set({ status: 'gepubliceerd' }).where(eq(t.organisatie.id, org.id)).run();
  const maak = (email: string, o: Partial<{ organisaties: number[]; kernen: number[]; beheerder: boolean }>) =>
    bewaarAccount(db, { email, naam: email.split('@')[0], beheerder: false, organisaties: [], kernen: [], ...o });
  ids = {
    partner: maak('partner@test.example', { organisaties: [org.id] }),
    ko: maak('ko@test.example', { kernen: [kernId] }),
    beheerder: maak('beheer@test.example', { beheerder: true }),
    vreemde: maak('vreemd@test.example', { organisaties: [anderOrg] }),
    andereKo: maak('ko2@test.example', { kernen: [kernen.find((k) => !orgKernen.includes(k.id))!.id] }),
  };
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const doel = (): Doel => vindDoel(db, { organisatie: org.uuid })!;

describe('"Klopt er iets niet?"', () => {
  it('finds only published listings by their UUID', () => {
    expect(doel()).toMatchObject({ soort: 'organisatie', organisatieId: org.id, naam: org.naam });
    expect(vindDoel(db, { organisatie: 'geen-uuid' })).toBeUndefined();
    expect(vindDoel(db, {})).toBeUndefined();
  });

  it("refuses a report with personal data with the guard's explanation, and a missing choice or a long text", () => {
    const r = meldTerug(db, config, doel(), { soort: 'contact', tekst: 'Bel mevrouw Jansen op 0546 123 456' }, URL_, stil);
    expect(r.soort).toBe('fouten');
    const tekst = r.soort === 'fouten' ? r.fouten.tekst : '';
    expect(tekst).toContain('Dit lijkt een telefoonnummer');
    expect(tekst).toContain(SLOT);
    expect(meldTerug(db, config, doel(), { tekst: 'iets' }, URL_, stil)).toEqual({
      soort: 'fouten',
      fouten: { soort: 'Kies wat er niet klopt.' },
    });
    expect(meldTerug(db, config, doel(), { soort: 'onzin' }, URL_, stil).soort).toBe('fouten');
    const lang = meldTerug(db, config, doel(), { soort: 'anders', tekst: 'x'.repeat(301) }, URL_, stil);
    expect(lang.soort === 'fouten' && lang.fouten.tekst).toMatch(/hooguit 300 tekens/);
    expect(db.select().from(t.terugmelding).all()).toHaveLength(0);
  });

  it('a filled-in honeypot is thanked but stores and mails nothing', () => {
    expect(meldTerug(db, config, doel(), { soort: 'plek', website: 'http://spam.example' }, URL_, stil)).toEqual({
      soort: 'ontvangen',
      partnersGemaild: 0,
    });
    expect(db.select().from(t.terugmelding).all()).toHaveLength(0);
  });

  it('stores a report, mails the partners, shows it to partner, kernondersteuner and beheerder only; a confirmation closes it', () => {
    const voor = db.select().from(t.mailWachtrij).all().length;
    const r = meldTerug(db, config, doel(), { soort: 'contact', tekst: 'Het telefoonnummer werkt niet meer.' }, URL_, {
      ...stil,
      nu: new Date('2026-11-23T10:00:00Z'),
    });
    expect(r).toMatchObject({ soort: 'ontvangen', partnersGemaild: 1 });
    const mail = db.select().from(t.mailWachtrij).all().slice(voor);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ aan: 'partner@test.example', onderwerp: `Klopt er iets niet bij ${org.naam}?` });
    expect(mail[0].tekst).toContain('Het telefoonnummer of e-mailadres.');
    expect(mail[0].tekst).toContain('Het telefoonnummer werkt niet meer.');
    expect(mail[0].tekst).toContain(`${URL_}/partners/organisaties/${org.id}/`);

    const open = (id: number) => terugmeldingenVoor(db, account(id), new Date('2026-11-23T11:00:00Z')).open.length;
    expect([open(ids.partner), open(ids.ko), open(ids.beheerder), open(ids.vreemde), open(ids.andereKo)]).toEqual([
      1, 1, 1, 0, 0,
    ]);

    bevestigActueel(db, account(ids.partner), org.id, publiceren, '2026-11-24');
    expect(sluitAfgehandeld(db)).toBe(1);
    const m = db.select().from(t.terugmelding).get()!;
    expect(m).toMatchObject({ sluitreden: 'bevestigd', geslotenDoor: ids.partner });
    expect(open(ids.partner)).toBe(0);
  });

  it('a change of the listing closes a report; a reviewer may dismiss one, a partner may not', () => {
    meldTerug(db, config, doel(), { soort: 'tijd' }, URL_, stil);
    const w = werkversie(db, 'organisatie', org.id)!;
    const velden = organisatieAlsVelden({ ...(w.data as OrganisatieData), telefoon: '0546 099 999' });
    velden.set('basis.versie', [String(w.versie)]);
    db.update(t.organisatie).set({ vertrouwd: true }).where(eq(t.organisatie.id, org.id)).run();
    const u = bewaarOrganisatie(db, config, account(ids.partner), org.id, velden, publiceren);
    expect(u).toMatchObject({ soort: 'opgeslagen', direct: true });
    expect(sluitAfgehandeld(db)).toBe(1);
    expect(db.select().from(t.terugmelding).all().at(-1)).toMatchObject({ sluitreden: 'gewijzigd' });

    const r = meldTerug(
      db,
      config,
      doel(),
      { soort: 'anders', tekst: 'De ingang is verplaatst naar de achterkant.' },
      URL_,
      stil,
    );
    const id = r.soort === 'ontvangen' ? r.id! : 0;
    expect(wijsTerugmeldingAf(db, account(ids.partner), id)).toBe(false);
    expect(wijsTerugmeldingAf(db, account(ids.andereKo), id)).toBe(false);
    expect(wijsTerugmeldingAf(db, account(ids.ko), id)).toBe(true);
    expect(wijsTerugmeldingAf(db, account(ids.ko), id)).toBe(false);
    expect(db.select().from(t.terugmelding).where(eq(t.terugmelding.id, id)).get()).toMatchObject({
      sluitreden: 'afgewezen',
      geslotenDoor: ids.ko,
    });
  });

  it(`three "bestaat niet meer" reports flag the listing for the beheerder`, () => {
    for (let i = 0; i < 2; i++) meldTerug(db, config, doel(), { soort: 'bestaat-niet' }, URL_, stil);
    expect(terugmeldingenVoor(db, account(ids.beheerder)).gestopt).toEqual([]);
    meldTerug(db, config, doel(), { soort: 'bestaat-niet' }, URL_, stil);
    expect(terugmeldingenVoor(db, account(ids.beheerder)).gestopt).toEqual([
      { organisatieId: org.id, activiteitId: null, naam: org.naam, aantal: 3 },
    ]);
  });

  it('limits reports per address without keeping the address', () => {
    const limiet = new Limiet(3, 60 * 60_000);
    const nu = Date.now();
    expect([1, 2, 3, 4].map(() => magTerugmelden('192.0.2.7', limiet, nu))).toEqual([true, true, true, false]);
    expect(magTerugmelden('192.0.2.8', limiet, nu)).toBe(true);
    expect(magTerugmelden('192.0.2.7', limiet, nu + 60 * 60_000 + 1)).toBe(true);
    expect(JSON.stringify([...(limiet as unknown as { treffers: Map<string, number[]> }).treffers.keys()])).not.toContain(
      '192.0.2',
    );
  });
});
