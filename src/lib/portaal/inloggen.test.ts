import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../db/client.ts';
import { verwerkWachtrij, wachtrijStand } from '../mail/wachtrij.ts';
import { bewaarAccount } from './accounts.ts';
import { vraagInloglinkAan } from './inloggen.ts';
import { gebruikLoginToken } from './sessies.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-inloggen-'));
process.env.OUTBOX_DIR = path.join(dir, 'outbox');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outbox = () => {
  try {
    return readdirSync(process.env.OUTBOX_DIR!).sort();
  } catch {
    return [];
  }
};
const tokenUit = (bestand: string) =>
  new URL(
    /https?:\S+/.exec(JSON.parse(readFileSync(path.join(process.env.OUTBOX_DIR!, bestand), 'utf8')).tekst)![0],
  ).searchParams.get('token')!;

describe('asking for a login link', () => {
  const db = openDb(path.join(dir, 'db.sqlite'));
  const lidId = bewaarAccount(db, { email: 'lid@test.example', naam: 'Lid', beheerder: false, organisaties: [], kernen: [] });
  const vraag = (email: string, ip = '192.0.2.1') =>
    vraagInloglinkAan(db, { email, ip, terug: '/partners/', basisUrl: 'http://localhost:4321' });

  it('answers the same for known and unknown addresses, and queues a mail only for a known one', async () => {
    expect(vraag('lid@test.example', '192.0.2.10')).toEqual({ verstuurd: true });
    expect(vraag('onbekend@test.example', '192.0.2.10')).toEqual({ verstuurd: true });
    // The answer came before any sending: the mail waits in the queue.
    expect(wachtrijStand(db).wachtend).toBe(1);
    const log = vi.spyOn(console, 'log');
    await verwerkWachtrij(db);
    expect(outbox()).toHaveLength(1);
    expect(wachtrijStand(db).wachtend).toBe(0);
    const regels = log.mock.calls.flat().join('\n');
    log.mockRestore();
    expect(regels).toContain('lid@test.example');
    expect(regels).not.toContain(tokenUit(outbox()[0]));
    expect(regels).not.toContain('token=');
  });

  it('writes the outbox file for the server user only', () => {
    const [bestand] = outbox();
    expect(statSync(path.join(process.env.OUTBOX_DIR!, bestand)).mode & 0o777).toBe(0o600);
    expect(statSync(process.env.OUTBOX_DIR!).mode & 0o777).toBe(0o700);
  });

  it('refuses a malformed address at the field, in Dutch', () => {
    expect(vraag('geen-adres')).toEqual({ fout: 'dit is geen geldig e-mailadres; schrijf bijvoorbeeld naam@voorbeeld.nl' });
  });

  it('cannot lock a partner out: over the address limit the answer is the same and a link already sent still works', async () => {
    const voor = outbox().length;
    const uitkomsten = [];
    for (let i = 0; i < 12; i++) uitkomsten.push(vraag('Lid@Test.example ', `198.51.100.${i}`));
    expect(uitkomsten.every((u) => 'verstuurd' in u)).toBe(true);
    await verwerkWachtrij(db);
    const nieuw = outbox().slice(voor);
    // 5 per 15 minutes, the first test's mail included: 4 more, then nothing.
    expect(nieuw).toHaveLength(4);
    expect(gebruikLoginToken(db, tokenUit(nieuw[0]))).toEqual({ accountId: lidId, soort: 'login' });
  });

  it('says "too often" only per IP address, which tells nothing about any account', () => {
    const perIp = [];
    for (let i = 0; i < 21; i++) perIp.push(vraag(`iemand${i}@test.example`, '203.0.113.7'));
    expect(perIp.slice(0, 20).every((u) => 'verstuurd' in u)).toBe(true);
    expect(perIp.at(-1)).toEqual({ teVaak: true });
    expect(vraag('lid@test.example', '203.0.113.7')).toEqual({ teVaak: true });
  });
});
