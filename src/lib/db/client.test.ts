import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './client.ts';

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
