import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';
import { bewaarAccount } from './accounts.ts';
import { vraagInloglinkAan } from './inloggen.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-inloggen-'));
process.env.OUTBOX_DIR = path.join(dir, 'outbox');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asking for a login link', () => {
  const db = openDb(path.join(dir, 'db.sqlite'));
  bewaarAccount(db, { email: 'lid@test.example', naam: 'Lid', beheerder: false, organisaties: [], kernen: [] });
  const vraag = (email: string, ip = '192.0.2.1') =>
    vraagInloglinkAan(db, { email, ip, terug: '/partners/', basisUrl: 'http://localhost:4321' });

  it('answers the same for known and unknown addresses, and mails only a known one', async () => {
    expect(await vraag('lid@test.example', '192.0.2.10')).toEqual({ verstuurd: true });
    expect(await vraag('onbekend@test.example', '192.0.2.10')).toEqual({ verstuurd: true });
    const mails = readdirSync(process.env.OUTBOX_DIR!);
    expect(mails).toHaveLength(1);
  });

  it('refuses a malformed address at the field, in Dutch', async () => {
    expect(await vraag('geen-adres')).toEqual({ fout: 'dit is geen geldig e-mailadres; schrijf bijvoorbeeld naam@voorbeeld.nl' });
  });

  it('limits requests per e-mail address and per IP address', async () => {
    const uitkomsten = [];
    for (let i = 0; i < 6; i++) uitkomsten.push(await vraag('Lid@Test.example ', `198.51.100.${i}`));
    expect(uitkomsten.slice(0, 4).every((u) => 'verstuurd' in u)).toBe(true);
    expect(uitkomsten.at(-1)).toEqual({ teVaak: true });
    const perIp = [];
    for (let i = 0; i < 21; i++) perIp.push(await vraag(`iemand${i}@test.example`, '203.0.113.7'));
    expect(perIp.at(-1)).toEqual({ teVaak: true });
  });
});
