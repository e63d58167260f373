import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { openDb } from '../db/client.ts';
import { dumpDb } from '../db/testhulp.ts';
import { laadKaart } from './kaart.ts';
import { isLeeg, seedDemo } from './seed.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dump = dumpDb;

describe('seedDemo', () => {
  const config = loadConfig();

  it('fills an empty database with the demo data and marks it as demo', () => {
    const db = openDb(path.join(dir, 'a.sqlite'));
    expect(isLeeg(db)).toBe(true);
    const r = seedDemo(db, config, '2026-11-22');
    expect(r.organisaties).toBeGreaterThanOrEqual(150);
    expect(r.activiteiten).toBeGreaterThanOrEqual(300);
    expect(r.kernondersteuners).toBe(10);
    const kaart = laadKaart(db);
    expect(kaart.demo).toBe(true);
    expect(kaart.kernen).toHaveLength(10);
    expect(kaart.kernondersteuners.map((k) => k.kern).sort()).toEqual(config.kernen.map((k) => k.slug).sort());
    db.$client.close();
  });

  it('changes nothing when run twice, also on another day', () => {
    const db = openDb(path.join(dir, 'b.sqlite'));
    seedDemo(db, config, '2026-11-22');
    const voor = dump(db);
    expect(seedDemo(db, config, '2026-11-22')).toEqual({ organisaties: 0, activiteiten: 0, kernondersteuners: 0 });
    expect(seedDemo(db, config, '2027-02-01')).toEqual({ organisaties: 0, activiteiten: 0, kernondersteuners: 0 });
    expect(dump(db)).toEqual(voor);
    db.$client.close();
  });

  it('gives the same identifiers in a fresh database, so open data stays stable', () => {
    const a = openDb(path.join(dir, 'c1.sqlite'));
    const b = openDb(path.join(dir, 'c2.sqlite'));
    seedDemo(a, config, '2026-11-22');
    seedDemo(b, config, '2026-11-22');
    const uuids = (db: typeof a) => laadKaart(db, { ookConcepten: true }).organisaties.map((o) => `${o.slug}=${o.uuid}`);
    expect(uuids(a)).toEqual(uuids(b));
    a.$client.close();
    b.$client.close();
  });

  it('adds only what is missing and keeps edits', () => {
    const db = openDb(path.join(dir, 'd.sqlite'));
    seedDemo(db, config, '2026-11-22');
    db.$client
      .prepare("update organisatie set naam = 'Door partner gewijzigd' where slug = 'kernondersteuning-twenterand'")
      .run();
    db.$client.prepare('delete from activiteit where id = (select min(id) from activiteit)').run();
    expect(seedDemo(db, config, '2026-11-22')).toEqual({ organisaties: 0, activiteiten: 1, kernondersteuners: 0 });
    const naam = db.$client.prepare("select naam from organisatie where slug = 'kernondersteuning-twenterand'").get() as {
      naam: string;
    };
    expect(naam.naam).toBe('Door partner gewijzigd');
    db.$client.close();
  });
});
