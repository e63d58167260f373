import { link, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const ontBrotli = promisify(brotliDecompress);
const ontGz = promisify(gunzip);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const COMPRIMEERBAAR = /\.(html|css|js|mjs|json|svg|xml|csv|txt|webmanifest|geojson)$/;
/** Below this size compression costs more than it saves (headers, CPU). */
const MINIMAAL = 512;

/**
 * Brotli quality by size. A page (11 KB) takes 5 ms at quality 10 and is 7 % smaller than at 5 to 9;
 * 11 saves 1 % more for three times the time. Quality 10's time grows faster than the file: a kern
 * page of 164 KB takes 77 ms at 10 and 3 ms at 6 for 9 % more bytes, the open-data files of the demo
 * (0.2 to 0.7 MB, made anew by every publish) 0.15 to 0.37 s each at 10 and 7 to 14 ms at 6 for
 * 5 % more. Above 64 KB quality 6 keeps a publish within its second; very large files take 5
 * (services.json, 2.2 MB: 50 ms instead of 1.7 s at 10, 16 % more bytes).
 */
export function brotliKwaliteit(bytes: number): number {
  if (bytes <= 64 * 1024) return 10;
  if (bytes <= 2 * 1024 * 1024) return 6;
  return 5;
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
 * Writes .br and .gz next to every text file once per release, so the server sends compressed
 * files without compressing on every request. Brotli at a quality by size (brotliKwaliteit): 7 %
 * smaller pages than the fast levels, for every visitor, at a cost paid once per build. Files unchanged since the
 * previous release reuse its compressed copies, so a publish only compresses what changed.
 * Asynchronous (zlib's thread pool), because the portal publishes from the live server process.
 */
export async function comprimeerRelease(
  dir: string,
  vorige?: string,
  /** Only these files (relative to dir): an incremental release links the compressed copies of the rest. */
  alleen?: string[],
): Promise<{ bestanden: number; hergebruikt: number }> {
  // Files whose name starts with a dot are the release's own records (CSP, paths): never served.
  const paden = (
    alleen
      ? alleen.filter((f) => COMPRIMEERBAAR.test(f)).map((f) => path.join(dir, f))
      : (await readdir(dir, { recursive: true, withFileTypes: true }))
          .filter((d) => d.isFile() && COMPRIMEERBAAR.test(d.name))
          .map((d) => path.join(d.parentPath, d.name))
  ).filter(
    (p) =>
      !path
        .relative(dir, p)
        .split(path.sep)
        .some((deel) => deel.startsWith('.')),
  );
  let bestanden = 0;
  let hergebruikt = 0;
  const werk = async (pad: string) => {
    const inhoud = await readFile(pad);
    if (inhoud.length < MINIMAAL) return;
    bestanden++;
    if (vorige) {
      const vorig = path.join(vorige, path.relative(dir, pad));
      const oud = await leesOfNiets(vorig);
      if (oud?.equals(inhoud) && (await hergebruik(vorig, pad, inhoud))) {
        hergebruikt++;
        return;
      }
    }
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: brotliKwaliteit(inhoud.length),
      [constants.BROTLI_PARAM_SIZE_HINT]: inhoud.length,
    };
    const [br, gzipt] = await Promise.all([brotli(inhoud, { params }), gz(inhoud, { level: 9 })]);
    await Promise.all([writeFile(`${pad}.br`, br), writeFile(`${pad}.gz`, gzipt)]);
  };
  // A few workers take the next file as soon as they are free, so one large file holds up no other.
  let volgende = 0;
  const werker = async () => {
    while (volgende < paden.length) await werk(paden[volgende++]);
  };
  await Promise.all(Array.from({ length: tegelijk }, werker));
  return { bestanden, hergebruikt };
}
