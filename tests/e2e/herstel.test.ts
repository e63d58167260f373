import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { vrijePoort } from '../../scripts/bench/context.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { groepsleden, leeft } from '../../src/lib/release/processen.ts';
import { bouwHaak } from './bouwhaak.ts';
import { axeFouten, nieuwePagina, startBrowser } from './browser.ts';
import { testOmgeving } from './opzet.ts';
import { neemPublicatieSlot, testDb } from './portaal-hulp.ts';

/**
 * The crash from issue 20: `kill -9` of the server while it publishes. A second server of its
 * own (a copy of the test server's database and live release) is started, killed during the
 * astro step, and started again.
 */

const TITEL = 'Herstelproef na een crash';
let dir = '';
let slug = '';
let kind: ChildProcess | undefined;

const config = () => path.join(dir, 'gemeente.yaml');

function start(poort: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: process.cwd(),
    env: { ...testOmgeving(dir), PORT: String(poort), HOST: '127.0.0.1', GEMEENTE_CONFIG: config() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((klaar, faal) => {
    let uitvoer = '';
    const lees = (b: Buffer) => {
      uitvoer += b.toString();
      if (uitvoer.includes('draait op')) klaar(server);
    };
    server.stdout.on('data', lees);
    server.stderr.on('data', lees);
    server.on('exit', (code) => faal(new Error(`Server stopte (${code}):\n${uitvoer}`)));
  });
}

const live = () => path.basename(realpathSync(path.join(dir, 'releases', 'current')));

let basis = '';
const BEHEERDER = 'herstel-beheer@gemeente.example';
let geefSlotVrij: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // Two Astro builds in one project folder at once get in each other's way (its caches): this
  // file's server builds only while no other file publishes.
  geefSlotVrij = await neemPublicatieSlot(1500);
  dir = mkdtempSync(path.join(os.tmpdir(), 'sk-herstel-'));
  // Its own copy of the configuration, so a test can break it without touching the other files.
  cpSync('content/gemeente.yaml', config());
  const bron = testDb();
  bron.$client.prepare('VACUUM INTO ?').run(path.join(dir, 'sociale-kaart.sqlite'));
  bron.$client.close();
  const release = realpathSync(path.join(inject('dataDir'), 'releases', 'current'));
  mkdirSync(path.join(dir, 'releases'));
  cpSync(release, path.join(dir, 'releases', path.basename(release)), { recursive: true });
  symlinkSync(path.basename(release), path.join(dir, 'releases', 'current'));
  // A change that was approved just before: the next release must show it.
  const db = openDb(path.join(dir, 'sociale-kaart.sqlite'));
  const rij = db.$client.prepare("select id, slug from activiteit where status = 'gepubliceerd' order by id limit 1").get() as {
    id: number;
    slug: string;
  };
  slug = rij.slug;
  db.$client.prepare('update activiteit set titel = ? where id = ?').run(TITEL, rij.id);
  db.$client
    .prepare("insert into publicatie (status, reden, aangevraagd_op) values ('wacht', 'Goedgekeurd: wijziging 1', ?)")
    .run(new Date().toISOString());
  db.$client.close();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/create-beheerder.ts', BEHEERDER, 'Beheer'], {
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'sociale-kaart.sqlite') },
  });
}, 1_800_000);

afterAll(async () => {
  kind?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  await geefSlotVrij?.();
});

describe('kill -9 of the server during a publish', () => {
  it('leaves no orphan build, retries the publish at start-up and then serves the new release', {
    timeout: 600_000,
  }, async () => {
    const voor = live();
    const haak = bouwHaak(dir);
    haak.pauzeer('astro');
    const eerste = await start(await vrijePoort());
    // The waiting request is published at start-up; its astro step is paused by the hook.
    const stap = await haak.pid('astro');
    const slot = JSON.parse(readFileSync(path.join(dir, 'releases', '.bouw.lock'), 'utf8')) as { groepen: { pid: number }[] };
    expect(slot.groepen.map((g) => g.pid)).toEqual([stap]);
    const weg = new Promise((r) => eerste.once('exit', r));
    eerste.kill('SIGKILL');
    await weg;

    const poort = await vrijePoort();
    basis = `http://127.0.0.1:${poort}`;
    kind = await start(poort);
    expect(leeft(stap)).toBe(false);
    expect(groepsleden(stap)).toEqual([]);
    const db = openDb(path.join(dir, 'sociale-kaart.sqlite'));
    try {
      const rijen = () =>
        db.$client.prepare('select status, reden, fout from publicatie order by id').all() as {
          status: string;
          reden: string;
          fout: string | null;
        }[];
      expect(rijen().slice(-3, -1)).toEqual([
        { status: 'mislukt', reden: 'Goedgekeurd: wijziging 1', fout: 'Onderbroken doordat de server stopte.' },
        { status: 'mislukt', reden: 'Opnieuw na een onderbroken publicatie', fout: 'Onderbroken doordat de server stopte.' },
      ]);
      for (let i = 0; i < 2400 && rijen().at(-1)!.status !== 'klaar'; i++) await new Promise((r) => setTimeout(r, 250));
      expect(rijen().at(-1), JSON.stringify(rijen())).toMatchObject({
        status: 'klaar',
        reden: 'Opnieuw na een onderbroken publicatie',
      });
    } finally {
      db.$client.close();
    }
    expect(live()).not.toBe(voor);
    const pagina = await (await fetch(`http://127.0.0.1:${poort}/aanbod/${slug}/`)).text();
    expect(pagina).toContain(TITEL);
  });

  it('keeps the last good configuration when the file breaks while running, and tells the beheerder', async () => {
    const browser = await startBrowser();
    try {
      const page = await nieuwePagina(browser);
      await page.goto(`${basis}/partners/inloggen/`);
      await page.getByLabel('Uw e-mailadres').fill(BEHEERDER);
      await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
      await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
      const outbox = path.join(dir, 'outbox');
      const mail = JSON.parse(readFileSync(path.join(outbox, readdirSync(outbox).sort().at(-1)!), 'utf8')) as { tekst: string };
      await page.goto(mail.tekst.match(/https?:\/\/\S+\/partners\/inloggen\/link\/\S+/)![0]);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      expect(await page.getByText(/kloppen niet/).count()).toBe(0);

      const goed = readFileSync(config(), 'utf8');
      const regel = goed.split('\n').findIndex((r) => r.startsWith('naam:')) + 1;
      writeFileSync(config(), goed.replace(/^naam: .*$/m, 'naam: "Twenterand'));
      const antwoord = await page.goto(`${basis}/partners/`);
      expect(antwoord?.status()).toBe(200);
      await page.getByText('De instellingen in').waitFor();
      await page.getByText(new RegExp(`regel ${regel}: Missing closing "quote`)).waitFor();
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      expect(await axeFouten(page)).toEqual([]);
      // The login page keeps working for everyone else.
      expect((await fetch(`${basis}/partners/inloggen/`)).status).toBe(200);

      writeFileSync(config(), goed);
      await page.goto(`${basis}/partners/`);
      expect(await page.getByText(/kloppen niet/).count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
