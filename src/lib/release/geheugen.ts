import v8 from 'node:v8';

/**
 * A soft limit on a long render job's heap. V8 lets the heap grow to a multiple of what is live
 * before it collects (on a machine with much memory up to gigabytes: at 20,000 pages the render
 * process reached 1.4 GB for some 400 MB live). A fixed --max-old-space-size would keep it small
 * but crash a larger site; this collects in full whenever the heap passes the limit, and raises the
 * limit when more stays live than it allows, so a larger site only costs memory, never a crash.
 * Needs `--expose-gc` (renderwerker.ts); without it, it does nothing.
 */
export function zachteGrens(
  basisMb: number,
  opties: { gebruikt?: () => number; gc?: (flavor: 'regular' | 'last-resort') => void } = {},
): { controleer(): void; geefTerug(): void; collecties: number } {
  const gebruikt = opties.gebruikt ?? (() => v8.getHeapStatistics().used_heap_size);
  const v8gc = (globalThis as { gc?: (opties: object) => void }).gc;
  const gc =
    'gc' in opties
      ? opties.gc
      : v8gc && ((flavor: 'regular' | 'last-resort') => v8gc({ type: 'major', execution: 'sync', flavor }));
  const basis = basisMb * 1024 * 1024;
  let grens = basis;
  let sindsTerug = 0;
  const staat = {
    collecties: 0,
    controleer() {
      if (!gc || gebruikt() < grens) return;
      // 'regular' during the job: the pages it frees stay pooled, and the job reuses them. A
      // 'last-resort' collection (several in a row, to hand them back) each time cost a quarter
      // of a 20,000-page build (24 s of 100).
      gc('regular');
      staat.collecties++;
      sindsTerug++;
      // Room for half the base above what stays live: a full collection per that much garbage.
      grens = Math.max(basis, gebruikt() + basis / 2);
    },
    /**
     * After a part of the job: hands the freed pages back to the system, if it collected since the
     * last time. After a regular collection Node 24's V8 keeps them pooled and resident (a process
     * with 4 MB live kept 450 MB).
     */
    geefTerug() {
      if (!gc || sindsTerug === 0) return;
      gc('last-resort');
      sindsTerug = 0;
      grens = Math.max(basis, gebruikt() + basis / 2);
    },
  };
  return staat;
}

/**
 * The render process's soft heap limit: at 20,000 pages some 200–400 MB stays live. 224 rather than
 * 256: with regular collections the pooled pages stay resident until the job hands them back, and
 * beside the publishing process compressing the pages that took a full build to 1,024–1,033 MB.
 */
export const ZACHTE_GRENS_MB = 224;

/**
 * Node flags of every build process. Node 24's V8 sizes the young generation by the machine's
 * memory (128 MB here, even for a process with 20 MB live); 16 MB semi-spaces, as before, cost
 * no measurable time (BENCHMARKS.md). `npm run build` starts its own process with them too (package.json).
 */
export const NODE_GEHEUGEN = ['--max-semi-space-size=16'];
