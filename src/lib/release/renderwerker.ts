import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../config/load.ts';
import { NODE_GEHEUGEN } from './geheugen.ts';

/**
 * The resident render process (render-stap.ts), seen from the process that publishes. It is
 * started on the first render job and kept while jobs come: a publish then costs only the pages
 * it renders. It runs in its own process group under the watchdog like every build step, so a
 * crash or a kill fails that publish only (the live release stays) and the next job starts a
 * new one. It stops after a quiet spell, or when a job asks for another renderer.
 */

export type RenderOpdracht = {
  /**
   * 'volledig': render every path (a full build, after Astro bundled the site); 'incrementeel': a
   * publish from the live release; 'opwarmen': only load the renderer and every route's code (after a server start).
   */
  modus: 'volledig' | 'incrementeel' | 'opwarmen';
  renderer: string;
  doel: string;
  live?: string;
  /** Leave the open-data files as they are in the live release, for a follow-up publish. */
  naleveren?: boolean;
};

export type RenderUitkomst = { paden: number; gerenderd: string[]; verwijderd: number; uitgesteld: number };

/** A job with the environment it needs: this publish's snapshot, moment and configuration. */
export type WerkerOpdracht = { opdracht: RenderOpdracht; env: Record<string, string | undefined> };
export type WerkerAntwoord =
  | { ok: true; uitkomst: RenderUitkomst }
  | { ok: false; fout: string }
  /**
   * Sent during a job: every page (HTML) it renders is in place, the other files follow. `alle`:
   * every page of the new release (a publish knows them; at 20,000 pages reading the release
   * folder for them takes a second each time).
   */
  | { paginas: string[]; alle?: string[] }
  /** Sent during a full build's job: these pages are written (their compression can start). */
  | { geschreven: string[] };

/** Variables that differ per publish; the rest of the environment is the one it started with. */
const PER_PUBLICATIE = ['DATABASE_PATH', 'SK_OUT', 'SK_BUILD_TIME', 'GEMEENTE_CONFIG'] as const;
const RUST_MS = Number(process.env.SK_RENDER_RUST_MS) || 15 * 60_000;
const WAAKHOND = fileURLToPath(new URL('./waakhond.mjs', import.meta.url));
const RENDER_STAP = fileURLToPath(new URL('./render-stap.ts', import.meta.url));

export class RenderFout extends Error {}

type Werker = { kind: ChildProcess; renderer: string; rust?: NodeJS.Timeout };
let werker: Werker | undefined;

function start(renderer: string, env: NodeJS.ProcessEnv): Werker {
  // --expose-gc for the soft heap limit of a long job (geheugen.ts); the young generation at the
  // size it had before Node 24, which lets it grow to 128 MB on a machine with much memory.
  const kind = spawn(process.execPath, ['--expose-gc', ...NODE_GEHEUGEN, '--import', WAAKHOND, '--import', 'tsx', RENDER_STAP], {
    cwd: projectRoot(),
    // Its own name, so the test hook pauses its jobs ('render'), not its start.
    env: { ...env, SK_BOUW_STAP: 'render-werker', SK_BOUW_OUDER: String(process.pid) },
    // Errors go to the server's log; a job's failure comes back as a message.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const w: Werker = { kind, renderer };
  kind.on('exit', () => {
    if (werker === w) werker = undefined;
  });
  return w;
}

/** Between jobs the process keeps nobody waiting: a command-line build exits, the watchdog ends it. */
function rust(w: Werker, rustig: boolean) {
  if (rustig) {
    w.kind.unref();
    w.kind.channel?.unref();
    w.rust = setTimeout(() => stopRenderWerker(), RUST_MS).unref();
  } else {
    clearTimeout(w.rust);
    w.kind.ref();
    w.kind.channel?.ref();
  }
}

export type Meldingen = {
  /** The process group, as soon as it is known (the build lock records it, so a server that dies mid-publish leaves nothing running). */
  pid: (pid: number) => void;
  /** Every HTML page is written (incremental jobs): search can be indexed while the rest is rendered. */
  paginasKlaar?: (paginas: string[], alle?: string[]) => void;
  /** Some pages are written (full builds): compressing them can begin while the rest renders. */
  geschreven?: (bestanden: string[]) => void;
};

/** Runs one render job. */
export function render(opdracht: RenderOpdracht, env: NodeJS.ProcessEnv, meldingen: Meldingen): Promise<RenderUitkomst> {
  // One job at a time: a warm-up runs outside the build lock.
  const beurt = rij.then(() => eenJob(opdracht, env, meldingen));
  rij = beurt.then(
    () => undefined,
    () => undefined,
  );
  return beurt;
}
let rij: Promise<void> = Promise.resolve();

function eenJob(
  opdracht: RenderOpdracht,
  env: NodeJS.ProcessEnv,
  { pid, paginasKlaar, geschreven }: Meldingen,
): Promise<RenderUitkomst> {
  if (werker && werker.renderer !== opdracht.renderer) stopRenderWerker();
  werker ??= start(opdracht.renderer, env);
  const w = werker;
  rust(w, false);
  if (w.kind.pid) pid(w.kind.pid);
  return new Promise<RenderUitkomst>((resolve, reject) => {
    const klaar = (antwoord: WerkerAntwoord) => {
      if ('geschreven' in antwoord) {
        geschreven?.(antwoord.geschreven);
        return;
      }
      if ('paginas' in antwoord) {
        paginasKlaar?.(antwoord.paginas, antwoord.alle);
        return;
      }
      w.kind.off('message', klaar);
      w.kind.off('exit', weg);
      if (antwoord.ok) {
        rust(w, true);
        resolve(antwoord.uitkomst);
        return;
      }
      // What failed may have left the process in a bad state: the next job starts afresh.
      stopRenderWerker();
      reject(new RenderFout(`render is mislukt:\n${antwoord.fout}`));
    };
    const weg = (code: number | null, signaal: NodeJS.Signals | null) => {
      w.kind.off('message', klaar);
      reject(new RenderFout(`render is mislukt (${signaal ?? `code ${code}`})`));
    };
    w.kind.on('message', klaar);
    w.kind.once('exit', weg);
    w.kind.send({ opdracht, env: Object.fromEntries(PER_PUBLICATIE.map((k) => [k, env[k]])) } satisfies WerkerOpdracht);
  });
}

/** Whether the resident render process runs (it may be busy). */
export function renderWerkerLoopt(): boolean {
  return werker !== undefined;
}

/** Stops the resident render process and its helpers, if it runs. */
export function stopRenderWerker(): void {
  const w = werker;
  werker = undefined;
  if (!w?.kind.pid) return;
  clearTimeout(w.rust);
  try {
    process.kill(-w.kind.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
