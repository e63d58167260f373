import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { doodGroep, groepsleden, isZelfdeProces, leeft, procesInfo } from './processen.ts';

/**
 * One build at a time across processes. The lock names its owner by PID and start time (a PID
 * reused after a crash is someone else) and the process groups of the running build steps, so
 * whoever finds a dead owner's lock can kill what it left running.
 */

type Groep = { pid: number; start?: string };
type Inhoud = { pid: number; start?: string; groepen: Groep[] };

export class SlotBezet extends Error {}

const slotPad = (dir: string) => path.join(dir, '.bouw.lock');

function lees(dir: string): Inhoud | undefined {
  let tekst: string;
  try {
    tekst = readFileSync(slotPad(dir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const inhoud = JSON.parse(tekst) as Inhoud | number;
    // Before locks named their start time they held the bare PID.
    return typeof inhoud === 'number' ? { pid: inhoud, groepen: [] } : { ...inhoud, groepen: inhoud.groepen ?? [] };
  } catch {
    return { pid: 0, groepen: [] };
  }
}

function schrijf(dir: string, inhoud: Inhoud) {
  const tijdelijk = `${slotPad(dir)}.${process.pid}`;
  writeFileSync(tijdelijk, JSON.stringify(inhoud));
  renameSync(tijdelijk, slotPad(dir));
}

/** An old lock without start time is never this process's own: this process writes start times. */
const eigenaarLeeft = (inhoud: Inhoud) =>
  inhoud.start !== undefined ? isZelfdeProces(inhoud.pid, inhoud.start) : inhoud.pid !== process.pid && leeft(inhoud.pid);

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Kills the steps of a build whose owner died, and removes its lock. Returns how many groups it killed. */
export async function ruimRestenOp(dir: string): Promise<number> {
  const inhoud = lees(dir);
  if (!inhoud || eigenaarLeeft(inhoud)) return 0;
  const gedood = inhoud.groepen.filter((groep) => doodGroep(groep));
  // SIGKILL is delivered asynchronously: wait (briefly) until nothing of those groups runs.
  for (let i = 0; i < 100 && gedood.some((g) => groepsleden(g.pid).length > 0); i++) await wacht(50);
  rmSync(slotPad(dir), { force: true });
  return gedood.length;
}

export class BouwSlot {
  private readonly inhoud: Inhoud;
  private vrij = false;

  private constructor(private readonly dir: string) {
    this.inhoud = { pid: process.pid, start: procesInfo(process.pid)?.start, groepen: [] };
  }

  static async neem(dir: string): Promise<BouwSlot> {
    await ruimRestenOp(dir);
    const slot = new BouwSlot(dir);
    try {
      const fd = openSync(slotPad(dir), 'wx');
      writeSync(fd, JSON.stringify(slot.inhoud));
      closeSync(fd);
    } catch {
      throw new SlotBezet('Er wordt al een release gebouwd.');
    }
    return slot;
  }

  /**
   * Records a running step's process group, so it can be killed if this process dies. False once
   * the build has ended: a step started that late must be ended by its starter.
   */
  voegToe(pid: number): boolean {
    if (this.vrij) return false;
    this.inhoud.groepen.push({ pid, start: procesInfo(pid)?.start });
    schrijf(this.dir, this.inhoud);
    return true;
  }

  verwijder(pid: number): void {
    // A step killed after the build ended (another step failed) must not write the lock back.
    if (this.vrij) return;
    this.inhoud.groepen = this.inhoud.groepen.filter((g) => g.pid !== pid);
    schrijf(this.dir, this.inhoud);
  }

  /** Kills the running steps (the server is stopping). */
  stop(): void {
    for (const groep of this.inhoud.groepen) doodGroep(groep);
  }

  geefVrij(): void {
    this.vrij = true;
    rmSync(slotPad(this.dir), { force: true });
  }
}
