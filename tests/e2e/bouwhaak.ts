import { existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The test-only hook of the build (SK_TEST_BOUW_HAAK, see src/lib/release/waakhond.mjs): a
 * test asks the next build to stop at the start of a step, gets that step's PID, and acts
 * exactly while the step runs. No process search, no waiting for a moment to pass.
 */

export function bouwHaak(dataDir: string) {
  const dir = path.join(dataDir, 'bouwhaak');
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    /** The next build pauses at the start of this step. */
    pauzeer(stap: 'astro' | 'pagefind' | 'csp' | 'render') {
      rmSync(path.join(dir, 'door'), { force: true });
      rmSync(path.join(dir, `${stap}.pid`), { force: true });
      writeFileSync(path.join(dir, 'pauzeer'), stap);
    },
    /** Resolves with the PID of the paused step, as soon as it wrote it. */
    async pid(stap: string): Promise<number> {
      const bestand = path.join(dir, `${stap}.pid`);
      await new Promise<void>((klaar) => {
        const kijker = watch(dir, () => {
          if (existsSync(bestand) && readFileSync(bestand, 'utf8')) {
            kijker.close();
            klaar();
          }
        });
        if (existsSync(bestand) && readFileSync(bestand, 'utf8')) {
          kijker.close();
          klaar();
        }
      });
      rmSync(path.join(dir, 'pauzeer'), { force: true });
      return Number(readFileSync(bestand, 'utf8'));
    },
    /** Lets a paused step go on, and no later build pause. */
    laatDoor() {
      rmSync(path.join(dir, 'pauzeer'), { force: true });
      writeFileSync(path.join(dir, 'door'), '');
    },
  };
}
