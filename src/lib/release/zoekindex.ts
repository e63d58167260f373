import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { projectRoot } from '../config/load.ts';
import { WOORDENLIJST_FILTER } from '../zoeken/delen.ts';
import { linker } from './linken.ts';

/**
 * The release's search index (Pagefind). A small site gets ONE index, made by Pagefind's command
 * line over the whole site, exactly as before. A large site is indexed in parts, one after another,
 * so Pagefind's memory stays that of one part (at 20,000 pages one index took 2.5 GB). The browser
 * merges the parts (src/scripts/pagefind.ts, Pagefind's mergeIndex) and sorts all results by score.
 *
 * A page's part follows from a hash of its path (an activity's: of its organisation's), not from
 * its kern or thema: every part is then a random sample of the site, so word frequencies and page
 * lengths (BM25) look like the whole and scores from different parts compare fairly. A publish re-indexes only the parts that hold a
 * changed, new or removed page; the other parts are hard-linked from the live release.
 *
 * Every part also indexes a hidden page with the words of the whole site (zoeken/woorden.json), the
 * woordenlijst. Without it a part that lacks a word searches the longest beginning of it that it
 * does have ("over" for "oversteken"; Pagefind has no option against it, see
 * https://github.com/Pagefind/pagefind/issues/780), and those pages, merged, rank above the page
 * with the word. The browser leaves the woordenlijst out of every result (src/scripts/pagefind.ts).
 * A part linked by a publish keeps the woordenlijst it was made with: delen.json names, per word
 * the site has gained since, the parts that do not know it, and the browser leaves those parts out
 * of a search for that word (no page in them can have it: they did not change).
 */

/** Pages per part above which the site is split; SK_ZOEKINDEX_DEEL overrides it (tests force splitting on the demo). */
export const PAGINAS_PER_DEEL = 2500;
/** Public: the parts the browser merges besides /pagefind/ itself (always written, so an older release's list is never used). */
export const DELEN_BESTAND = 'pagefind/delen.json';
/** Hidden (never served): which pages each part holds, to know which parts a publish must make anew. */
const VERSLAG_BESTAND = 'pagefind/.delen.json';
const STAP = fileURLToPath(new URL('./zoekindex-stap.ts', import.meta.url));

const verslagSchema = z.object({
  delen: z.array(z.array(z.string())).min(1),
  /** The woordenlijsten the parts were made with (a publish leaves a few different ones), and each part's. */
  lijsten: z.array(z.array(z.string())).default([]),
  lijstVan: z.array(z.number().int()).default([]),
});
type Verslag = z.infer<typeof verslagSchema>;

export type ZoekindexOpdracht = {
  doel: string;
  /** The live release, whose unchanged parts are linked (a publish). */
  vorige?: string;
  /** Files rendered anew (relative to doel); without this list every part is made anew. */
  gewijzigd?: string[];
  /** Every page of the release (paginasVan), when known; else the folder is read for them. */
  paginas?: string[];
};

export function paginasPerDeel(env: NodeJS.ProcessEnv = process.env): number {
  const r = z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .safeParse(env.SK_ZOEKINDEX_DEEL || undefined);
  return r.success ? r.data : PAGINAS_PER_DEEL;
}

/**
 * How many parts: a power of two, so the count (and with it every page's part) stays the same
 * while the site grows or shrinks a little, and a publish can keep the other parts. At least four:
 * part 0 is kept small (deelVan), so with two the other would hold nearly every page (at 5,000
 * pages one Pagefind of 4,700 pages and 800 MB).
 */
export function aantalDelen(paginas: number, perDeel = paginasPerDeel()): number {
  if (paginas <= perDeel) return 1;
  return Math.max(4, 2 ** Math.ceil(Math.log2(paginas / perDeel)));
}

/** A page of one organisation or activity; the rest (home, kernen, themas, lists) are few. */
const RECORDPAGINA = /^(organisaties|aanbod)\/[^/]+\/index\.html$/;

