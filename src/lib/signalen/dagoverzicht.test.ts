import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { openDb, type Db } from '../db/client.ts';
import { bewaarAccount, laadAccount, type Account } from '../portaal/accounts.ts';
import { dagoverzichten, eersteWoorden, heeftDagoverzicht, zetDagoverzicht } from './dagoverzicht.ts';
import { meldSignaal, zetStatus } from './opslag.ts';
import type { Afzender, SignaalInvoer } from './schema.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-dagoverzicht-'));
// The daily e-mail needs no thema's; the rest (the gemeente's words) as configured.
const config: GemeenteConfig = { ...loadConfig(), themas: [], doelgroepen: [] };
let db: Db;
let kern: number;
let ko: Account;
let partner: Account;
const afzender = (rol: Afzender['rol'], organisatieId: number | null = null): Afzender => ({
  waarde: rol,
  organisatieId,
  rol,
  naam: rol,
  kernIds: [kern],
});
const meld = (account: Account, tekst: string, a: Afzender) =>
  meldSignaal(
    db,
    account,
    { kern: 'k', kernId: kern, tekst, omvang: 'groep', sinds: 'langer', basis: 'eigen-waarneming', afzender: a } as SignaalInvoer,
    '2026-11-22',
  );

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  kern = db.insert(t.kern).values({ slug: 'k', naam: 'Kerndorp', omschrijving: '', lat: 52.5, lon: 6.6 }).returning().get().id;
  ko = laadAccount(
    db,
    bewaarAccount(db, { email: 'ko@test.example', naam: 'Kim', beheerder: false, organisaties: [], kernen: [kern] }),
  )!;
  partner = laadAccount(
    db,
    bewaarAccount(db, { email: 'p@test.example', naam: 'Pim', beheerder: false, organisaties: [], kernen: [kern] }),
  )!;
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the daily e-mail of signalen', () => {
  it('keeps only the first words of a signal', () => {
    expect(eersteWoorden('Veel jongeren hangen rond bij het sportpark in de avond')).toBe('Veel jongeren hangen rond bij het …');
    expect(eersteWoorden('Kort.')).toBe('Kort.');
  });

  it('sends new signals in one’s kernen and steps on one’s own signals, once a day, only when asked', () => {
    const begin = new Date('2026-11-22T08:00:00Z');
    zetDagoverzicht(db, partner.id, true, begin.toISOString());
    expect(heeftDagoverzicht(db, partner.id)).toBe(true);
    const eigen = meld(partner, 'Ouderen in het dorp zitten in de winter veel alleen thuis', afzender('kernondersteuner'));
    const ander = meld(ko, 'Jongeren hangen rond bij de speeltuin en de buren klagen erover', afzender('kernondersteuner'));
    zetStatus(db, ko, eigen, afzender('kernondersteuner'), { status: 'besproken' }, '2026-11-22');
    const [mail, ...rest] = dagoverzichten(db, config, 'http://localhost', new Date(Date.now() + 86_400_000));
    expect(rest).toEqual([]);
    expect(mail.aan).toBe('p@test.example');
    expect(mail.onderwerp).toBe('Signalen: 1 nieuw, 1 stap');
    expect(mail.tekst).toContain(`- Signaal ${ander} in Kerndorp: "Jongeren hangen rond bij de speeltuin …"`);
    expect(mail.tekst).toContain(`- Signaal ${eigen}: Besproken (Kernondersteuning)`);
    expect(mail.tekst).toContain(`http://localhost/partners/signalen/${ander}/`);
    expect(mail.tekst).not.toContain('buren klagen');
    expect(mail.tekst).not.toContain('Kim');
    // The same day again: nothing; switched off: nothing.
    expect(dagoverzichten(db, config, 'http://localhost', new Date(Date.now() + 86_400_000 + 60_000))).toEqual([]);
    zetDagoverzicht(db, partner.id, false);
    meld(ko, 'Nog een signaal over vervoer naar de stad voor ouderen', afzender('kernondersteuner'));
    expect(dagoverzichten(db, config, 'http://localhost', new Date(Date.now() + 3 * 86_400_000))).toEqual([]);
  });
});
