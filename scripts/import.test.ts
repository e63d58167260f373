import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/lib/db/client.ts';
import { dumpDb } from '../src/lib/db/testhulp.ts';

/** `npm run import` end to end: the real script in its own process against a temporary database. */

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATABASE_PATH = path.join(dir, 'kaart.sqlite');

function draai(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    env: { ...process.env, DATABASE_PATH },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, uit: r.stdout, fout: r.stderr };
}

function dump() {
  const db = openDb(DATABASE_PATH);
  try {
    return dumpDb(db);
  } finally {
    db.$client.close();
  }
}

// Real databases and whole exports: seconds of work, more when both cores are busy.
describe('npm run import', { timeout: 120_000 }, () => {
  it('explains its use for a wrong command', () => {
    const r = draai('--apply');
    expect(r.code).toBe(2);
    expect(r.fout).toContain('Gebruik: npm run import -- <bestand of map>');
    expect(draai('content/import/voorbeeld.csv', '--snel').fout).toContain('Onbekende optie: --snel');
  });

  it('reports first, writes only with --apply, and changes nothing the second time', () => {
    const proef = draai('content/import/voorbeeld.csv');
    expect(proef.code, proef.fout).toBe(0);
    expect(proef.uit).toContain('Proefrun: er wordt niets opgeslagen.');
    expect(proef.uit).toContain('Nieuw: 5 ');
    expect(dump().organisatie).toEqual([]);

    const echt = draai('content/import/voorbeeld.csv', '--apply');
    expect(echt.code, echt.uit).toBe(0);
    expect(echt.uit).toContain('Opgeslagen, in één keer: 5 nieuw, 0 bijgewerkt.');
    const na = dump();
    expect((na.organisatie as { status: string }[]).map((o) => o.status)).toEqual(['concept', 'concept']);

    const nogmaals = draai('content/import/voorbeeld.csv', '--apply');
    expect(nogmaals.uit).toContain('Nieuw: 0   Bijwerken: 0   Ongewijzigd: 5');
    expect(dump()).toEqual(na);
  });

  it('exits with 1 and writes nothing when there is a problem', () => {
    const voor = dump();
    const fout = path.join(dir, 'fout.csv');
    writeFileSync(
      fout,
      readFileSync('content/import/voorbeeld.csv', 'utf8').replace(
        ';Kloosterhaar;;gezond-en-bewegen;',
        ';Ootmarsum;;gezond-en-bewegen;',
      ),
    );
    const r = draai(fout, '--apply', '--publish');
    expect(r.code).toBe(1);
    expect(r.uit).toMatch(/fout\.csv:5:kern: Onbekende kern "Ootmarsum"/);
    expect(r.uit).toContain('Er is niets opgeslagen: er is 1 probleem.');
    expect(dump()).toEqual(voor);
  });

  it('refuses a 10 MB file with the limit', () => {
    const groot = path.join(dir, 'groot.csv');
    writeFileSync(groot, `type;naam\r\n${'activiteit;Koffieochtend\r\n'.repeat(420_000)}`);
    const r = draai(groot, '--apply');
    expect(r.code).toBe(1);
    expect(r.uit).toMatch(/groot\.csv: De invoer is 10,\d MB; de grens is 5 MB\./);
  });
});
