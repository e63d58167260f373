import { eq } from 'drizzle-orm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { openDb, type Db } from '../db/client.ts';
import { bewaarAccount, laadAccount, type Account } from '../portaal/accounts.ts';
import { herken, meldSignaal, zetStatus } from './opslag.ts';
import { bouwOverzicht } from './overzicht.ts';
import { reeksBronnen } from './reeksen.ts';
import type { Afzender, SignaalInvoer } from './schema.ts';
import {
  beperkBewaartijd,
  bewaarMaanden,
  corrigeer,
  grensVoor,
  haalWeg,
  magCorrigeren,
  magWissen,
  verwijder,
  vervang,
  WEGGEHAALD,
} from './wissen.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-wissen-'));
const pad = path.join(dir, 'db.sqlite');
let db: Db;
let kern: number;
let ko: Account;
let beheer: Account;
let ander: Account;
const afzender = (): Afzender => ({
  waarde: 'kernondersteuner',
  organisatieId: null,
  rol: 'kernondersteuner',
  naam: 'K',
  kernIds: [kern],
});

function meld(account: Account, tekst: string): number {
  const invoer = {
    kern: 'k',
    kernId: kern,
    tekst,
    omvang: 'groep',
    sinds: '2026-09',
    basis: 'eigen-waarneming',
    afzender: afzender(),
  };
  return meldSignaal(db, account, invoer as SignaalInvoer, '2026-11-22');
}

/** The database file and its log as bytes, after writing everything to the file. */
function bytes(): string {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(pad).toString('utf8') + readFileSync(`${pad}-wal`).toString('utf8');
}