/**
 * One in this many of part 0's fair share of record pages goes to part 0; the rest spread evenly
 * over the other parts.
 */
const DEEL0_STEEKPROEF = 8;

/**
 * Which page's part an activity page shares: its organisation's (written by the render step before
 * the pages are reported, zoekindex reads it). An approval changes an activity and, mostly, its
 * organisation's page: in one part, a publish then indexes part 0 and that part, not two.
 */
export const GROEPEN_BESTAND = '.zoekgroepen.json';

export function zoekgroepen(activiteiten: { slug: string; organisatie: string }[]): Record<string, string> {
  return Object.fromEntries(activiteiten.map((a) => [`aanbod/${a.slug}/index.html`, `organisaties/${a.organisatie}/index.html`]));
}

function leesGroepen(doel: string): Record<string, string> {
  try {
    return z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(path.join(doel, GROEPEN_BESTAND), 'utf8')));
  } catch {
    return {}; // A release Astro rendered itself: every page its own group.
  }
}

const getal = (tekst: string) => createHash('sha256').update(tekst).digest().readUInt32BE(0);

/**
 * The part of a page: a stable hash, the same on every machine and in every release. The few
 * overview pages that almost every publish renders again (home, kern and thema pages, the lists)
 * all go in part 0, so a publish touches that part and the parts of the changed records only.
 * Part 0 is made small, so that re-indexing it on every publish is quick: besides the overview
 * pages it holds a random sample of the record pages (1 in 8 × parts, by the page's own path),
 * enough that its word statistics, and so its scores, are like the other parts'. At 20,000 pages
 * part 0 then takes about 1 s instead of 4 s. Another record page goes to the part of its `groep`
 * (an activity: its organisation's page), by a hash of that.
 */
export function deelVan(bestand: string, aantal: number, groep = bestand): number {
  if (!RECORDPAGINA.test(bestand) || aantal === 1) return 0;
  if (getal(bestand) % (DEEL0_STEEKPROEF * aantal) === 0) return 0;
  return 1 + (getal(groep) % (aantal - 1));
}

export function verdeel(paginas: string[], aantal: number, groepen: Record<string, string> = {}): string[][] {
  const delen: string[][] = Array.from({ length: aantal }, () => []);
  for (const p of paginas) delen[deelVan(p, aantal, groepen[p])].push(p);
  return delen;
}

/** Part 0 is Pagefind's usual /pagefind/ (the page loads its pagefind.js); the others sit beneath it. */
export function deelMap(deel: number): string {
  return deel === 0 ? 'pagefind' : `pagefind/deel-${deel}`;
}

