import { spawn } from 'node:child_process';
import { PRIVE_BESTANDEN } from '../release/paden.ts';

/**
 * Copies a release to object storage, a CDN origin, SFTP or WebDAV with rclone, which does the
 * transfer, the checksums and the retries (we only decide the order). Two passes, so no page is
 * ever served without its assets:
 * 1. hashed assets (`/_astro/`, Pagefind's fragments and indexes) are copied and never deleted:
 *    a page a visitor opened before this deploy may still ask for the old ones;
 * 2. everything else (pages, feeds, Pagefind's entry file) is synced: changed files are copied,
 *    pages that no longer exist are removed.
 * Build internals and the server's own search data (PRIVE_BESTANDEN, hidden files) stay home.
 */

export type DeployStap = { fase: 'assets' | 'paginas'; gekopieerd: string[]; verwijderd: string[] };

const VERBORGEN = [...PRIVE_BESTANDEN.map((f) => `- /${f}`), '- .*'];
const ASSETS = [
  ...VERBORGEN,
  '- /pagefind/pagefind-entry.json',
  '+ /_astro/**',
  '+ /pagefind/*/**',
  '+ /pagefind/*.pf_meta*',
  '- **',
];
const PAGINAS = [
  ...VERBORGEN,
  '+ /pagefind/pagefind-entry.json',
  '- /_astro/**',
  '- /pagefind/*/**',
  '- /pagefind/*.pf_meta*',
  '+ **',
];

type RcloneRegel = { level?: string; msg?: string; object?: string };

function rclone(args: string[]): Promise<RcloneRegel[]> {
  return new Promise((resolve, reject) => {
    const kind = spawn(process.env.RCLONE ?? 'rclone', [...args, '--use-json-log', '--log-level', 'INFO'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Remotes come from the user's rclone config or RCLONE_CONFIG_* variables; nothing of ours.
      env: process.env,
    });
    let uit = '';
    kind.stderr.on('data', (c: Buffer) => {
      uit += c.toString();
    });
    kind.on('error', (e) =>
      reject(new Error(`rclone kon niet starten (${e.message}). Installeer rclone (Debian: apt-get install rclone).`)),
    );
    kind.on('close', (code) => {
      const regels = uit
        .split('\n')
        .filter((r) => r.startsWith('{'))
        .map((r) => JSON.parse(r) as RcloneRegel);
      if (code === 0) resolve(regels);
      else {
        const fouten = regels.filter((r) => r.level === 'error').map((r) => `${r.object ?? ''} ${r.msg ?? ''}`.trim());
        reject(new Error(`rclone stopte met code ${code}: ${fouten.join('; ') || uit.slice(-2000)}`));
      }
    });
  });
}

async function fase(naam: DeployStap['fase'], opdracht: 'copy' | 'sync', release: string, remote: string, proef: boolean) {
  const regels = [...(naam === 'assets' ? ASSETS : PAGINAS)].flatMap((f) => ['--filter', f]);
  const log = await rclone([opdracht, release, remote, '--checksum', ...regels, ...(proef ? ['--dry-run'] : [])]);
  const objecten = (pred: (msg: string) => boolean) =>
    log.filter((r) => r.object && r.msg && pred(r.msg)).map((r) => r.object as string);
  return {
    fase: naam,
    gekopieerd: objecten((m) => m.startsWith('Copied') || m.includes('Skipped copy')),
    verwijderd: objecten((m) => m === 'Deleted' || m.includes('Skipped delete')),
  };
}

/** Deploys `release` to `remote` (any rclone remote or a local folder); `proef` only reports. */
export async function deployRelease(release: string, remote: string, proef = false): Promise<DeployStap[]> {
  const assets = await fase('assets', 'copy', release, remote, proef);
  const paginas = await fase('paginas', 'sync', release, remote, proef);
  return [assets, paginas];
}
