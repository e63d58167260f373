import { createReadStream, createWriteStream } from 'node:fs';
import { link, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { PRIVE_BESTANDEN } from './paden.ts';
import {
  brotliCompress,
  brotliDecompress,
  constants,
  createBrotliCompress,
  createBrotliDecompress,
  createGunzip,
  createGzip,
  gunzip,
  gzip,
} from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const ontBrotli = promisify(brotliDecompress);
const ontGz = promisify(gunzip);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const COMPRIMEERBAAR = /\.(html|css|js|mjs|json|svg|xml|csv|txt|webmanifest|geojson)$/;
/** Below this size compression costs more than it saves (headers, CPU). */
const MINIMAAL = 512;

/**
 * Brotli quality by kind and size, measured on this site (BENCHMARKS.md):
 * - Hashed assets (`_astro/`: stylesheets, scripts) are compressed once and reused by every
 *   release after them (see hergebruik), and every visitor fetches them: 11, the smallest (the
 *   map script of 1.1 MB: 1.6 s once, 10 % smaller than at 6). Above 2 MB 6, so no single file
 *   holds a build up for long.
 * - Pages, feeds and open data are made anew by every build: 5. A page of 12 KB takes 0.4 ms there
 *   and 4.3 ms at 10, which makes it 7 % (240 bytes) smaller. At 20,000 pages that was 85 s of CPU
 *   in every full build, and 0.3 s of every publish on the demo: more than 240 bytes are worth.
 */
export function brotliKwaliteit(bestand: string, bytes: number): number {
  if (bestand.startsWith('_astro/')) return bytes <= 2 * 1024 * 1024 ? 11 : 6;
  return 5;
}

/**
 * Gzip (for the few clients without brotli): 9 for hashed assets, made once; 6 for what every build
 * makes anew. On a page of 12 KB, 6 takes 0.16 ms and 9 0.26 ms, for 3 bytes less.
 */
export function gzipNiveau(bestand: string): number {
  return bestand.startsWith('_astro/') ? 9 : 6;
}

/**
 * Files compressed at once. The live server publishes with two, enough to use both cores without
 * starving the requests being served; a build from the command line has the machine to itself.
 */
let tegelijk = 2;
export function comprimeerMetAlleKernen(): void {
  tegelijk = Math.max(2, os.availableParallelism()) * 2;
}

async function leesOfNiets(pad: string): Promise<Buffer | undefined> {
  try {
    return await readFile(pad);
  } catch {
    return undefined;
  }
}

/** Whether a compressed copy unpacks to exactly the plain file (a truncated or damaged one does not). */
async function klopt(gecomprimeerd: string, uitpakken: (b: Buffer) => Promise<Buffer>, hash: string): Promise<boolean> {
  try {
    return sha256(await uitpakken(await readFile(gecomprimeerd))) === hash;
  } catch {
    return false;
  }
}

/**
 * Links the compressed copies of an unchanged file from the previous release (no extra disk),
 * after checking that they still unpack to the plain file: a damaged copy is made anew, not
 * inherited by every later release.
 */
async function hergebruik(vorig: string, pad: string, inhoud: Buffer): Promise<boolean> {
  const hash = sha256(inhoud);
  if (!(await klopt(`${vorig}.br`, ontBrotli, hash)) || !(await klopt(`${vorig}.gz`, ontGz, hash))) return false;
  return linkKopieen(vorig, pad);
}

async function linkKopieen(vorig: string, pad: string): Promise<boolean> {
  try {
    await link(`${vorig}.br`, `${pad}.br`);
    await link(`${vorig}.gz`, `${pad}.gz`);
    return true;
  } catch {
    // Never write through a link into the previous release's copy.
    await Promise.all([rm(`${pad}.br`, { force: true }), rm(`${pad}.gz`, { force: true })]);
    return false;
  }
}

/**
 * From this size a file is compressed as a stream, one at a time: at 20,000 pages the open-data
 * files are up to 52 MB, and eight of them read and compressed at once took 300 MB.
 */
const GROOT = 1024 * 1024;

async function hashVan(pad: string, uitpakken?: () => Transform): Promise<string> {
  const hash = createHash('sha256');
  if (uitpakken) await pipeline(createReadStream(pad), uitpakken(), hash);
  else await pipeline(createReadStream(pad), hash);
  return hash.digest('hex');
}

/** klopt for a large file: unpacked as a stream. */
async function kloptStroom(gecomprimeerd: string, uitpakken: () => Transform, hash: string): Promise<boolean> {
  try {
    return (await hashVan(gecomprimeerd, uitpakken)) === hash;
  } catch {
    return false;
  }
}

/** A large file: compared, checked and compressed as streams, never whole in memory. */
async function werkGroot(
  pad: string,
  bestand: string,
  size: number,
  vorig: string | undefined,
  kwaliteit: number,
): Promise<'hergebruikt' | 'gemaakt'> {
  if (vorig) {
    const [hash, oud] = await Promise.all([hashVan(pad), hashVan(vorig).catch(() => undefined)]);
    const kopieenKloppen =
      hash === oud &&
      (await kloptStroom(`${vorig}.br`, createBrotliDecompress, hash)) &&
      (await kloptStroom(`${vorig}.gz`, createGunzip, hash));
    if (kopieenKloppen && (await linkKopieen(vorig, pad))) return 'hergebruikt';
  }
  const params = { [constants.BROTLI_PARAM_QUALITY]: kwaliteit, [constants.BROTLI_PARAM_SIZE_HINT]: size };
  await pipeline(createReadStream(pad), createBrotliCompress({ params }), createWriteStream(`${pad}.br`));
  await pipeline(createReadStream(pad), createGzip({ level: gzipNiveau(bestand) }), createWriteStream(`${pad}.gz`));
  return 'gemaakt';
}

/**
 * Whether a file of a release gets compressed copies: text, and not one of the release's own
 * records (a name starting with a dot: CSP, paths; PRIVE_BESTANDEN), which are never served.
 */
function comprimeerbaar(bestand: string): boolean {
  return (
    COMPRIMEERBAAR.test(bestand) && !bestand.split('/').some((deel) => deel.startsWith('.')) && !PRIVE_BESTANDEN.includes(bestand)
  );
}

/**
 * Writes .br and .gz of one file of release `dir` (at `pad`, its content in hand), or links them
 * from release `vorige` when the file is the same there.
 */
async function comprimeerInhoud(
  dir: string,
  pad: string,
  inhoud: Buffer,
  vorige?: string,
): Promise<'gemaakt' | 'hergebruikt' | 'niet'> {
  const bestand = path.relative(dir, pad).split(path.sep).join('/');
  if (!comprimeerbaar(bestand) || inhoud.length < MINIMAAL) return 'niet';
  if (vorige) {
    const vorig = path.join(vorige, bestand);
    const oud = await leesOfNiets(vorig);
    if (oud?.equals(inhoud) && (await hergebruik(vorig, pad, inhoud))) return 'hergebruikt';
  }
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: brotliKwaliteit(bestand, inhoud.length),
    [constants.BROTLI_PARAM_SIZE_HINT]: inhoud.length,
  };
  const [br, gzipt] = await Promise.all([brotli(inhoud, { params }), gz(inhoud, { level: gzipNiveau(bestand) })]);
  await Promise.all([writeFile(`${pad}.br`, br), writeFile(`${pad}.gz`, gzipt)]);
  return 'gemaakt';
}

