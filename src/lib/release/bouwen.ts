import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configProbleem, laatsteGoedeTekst, projectRoot } from '../config/load.ts';
import { databasePath } from '../db/client.ts';
import { comprimeerRelease } from './comprimeren.ts';
import { BouwSlot, SlotBezet } from './slot.ts';
import { astroBin, huidigeLink, huidigeRelease, releasesDir, teVerwijderen, type ReleaseInfo } from './paden.ts';

export class BouwFout extends Error {
  constructor(
    message: string,
    readonly uitvoer: string,
  ) {
    super(message);
    this.name = 'BouwFout';
  }
}

export type Log = (regel: string) => void;

const WAAKHOND = fileURLToPath(new URL('./waakhond.mjs', import.meta.url));
const CSP_STAP = fileURLToPath(new URL('./csp-stap.ts', import.meta.url));

/** The build running in this process, so stopping the server stops it too. */
let lopend: BouwSlot | undefined;
export function stopBouwen(): void {
  lopend?.stop();
}

/**
 * Resident memory of a process and all its descendants now, in MB (Linux; undefined elsewhere).
 * Sampled while a step runs: Pagefind's npm wrapper starts the real indexer as a child.
 */
function boomGeheugen(pid: number): number | undefined {
  try {
    const rss = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0) / 1024;
    const kinderen = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return kinderen.reduce((som, kind) => som + (boomGeheugen(kind) ?? 0), rss);
  } catch {
    return undefined;
  }
}

/**
 * Runs a build step in its own process, so a crash or a kill cannot take the server down.
 * Resolves with the step's peak memory in MB.
 */
