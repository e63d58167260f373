import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { groepsleden, leeft } from './processen.ts';

/** The preload of every build step, with real processes: a "server" that starts a step and is killed. */

const WAAKHOND = fileURLToPath(new URL('./waakhond.mjs', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-waakhond-'));
const gestart: ChildProcess[] = [];
afterAll(() => {
  for (const k of gestart) k.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A server stand-in: starts one step as bouwen.ts does (own group, the watchdog preloaded) and prints its PID. */
function server(env: NodeJS.ProcessEnv = {}): Promise<{ server: ChildProcess; stap: number }> {
  const code = `
    const { spawn } = require('node:child_process');
    const stap = spawn(process.execPath, ['--import', ${JSON.stringify(WAAKHOND)}, '-e', 'setInterval(() => {}, 1e9)'],
      { detached: true, stdio: 'ignore', env: { ...process.env, SK_BOUW_STAP: 'astro', SK_BOUW_OUDER: String(process.pid) } });
    console.log(stap.pid);
    setInterval(() => {}, 1e9);`;
  const s = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  gestart.push(s);
  return new Promise((klaar) => s.stdout!.once('data', (b: Buffer) => klaar({ server: s, stap: Number(b.toString()) })));
}

/** Resolves when the paused step wrote its PID (fs.watch: no polling). */
function pidVan(haak: string): Promise<number> {
  const bestand = path.join(haak, 'astro.pid');
  return new Promise((klaar) => {
    const kijk = () => {
      if (!existsSync(bestand) || !readFileSync(bestand, 'utf8')) return false;
      kijker.close();
      klaar(Number(readFileSync(bestand, 'utf8')));
      return true;
    };
    const kijker = watch(haak, kijk);
    kijk();
  });
}

/** Waits (bounded) until a process has ended: it is not ours, so there is no exit event to wait for. */
async function totGestopt(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && leeft(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !leeft(pid);
}

describe('the build step watchdog', () => {
  it('takes the step down when the server is killed with SIGKILL while the step runs', async () => {
    const haak = mkdtempSync(path.join(dir, 'loopt-'));
    writeFileSync(path.join(haak, 'pauzeer'), 'astro');
    const { server: s, stap } = await server({ SK_TEST_BOUW_HAAK: haak });
    // The step has loaded the watchdog and waits in the hook: it is running now.
    await pidVan(haak);
    expect(leeft(stap)).toBe(true);
    s.kill('SIGKILL');
    expect(await totGestopt(stap)).toBe(true);
    expect(groepsleden(stap)).toEqual([]);
  });

  it('takes the step down also when the server died before the step had started', async () => {
    const { server: s, stap } = await server();
    s.kill('SIGKILL');
    expect(await totGestopt(stap)).toBe(true);
  });

  it('pauses a step for a test and lets it go on a signal file', async () => {
    const haak = mkdtempSync(path.join(dir, 'haak-'));
    writeFileSync(path.join(haak, 'pauzeer'), 'astro');
    const stap = spawn(process.execPath, ['--import', WAAKHOND, '-e', 'console.log("verder")'], {
      env: { ...process.env, SK_TEST_BOUW_HAAK: haak, SK_BOUW_STAP: 'astro' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    gestart.push(stap);
    let uitvoer = '';
    stap.stdout!.on('data', (b: Buffer) => {
      uitvoer += b.toString();
    });
    expect(await pidVan(haak)).toBe(stap.pid);
    expect(uitvoer).toBe('');
    const klaar = new Promise((r) => stap.once('exit', r));
    writeFileSync(path.join(haak, 'door'), '');
    expect(await klaar).toBe(0);
    expect(uitvoer).toBe('verder\n');
  });
});
