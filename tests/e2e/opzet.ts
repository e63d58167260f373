import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { vrijePoort } from '../../scripts/bench/context.ts';

/**
 * Starts the real thing once for all browser tests: `npm start` against a fresh database in a
 * temporary folder, which seeds the demo data, builds the portal and a release, and serves them.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    serverPid: number;
  }
}

export function testOmgeving(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_PATH: path.join(dataDir, 'sociale-kaart.sqlite'),
    RELEASES_DIR: path.join(dataDir, 'releases'),
    OUTBOX_DIR: path.join(dataDir, 'outbox'),
    NODE_ENV: 'production',
    // Many test people log in from 127.0.0.1; the limits themselves are unit-tested.
    SK_LOGIN_LIMIET_IP: '1000',
    SK_LOGIN_LIMIET_EMAIL: '100',
    // Lets a test pause a build step and kill exactly it (tests/e2e/bouwhaak.ts).
    SK_TEST_BOUW_HAAK: path.join(dataDir, 'bouwhaak'),
    // A connected partner agenda is served by the test itself, on 127.0.0.1 (agenda-koppelen.test.ts).
    SK_AGENDA_LOKAAL: '1',
  };
}

export function wachtOpServer(kind: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let uitvoer = '';
    const timer = setTimeout(() => reject(new Error(`Server startte niet binnen ${timeoutMs / 1000} s:\n${uitvoer}`)), timeoutMs);
    const lees = (chunk: Buffer) => {
      uitvoer += chunk.toString();
      if (uitvoer.includes('draait op')) {
        clearTimeout(timer);
        resolve();
      }
    };
    kind.stdout?.on('data', lees);
    kind.stderr?.on('data', lees);
    kind.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server stopte met code ${code}:\n${uitvoer}`));
    });
  });
}

/**
 * `npm start` in its own process against the database and releases in `dataDir`, on a free port.
 * `env` adds to the test environment, e.g. SK_CONTENT for another gemeente's configuration.
 */
export async function startKaart(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ kind: ChildProcess; baseUrl: string }> {
  const port = await vrijePoort();
  const kind = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: process.cwd(),
    env: { ...testOmgeving(dataDir), ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // What the server says (a failed agenda fetch, a publish) ends up beside the screenshots, for a failed run.
  mkdirSync('test-results', { recursive: true });
  const log = createWriteStream(path.join('test-results', `server-${port}.log`));
  kind.stdout?.pipe(log, { end: false });
  kind.stderr?.pipe(log, { end: false });
  await wachtOpServer(kind, 600_000);
  return { kind, baseUrl: `http://127.0.0.1:${port}` };
}

/** Stops the server and removes its data. */
export async function stopKaart(kind: ChildProcess, dataDir: string): Promise<void> {
  kind.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  rmSync(dataDir, { recursive: true, force: true });
}

export default async function opzet(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sk-e2e-'));
  const { kind, baseUrl } = await startKaart(dataDir);
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('serverPid', kind.pid!);
  return () => stopKaart(kind, dataDir);
}
