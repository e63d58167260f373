import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { inject } from 'vitest';
import type { Pagina } from './browser.ts';
import { basis, neemPublicatieSlot, testDb } from './portaal-hulp.ts';

/** Publishing and searching the live release, for the test that signals never end up in it. */

const liveId = async () => ((await (await fetch(`${basis}/release.json`)).json()) as { id: string }).id;

/**
 * "Nu opnieuw publiceren" as the beheerder, until a build requested after this moment is live.
 * Another test file kills a build on purpose, so a failed build is simply asked for again.
 */
export async function publiceerOpnieuw(beheerder: Pagina): Promise<string> {
  // Other test files publish too (and one kills a build on purpose): take turns.
  const geefVrij = await neemPublicatieSlot();
  const db = testDb();
  try {
    for (let poging = 0; poging < 3; poging++) {
      const voor = await liveId();
      const vanaf = db.$client.prepare('select coalesce(max(id), 0) as id from publicatie').get() as { id: number };
      await beheerder.goto(`${basis}/partners/beheer/publicaties/`);
      await beheerder.getByRole('button', { name: 'Nu opnieuw publiceren' }).click();
      for (let i = 0; i < 2400; i++) {
        await new Promise((r) => setTimeout(r, 250));
        const open = db.$client.prepare("select count(*) as n from publicatie where id > ? and status in ('wacht', 'bezig')").get(vanaf.id) as { n: number };
        const klaar = db.$client.prepare("select count(*) as n from publicatie where id > ? and status = 'klaar'").get(vanaf.id) as { n: number };
        if (open.n === 0) {
          if (klaar.n > 0 && (await liveId()) !== voor) return realpathSync(path.join(inject('dataDir'), 'releases', 'current'));
          break;
        }
      }
    }
    throw new Error('Publiceren lukte drie keer niet');
  } finally {
    db.$client.close();
    await geefVrij();
  }
}

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
