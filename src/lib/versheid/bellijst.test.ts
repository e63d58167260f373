import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { type Db, openDb } from '../db/client.ts';
import { bewaarAccount, laadAccount } from '../portaal/accounts.ts';
import { geschiedenis } from '../portaal/overzicht.ts';
import { alleBelItems, belLijst, bellersVoor, bevestigNamens } from './bellijst.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-bel-'));
const config = loadConfig();
const VANDAAG = '2026-12-02';
const publiceren = { vraagAan: () => {} };
let db: Db;
let zonder: { id: number; kernId: number };
let metPartner: number;
let ids: { ko: number; andereKo: number; beheerder: number };

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, config, '2026-11-22');
  const koppels = db.select().from(t.organisatieKern).all();
  const eenKern = koppels.filter((k) => koppels.filter((x) => x.organisatieId === k.organisatieId).length === 1);
  const gepubliceerd = new Set(
    db
      .select({ id: t.organisatie.id })
      .from(t.organisatie)
      .where(eq(t.organisatie.status, 'gepubliceerd'))
      .all()
      .map((r) => r.id),
  );
  const [a, b] = eenKern.filter((k) => gepubliceerd.has(k.organisatieId));
  zonder = { id: a.organisatieId, kernId: a.kernId };
  metPartner = b.organisatieId;
  db.$client.prepare("update organisatie set gecontroleerd_op = '2026-03-01' where id = ?").run(zonder.id);
  // Due for a month (one reminder): the partner still has time to answer.
  db.$client.prepare("update organisatie set gecontroleerd_op = '2026-05-10' where id = ?").run(metPartner);
  bewaarAccount(db, { email: 'p@test.example', naam: 'P', beheerder: false, organisaties: [metPartner], kernen: [] });
  const andereKern = db
    .select()
    .from(t.kern)
    .all()
    .find((k) => k.id !== zonder.kernId)!.id;
  ids = {
    ko: bewaarAccount(db, {
      email: 'ko@test.example',
      naam: 'Karin Kern',
      beheerder: false,
      organisaties: [],
      kernen: [zonder.kernId],
    }),
    andereKo: bewaarAccount(db, {
      email: 'ko2@test.example',
      naam: 'K2',
      beheerder: false,
      organisaties: [],
      kernen: [andereKern],
    }),
    beheerder: bewaarAccount(db, { email: 'b@test.example', naam: 'B', beheerder: true, organisaties: [], kernen: [] }),
  };
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('call list of listings nobody looks after', () => {
  it('holds stale organisations without a partner, for the kernondersteuner of their kern and the beheerder', () => {
    const alle = alleBelItems(db, VANDAAG).map((o) => o.id);
    expect(alle).toContain(zonder.id);
    expect(alle).not.toContain(metPartner);
    expect(belLijst(db, laadAccount(db, ids.ko)!, VANDAAG).map((o) => o.id)).toContain(zonder.id);
    expect(belLijst(db, laadAccount(db, ids.andereKo)!, VANDAAG).map((o) => o.id)).not.toContain(zonder.id);
    expect(belLijst(db, laadAccount(db, ids.beheerder)!, VANDAAG).map((o) => o.id)).toContain(zonder.id);
    expect(bellersVoor(db, [zonder.kernId]).map((b) => b.naam)).toContain('Karin Kern');
    expect(alleBelItems(db, VANDAAG).find((o) => o.id === zonder.id)?.reden).toBe('geen-partner');
  });

  it('also holds a listing whose partner left two reminders unanswered (40 days after it became due)', () => {
    expect(alleBelItems(db, '2026-12-19').find((o) => o.id === metPartner)).toBeUndefined();
    expect(alleBelItems(db, '2026-12-20').find((o) => o.id === metPartner)?.reden).toBe('geen-antwoord');
  });

  it('confirms on their behalf with a note shown in the history; refuses without access, without note or with a name', () => {
    expect(bevestigNamens(db, config, ids.andereKo, zonder.id, 'gebeld met de secretaris', publiceren, VANDAAG)).toEqual({
      fout: 'U mag deze organisatie niet namens hen bevestigen.',
    });
    expect(bevestigNamens(db, config, ids.ko, zonder.id, ' ', publiceren, VANDAAG)).toHaveProperty('fout');
    const naam = bevestigNamens(db, config, ids.ko, zonder.id, 'gebeld met mevrouw Jansen, 0546 123 456', publiceren, VANDAAG);
    expect('fout' in naam && naam.fout).toMatch(/Dit lijkt een telefoonnummer.*Noem de rol, niet de naam/);
    expect(db.select().from(t.organisatie).where(eq(t.organisatie.id, zonder.id)).get()!.gecontroleerdOp).toBe('2026-03-01');

    expect(bevestigNamens(db, config, ids.ko, zonder.id, 'gebeld met de secretaris', publiceren, VANDAAG)).toEqual({
      gecontroleerdOp: VANDAAG,
    });
    expect(db.select().from(t.organisatie).where(eq(t.organisatie.id, zonder.id)).get()!.gecontroleerdOp).toBe(VANDAAG);
    const laatste = geschiedenis(db, 'organisatie', zonder.id)[0];
    expect(laatste).toMatchObject({ auteurNaam: 'Karin Kern', r: { actie: 'controleren', reden: 'gebeld met de secretaris' } });
    expect(belLijst(db, laadAccount(db, ids.ko)!, VANDAAG).map((o) => o.id)).not.toContain(zonder.id);
  });
});
