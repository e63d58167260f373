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
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { configProbleem, laatsteGoedeTekst, projectRoot } from '../config/load.ts';
import { databasePath, openDb } from '../db/client.ts';
import { lokaal } from '../rooster/kalender.ts';
import { comprimeerRelease } from './comprimeren.ts';
import { doodGroep } from './processen.ts';
import { BouwSlot, SlotBezet } from './slot.ts';
import { aantalDelen, maakZoekindex, paginasVan, zoekindexArgs } from './zoekindex.ts';
import { rendererBron } from './bron.ts';
import {
  astroBin,
  huidigeLink,
  huidigeRelease,
  ongebruikteRenderers,
  RELEASE_NAAM,
  releaseInfo,
  releasesDir,
  rendererDir,
  teVerwijderen,
  type ReleaseInfo,
} from './paden.ts';
import { NODE_GEHEUGEN } from './geheugen.ts';
import { leesKop } from './renderer.ts';
import {
  type Meldingen,
  RenderFout,
  render,
  type RenderOpdracht,
  type RenderUitkomst,
  stopRenderWerker,
} from './renderwerker.ts';

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
  stopRenderWerker();
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

/** Samples a process tree's memory until stopped; `piek` is the highest so far, in MB. */
function geheugenMeter(pid: () => number | undefined) {
  let piek: number | undefined;
  const meter = setInterval(() => {
    const p = pid();
    const nu = p === undefined ? undefined : boomGeheugen(p);
    if (nu !== undefined) piek = Math.round(Math.max(piek ?? 0, nu));
  }, 200);
  meter.unref();
  return {
    stop() {
      clearInterval(meter);
      return piek;
    },
  };
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
    const kind = spawn(process.execPath, [...NODE_GEHEUGEN, '--import', WAAKHOND, ...args], {
      cwd: projectRoot(),
      env: { ...env, SK_BOUW_STAP: naam, SK_BOUW_OUDER: String(process.pid) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (kind.pid) slot?.voegToe(kind.pid);
    const meter = geheugenMeter(() => kind.pid);
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
      const piek = meter.stop();
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

/** Left-over folders of a build that failed or was killed (none after a successful one). */
function ruimBouwrestenOp(dir: string) {
  for (const d of readdirSync(dir)) if (d.startsWith('.bouw-')) rmSync(path.join(dir, d), { recursive: true, force: true });
}

/**
 * Removes old releases (see teVerwijderen) and the renderers no release uses any more, once the new
 * release is live: at 20,000 pages removing one takes seconds, which no approval should wait for.
 * Asynchronous, so the server keeps answering meanwhile, and outside the build lock, so the next
 * publish does not wait for it either (opruimen). It never touches the live release, which the next
 * build links from, nor a renderer newer than it: a full build running meanwhile writes its own.
 */
async function ruimOudeReleasesOp(dir: string, live: string) {
  const namen = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const gemaaktOp = (naam: string) => statSync(path.join(dir, naam)).mtimeMs;
  for (const naam of teVerwijderen(namen, path.basename(live), Date.now(), gemaaktOp)) {
    await rm(path.join(dir, naam), { recursive: true, force: true });
  }
  const inGebruik = new Set(
    readdirSync(dir)
      .filter((naam) => RELEASE_NAAM.test(naam))
      .map((naam) => releaseInfo(path.join(dir, naam))?.renderer),
  );
  const renderers = path.join(dir, '.renderers');
  if (!existsSync(renderers)) return;
  for (const id of ongebruikteRenderers(readdirSync(renderers), inGebruik, path.basename(live))) {
    await rm(path.join(renderers, id), { recursive: true, force: true });
  }
}

/** Removals of old releases, one after another (a command-line build exits when they are done). */
let opruimen: Promise<void> = Promise.resolve();

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

/** A consistent copy of the database for one build: every step reads the same data. */
async function maakMomentopname(naar: string): Promise<void> {
  const db = openDb(databasePath());
  try {
    await db.$client.backup(naar);
  } finally {
    db.$client.close();
  }
}

/** The renderer the live release was made with, if it still matches the sources and configuration. */
function bruikbareRenderer(live: string | undefined, bron: string): string | undefined {
  const id = live ? releaseInfo(live)?.renderer : undefined;
  if (!id) return undefined;
  try {
    return leesKop(rendererDir(id)).bron === bron ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the live release's renderer in the resident render process, so the first publish after a
 * server start is as quick as the ones after it. Reads a snapshot of the database; writes nothing.
 */
export async function warmRendererOp(): Promise<void> {
  const live = huidigeRelease();
  const renderer = bruikbareRenderer(live, rendererBron());
  if (!renderer) return;
  const momentopname = path.join(releasesDir(), `.opwarmen-${process.pid}.sqlite`);
  await maakMomentopname(momentopname);
  try {
    const env = { ...process.env, SK_DOEL: 'publiek', DATABASE_PATH: momentopname, SK_BUILD_TIME: new Date().toISOString() };
    await render({ modus: 'opwarmen', renderer: rendererDir(renderer), doel: '' }, env, { pid: () => {} });
  } finally {
    rmSync(momentopname, { force: true });
  }
}

type Bouw = { dir: string; tijdelijk: string; live?: string; env: NodeJS.ProcessEnv; log: Log; slot: BouwSlot };
type Gebouwd = Omit<ReleaseInfo, 'id' | 'gebouwdOp' | 'paginas'> & { html: string[] };

/** Runs a job in the resident render process (renderwerker.ts) and returns its summary. */
async function renderStap(
  b: Bouw,
  opdracht: Omit<RenderOpdracht, 'doel'>,
  meldingen: Omit<Meldingen, 'pid'>,
): Promise<RenderUitkomst & { piekMb?: number }> {
  let pid: number | undefined;
  const metPid = (p: number) => {
    pid = p;
    b.slot.voegToe(p);
  };
  const meter = geheugenMeter(() => pid);
  try {
    const uitkomst = await render({ ...opdracht, doel: b.tijdelijk }, b.env, { ...meldingen, pid: metPid });
    return { ...uitkomst, piekMb: meter.stop() };
  } catch (e) {
    if (!(e instanceof RenderFout)) throw e;
    const [eerste, ...rest] = e.message.split('\n');
    throw new BouwFout(eerste.replace(/:$/, ''), rest.join('\n'));
  } finally {
    meter.stop();
    // Resident: it outlives this build, so the lock must not end it with the build.
    if (pid) b.slot.verwijder(pid);
  }
}

/** The files of a release's search index, relative to the release. */
function zoekindexBestanden(dir: string): string[] {
  return readdirSync(path.join(dir, 'pagefind'), { recursive: true }).map((f) => `pagefind/${f}`);
}

/** Every file of a release being built, relative to it, without its search index (being written meanwhile). */
function alleBestanden(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('pagefind/'));
}

/** `paginas`: every page of the release. */
type Verloop = { gerenderd?: RenderUitkomst; renderMb?: number; pagefindMb?: number; klaar: number; paginas: string[] };

/**
 * Renders a release with the kept renderer (opdracht), or takes the pages Astro rendered (none),
 * and indexes and compresses it. Compression starts as soon as pages are written (a full build
 * hears of them in batches, so the second core compresses while the first renders); search starts
 * once every page is written, while the render process renders the feeds and downloads, on a small
 * site and in a publish.
 * A large site's full build (a search index in parts) gives memory to one step at a time: search
 * indexes after rendering, once the render process has ended (it held 0.6–1.4 GB at 20,000 pages,
 * next to each Pagefind's 0.5 GB). `klaar` is the moment rendering ended.
 */
async function renderEnIndexeer(b: Bouw, opdracht: Omit<RenderOpdracht, 'doel'> | undefined): Promise<Verloop> {
  const volledig = opdracht?.modus !== 'incrementeel';
  const start = performance.now();
  const tijd = () => `${((performance.now() - start) / 1000).toFixed(1)} s`;
  let html: string[] | undefined;
  let alleHtml: string[] | undefined;
  let paginas: Promise<unknown> | undefined;
  // Pages are compressed batch after batch, in the order the render process wrote them.
  let compressie: Promise<unknown> = Promise.resolve();
  const gecomprimeerd = new Set<string>();
  const comprimeer = (bestanden: string[]) => {
    for (const f of bestanden) gecomprimeerd.add(f);
    compressie = compressie.then(() => comprimeerRelease(b.tijdelijk, b.live, bestanden));
    // Awaited through `paginas`, also when rendering fails.
    compressie.catch(() => {});
    return compressie;
  };
  let zoeken: Promise<[number | undefined, ...unknown[]]> | undefined;
  const zoek = (inDelen = false) => {
    const index = volledig
      ? { doel: b.tijdelijk, paginas: alleHtml }
      : { doel: b.tijdelijk, vorige: b.live, gewijzigd: html, paginas: alleHtml };
    zoeken = Promise.all([
      (inDelen ? zoekindexInDelen(b, alleHtml) : stap('pagefind', zoekindexArgs(index), b.env, b.log, b.slot)).then((mb) => {
        b.log(`[pagefind] klaar na ${tijd()}`);
        return mb;
      }),
      // The render process writes the CSP hashes of the pages it rendered; Astro does not.
      opdracht ? undefined : stap('csp', ['--import', 'tsx', CSP_STAP, b.tijdelijk], b.env, b.log, b.slot),
    ]);
    // Awaited below, also when rendering fails: never an unhandled rejection in the server.
    zoeken.catch(() => {});
  };
  const naRender = (h: string[]) => volledig && aantalDelen(h.length) > 1;
  const paginasKlaar = (h: string[], alle?: string[]) => {
    html = h;
    alleHtml = alle;
    b.log(`[render] ${h.length} pagina's geschreven na ${tijd()}`);
    paginas = comprimeer(h.filter((f) => !gecomprimeerd.has(f))).then(() => b.log(`[compressie] pagina's klaar na ${tijd()}`));
    paginas.catch(() => {});
    if (!naRender(h)) zoek();
  };
  let uitkomst: (RenderUitkomst & { piekMb?: number }) | undefined;
  try {
    uitkomst = opdracht ? await renderStap(b, opdracht, { paginasKlaar, geschreven: comprimeer }) : undefined;
  } catch (e) {
    // The failed release folder is removed by the next build: nothing may still write into it then.
    await Promise.allSettled([paginas, compressie, zoeken]);
    throw e;
  }
  const klaar = performance.now();
  if (uitkomst) b.log(`[render] ${uitkomst.gerenderd.length} bestanden klaar na ${tijd()}`);
  const geschreven = volledig ? alleBestanden(b.tijdelijk) : uitkomst!.gerenderd;
  // A full build reads its folder once, after rendering: Astro copied the public files into it.
  if (volledig) alleHtml = paginasVan(geschreven);
  if (!html)
    paginasKlaar(
      geschreven.filter((f) => f.endsWith('.html')),
      alleHtml,
    );
  if (!zoeken) {
    // Ended after its job; the next publish starts it again (the server warms it up, Publiceerder).
    stopRenderWerker();
    zoek(aantalDelen(alleHtml!.length) > 1);
  }
  const [, [pagefindMb]] = await Promise.all([
    paginas,
    zoeken!,
    comprimeerRelease(
      b.tijdelijk,
      b.live,
      geschreven.filter((f) => !f.endsWith('.html')),
    ),
  ]);
  await comprimeerRelease(b.tijdelijk, b.live, zoekindexBestanden(b.tijdelijk));
  // Told by the render process in a publish, so the folder of 20,000 pages is not read for them (a second).
  const alle = alleHtml ?? paginasVan(alleBestanden(b.tijdelijk));
  return { gerenderd: uitkomst, renderMb: uitkomst?.piekMb, pagefindMb, klaar, paginas: alle };
}

/**
 * A large site's full build indexes its parts from this process, each Pagefind under the build
 * lock as a step is: no Node process beside them (150 MB) while they use the memory. Resolves with
 * the largest Pagefind's peak memory in MB.
 */
async function zoekindexInDelen(b: Bouw, paginas?: string[]): Promise<number | undefined> {
  const start = performance.now();
  let piek: number | undefined;
  const { delen } = await maakZoekindex(
    b.tijdelijk,
    { paginas },
    {
      log: (regel) => b.log(`[pagefind] ${regel}`),
      gestart(kind) {
        const pid = kind.pid;
        if (!pid) return;
        // The build failed meanwhile (another step): nothing may still write into its folder.
        if (!b.slot.voegToe(pid)) doodGroep({ pid });
        const meter = geheugenMeter(() => pid);
        kind.once('exit', () => {
          piek = Math.max(piek ?? 0, meter.stop() ?? 0);
          b.slot.verwijder(pid);
        });
      },
    },
  ).catch((e: unknown) => {
    throw new BouwFout(e instanceof Error ? e.message : String(e), '');
  });
  b.log(`[pagefind] Zoekindex in ${delen} delen gemaakt in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
  return piek;
}

/**
 * A full build: Astro bundles the site and keeps its renderer, which renders every path in the
 * resident render process (renderer-bewaren.ts); the publishes after it use the same renderer.
 * If the renderer could not be kept, Astro renders the pages itself.
 */
async function volledig(b: Bouw, id: string, bron: string): Promise<Gebouwd> {
  const renderer = rendererDir(id);
  // SK_ASTRO_RENDERT=1: Astro renders every page itself and no renderer is kept, so every publish
  // builds in full. For a future Astro whose bundle cannot be kept, and to compare the two.
  const eigen = b.env.SK_ASTRO_RENDERT === '1';
  const env = eigen ? b.env : { ...b.env, SK_RENDERER: renderer, SK_RENDERER_BRON: bron };
  const start = performance.now();
  const astroMb = await stap('astro', [astroBin(), 'build', '--silent'], env, b.log, b.slot);
  const bewaard = !eigen && existsSync(path.join(renderer, 'kop.json'));
  const v = await renderEnIndexeer(b, bewaard ? { modus: 'volledig', renderer } : undefined);
  return {
    soort: 'volledig',
    renderer: bewaard ? id : undefined,
    bouwSeconden: Math.round(v.klaar - start) / 1000,
    zoekindexSeconden: Math.round(performance.now() - v.klaar) / 1000,
    piekGeheugenMb: { astro: astroMb, render: v.renderMb, pagefind: v.pagefindMb },
    html: v.paginas,
  };
}

/** From this many pages the open-data files may follow in a later publish (they take seconds there). */
const naleverenVanaf = () => Number(process.env.SK_NALEVEREN_VANAF) || 5000;

/** A release made from the live one: only the pages whose records changed are rendered again. */
async function incrementeel(b: Bouw, renderer: string, naleveren: boolean): Promise<Gebouwd> {
  const start = performance.now();
  const groot = (releaseInfo(b.live!)?.paginas ?? 0) >= naleverenVanaf();
  const v = await renderEnIndexeer(b, {
    modus: 'incrementeel',
    renderer: rendererDir(renderer),
    live: b.live,
    naleveren: naleveren && groot,
  });
  return {
    soort: 'incrementeel',
    renderer,
    gerenderd: v.gerenderd!.gerenderd.length,
    uitgesteld: v.gerenderd!.uitgesteld,
    bouwSeconden: Math.round(v.klaar - start) / 1000,
    zoekindexSeconden: Math.round(performance.now() - v.klaar) / 1000,
    piekGeheugenMb: { render: v.renderMb, pagefind: v.pagefindMb },
    html: v.paginas,
  };
}

/**
 * Builds the public site from the database into a new release folder, indexes it for search,
 * and makes it live by swapping the `current` link. A failure anywhere leaves the previous
 * release live and untouched.
 *
 * A publish re-renders only the pages whose records changed, with the renderer kept from the
 * last full build (incrementeel); a full build by Astro runs when asked (`volledig`), when there
 * is no live release or its renderer does not match the code, content or configuration.
 */
export async function bouwRelease(
  opties: {
    log?: Log;
    volledig?: boolean;
    /**
     * On a large site, leave the open-data files for a follow-up publish (info.uitgesteld says how
     * many): an approval is then live on its pages and in search in seconds.
     */
    naleveren?: boolean;
  } = {},
): Promise<ReleaseInfo> {
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
  const id = releaseId();
  const tijdelijk = path.join(dir, `.bouw-${id}`);
  const momentopname = `${tijdelijk}.sqlite`;
  const geheel = geheugenMeter(() => process.pid);
  try {
    const live = huidigeRelease();
    ruimBouwrestenOp(dir);
    await maakMomentopname(momentopname);
    const env = {
      ...process.env,
      SK_DOEL: 'publiek',
      SK_OUT: tijdelijk,
      DATABASE_PATH: momentopname,
      // One moment for every step, so "vandaag" and the next dates agree between pages.
      SK_BUILD_TIME: process.env.SK_BUILD_TIME ?? new Date().toISOString(),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...laatsteGoedeConfig(dir),
    };
    const b: Bouw = { dir, tijdelijk, live, env, log, slot };
    const bron = rendererBron();
    const renderer = opties.volledig ? undefined : bruikbareRenderer(live, bron);
    const { html, ...gebouwd } = renderer
      ? await incrementeel(b, renderer, opties.naleveren ?? false)
      : await volledig(b, id, bron);
    const info: ReleaseInfo = {
      id,
      gebouwdOp: new Date().toISOString(),
      datum: lokaal(new Date(env.SK_BUILD_TIME)).datum,
      paginas: html.length,
      ...gebouwd,
      piekGeheugenMb: { ...gebouwd.piekGeheugenMb, geheel: geheel.stop() },
    };
    writeFileSync(path.join(tijdelijk, 'release.json'), JSON.stringify(info, null, 2));
    if (!existsSync(path.join(tijdelijk, 'index.html')))
      throw new BouwFout('De release is niet compleet: index.html ontbreekt.', '');
    const definitief = path.join(dir, id);
    renameSync(tijdelijk, definitief);
    const nieuweLink = path.join(dir, `.current-${id}`);
    symlinkSync(id, nieuweLink);
    renameSync(nieuweLink, huidigeLink());
    const seconden = (info.bouwSeconden + info.zoekindexSeconden).toFixed(1);
    log(`Release ${id} staat live (${info.soort}): ${info.paginas} pagina's in ${seconden} s.`);
    // The release is live: a folder that cannot be removed now is tried again after the next build.
    opruimen = opruimen.then(() => ruimOudeReleasesOp(dir, definitief).catch((e) => log(`Oude releases opruimen mislukt: ${e}`)));
    return info;
  } finally {
    geheel.stop();
    lopend = undefined;
    rmSync(momentopname, { force: true });
    // A step still running when another failed goes too.
    slot.stop();
    slot.geefVrij();
  }
}
