import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** Searching a release's files, for the test that signals never end up in it. */

/** Every file's text, decompressed: .br and .gz copies and Pagefind's gzipped .pf_* files. */
function tekstVan(bestand: string): string {
  const ruw = readFileSync(bestand);
  if (bestand.endsWith('.br')) return brotliDecompressSync(ruw).toString('utf8');
  if (ruw[0] === 0x1f && ruw[1] === 0x8b) return gunzipSync(ruw).toString('utf8');
  return ruw.toString('utf8');
}

/** Files of a release (relative paths) in which the text occurs. */
export function bestandenMet(release: string, tekst: string): string[] {
  return readdirSync(release, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((b) => tekstVan(b).includes(tekst))
    .map((b) => path.relative(release, b));
}
