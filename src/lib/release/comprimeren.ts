import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRIMEERBAAR = /\.(html|css|js|mjs|json|geojson|svg|xml|csv|txt|webmanifest)$/;
/** Below this size compression costs more than it saves (headers, CPU). */
const MINIMAAL = 512;

/**
 * Writes .br and .gz next to every text file once per release, so the server sends compressed
 * files without compressing on every request. Asynchronous (zlib's thread pool), because the
 * portal publishes from the live server process, whose event loop must keep answering.
 */
export async function comprimeerRelease(dir: string): Promise<{ bestanden: number }> {
  const paden = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && COMPRIMEERBAAR.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
  let bestanden = 0;
  const werk = async (pad: string) => {
    const inhoud = await readFile(pad);
    if (inhoud.length < MINIMAAL) return;
    const params = { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: inhoud.length };
    const [br, gzipt] = await Promise.all([brotli(inhoud, { params }), gz(inhoud, { level: 9 })]);
    await Promise.all([writeFile(`${pad}.br`, br), writeFile(`${pad}.gz`, gzipt)]);
    bestanden++;
  };
  // Two at a time: enough to use both cores, without starving the requests being served.
  for (let i = 0; i < paden.length; i += 2) await Promise.all(paden.slice(i, i + 2).map(werk));
  return { bestanden };
}
