import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRIMEERBAAR = /\.(html|css|js|mjs|json|geojson|svg|xml|csv|txt|webmanifest)$/;
/** Below this size compression costs more than it saves (headers, CPU). */
const MINIMAAL = 512;

/**
 * Writes .br and .gz next to every text file once per release, so the server sends compressed
 * files without compressing on every request.
 */
export function comprimeerRelease(dir: string): { bestanden: number } {
  let bestanden = 0;
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile() || !COMPRIMEERBAAR.test(d.name)) continue;
    const pad = path.join(d.parentPath, d.name);
    const inhoud = readFileSync(pad);
    if (inhoud.length < MINIMAAL) continue;
    writeFileSync(`${pad}.gz`, gzipSync(inhoud, { level: 9 }));
    writeFileSync(
      `${pad}.br`,
      brotliCompressSync(inhoud, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: inhoud.length },
      }),
    );
    bestanden++;
  }
  return { bestanden };
}
