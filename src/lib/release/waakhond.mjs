// Preloaded into every build step (`node --import`). A step runs in its own process group so a
// failure takes its helpers down with it; that also means a `kill -9` of the server would leave
// it running. When the server is gone (this process was handed to another parent), the step
// takes its whole group down.
import { existsSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';

// The server names itself: it may have died before this ran, and then process.ppid is already the new parent.
const ouder = Number(process.env.SK_BOUW_OUDER) || process.ppid;
const waak = () => {
  if (process.ppid === ouder) return;
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // Not a group leader (started by hand): at least this process goes.
    process.kill(process.pid, 'SIGKILL');
  }
};
waak();
setInterval(waak, 500).unref();

// Tests only: with SK_TEST_BOUW_HAAK set and a file `pauzeer` there naming this step, the step
// writes its PID to `<stap>.pid` and waits for a file `door`, so a test can act exactly during it.
// A one-off step pauses as it starts; the resident render process (render-stap.ts) at every job.
export async function pauzeerAlsGevraagd(stap) {
  const haak = process.env.SK_TEST_BOUW_HAAK;
  if (!haak || !stap || !existsSync(path.join(haak, 'pauzeer'))) return;
  if (readFileSync(path.join(haak, 'pauzeer'), 'utf8').trim() !== stap) return;
  await new Promise((verder) => {
    const kijker = watch(haak, () => {
      if (existsSync(path.join(haak, 'door'))) {
        kijker.close();
        verder(undefined);
      }
    });
    writeFileSync(path.join(haak, `${stap}.pid`), String(process.pid));
    if (existsSync(path.join(haak, 'door'))) {
      kijker.close();
      verder(undefined);
    }
  });
}

await pauzeerAlsGevraagd(process.env.SK_BOUW_STAP);