export function stap(
  naam: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: Log,
  slot?: BouwSlot,
): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a failed step takes its helpers (esbuild, workers) down with it;
    // the watchdog takes the group down when the server dies, and the lock records it.
    const kind = spawn(process.execPath, ['--import', WAAKHOND, ...args], {
      cwd: projectRoot(),
      env: { ...env, SK_BOUW_STAP: naam, SK_BOUW_OUDER: String(process.pid) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (kind.pid) slot?.voegToe(kind.pid);
    let piek: number | undefined;
    const meter = setInterval(() => {
      const nu = boomGeheugen(kind.pid!);
      if (nu !== undefined) piek = Math.round(Math.max(piek ?? 0, nu));
    }, 200);
    let uitvoer = '';
    const lees = (chunk: Buffer) => {
      const tekst = chunk.toString();
      uitvoer = (uitvoer + tekst).slice(-20_000);
      for (const regel of tekst.split('\n')) if (regel.trim()) log(`[${naam}] ${regel}`);
    };
    kind.stdout.on('data', lees);
    kind.stderr.on('data', lees);
    kind.on('error', (e) => reject(new BouwFout(`${naam} kon niet starten: ${e.message}`, uitvoer)));
    // 'exit', not 'close': a killed step may leave a grandchild holding its output pipe open.
    kind.on('exit', (code, signaal) => {
      clearInterval(meter);
      if (kind.pid) slot?.verwijder(kind.pid);
      if (code === 0) {
        kind.once('close', () => resolve(piek));
        return;
      }
      try {
        process.kill(-kind.pid!, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
      reject(new BouwFout(`${naam} is mislukt (${signaal ?? `code ${code}`})`, uitvoer));
    });
  });
}

function tel(dir: string, eindigtOp: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith(eindigtOp))
    .length;
}

/** Removes old releases (see teVerwijderen) and left-over build folders. */
function ruimOp(dir: string, live: string) {
  const namen = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const gemaaktOp = (naam: string) => statSync(path.join(dir, naam)).mtimeMs;
  for (const naam of teVerwijderen(namen, path.basename(live), Date.now(), gemaaktOp)) {
    rmSync(path.join(dir, naam), { recursive: true, force: true });
  }
  for (const d of readdirSync(dir)) if (d.startsWith('.bouw-')) rmSync(path.join(dir, d), { recursive: true, force: true });
}

/**
 * One language for the whole site, so Dutch stemming applies everywhere ("schulden" finds
 * "schuld"); which parts of a page count is marked in the templates (data-pagefind-*).
 */
export function pagefindArgs(site: string): string[] {
  return [
    path.join(projectRoot(), 'node_modules/pagefind/lib/runner/bin.cjs'),
    '--site',
    site,
    '--force-language',
    'nl',
    '--silent',
  ];
}

/**
 * While the config file is wrong (changed while the server runs), a publish builds with the last
 * good configuration, as the portal does; the beheerder sees the problem in the portal.
 */
function laatsteGoedeConfig(dir: string): NodeJS.ProcessEnv {
  const tekst = configProbleem() ? laatsteGoedeTekst() : undefined;
  if (!tekst) return {};
  const pad = path.join(dir, '.gemeente-laatst-goed.yaml');
  writeFileSync(pad, tekst);
  return { GEMEENTE_CONFIG: pad };
}

function releaseId(): string {
  const nu = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*/, '');
  return `${nu}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Builds the public site from the database into a new release folder, indexes it for search,
 * and makes it live by swapping the `current` link. A failure anywhere leaves the previous
 * release live and untouched.
 */
export async function bouwRelease(opties: { log?: Log } = {}): Promise<ReleaseInfo> {
  const log = opties.log ?? ((r: string) => console.log(r));
  const dir = releasesDir();
  mkdirSync(dir, { recursive: true });
  let slot: BouwSlot;
  try {
    slot = await BouwSlot.neem(dir);
  } catch (e) {
    if (e instanceof SlotBezet) throw new BouwFout(e.message, '');
    throw e;
  }
  lopend = slot;
  try {
    const live = huidigeRelease();
    ruimOp(dir, live ?? '');
    const id = releaseId();
    const tijdelijk = path.join(dir, `.bouw-${id}`);
    const env = {
      ...process.env,
      SK_DOEL: 'publiek',
      SK_OUT: tijdelijk,
      DATABASE_PATH: databasePath(),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...laatsteGoedeConfig(dir),
    };
    const start = performance.now();
    const astroMb = await stap('astro', [astroBin(), 'build', '--silent'], env, log, slot);
    const gebouwd = performance.now();
    // Both only read the pages: the CSP hashes are found while Pagefind indexes (two cores).
    const [pagefindMb] = await Promise.all([
      stap('pagefind', pagefindArgs(tijdelijk), env, log, slot),
      stap('csp', ['--import', 'tsx', CSP_STAP, tijdelijk], env, log, slot),
    ]);
    await comprimeerRelease(tijdelijk, live);
    const klaar = performance.now();
    const info: ReleaseInfo = {
      id,
      gebouwdOp: new Date().toISOString(),
      paginas: tel(tijdelijk, '.html'),
      bouwSeconden: Math.round(gebouwd - start) / 1000,
      zoekindexSeconden: Math.round(klaar - gebouwd) / 1000,
      piekGeheugenMb: { astro: astroMb, pagefind: pagefindMb },
    };
    writeFileSync(path.join(tijdelijk, 'release.json'), JSON.stringify(info, null, 2));
    if (!existsSync(path.join(tijdelijk, 'index.html')))
      throw new BouwFout('De release is niet compleet: index.html ontbreekt.', '');
    const definitief = path.join(dir, id);
    renameSync(tijdelijk, definitief);
    const nieuweLink = path.join(dir, `.current-${id}`);
    symlinkSync(id, nieuweLink);
    renameSync(nieuweLink, huidigeLink());
    log(`Release ${id} staat live: ${info.paginas} pagina's in ${(info.bouwSeconden + info.zoekindexSeconden).toFixed(1)} s.`);
    return info;
  } finally {
    lopend = undefined;
    // A step still running when another failed goes too.
    slot.stop();
    slot.geefVrij();
  }
}
