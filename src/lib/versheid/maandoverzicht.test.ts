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
import { stuurHerinneringen } from '../portaal/versheid.ts';
import { kernenVoor, meetVersheid, metingenPerMaand, nietBeantwoord } from './maandoverzicht.ts';
import { ALLE_KERNEN } from './overzicht.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-maand-'));
let db: Db;
let org: { id: number; kernId: number };
let partner: number;

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, loadConfig(), '2026-11-22');
  db.update(t.organisatie).set({ gecontroleerdOp: '2026-10-01' }).run();
  const koppels = db.select().from(t.organisatieKern).all();
  const k = koppels.find((x) => koppels.filter((y) => y.organisatieId === x.organisatieId).length === 1)!;
  org = { id: k.organisatieId, kernId: k.kernId };
  db.update(t.organisatie).set({ status: 'gepubliceerd' }).where(eq(t.organisatie.id, org.id)).run();
  partner = bewaarAccount(db, {
    email: 'maand@test.example',
    naam: 'Mies Maand',
    beheerder: false,
    organisaties: [org.id],
    kernen: [],
  });
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('freshness per kern per month', () => {
  it('keeps the last measurement of each month, per kern and for all kernen', () => {
    meetVersheid(db, '2026-11-10');
    db.update(t.organisatie).set({ gecontroleerdOp: '2026-01-01' }).where(eq(t.organisatie.id, org.id)).run();
    // Later in November the organisation is stale: the November figure follows.
    meetVersheid(db, '2026-11-30');
    meetVersheid(db, '2026-12-02');
    const m = metingenPerMaand(db, ['2026-10', '2026-11', '2026-12'], [ALLE_KERNEN, org.kernId]);
    expect(m.get('2026-10')?.size).toBe(0);
    const nov = m.get('2026-11')!;
    expect(nov.get(ALLE_KERNEN)!.vers).toBe(nov.get(ALLE_KERNEN)!.totaal - 1);
    expect(nov.get(org.kernId)!.procent).toBeLessThan(100);
    expect(m.get('2026-12')?.get(ALLE_KERNEN)).toMatchObject({ vers: nov.get(ALLE_KERNEN)!.vers });
    expect(db.select().from(t.versheidMaand).where(eq(t.versheidMaand.maand, '2026-11')).all()).toHaveLength(
      db.select().from(t.kern).all().length + 1,
    );
  });

  it('names the organisations whose partners did not answer, with the reminder dates', async () => {
    const stuur = async () => {};
    await stuurHerinneringen(db, '2026-11-01', 'https://kaart.example', { stuur });
    await stuurHerinneringen(db, '2026-12-02', 'https://kaart.example', { stuur });
    const lijst = nietBeantwoord(db, '2026-12-02');
    expect(lijst).toEqual([
      {
        organisatieId: org.id,
        organisatie: expect.any(String),
        gecontroleerdOp: '2026-01-01',
        partners: ['Mies Maand'],
        herinneringen: ['2026-12-02', '2026-11-01'],
      },
    ]);
    // A kernondersteuner of another kern does not see it.
    const ander = db
      .select()
      .from(t.kern)
      .all()
      .find((k) => k.id !== org.kernId)!.id;
    expect(nietBeantwoord(db, '2026-12-02', [ander])).toEqual([]);
    expect(nietBeantwoord(db, '2026-12-02', [org.kernId])).toHaveLength(1);
    // Answered: checked after the reminders.
    db.update(t.organisatie).set({ gecontroleerdOp: '2026-12-02' }).where(eq(t.organisatie.id, org.id)).run();
    expect(nietBeantwoord(db, '2026-12-02')).toEqual([]);
  });

  it('the beheerder sees every kern and all together, a kernondersteuner their own, a partner nothing', () => {
    const kernen = db.select({ id: t.kern.id }).from(t.kern).all();
    const ko = bewaarAccount(db, {
      email: 'ko-maand@test.example',
      naam: 'K',
      beheerder: false,
      organisaties: [],
      kernen: [org.kernId],
    });
    const beheer = bewaarAccount(db, { email: 'b-maand@test.example', naam: 'B', beheerder: true, organisaties: [], kernen: [] });
    expect(kernenVoor(laadAccount(db, beheer)!, kernen)).toEqual({ kernen, alles: true });
    expect(kernenVoor(laadAccount(db, ko)!, kernen)).toEqual({ kernen: [{ id: org.kernId }], alles: false });
    expect(kernenVoor(laadAccount(db, partner)!, kernen)).toBeUndefined();
  });
});