/** The URL Pagefind's command line gives a page: without index.html, as the site links it. */
export function urlVan(bestand: string): string {
  return `/${bestand.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The HTML pages among a release's files (relative, with /), without hidden files and the index itself. */
export function paginasVan(bestanden: string[]): string[] {
  return bestanden
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !f.split('/').some((d) => d.startsWith('.')))
    .sort();
}

/** Every HTML page of the release, read from its folder (a publish is told them: ZoekindexOpdracht.paginas). */
export function htmlPaginas(doel: string): string[] {
  return paginasVan(readdirSync(doel, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')));
}

/**
 * One language for the whole site, so Dutch stemming applies everywhere ("schulden" finds
 * "schuld"); which parts of a page count is marked in the templates (data-pagefind-*).
 */
export function pagefindArgs(site: string): string[] {
  return [path.join(projectRoot(), 'node_modules/pagefind/lib/runner/bin.cjs'), ...pagefindOpties(site)];
}

function pagefindOpties(site: string): string[] {
  return ['--site', site, '--force-language', 'nl', '--silent'];
}

/** The Pagefind program for this machine, found as Pagefind's npm wrapper finds it. */
async function pagefindProgramma(): Promise<string> {
  const wrapper = path.join(projectRoot(), 'node_modules/pagefind/lib/resolveBinary.js');
  const { resolveBinaryPath } = (await import(pathToFileURL(wrapper).href)) as { resolveBinaryPath: (namen: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** Written anew, never through a link into the previous release. */
function schrijf(doel: string, bestand: string, inhoud: unknown) {
  const pad = path.join(doel, bestand);
  mkdirSync(path.dirname(pad), { recursive: true });
  rmSync(pad, { force: true });
  writeFileSync(pad, JSON.stringify(inhoud));
}

/**
 * The parts besides part 0 that hold pages (a tiny site split on purpose may leave one empty), and
 * per word the site gained since a part was made, the parts that do not know it.
 */
function schrijfDelen(doel: string, delen: number[], onbekend = new Map<string, number[]>()) {
  const lijst = { delen: delen.filter((d) => d > 0).map((d) => `/${deelMap(d)}/`) };
  schrijf(doel, DELEN_BESTAND, onbekend.size > 0 ? { ...lijst, onbekend: Object.fromEntries(onbekend) } : lijst);
}

/** Where the hidden page with the site's words sits in a part's folder while Pagefind indexes it. */
const WOORDENLIJST_PAGINA = '_woordenlijst/index.html';

/** The site's words, as the search page corrects against them; rendered before search indexes (render-stap.ts). */
export const WOORDEN_BESTAND = 'zoeken/woorden.json';

/** The site's words. Without them a part would search beginnings of words again: no index then. */
function siteWoorden(doel: string): string[] {
  const { woorden } = z
    .object({ woorden: z.array(z.string()) })
    .parse(JSON.parse(readFileSync(path.join(doel, WOORDEN_BESTAND), 'utf8')));
  return [...woorden].sort();
}

export function woordenlijstPagina(woorden: string[]): string {
  // Words are normalised (letters, digits, hyphens); escaped anyway, they end up in HTML.
  const tekst = woorden.join(' ').replace(/[<>&"]/g, ' ');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>woordenlijst</title></head><body><main data-pagefind-body><p>${tekst}</p><span data-pagefind-filter="${WOORDENLIJST_FILTER}" hidden>ja</span></main></body></html>`;
}

/** Per word of `woorden` that a part's list lacks, the parts that lack it (a Map: words are data, never keys of an object). */
export function onbekendeWoorden(woorden: string[], lijstVan: (string[] | undefined)[]): Map<string, number[]> {
  const onbekend = new Map<string, number[]>();
  for (const [deel, lijst] of lijstVan.entries()) {
    if (!lijst || lijst === woorden) continue;
    const kent = new Set(lijst);
    for (const w of woorden) if (!kent.has(w)) onbekend.set(w, [...(onbekend.get(w) ?? []), deel]);
  }
  return onbekend;
}

