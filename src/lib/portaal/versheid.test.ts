import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb } from '../db/client.ts';
import { bewaarAccount } from './accounts.ts';
import { organisatiesZonderPartner, verouderdeOrganisaties } from './overzicht.ts';
import { stuurHerinneringen } from './versheid.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-vers-'));
process.env.OUTBOX_DIR = path.join(dir, 'outbox');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('freshness', () => {
  it('lists stale listings and organisations without partner, and reminds partners once a month', async () => {
    const db = openDb(path.join(dir, 'db.sqlite'));
    seedDemo(db, loadConfig(), '2026-11-22');
    const oud = db.select().from(t.organisatie).limit(2).all();
    db.$client.prepare("update organisatie set gecontroleerd_op = '2020-01-01' where id in (?, ?)").run(oud[0].id, oud[1].id);
    bewaarAccount(db, { email: 'p@test.example', naam: 'P', beheerder: false, organisaties: [oud[0].id], kernen: [] });
    const verouderd = verouderdeOrganisaties(db, '2026-11-22').map((o) => o.id);
    expect(verouderd).toEqual(expect.arrayContaining([oud[0].id, oud[1].id]));
    expect(organisatiesZonderPartner(db).map((o) => o.id)).not.toContain(oud[0].id);
    expect(organisatiesZonderPartner(db).map((o) => o.id)).toContain(oud[1].id);

    expect(await stuurHerinneringen(db, '2026-11-22', 'http://localhost:4321')).toBe(1);
    expect(await stuurHerinneringen(db, '2026-12-01', 'http://localhost:4321')).toBe(0);
    expect(await stuurHerinneringen(db, '2026-12-23', 'http://localhost:4321')).toBe(1);
    expect(readdirSync(process.env.OUTBOX_DIR!)).toHaveLength(2);
    db.$client.close();
  });
});
