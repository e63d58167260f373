import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { openDb } from '../../src/lib/db/client.ts';
import { releaseInfo } from '../../src/lib/release/paden.ts';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { nieuwePagina, type Pagina } from './browser.ts';

/** Helpers for portal tests: the real database of the test server, and logging in via the outbox. */

export const basis = inject('baseUrl');
const dataDir = inject('dataDir');

export function testDb() {
  return openDb(path.join(dataDir, 'sociale-kaart.sqlite'));
}

type Mail = { aan: string; onderwerp: string; tekst: string; bestand: string };

export function mails(aan?: string): Mail[] {
  const dir = path.join(dataDir, 'outbox');
  let namen: string[] = [];
  try {
    namen = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return namen
    .map((bestand) => ({ ...(JSON.parse(readFileSync(path.join(dir, bestand), 'utf8')) as Mail), bestand }))
    .filter((m) => !aan || m.aan === aan);
}

export async function wachtOpMail(aan: string, na: number): Promise<Mail> {
  for (let i = 0; i < 100; i++) {
    const nieuw = mails(aan).slice(na);
    if (nieuw.length > 0) return nieuw.at(-1)!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Geen e-mail aan ${aan}`);
}

export function linkUit(mail: Mail): string {
  const m = mail.tekst.match(/https?:\/\/\S+\/partners\/inloggen\/link\/\S+/);
  if (!m) throw new Error(`Geen inloglink in: ${mail.tekst}`);
  return m[0];
}

/** Logs in as a person would: ask for a link, take it from the e-mail, click "Inloggen". */
export async function logIn(page: Pagina, email: string): Promise<void> {
  const voor = mails(email).length;
  await page.goto(`${basis}/partners/inloggen/`);
  await page.getByLabel('Uw e-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
  const link = linkUit(await wachtOpMail(email, voor));
  await page.goto(link);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
}

/** A new page of its own (own cookies), logged in as that person. */
export async function ingelogdePagina(browser: Browser, email: string, opties: BrowserContextOptions = {}): Promise<Pagina> {
  const page = await nieuwePagina(browser, opties);
  await logIn(page, email);
  return page;
}

/** Polls a public page until it contains the text; returns the seconds it took. */
export async function wachtTotZichtbaar(url: string, tekst: string, maxSeconden = 90): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < maxSeconden * 1000) {
    const html = await (await fetch(url)).text();
    if (html.includes(tekst)) return (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`"${tekst}" verscheen niet op ${url} binnen ${maxSeconden} s`);
}

/** Resolves when no publish is waiting or running on the test server. */
export async function wachtTotGeenPublicatie(): Promise<void> {
  const db = testDb();
  try {
    const bezig = () =>
      db.$client.prepare("select count(*) as n from publicatie where status in ('wacht', 'bezig')").get() as { n: number };
    while (bezig().n > 0) await new Promise((r) => setTimeout(r, 200));
  } finally {
    db.$client.close();
  }
}

/**
 * Test files run in parallel against one server. A file that publishes, or that checks which
 * release is live, holds this lock (a folder: mkdir is atomic) while it does, so another file's
 * build never changes what it expects. Returns the function that waits for the publishes it
 * started and then releases the lock.
 */
export async function neemPublicatieSlot(maxSeconden = 900): Promise<() => Promise<void>> {
  const slot = path.join(dataDir, 'publicatie.slot');
  const start = Date.now();
  for (;;) {
    try {
      mkdirSync(slot);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (Date.now() - start > maxSeconden * 1000) throw new Error('Het publicatieslot kwam niet vrij');
    await new Promise((r) => setTimeout(r, 250));
  }
  await wachtTotGeenPublicatie();
  return async () => {
    await wachtTotGeenPublicatie();
    rmSync(slot, { recursive: true, force: true });
  };
}

/**
 * Timeout of a test that takes the publication lock: another file may hold it for minutes (one
 * file checks three full builds against incremental ones), and waiting counts against the test.
 */
export const MET_PUBLICATIE = { timeout: 1_200_000 };

/** The live release, read from disk: release.json holds build internals and is not served. */
export const liveId = async () => releaseInfo(path.join(dataDir, 'releases', 'current'))?.id;

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
        const open = db.$client
          .prepare("select count(*) as n from publicatie where id > ? and status in ('wacht', 'bezig')")
          .get(vanaf.id) as { n: number };
        const klaar = db.$client
          .prepare("select count(*) as n from publicatie where id > ? and status = 'klaar'")
          .get(vanaf.id) as { n: number };
        if (open.n === 0) {
          if (klaar.n > 0 && (await liveId()) !== voor) return realpathSync(path.join(dataDir, 'releases', 'current'));
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