function heeftPaginas(doel: string, deel: number): boolean {
  if (!existsSync(path.join(doel, deelMap(deel), 'pagefind-entry.json'))) return false;
  const entry = JSON.parse(readFileSync(path.join(doel, deelMap(deel), 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).some((taal) => (taal.page_count ?? 0) > 0);
}

function leesVerslag(release: string): Verslag | undefined {
  try {
    return verslagSchema.parse(JSON.parse(readFileSync(path.join(release, VERSLAG_BESTAND), 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * The arguments of the build step (bouwen.ts `stap`) that indexes the release: Pagefind's command
 * line itself for one index (no extra process start on a small site's publish), else
 * zoekindex-stap.ts, which gets the opdracht through a file beside the release folder.
 */
export function zoekindexArgs(opdracht: ZoekindexOpdracht): string[] {
  if (aantalDelen((opdracht.paginas ?? htmlPaginas(opdracht.doel)).length) === 1) {
    schrijfDelen(opdracht.doel, []);
    return pagefindArgs(opdracht.doel);
  }
  const bestand = `${opdracht.doel}.zoekindex.json`;
  writeFileSync(bestand, JSON.stringify(opdracht));
  return ['--import', 'tsx', STAP, bestand];
}

/** The files of one part in a release: part 0 leaves out the other parts and the lists. */
function deelBestanden(release: string, deel: number): string[] {
  const map = path.join(release, deelMap(deel));
  return readdirSync(map, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.(br|gz)$/.test(d.name))
    .map((d) => path.relative(map, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((f) => deel !== 0 || !(f.startsWith('deel-') || f === 'delen.json' || f === '.delen.json'));
}

/** Links an unchanged part from the previous release (compression links its .br and .gz later). */
function linkDeel(vorige: string, doel: string, deel: number) {
  const link = linker();
  for (const f of deelBestanden(vorige, deel)) link(path.join(vorige, deelMap(deel), f), path.join(doel, deelMap(deel), f));
}

/** Where a part is written while the parts are made: part 0 in place, the others beside the release. */
function uitvoerMap(doel: string, deel: number): string {
  return deel === 0 ? path.join(doel, deelMap(0)) : `${doel}.uit-${deel}`;
}

/**
 * Indexes one part with Pagefind's command line, on a folder beside the release that holds hard
 * links to the part's pages only: at 20,000 pages it indexes a part of 2,500 in about 3 s, where
 * Pagefind's Node API (one file at a time over its service) took about 10 s.
 */
async function indexeerDeel(doel: string, deel: number, paginas: string[], woorden: string[], toezicht: Toezicht): Promise<void> {
  const start = performance.now();
  const map = `${doel}.deel-${deel}`;
  rmSync(map, { recursive: true, force: true });
  try {
    const link = linker();
    for (const p of paginas) link(path.join(doel, p), path.join(map, p));
    mkdirSync(path.join(map, path.dirname(WOORDENLIJST_PAGINA)), { recursive: true });
    writeFileSync(path.join(map, WOORDENLIJST_PAGINA), woordenlijstPagina(woorden));
    const args = [...pagefindOpties(map), '--output-path', uitvoerMap(doel, deel)];
    // Pagefind's own program, without its npm wrapper: one Node process (50 MB) less per part.
    const programma = await pagefindProgramma();
    const [code, signaal] = await new Promise<[number | null, NodeJS.Signals | null]>((klaar, fout) => {
      // Watched by the caller (a process group of its own, under the build lock), or in this step's group.
      const kind = spawn(programma, args, { stdio: 'inherit', detached: Boolean(toezicht.gestart) });
      toezicht.gestart?.(kind);
      kind.on('error', fout);
      kind.on('exit', (c, s) => klaar([c, s]));
    });
    if (code !== 0) throw new Error(`Pagefind is mislukt voor deel ${deel} (${signaal ?? `code ${code}`})`);
    (toezicht.log ?? console.log)(
      `Deel ${deel}: ${paginas.length} pagina's in ${((performance.now() - start) / 1000).toFixed(1)} s.`,
    );
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}

/**
 * Run from the publishing process itself (a large site's full build, bouwen.ts), it is told of
 * every Pagefind it starts, to record it under the build lock and measure its memory.
 */
export type Toezicht = { gestart?: (kind: ChildProcess) => void; log?: (regel: string) => void };

/**
 * Runs the jobs, at most `tegelijk` at once (two Pagefinds use both cores of a small server while
 * the render process finishes its feeds; each holds the memory of one part). Waits for every job
 * that started before it reports a failure: nothing may still write into a release being removed.
 */
async function metZoveel(tegelijk: number, jobs: (() => Promise<void>)[]): Promise<void> {
  let volgende = 0;
  let fout: unknown;
  const werker = async () => {
    while (volgende < jobs.length && fout === undefined) {
      try {
        await jobs[volgende++]();
      } catch (e) {
        fout ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(tegelijk, jobs.length) }, werker));
  if (fout !== undefined) throw fout;
}

function eenIndex(doel: string) {
  const r = spawnSync(process.execPath, pagefindArgs(doel), { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`Pagefind is mislukt (${r.signal ?? `code ${r.status}`})`);
}

/**
 * Indexes the release in `opdracht.doel` (runs in the build step's own process). With `vorige`
 * and `gewijzigd`, a part whose pages are the same as in `vorige` and none of them changed is
 * linked from there. Returns how many parts there are and how many were made anew.
 */
export async function maakZoekindex(
  doel: string,
  opties: Omit<ZoekindexOpdracht, 'doel'> = {},
  toezicht: Toezicht = {},
): Promise<{ delen: number; opnieuw: number }> {
  const paginas = opties.paginas ?? htmlPaginas(doel);
  const aantal = aantalDelen(paginas.length);
  if (aantal === 1) {
    eenIndex(doel);
    schrijfDelen(doel, []);
    return { delen: 1, opnieuw: 1 };
  }
  const delen = verdeel(paginas, aantal, leesGroepen(doel));
  const oud = opties.vorige && opties.gewijzigd ? leesVerslag(opties.vorige) : undefined;
  const gewijzigd = new Set(opties.gewijzigd);
  const zelfde = (deel: number, leden: string[]) =>
    oud?.delen.length === aantal &&
    oud.delen[deel].join('\n') === leden.join('\n') &&
    !leden.some((p) => gewijzigd.has(p)) &&
    existsSync(path.join(opties.vorige!, deelMap(deel), 'pagefind-entry.json'));
  // Pagefind's command line makes no index without pages (possible only on a tiny site split on purpose).
  const opnieuw = [...delen.keys()].filter((d) => delen[d].length > 0 && !zelfde(d, delen[d]));
  const woorden = siteWoorden(doel);
  for (const d of opnieuw) rmSync(uitvoerMap(doel, d), { recursive: true, force: true });
  try {
    // A publish makes two parts at once, on both cores; a full build makes them one after another,
    // so its memory stays that of one part (bouwen.ts gives it the machine to itself then).
    await metZoveel(
      oud ? Math.min(2, os.availableParallelism()) : 1,
      opnieuw.map((d) => () => indexeerDeel(doel, d, delen[d], woorden, toezicht)),
    );
    // Into part 0's folder once it is in place: the parts made anew, and the others from the live release.
    mkdirSync(path.join(doel, deelMap(0)), { recursive: true });
    for (const [deel, leden] of delen.entries()) {
      if (leden.length === 0 || (deel === 0 && opnieuw.includes(0))) continue;
      if (!opnieuw.includes(deel)) linkDeel(opties.vorige!, doel, deel);
      else renameSync(uitvoerMap(doel, deel), path.join(doel, deelMap(deel)));
    }
  } finally {
    for (const d of opnieuw) if (d > 0) rmSync(uitvoerMap(doel, d), { recursive: true, force: true });
  }
  const metPaginas = delen.map((_, d) => d).filter((d) => heeftPaginas(doel, d));
  // Each part's woordenlijst: the site's words now if made anew, else the one it was made with.
  const lijstVan = delen.map((_, d) => (opnieuw.includes(d) ? woorden : oud?.lijsten[oud.lijstVan[d]]));
  // Stored once per different list: after a publish most parts share the list of the last full build.
  const sleutels = lijstVan.map((l) => l?.join(' '));
  const uniek = [...new Set(sleutels.filter((k) => k !== undefined))];
  schrijf(doel, VERSLAG_BESTAND, {
    delen,
    lijsten: uniek.map((k) => lijstVan[sleutels.indexOf(k)]!),
    lijstVan: sleutels.map((k) => (k === undefined ? -1 : uniek.indexOf(k))),
  } satisfies Verslag);
  schrijfDelen(
    doel,
    metPaginas,
    onbekendeWoorden(
      woorden,
      lijstVan.map((l, d) => (metPaginas.includes(d) ? l : undefined)),
    ),
  );
  return { delen: aantal, opnieuw: opnieuw.length };
}
