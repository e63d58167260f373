import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bronHash } from './bron.ts';
import { stap, type Log } from './bouwen.ts';
import { astroBin, serverBuildDir } from './paden.ts';

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
