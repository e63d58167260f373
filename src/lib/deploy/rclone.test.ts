import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deployRelease } from './rclone.ts';

/** Real rclone against a local folder as the remote (.ci/run installs rclone). */

let mappen: string[] = [];
afterEach(() => {
  for (const m of mappen) rmSync(m, { recursive: true, force: true });
  mappen = [];
});

function map(): string {
  const m = mkdtempSync(path.join(os.tmpdir(), 'sk-deploy-'));
  mappen.push(m);
  return m;
}

function schrijf(root: string, bestanden: Record<string, string>) {
  for (const [naam, inhoud] of Object.entries(bestanden)) {
    mkdirSync(path.dirname(path.join(root, naam)), { recursive: true });
    writeFileSync(path.join(root, naam), inhoud);
  }
}

const RELEASE = {
  'index.html': '<script src="/_astro/basis.aaaa.js"></script>',
  'index.html.br': 'br',
  'kernen/aadorp/index.html': 'Aadorp',
  'kernen/vroomshoop/index.html': 'Vroomshoop',
  '_astro/basis.aaaa.js': 'oud',
  'pagefind/pagefind-entry.json': '{"v":1}',
  'pagefind/pagefind.js': 'pf',
  'pagefind/fragment/nl_1.pf_fragment': 'f1',
  'release.json': '{"bouwSeconden":12}',
  'zoeken/zonder-js.json': '{"paginas":[]}',
  '.bron-hash': 'x',
};

describe('deployRelease', () => {
  it('copies a release without its build internals, assets in the first pass', async () => {
    const [release, remote] = [map(), map()];
    schrijf(release, RELEASE);
    const [assets, paginas] = await deployRelease(release, remote);
    expect(assets.gekopieerd.sort()).toEqual(['_astro/basis.aaaa.js', 'pagefind/fragment/nl_1.pf_fragment']);
    expect(paginas.gekopieerd).toContain('index.html');
    expect(paginas.gekopieerd).toContain('pagefind/pagefind-entry.json');
    expect(readFileSync(path.join(remote, 'kernen/aadorp/index.html'), 'utf8')).toBe('Aadorp');
    expect(existsSync(path.join(remote, 'release.json'))).toBe(false);
    expect(existsSync(path.join(remote, 'zoeken/zonder-js.json'))).toBe(false);
    expect(existsSync(path.join(remote, '.bron-hash'))).toBe(false);
  });

  it('the next deploy copies only what changed, removes pages that are gone and keeps old assets', async () => {
    const [release, remote] = [map(), map()];
    schrijf(release, RELEASE);
    await deployRelease(release, remote);
    const volgende = map();
    schrijf(volgende, {
      ...RELEASE,
      'index.html': '<script src="/_astro/basis.bbbb.js"></script>',
      '_astro/basis.bbbb.js': 'nieuw',
    });
    rmSync(path.join(volgende, '_astro/basis.aaaa.js'));
    rmSync(path.join(volgende, 'kernen/vroomshoop'), { recursive: true });
    const [assets, paginas] = await deployRelease(volgende, remote);
    expect(assets).toEqual({ fase: 'assets', gekopieerd: ['_astro/basis.bbbb.js'], verwijderd: [] });
    expect(paginas.gekopieerd).toEqual(['index.html']);
    expect(paginas.verwijderd).toEqual(['kernen/vroomshoop/index.html']);
    // A visitor who opened the old index.html before this deploy still gets its script.
    expect(readFileSync(path.join(remote, '_astro/basis.aaaa.js'), 'utf8')).toBe('oud');
  });

  it('a trial run reports and changes nothing', async () => {
    const [release, remote] = [map(), map()];
    schrijf(release, RELEASE);
    const [assets] = await deployRelease(release, remote, true);
    expect(assets.gekopieerd.length).toBe(2);
    expect(existsSync(path.join(remote, 'index.html'))).toBe(false);
  });

  it('says what is wrong when the remote cannot be reached', async () => {
    const release = map();
    schrijf(release, RELEASE);
    await expect(deployRelease(release, 'onbekend-remote-zonder-config:bucket')).rejects.toThrow(/rclone stopte/);
  });
});
