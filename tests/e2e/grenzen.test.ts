import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { openDb, type Db } from '../../src/lib/db/client.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { maakSessie } from '../../src/lib/portaal/sessies.ts';
import { vrijePoort } from '../../scripts/bench/context.ts';
import { testOmgeving, wachtOpServer } from './opzet.ts';
import { startProefSmtp, type ProefSmtp } from './smtp-hulp.ts';

/**
 * The audit's attacks on limits (issue 20), against a second real server with the default
 * limits (the shared test server raises them) and a slow mail server of our own. It has its own
 * database and serves the release the shared test server built.
 */

const hoofdData = inject('dataDir');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sk-grenzen-'));
const dbPad = path.join(dataDir, 'sociale-kaart.sqlite');
let server: ChildProcess;
let smtp: ProefSmtp;
let basis = '';
let poort = 0;
let db: Db;
/** Figures for SECURITY.md, printed at the end (not asserted: timing belongs in benchmarks). */
const cijfers: Record<string, number | string> = {};

type Antwoord = { status: number; headers: Record<string, string | string[] | undefined>; tekst: string; ms: number };

/** A raw request: from a chosen loopback address, with the path exactly as written. */
function stuur(
  pad: string,
  o: { method?: string; headers?: Record<string, string>; body?: string | Buffer; van?: string; chunks?: Buffer[] } = {},
): Promise<Antwoord> {
  return new Promise((klaar, mis) => {
    const start = performance.now();
    const headers: Record<string, string> = { ...o.headers };
    if (o.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(o.body));
    const req = request(
      { host: '127.0.0.1', port: poort, path: pad, method: o.method ?? 'GET', headers, localAddress: o.van },
      (res) => {
        let tekst = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (tekst += d));
        res.on('end', () => klaar({ status: res.statusCode ?? 0, headers: res.headers, tekst, ms: performance.now() - start }));
      },
    );
    req.on('error', mis);
    if (o.chunks) for (const c of o.chunks) req.write(c);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

const formulier = (velden: [string, string][]) => new URLSearchParams(velden).toString();
const postHeaders = (extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/x-www-form-urlencoded',
  Origin: basis,
  ...extra,
});
const login = (email: string, van: string, extra: Record<string, string> = {}) =>
  stuur('/partners/inloggen/', { method: 'POST', headers: postHeaders(extra), body: formulier([['email', email]]), van });

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const grootte = () => [dbPad, `${dbPad}-wal`].reduce((som, p) => som + (statSync(p, { throwIfNoEntry: false })?.size ?? 0), 0);

beforeAll(async () => {
  smtp = await startProefSmtp({ traag: true });
  poort = await vrijePoort();
  basis = `http://127.0.0.1:${poort}`;
  const omgeving: NodeJS.ProcessEnv = { ...testOmgeving(dataDir), RELEASES_DIR: path.join(hoofdData, 'releases') };
  delete omgeving.SK_LOGIN_LIMIET_IP;
  delete omgeving.SK_LOGIN_LIMIET_EMAIL;
  delete omgeving.TRUSTED_PROXIES;
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: process.cwd(),
    env: { ...omgeving, PORT: String(poort), HOST: '127.0.0.1', SMTP_URL: `smtp://127.0.0.1:${smtp.poort}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await wachtOpServer(server, 300_000);
  db = openDb(dbPad);
});

afterAll(async () => {
  console.log(`[grenzen] ${JSON.stringify(cijfers)}`);
  server?.kill('SIGTERM');
  await smtp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('bodies are limited before they are read', () => {
  it('refuses a 20 MB anonymous post with a Dutch 413, stores nothing, and the public site keeps answering', async () => {
    const voor = grootte();
    const groot = formulier([['naam', 'x'.repeat(20 * 1024 * 1024)]]);
    const [antwoord, robots] = await Promise.all([
      stuur('/partners/organisaties/1/', { method: 'POST', headers: postHeaders(), body: groot }),
      stuur('/robots.txt'),
    ]);
    expect(antwoord.status).toBe(413);
    Object.assign(cijfers, { '20MB_413_ms': Math.round(antwoord.ms), '20MB_robots_ms': Math.round(robots.ms) });
    expect(antwoord.tekst).toContain('Dit is te veel om in één keer te versturen');
    expect(antwoord.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(antwoord.headers['content-security-policy']).toBeTruthy();
    expect(robots.status).toBe(200);
    // Without Content-Length (chunked) the limit is counted while reading.
    const stukken = Array.from({ length: 20 }, () => Buffer.alloc(1024 * 1024, 'a'));
    const chunked = await stuur('/partners/organisaties/1/', { method: 'POST', headers: postHeaders(), chunks: stukken });
    expect(chunked.status).toBe(413);
    expect(db.select().from(t.bewaardFormulier).all()).toEqual([]);
    expect(grootte() - voor).toBeLessThan(64 * 1024);
  });

  it('never stores an anonymous post to a protected page, however small', async () => {
    const r = await stuur('/partners/organisaties/1/', {
      method: 'POST',
      headers: postHeaders({ Cookie: 'sk_sessie=verzonnen' }),
      body: formulier([['naam', 'Iets']]),
    });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/partners/inloggen/?terug=%2Fpartners%2Forganisaties%2F1%2F');
    expect(db.select().from(t.bewaardFormulier).all()).toEqual([]);
  });

  it('keeps the form of a session that just expired, and fills it in again after logging in', async () => {
    const org = db.select().from(t.organisatie).limit(1).get()!;
    const id = bewaarAccount(db, {
      email: 'verlopen@test.example',
      naam: 'V',
      beheerder: false,
      organisaties: [org.id],
      kernen: [],
    });
    const oud = maakSessie(db, id, new Date(Date.now() - 3 * 3_600_000));
    const r = await stuur(`/partners/organisaties/${org.id}/`, {
      method: 'POST',
      headers: postHeaders({ Cookie: `sk_sessie=${oud.token}` }),
      body: formulier([
        ['csrf', oud.csrf],
        ['naam', 'Getypt vlak voor het verlopen'],
      ]),
    });
    expect(r.status).toBe(302);
    expect(r.headers.location).toContain('bewaard=1');
    expect(
      db
        .select()
        .from(t.bewaardFormulier)
        .all()
        .map((b) => b.accountId),
    ).toEqual([id]);
    const bewaard = String(r.headers['set-cookie']).match(/sk_bewaard=([^;]+)/)![1];
    const nieuw = maakSessie(db, id);
    const pagina = await stuur(`/partners/organisaties/${org.id}/`, {
      headers: { Cookie: `sk_sessie=${nieuw.token}; sk_bewaard=${bewaard}` },
    });
    expect(pagina.tekst).toContain('value="Getypt vlak voor het verlopen"');
    expect(db.select().from(t.bewaardFormulier).all()).toEqual([]);
  });

  it('refuses a 5,000-rule schedule with a message at the field, while a public page answers', async () => {
    const act = db.select().from(t.activiteit).limit(1).get()!;
    const id = bewaarAccount(db, {
      email: 'rooster@test.example',
      naam: 'R',
      beheerder: false,
      organisaties: [act.organisatieId],
      kernen: [],
    });
    const s = maakSessie(db, id);
    const velden: [string, string][] = [
      ['csrf', s.csrf],
      ['actie', 'voorbeeld'],
    ];
    // Each block filled in (a time), so none counts as an empty block left at the end.
    for (let i = 0; i < 5000; i++) velden.push([`rooster.regels.${i}.van`, '10:00']);
    const body = formulier(velden);
    expect(body.length).toBeLessThan(256 * 1024);
    const [r, robots] = await Promise.all([
      stuur(`/partners/activiteiten/${act.id}/`, {
        method: 'POST',
        headers: postHeaders({ Cookie: `sk_sessie=${s.token}` }),
        body,
      }),
      stuur('/robots.txt'),
    ]);
    expect(r.status).toBe(200);
    Object.assign(cijfers, {
      regels5000_ms: Math.round(r.ms),
      regels5000_robots_ms: Math.round(robots.ms),
      regels5000_kb: Math.round(body.length / 1024),
    });
    expect(r.tekst).toContain('een rooster heeft hoogstens 20 regels');
    const getoond = new Set(Array.from(r.tekst.matchAll(/name="rooster\.regels\.(\d+)\./g), (m) => m[1]));
    expect(getoond.size).toBe(21);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(robots.status).toBe(200);
  });
});

describe('login limits cannot be fooled', () => {
  it('counts 30 logins with 30 different X-Forwarded-For values as one address (no TRUSTED_PROXIES)', async () => {
    const statussen = [];
    for (let i = 0; i < 30; i++) {
      statussen.push((await login(`niemand${i}@test.example`, '127.0.0.3', { 'X-Forwarded-For': `198.51.100.${i}` })).status);
    }
    cijfers.xff_statussen = `${statussen.filter((s) => s === 200).length}x200 ${statussen.filter((s) => s === 429).length}x429`;
    expect(statussen.filter((s) => s === 200)).toHaveLength(20);
    expect(statussen.slice(20)).toEqual(Array(10).fill(429));
    // Another client is not affected.
    expect((await login('niemand@test.example', '127.0.0.4')).status).toBe(200);
  });

  it('answers known and unknown addresses with the same page, within 50 ms, before the slow mail server has greeted', async () => {
    const bekend = Array.from({ length: 8 }, (_, i) => `lid${i}@test.example`);
    for (const email of bekend) bewaarAccount(db, { email, naam: email, beheerder: false, organisaties: [], kernen: [] });
    const tijden = { bekend: [] as number[], onbekend: [] as number[] };
    const paginas = new Set<string>();
    for (let i = 0; i < bekend.length; i++) {
      const a = await login(bekend[i], '127.0.0.5');
      const b = await login(`onbekend${i}@test.example`, '127.0.0.5');
      expect([a.status, b.status]).toEqual([200, 200]);
      tijden.bekend.push(a.ms);
      tijden.onbekend.push(b.ms);
      paginas.add(a.tekst).add(b.tekst);
    }
    expect(paginas.size).toBe(1);
    expect([...paginas][0]).toContain('Kijk in uw e-mail');
    // Every answer came while the mail server still held its greeting: nothing was sent yet.
    expect(smtp.ontvangen).toHaveLength(0);
    const verschil = Math.abs(mediaan(tijden.bekend) - mediaan(tijden.onbekend));
    Object.assign(cijfers, {
      bekend_mediaan_ms: Math.round(mediaan(tijden.bekend)),
      onbekend_mediaan_ms: Math.round(mediaan(tijden.onbekend)),
    });
    expect(verschil, JSON.stringify(tijden)).toBeLessThan(50);
    smtp.laatGaan();
    await smtp.wachtOpMails(bekend.length);
    expect(smtp.ontvangen.flatMap((m) => m.aan).sort()).toEqual([...bekend].sort());
  });

  it('with the mail server down: the same page, the mail waits, and the beheerder sees it', async () => {
    await smtp.stop();
    const id = bewaarAccount(db, { email: 'beheer@test.example', naam: 'B', beheerder: true, organisaties: [], kernen: [] });
    const a = await login('beheer@test.example', '127.0.0.6');
    const b = await login('onbekend@test.example', '127.0.0.6');
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.tekst).toBe(b.tekst);
    let wacht = 0;
    for (let i = 0; i < 100 && wacht === 0; i++) {
      wacht = db
        .select()
        .from(t.mailWachtrij)
        .all()
        .filter((m) => m.aan === 'beheer@test.example' && m.pogingen > 0).length;
      if (wacht === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(wacht).toBe(1);
    const s = maakSessie(db, id);
    const beheer = await stuur('/partners/beheer/', { headers: { Cookie: `sk_sessie=${s.token}` } });
    expect(beheer.tekst).toContain('1 mail wacht op verzending');
  });
});

describe('HTTP hygiene', () => {
  it.each([
    ['/.//kernen', 301],
    ['/bestaat-niet/', 404],
    ['/release.json', 404],
    ['/partners/inloggen/?terug=/partners/%E3%80%82', 200],
    ['/partners/inloggen/?terug=/partners/%00', 200],
    ['/partners/', 302],
  ])('%s: %i with every security header and a charset', async (pad, status) => {
    const r = await stuur(pad);
    expect(r.status).toBe(status);
    for (const kop of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) {
      expect(r.headers[kop], kop).toBeTruthy();
    }
    if (status === 301) expect(r.headers.location).toBe('/kernen/');
    if (r.tekst) expect(String(r.headers['content-type'])).toMatch(/charset=utf-8/);
  });

  it('405 on the public site carries the headers too, and br;q=0 gets no brotli', async () => {
    const r = await stuur('/', { method: 'DELETE' });
    expect(r.status).toBe(405);
    expect(r.headers['x-frame-options']).toBe('DENY');
    const gz = await stuur('/', { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
    expect(gz.headers['content-encoding']).not.toBe('br');
  });

  it('keeps the database and its WAL private', () => {
    for (const p of [dbPad, `${dbPad}-wal`]) expect(statSync(p).mode & 0o777, p).toBe(0o600);
  });
});
