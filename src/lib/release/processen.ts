import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Processes as Linux shows them in /proc. A PID alone does not name a process: after a crash
 * the number may belong to someone else. PID plus start time does.
 */

export type ProcesInfo = { staat: string; groep: number; start: string };

/** State, process group and start time (clock ticks since boot), or undefined when gone. */
export function procesInfo(pid: number): ProcesInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and brackets: count from the last ')'.
    const velden = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { staat: velden[0], groep: Number(velden[2]), start: velden[19] };
  } catch {
    return undefined;
  }
}

/** Running (a zombie has ended; it only waits to be reaped). */
export function leeft(pid: number): boolean {
  const info = procesInfo(pid);
  if (info) return info.staat !== 'Z' && info.staat !== 'X';
  if (existsSync('/proc/self/stat')) return false;
  // Without /proc (not Linux): ask the kernel.
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** This very process, still: same PID and same start time. */
export function isZelfdeProces(pid: number, start: string | undefined): boolean {
  if (!leeft(pid)) return false;
  return start === undefined || procesInfo(pid)?.start === start;
}

/** Running members of a process group. */
export function groepsleden(groep: number): number[] {
  let namen: string[];
  try {
    namen = readdirSync('/proc');
  } catch {
    return [];
  }
  return namen
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((pid) => {
      const info = procesInfo(pid);
      return info?.groep === groep && info.staat !== 'Z' && info.staat !== 'X';
    });
}

/**
 * Kills a build step's process group, unless its leader's PID now belongs to another process
 * (then the group is gone: Linux never hands out a PID still in use as a group id). True when
 * a signal was sent.
 */
export function doodGroep(groep: { pid: number; start?: string }): boolean {
  const info = procesInfo(groep.pid);
  if (info && groep.start !== undefined && info.start !== groep.start) return false;
  try {
    process.kill(-groep.pid, 'SIGKILL');
    return true;
  } catch {
    return false; // Already gone.
  }
}
