import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schrijfCspManifest } from '../release/csp.ts';
import { komtOvereen, leesBereik, serveerStatisch } from './statisch.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-statisch-'));
let server: Server;
let basis = '';
const inhoud = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(async () => {
  writeFileSync(path.join(dir, 'kaart.pmtiles'), inhoud);
  writeFileSync(path.join(dir, 'tekst.js'), 'x'.repeat(2000));
  writeFileSync(path.join(dir, 'tekst.js.gz'), 'gz');
  writeFileSync(path.join(dir, 'tekst.js.br'), 'br');
  writeFileSync(path.join(dir, 'release.json'), '{"bouwSeconden":9}');
  writeFileSync(path.join(dir, '.verborgen'), 'geheim');
  mkdirSync(path.join(dir, 'kernen'));
  writeFileSync(path.join(dir, 'kernen', 'index.html'), '<p>kernen</p>');
  server = createServer((req, res) => serveerStatisch(req, res, dir, { prive: ['/release.json'] }));
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

/** A request with the path exactly as written (fetch would normalise `/./` and `..` away). */
function rauw(
  pad: string,
  opties: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; tekst: string }> {
  return new Promise((klaar, mis) => {
    const { port } = server.address() as { port: number };
    const req = request(
      { host: '127.0.0.1', port, path: pad, method: opties.method ?? 'GET', headers: opties.headers },
      (res) => {
        let tekst = '';
        res.setEncoding('latin1');
        res.on('data', (d: string) => (tekst += d));
        res.on('end', () => klaar({ status: res.statusCode ?? 0, headers: res.headers, tekst }));
      },
    );
    req.on('error', mis);
    req.end();
  });
}

const BEVEILIGING = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

describe('the static server under attack', () => {
  it.each([
    ['301 (folder without slash)', '/kernen', 'GET', 301],
    ['400 (broken escape)', '/%E0%A4%A', 'GET', 400],
    ['404', '/bestaat-niet', 'GET', 404],
    ['405', '/kernen/', 'POST', 405],
    ['416', '/kaart.pmtiles', 'GET', 416],
    ['200', '/kernen/', 'GET', 200],
  ])('sends every security header with a %s', async (_, pad, method, status) => {
    const r = await rauw(pad, { method, headers: pad.endsWith('pmtiles') ? { Range: 'bytes=9999-' } : {} });
    expect(r.status).toBe(status);
    for (const kop of BEVEILIGING) expect(r.headers[kop], kop).toBeTruthy();
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['/.//kernen', '/kernen/'],
    ['//kernen', '/kernen/'],
    ['///kernen?x=1', '/kernen/?x=1'],
    ['/kernen/./../kernen', '/kernen/'],
    ['/./kernen', '/kernen/'],
  ])('redirects %s to %s on this site, never to another host', async (pad, doel) => {
    const r = await rauw(pad);
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(doel);
  });

  it.each([
    ['/../../../../etc/passwd'],
    ['/..%2f..%2f..%2fetc%2fpasswd'],
    ['/%2e%2e/%2e%2e/etc/passwd'],
    ['/kernen/..%5c..%5cetc%5cpasswd'],
    ['/.verborgen'],
    ['/kernen/%00.html'],
    ['/release.json'],
    ['/RELEASE.JSON/..//release.json'],
  ])('gives nothing outside the public files for %s', async (pad) => {
    const r = await rauw(pad);
    expect([400, 404]).toContain(r.status);
    expect(r.tekst).not.toMatch(/root:|geheim|bouwSeconden/);
  });

  it.each([
    ['br;q=0, gzip', 'gzip', 'gz'],
    ['gzip;q=0, br;q=0', undefined, 'x'.repeat(2000)],
    ['br, gzip', 'br', 'br'],
    ['*;q=0', undefined, 'x'.repeat(2000)],
    ['identity', undefined, 'x'.repeat(2000)],
  ])('honours Accept-Encoding %j (sends %s)', async (accept, codering, inhoud) => {
    const r = await rauw('/tekst.js', { headers: { 'Accept-Encoding': accept } });
    expect(r.headers['content-encoding']).toBe(codering);
    expect(r.tekst).toBe(inhoud);
  });

  it('answers 304 when the ETag is anywhere in an If-None-Match list, weak or not', async () => {
    const { headers } = await rauw('/kernen/');
    const etag = String(headers.etag);
    for (const kop of [etag, `"a", ${etag}`, `W/${etag}`, '*']) {
      expect((await rauw('/kernen/', { headers: { 'If-None-Match': kop } })).status, kop).toBe(304);
    }
    expect((await rauw('/kernen/', { headers: { 'If-None-Match': '"a", "b"' } })).status).toBe(200);
    expect(komtOvereen(undefined, etag)).toBe(false);
  });
});
