import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm start` with a wrong content/gemeente.yaml: the real script in its own process refuses to start. */

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-start-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const echt = readFileSync('content/gemeente.yaml', 'utf8');

describe('npm start with a malformed configuration', () => {
  it.each([
    ['an unclosed quote', echt.replace('naam: Twenterand', 'naam: "Twenterand'), /regel 5: Missing closing "quote/],
    [
      'a wrong value',
      echt.replace('centrum: { lat: 52.4605, lon: 6.5660 }', 'centrum: { lat: "noord", lon: 6.5660 }'),
      /regel 26, kernen\[1\]\.centrum\.lat: moet een getal zijn/,
    ],
  ])('stops with file, line and problem for %s, before touching anything', { timeout: 90_000 }, (naam, tekst, probleem) => {
    const sub = mkdtempSync(path.join(dir, 'x-'));
    const bestand = path.join(sub, 'gemeente.yaml');
    writeFileSync(bestand, tekst);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        GEMEENTE_CONFIG: bestand,
        DATABASE_PATH: path.join(sub, 'db.sqlite'),
        RELEASES_DIR: path.join(sub, 'releases'),
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, naam).toBe(1);
    expect(r.stderr).toContain(`De instellingen in ${path.relative(process.cwd(), bestand)} kloppen niet:`);
    expect(r.stderr).toMatch(probleem);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(sub, 'db.sqlite'))).toBe(false);
  });
});
