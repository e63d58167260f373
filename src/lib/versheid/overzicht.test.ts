import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb } from '../db/client.ts';
import { versheidPerKern } from './overzicht.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-vo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('freshness per kern', () => {
  it('counts published organisations checked in the last six months, per kern and once in the total', () => {
    const db = openDb(path.join(dir, 'db.sqlite'));
    seedDemo(db, loadConfig(), '2026-11-22');
    db.update(t.organisatie).set({ gecontroleerdOp: '2026-11-01' }).run();
    const vers = versheidPerKern(db, '2026-11-22');
    expect(vers.totaal.aandeel).toBe(1);
    const eerste = db.select().from(t.organisatieKern).get()!;
    db.$client.prepare("update organisatie set gecontroleerd_op = '2025-01-01' where id = ?").run(eerste.organisatieId);
    const na = versheidPerKern(db, '2026-11-22');
    expect(na.totaal.vers).toBe(vers.totaal.vers - 1);
    const kern = db
      .select()
      .from(t.kern)
      .all()
      .find((k) => k.id === eerste.kernId)!;
    const rij = na.kernen.find((k) => k.kern === kern.naam)!;
    expect(rij.vers).toBe(rij.totaal - 1);
    expect(na.kernen.reduce((s, k) => s + k.totaal, 0)).toBeGreaterThanOrEqual(na.totaal.totaal);
    db.$client.close();
  });
});
