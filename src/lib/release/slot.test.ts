import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groepsleden, leeft, procesInfo } from './processen.ts';
import { BouwSlot, ruimRestenOp, SlotBezet } from './slot.ts';

/** Locks as a crashed server leaves them, with real processes in them. */

let dir: string;
const kinderen: ChildProcess[] = [];

/** A process that runs until killed, in its own group like a build step. */
function stap(): ChildProcess {
  const kind = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { detached: true, stdio: 'ignore' });
  kinderen.push(kind);
  return kind;
}

async function dodePid(): Promise<number> {
  const kind = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => kind.once('exit', r));
  return kind.pid!;
}

const schrijfSlot = (inhoud: unknown) => writeFileSync(path.join(dir, '.bouw.lock'), JSON.stringify(inhoud));

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sk-slot-'));
});
afterEach(() => {
  for (const k of kinderen.splice(0)) k.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the build lock', () => {
  it('kills the steps a dead server left running, then takes the lock', async () => {
    const wees = stap();
    const weg = new Promise((r) => wees.once('exit', (_c, s) => r(s)));
    schrijfSlot({ pid: await dodePid(), start: '1', groepen: [{ pid: wees.pid, start: procesInfo(wees.pid!)!.start }] });
    const slot = await BouwSlot.neem(dir);
    expect(await weg).toBe('SIGKILL');
    expect(groepsleden(wees.pid!)).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, '.bouw.lock'), 'utf8'))).toMatchObject({ pid: process.pid, groepen: [] });
    slot.geefVrij();
  });

  it('is not blocked by a reused PID: a living process with another start time', async () => {
    const ander = stap();
    schrijfSlot({ pid: ander.pid, start: 'een-ander-moment', groepen: [] });
    const slot = await BouwSlot.neem(dir);
    expect(leeft(ander.pid!)).toBe(true);
    slot.geefVrij();
  });

  it('never kills a group whose leader PID now names another process', async () => {
    const ander = stap();
    schrijfSlot({ pid: await dodePid(), start: '1', groepen: [{ pid: ander.pid, start: 'een-ander-moment' }] });
    expect(await ruimRestenOp(dir)).toBe(0);
    expect(leeft(ander.pid!)).toBe(true);
  });

  it('waits for a living owner: a second build is refused', async () => {
    const eigenaar = stap();
    schrijfSlot({ pid: eigenaar.pid, start: procesInfo(eigenaar.pid!)!.start, groepen: [] });
    await expect(BouwSlot.neem(dir)).rejects.toThrow(SlotBezet);
    expect(await ruimRestenOp(dir)).toBe(0);
  });

  it.each([
    ['an old lock with the bare PID of this process', () => String(process.pid)],
    ['a lock that is not JSON', () => '{"pid": 12'],
  ])('takes over %s', async (_soort, inhoud) => {
    writeFileSync(path.join(dir, '.bouw.lock'), inhoud());
    (await BouwSlot.neem(dir)).geefVrij();
  });

  it('records and forgets the groups of running steps', async () => {
    const slot = await BouwSlot.neem(dir);
    const s = stap();
    slot.voegToe(s.pid!);
    const lees = () => JSON.parse(readFileSync(path.join(dir, '.bouw.lock'), 'utf8')).groepen.map((g: { pid: number }) => g.pid);
    expect(lees()).toEqual([s.pid]);
    const weg = new Promise((r) => s.once('exit', r));
    slot.stop();
    await weg;
    slot.verwijder(s.pid!);
    expect(lees()).toEqual([]);
    slot.geefVrij();
  });

  it('is not written back by a step that ends after the build let go', async () => {
    const slot = await BouwSlot.neem(dir);
    const s = stap();
    slot.voegToe(s.pid!);
    slot.stop();
    slot.geefVrij();
    slot.verwijder(s.pid!);
    expect(existsSync(path.join(dir, '.bouw.lock'))).toBe(false);
    (await BouwSlot.neem(dir)).geefVrij();
  });

  it('refuses a step started after the build let go, so its starter ends it', async () => {
    const slot = await BouwSlot.neem(dir);
    const eerst = stap();
    expect(slot.voegToe(eerst.pid!)).toBe(true);
    slot.stop();
    slot.geefVrij();
    const laat = stap();
    expect(slot.voegToe(laat.pid!)).toBe(false);
    expect(existsSync(path.join(dir, '.bouw.lock'))).toBe(false);
    laat.kill('SIGKILL');
  });
});
