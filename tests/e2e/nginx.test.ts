import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { vrijePoort } from '../../scripts/bench/context.ts';
import { nginxConfig } from '../../src/lib/serveren/nginx.ts';

/**
 * Debian's nginx with the generated configuration (src/lib/serveren/nginx.ts) serves the live
 * release of the test server; every page type must come back as our own Node server serves it:
 * status, type, encoding, body, security headers with the page's CSP, caching and redirects.
 * .ci/run installs nginx and its brotli_static module.
 */

const node = inject('baseUrl');
const releasesDir = path.join(inject('dataDir'), 'releases');
let nginx: ChildProcess;
let basis: string;
let map: string;

function wachtOpPoort(poort: number, proces: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    proces.once('exit', (code) => reject(new Error(`nginx stopte met code ${code}`)));
    const probeer = () => {
      const s = connect(poort, '127.0.0.1');
      s.once('connect', () => {
        s.end();
        resolve();
      });
      s.once('error', () => setImmediate(probeer));
    };
    probeer();
  });
}

beforeAll(async () => {
  map = mkdtempSync(path.join(os.tmpdir(), 'sk-nginx-'));
  mkdirSync(path.join(map, 'logs'));
  const poort = await vrijePoort();
  const config = nginxConfig({
    releasesDir,
    portaal: node,
    listen: `127.0.0.1:${poort}`,
    volledig: {
      pidBestand: path.join(map, 'nginx.pid'),
      logMap: path.join(map, 'logs'),
      brotliModule: '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so',
      // The test data lives in a private temporary folder; a worker as nobody could not read it.
      gebruiker: process.getuid?.() === 0 ? 'root' : undefined,
    },
  });
  writeFileSync(path.join(map, 'nginx.conf'), config);
  nginx = spawn('/usr/sbin/nginx', ['-p', map, '-c', path.join(map, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  await wachtOpPoort(poort, nginx);
  basis = `http://127.0.0.1:${poort}`;
});

afterAll(() => {
  nginx?.kill('SIGQUIT');
  rmSync(map, { recursive: true, force: true });
});

type Antwoord = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function haal(url: string, headers: Record<string, string>): Promise<Antwoord> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const delen: Buffer[] = [];
      res.on('data', (d: Buffer) => delen.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(delen) }));
    })
      .on('error', reject)
      .end();
  });
}

function uitgepakt(a: Antwoord): string {
  const codering = a.headers['content-encoding'];
  const body = codering === 'br' ? brotliDecompressSync(a.body) : codering === 'gzip' ? gunzipSync(a.body) : a.body;
  return body.toString('utf8');
}

const VERGELEKEN = [
  'content-type',
  'content-encoding',
  'cache-control',
  'location',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
  'permissions-policy',
];

/** What a visitor's browser acts on; the rest (Date, ETag's format, Server) may differ. */
function wezen(a: Antwoord) {
  const omleiding = a.status >= 300 && a.status < 400;
  // A redirect's body and its type are for no one; where it leads and its headers count.
  const koppen = VERGELEKEN.filter((k) => !omleiding || !['content-type', 'content-encoding', 'cache-control'].includes(k));
  const kop = Object.fromEntries(koppen.map((k) => [k, String(a.headers[k] ?? '').replace(/;\s*/g, '; ')]));
  return { status: a.status, ...kop, body: omleiding ? '' : uitgepakt(a) };
}

function paden(): string[] {
  const release = path.join(releasesDir, 'current');
  const eerste = (dir: string) => readdirSync(path.join(release, dir)).filter((n) => !n.includes('.'))[0];
  const astro = readdirSync(path.join(release, '_astro')).find((n) => n.endsWith('.js'))!;
  return [
    '/',
    '/kernen/',
    `/kernen/${eerste('kernen')}/`,
    '/organisaties/',
    `/organisaties/${eerste('organisaties')}/`,
    `/aanbod/${eerste('aanbod')}/`,
    '/themas/',
    `/themas/${eerste('themas')}/`,
    '/zoeken/',
    '/zoeken/?q=koffie',
    '/open-data/',
    '/open-data/organisaties.csv',
    '/kaart/kernen.geojson',
    '/sitemap.xml',
    '/robots.txt',
    '/privacy/',
    `/_astro/${astro}`,
    '/pagefind/pagefind-entry.json',
    '/favicon.svg',
    '/kernen',
    '/bestaat-niet/',
    '/.csp.json',
    '/kernen/.csp.json',
    '/release.json',
    '/zoeken/zonder-js.json',
    '/partners/inloggen/',
  ];
}

describe('nginx with the generated configuration', () => {
  it.each([
    ['brotli', 'br, gzip'],
    ['gzip', 'gzip'],
    ['no compression', 'identity'],
    ['brotli refused', 'br;q=0, gzip'],
  ])('answers every page type as the Node server does (%s)', async (_naam, acceptEncoding) => {
    for (const pad of paden()) {
      const [vanNode, vanNginx] = await Promise.all([
        haal(node + pad, { 'Accept-Encoding': acceptEncoding }),
        haal(basis + pad, { 'Accept-Encoding': acceptEncoding }),
      ]);
      expect(wezen(vanNginx), pad).toEqual(wezen(vanNode));
    }
  });

  it('keeps the release’s private files to itself, also when asked for in other spellings', async () => {
    const spellingen = [
      '/release.json',
      '/zoeken/zonder-js.json',
      '/zoeken//zonder-js.json',
      '/zoeken/zonder%2Djs.json',
      '/zoeken/./zonder-js.json',
      '/kernen/../zoeken/zonder-js.json',
    ];
    for (const pad of spellingen) {
      for (const server of [node, basis]) expect((await haal(server + pad, {})).status, server + pad).toBe(404);
    }
  });

  it('sends the page’s own inline hashes in the CSP, where the page has any', async () => {
    const zoeken = await haal(`${basis}/zoeken/`, {});
    const home = await haal(`${basis}/`, {});
    expect(String(zoeken.headers['content-security-policy'])).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(String(home.headers['content-security-policy'])).not.toContain('sha256-');
  });
});
