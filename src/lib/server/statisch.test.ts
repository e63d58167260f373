import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schrijfCspManifest } from '../release/csp.ts';
import { leesBereik, serveerStatisch } from './statisch.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-statisch-'));
let server: Server;
let basis = '';
const inhoud = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(async () => {
  writeFileSync(path.join(dir, 'kaart.pmtiles'), inhoud);
  writeFileSync(path.join(dir, 'tekst.js'), 'x'.repeat(2000));
  writeFileSync(path.join(dir, 'tekst.js.gz'), 'gz');
  server = createServer((req, res) => serveerStatisch(req, res, dir));
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  basis = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('byte ranges (for PMTiles basemaps)', () => {
  it('parses the forms a client sends', () => {
    expect(leesBereik('bytes=0-9', 100)).toEqual({ start: 0, eind: 9 });
    expect(leesBereik('bytes=90-', 100)).toEqual({ start: 90, eind: 99 });
    expect(leesBereik('bytes=-10', 100)).toEqual({ start: 90, eind: 99 });
    expect(leesBereik('bytes=50-500', 100)).toEqual({ start: 50, eind: 99 });
    expect(leesBereik('bytes=100-', 100)).toBe('ongeldig');
    expect(leesBereik('bytes=9-0', 100)).toBe('ongeldig');
    expect(leesBereik('bytes=0-1,5-6', 100)).toBe('ongeldig');
    expect(leesBereik('items=0-1', 100)).toBe('ongeldig');
  });

  it('serves a part of a file with 206 and Content-Range', async () => {
    const r = await fetch(`${basis}/kaart.pmtiles`, { headers: { Range: 'bytes=127-254' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 127-254/1000');
    expect(r.headers.get('content-length')).toBe('128');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(inhoud.subarray(127, 255));
  });

  it('serves the whole file without a range, and 416 for a range outside it', async () => {
    const heel = await fetch(`${basis}/kaart.pmtiles`);
    expect(heel.status).toBe(200);
    expect(heel.headers.get('accept-ranges')).toBe('bytes');
    expect((await heel.arrayBuffer()).byteLength).toBe(1000);
    const buiten = await fetch(`${basis}/kaart.pmtiles`, { headers: { Range: 'bytes=5000-' } });
    expect(buiten.status).toBe(416);
    expect(buiten.headers.get('content-range')).toBe('bytes */1000');
  });

  it('takes a range from the plain file, never from a compressed variant', async () => {
    const r = await fetch(`${basis}/tekst.js`, { headers: { Range: 'bytes=0-3', 'Accept-Encoding': 'gzip' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(await r.text()).toBe('xxxx');
  });
});

describe('a page opened before a publish', () => {
  const live = mkdtempSync(path.join(os.tmpdir(), 'sk-live-'));
  const vorige = mkdtempSync(path.join(os.tmpdir(), 'sk-vorige-'));
  let oud: Server;
  let adres = '';
  beforeAll(async () => {
    for (const d of [live, vorige]) mkdirSync(path.join(d, 'pagefind', 'index'), { recursive: true });
    writeFileSync(path.join(vorige, 'pagefind', 'index', 'nl_oud.pf_index'), 'oude index');
    writeFileSync(path.join(vorige, 'geheim.html'), 'weg');
    writeFileSync(path.join(live, '404.html'), 'niet gevonden');
    oud = createServer((req, res) =>
      serveerStatisch(req, res, live, { eerder: { voorvoegsels: ['/pagefind/'], mappen: () => [vorige] } }),
    );
    await new Promise<void>((klaar) => oud.listen(0, '127.0.0.1', klaar));
    adres = `http://127.0.0.1:${(oud.address() as { port: number }).port}`;
  });
  afterAll(() => {
    oud?.close();
    for (const d of [live, vorige]) rmSync(d, { recursive: true, force: true });
  });

  it('still gets the search chunks of its own release', async () => {
    const r = await fetch(`${adres}/pagefind/index/nl_oud.pf_index`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('oude index');
  });

  it('gets nothing else from an earlier release', async () => {
    const r = await fetch(`${adres}/geheim.html`);
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('niet gevonden');
    expect((await fetch(`${adres}/pagefind/../geheim.html`)).status).toBe(404);
  });
});

describe('CSP of a page with partner text in it', () => {
  const release = mkdtempSync(path.join(os.tmpdir(), 'sk-csp-release-'));
  let srv: Server;
  let adres = '';
  const sha = (tekst: string) => `'sha256-${createHash('sha256').update(tekst).digest('base64')}'`;
  beforeAll(async () => {
    const website = 'https://club.example/<script>alert(5)</script>';
    writeFileSync(
      path.join(release, 'index.html'),
      `<!doctype html><html lang="nl"><body><a href="${website}">Website</a><script>laad()</script></body></html>`,
    );
    await schrijfCspManifest(release);
    srv = createServer((req, res) => serveerStatisch(req, res, release));
    await new Promise<void>((klaar) => srv.listen(0, '127.0.0.1', klaar));
    adres = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
  });
  afterAll(() => {
    srv?.close();
    rmSync(release, { recursive: true, force: true });
  });

  it('allows the page’s own inline script and not a <script> inside a website value', async () => {
    const csp = (await fetch(`${adres}/`)).headers.get('content-security-policy')!;
    expect(csp).toContain(sha('laad()'));
    expect(csp).not.toContain(sha('alert(5)'));
  });

  it('never serves the manifest itself', async () => {
    expect((await fetch(`${adres}/.csp.json`)).status).toBe(404);
  });
});