beforeAll(() => {
  db = openDb(pad);
  const [k, k2] = db
    .insert(t.kern)
    .values(['k', 'k2'].map((slug) => ({ slug, naam: slug, omschrijving: '', lat: 52.5, lon: 6.6 })))
    .returning()
    .all();
  kern = k.id;
  const maak = (naam: string, kernen: number[], beheerder = false) =>
    laadAccount(db, bewaarAccount(db, { email: `${naam}@test.example`, naam, beheerder, organisaties: [], kernen }))!;
  ko = maak('ko', [kern]);
  beheer = maak('beheer', [], true);
  ander = maak('ander', [k2.id]);
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('who may correct and erase', () => {
  it('the recorder corrects while new; the kernondersteuner of the kern and the beheerder erase', () => {
    expect(magCorrigeren(ko, { accountId: ko.id, status: 'nieuw' })).toBe(true);
    expect(magCorrigeren(ko, { accountId: ko.id, status: 'besproken' })).toBe(false);
    expect(magCorrigeren(beheer, { accountId: ko.id, status: 'nieuw' })).toBe(false);
    expect(magWissen(ko, kern)).toBe(true);
    expect(magWissen(beheer, kern)).toBe(true);
    expect(magWissen(ander, kern)).toBe(false);
    expect(magWissen({ ...ko, actief: false }, kern)).toBe(false);
  });
});

describe('correct, anonymise, delete', () => {
  it('replaces a fragment in any case, as literal text', () => {
    expect(vervang('De jongen van Mulder, mulder zei (ja)', 'Mulder')).toBe(
      `De jongen van ${WEGGEHAALD}, ${WEGGEHAALD} zei (ja)`,
    );
    expect(vervang('a.b en axb', 'a.b')).toBe(`${WEGGEHAALD} en axb`);
  });

  it('overwrites the old text so it is no longer in the database file, and logs no text', () => {
    const id = meld(ko, 'De jongen van Zwartkruis hangt elke avond rond bij het sportpark');
    herken(db, beheer, id, { ...afzender(), waarde: 'beheerder', rol: 'beheerder' }, 'Ook Zwartkruis gezien', '2026-11-22');
    zetStatus(db, ko, id, afzender(), { status: 'geen-actie', uitkomst: 'Zwartkruis is verhuisd' }, '2026-11-22');
    expect(bytes()).toContain('Zwartkruis');
    // The text, the outcome, the note of "wij zien dit ook" and both explanations in the timeline.
    expect(haalWeg(db, ko, afzender(), id, 'zwartkruis')).toBe(5);
    expect(bytes()).not.toContain('Zwartkruis');
    expect(db.select().from(t.signaal).where(eq(t.signaal.id, id)).get()!.tekst).toBe(
      `De jongen van ${WEGGEHAALD} hangt elke avond rond bij het sportpark`,
    );
    expect(haalWeg(db, ko, afzender(), id, 'niet aanwezig')).toBe(0);

    const nieuw = meld(ko, 'Veel jongeren bij de Bovenstraat van Achterhoekse afkomst');
    corrigeer(db, ko, afzender(), nieuw, 'Veel jongeren bij de speeltuin');
    expect(bytes()).not.toContain('Achterhoekse');
    verwijder(db, beheer, nieuw, 'persoonsgegevens');
    expect(db.select().from(t.signaal).where(eq(t.signaal.id, nieuw)).get()).toBeUndefined();
    expect(bytes()).not.toContain('Veel jongeren bij de speeltuin');

    const logboek = JSON.stringify(db.select().from(t.logboek).all());
    for (const woord of ['Zwartkruis', 'zwartkruis', 'Achterhoekse', 'speeltuin', 'sportpark'])
      expect(logboek).not.toContain(woord);
    expect(logboek).toContain(`Signaal ${nieuw} (kern ${kern}): Er staan gegevens over een persoon in`);
  });
});

describe('keeping time', () => {
  it('is 12 months unless configured', () => {
    expect(bewaarMaanden({})).toBe(12);
    expect(bewaarMaanden({ SK_SIGNALEN_BEWAREN_MAANDEN: '6' })).toBe(6);
    expect(bewaarMaanden({ SK_SIGNALEN_BEWAREN_MAANDEN: 'nooit' })).toBe(12);
    expect(grensVoor('2026-03-31', 1)).toBe('2026-02-28T00:00:00.000Z');
  });

  it('reduces closed signals past it to counts that the overview still shows', () => {
    const oud = meld(ko, 'Al lang afgesloten signaal over eenzaamheid');
    const open = meld(ko, 'Open signaal, ook oud, over eenzaamheid');
    zetStatus(db, ko, oud, afzender(), { status: 'afgerond', uitkomst: 'Koffieochtend gestart' }, '2025-01-10');
    for (const id of [oud, open])
      db.update(t.signaal)
        .set({ aangemaaktOp: '2025-01-10T10:00:00.000Z', gewijzigdOp: '2025-01-10T10:00:00.000Z' })
        .where(eq(t.signaal.id, id))
        .run();
    const bron = reeksBronnen().find((b) => b.sleutel === 'signalen')!;
    const filter = { kernIds: [kern], van: '2025-01-01' };
    const voor = bron.tellingen(db, filter).length;
    expect(beperkBewaartijd(db, '2026-11-22')).toBe(1);
    expect(beperkBewaartijd(db, '2026-11-22')).toBe(0);
    expect(db.select().from(t.signaal).where(eq(t.signaal.id, oud)).get()).toBeUndefined();
    expect(db.select().from(t.signaal).where(eq(t.signaal.id, open)).get()).toBeDefined();
    expect(db.select().from(t.signaalTelling).all()).toEqual([{ maand: '2025-01', kernId: kern, thema: '', aantal: 1 }]);
    const na = bron.tellingen(db, filter);
    expect(na.length).toBe(voor);
    const o = bouwOverzicht([{ sleutel: 's', label: 'S', tellingen: na }], {
      kwartalen: ['2025-K1'],
      kernIds: [kern],
      themas: [],
      exact: true,
    });
    expect(o.perKwartaal[0][0].aantal).toBe(2);
    expect(bytes()).not.toContain('Al lang afgesloten');
  });
});