/**
 * Writes .br and .gz next to every text file once per release, so the server sends compressed
 * files without compressing on every request, brotli at a quality by kind and size (brotliKwaliteit).
 * Files unchanged since the
 * previous release reuse its compressed copies, so a publish only compresses what changed.
 * Asynchronous (zlib's thread pool), because the portal publishes from the live server process.
 */
export async function comprimeerRelease(
  dir: string,
  vorige?: string,
  /** Only these files (relative to dir): an incremental release links the compressed copies of the rest. */
  alleen?: string[],
): Promise<{ bestanden: number; hergebruikt: number }> {
  const relatief = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const paden = (
    alleen
      ? alleen.map((f) => path.join(dir, f))
      : (await readdir(dir, { recursive: true, withFileTypes: true }))
          .filter((d) => d.isFile())
          .map((d) => path.join(d.parentPath, d.name))
  ).filter((p) => comprimeerbaar(relatief(p)));
  let bestanden = 0;
  let hergebruikt = 0;
  let grootRij: Promise<unknown> = Promise.resolve();
  const werk = async (pad: string) => {
    const { size } = await stat(pad);
    if (size >= GROOT) {
      bestanden++;
      const bestand = relatief(pad);
      const vorig = vorige ? path.join(vorige, bestand) : undefined;
      const kwaliteit = brotliKwaliteit(bestand, size);
      const beurt = grootRij.then(() => werkGroot(pad, bestand, size, vorig, kwaliteit));
      grootRij = beurt.catch(() => {});
      if ((await beurt) === 'hergebruikt') hergebruikt++;
      return;
    }
    const uitkomst = await comprimeerInhoud(dir, pad, await readFile(pad), vorige);
    if (uitkomst !== 'niet') bestanden++;
    if (uitkomst === 'hergebruikt') hergebruikt++;
  };
  // A few workers take the next file as soon as they are free, so one large file holds up no other.
  let volgende = 0;
  const werker = async () => {
    while (volgende < paden.length) await werk(paden[volgende++]);
  };
  await Promise.all(Array.from({ length: tegelijk }, werker));
  return { bestanden, hergebruikt };
}
