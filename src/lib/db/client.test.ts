import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDb } from './client.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const modus = (p: string) => statSync(p).mode & 0o777;

describe('the database files', () => {
  it('are readable by the server user only: database, WAL and shared memory', () => {
    const pad = path.join(dir, 'nieuw.sqlite');
    const db = openDb(pad);
    db.$client.exec(
      "insert into mail_wachtrij (aan, onderwerp, tekst, volgende_poging_op) values ('a@b.example', 'o', 't', 'x')",
    );
    expect([modus(pad), modus(`${pad}-wal`), modus(`${pad}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    db.$client.close();
  });

  it('tightens an existing database made before this rule', () => {
    const pad = path.join(dir, 'oud.sqlite');
    writeFileSync(pad, '');
    chmodSync(pad, 0o644);
    openDb(pad).$client.close();
    expect(modus(pad)).toBe(0o600);
  });
});

describe('bringing an older database up to date', () => {
  it('keeps references to a table a migration rebuilds (revisie, referred to by agenda_afspraak)', () => {
    // The migrations up to the one that rebuilds revisie (organisatie_id nullable), then data, then the rest.
    const oud = path.join(dir, 'migraties');
    cpSync(migrationsFolder(), oud, { recursive: true });
    const journaal = JSON.parse(readFileSync(path.join(oud, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const tot = journaal.entries.findIndex((e) => e.tag.endsWith('kaart_kernondersteuner'));
    writeFileSync(path.join(oud, 'meta/_journal.json'), JSON.stringify({ ...journaal, entries: journaal.entries.slice(0, tot) }));
    const pad = path.join(dir, 'ouder.sqlite');
    const s = new Database(pad);
    s.pragma('foreign_keys = ON');
    migrate(drizzle(s), { migrationsFolder: oud });
    s.exec(`insert into organisatie (id, uuid, slug, naam, soort, omschrijving, status, gecontroleerd_op)
      values (1, 'u', 'o', 'O', 'x', 'x', 'gepubliceerd', '2026-01-01');
      insert into revisie (id, soort, entiteit_id, organisatie_id, actie, data, status)
      values (7, 'organisatie', 1, 1, 'wijzigen', '{}', 'direct');
      insert into agenda_afspraak (organisatie_id, sleutel, vingerafdruk, datum, revisie_id) values (1, 'k', 'v', '2026-01-01', 7);`);
    s.close();
    const db = openDb(pad);
    expect(db.$client.prepare('select revisie_id as r from agenda_afspraak').get()).toEqual({ r: 7 });
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    db.$client.close();
  });
});

describe('two processes writing at once', () => {
  it('a transaction that reads and then writes holds the write lock from its start, so neither write is lost', () => {
    const pad = path.join(dir, 'samen.sqlite');
    const db = openDb(pad);
    // Another process, as a CLI script or a second server would be; no waiting, so the test cannot hang.
    const ander = new Database(pad);
    ander.pragma('busy_timeout = 0');
    const mail = (aan: string) =>
      `insert into mail_wachtrij (aan, onderwerp, tekst, volgende_poging_op) values ('${aan}', 'o', 't', 'x')`;
    let anderKonNiet = '';
    db.transaction(() => {
      db.$client.prepare('select count(*) from mail_wachtrij').get();
      // Deferred, this write would go first and ours below would fail with SQLITE_BUSY_SNAPSHOT.
      try {
        ander.exec(mail('ander@b.example'));
      } catch (e) {
        anderKonNiet = (e as { code?: string }).code ?? String(e);
      }
      db.$client.exec(mail('eerst@b.example'));
    });
    expect(anderKonNiet).toBe('SQLITE_BUSY');
    ander.exec(mail('ander@b.example'));
    expect(ander.prepare('select aan from mail_wachtrij order by id').pluck().all()).toEqual([
      'eerst@b.example',
      'ander@b.example',
    ]);
    ander.close();
    db.$client.close();
  });
});
