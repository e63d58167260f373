import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/load.ts';
import { stap, type Log } from './bouwen.ts';
import { astroBin, serverBuildDir } from './paden.ts';

/** Everything the server build is made from; a change means the portal must be rebuilt. */
function bronHash(root = projectRoot()): string {
  const hash = createHash('sha256').update(`PORTAAL_URL=${process.env.PORTAAL_URL ?? ''}`);
  const bestanden = ['astro.config.mjs', 'package-lock.json', 'content/gemeente.yaml'];
  for (const dir of ['src', 'db']) {
    for (const d of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (d.isFile()) bestanden.push(path.relative(root, path.join(d.parentPath, d.name)));
    }
  }
  for (const bestand of bestanden.sort()) {
    const pad = path.join(root, bestand);
    if (existsSync(pad)) hash.update(bestand).update(readFileSync(pad));
  }
  return hash.digest('hex');
}

const hashBestand = () => path.join(serverBuildDir(), '.bron-hash');

export function serverBuildActueel(): boolean {
  return (
    existsSync(hashBestand()) &&
    existsSync(path.join(serverBuildDir(), 'server/entry.mjs')) &&
    readFileSync(hashBestand(), 'utf8') === bronHash()
  );
}

/** Builds the on-demand portal into dist/server (not part of any release). */
export async function bouwServer(log: Log = console.log): Promise<void> {
  const hash = bronHash();
  await stap(
    'astro-server',
    [astroBin(), 'build', '--silent'],
    { ...process.env, SK_DOEL: 'server', ASTRO_TELEMETRY_DISABLED: '1' },
    log,
  );
  writeFileSync(hashBestand(), hash);
}
