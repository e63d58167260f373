import { beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import { type Account, bewaarAccount, laadAccount } from './accounts.ts';
import type { Velden } from './formulier/velden.ts';
import { bewaarKaart, kaartGeschiedenis, type Kaart, leesKaart, magKaartBewerken, zetKaartTerug } from './ondersteunerkaart.ts';

const config = loadConfig();
let db: Db;
let kernId: number;
let ondersteuner: Account;
let beheerder: Account;
let anderen: Account;
const publicaties: string[] = [];
const publiceren = { vraagAan: (reden: string) => void publicaties.push(reden) };

beforeAll(() => {
  db = openDb(':memory:');
  seedDemo(db, config, '2026-11-22');
  kernId = db.select().from(t.kernondersteuner).get()!.kernId;
  const ander = db
    .select()
    .from(t.kern)
    .all()
    .find((k) => k.id !== kernId)!.id;
  const maak = (email: string, beheer: boolean, kernen: number[]) =>
    laadAccount(db, bewaarAccount(db, { email, naam: email.split('@')[0]!, beheerder: beheer, organisaties: [], kernen }))!;
  ondersteuner = maak('anna@test.example', false, [kernId]);
  beheerder = maak('beheer@test.example', true, []);
  anderen = maak('kees@test.example', false, [ander]);
});

/** The form as the page sends it: the card's fields plus the version it started from. */
function formulier(k: Kaart, wijziging: Record<string, string>, extra: [string, string][] = []): Velden {
  const d = { ...k.data, ...wijziging };
  const paren: [string, string][] = [
    ['naam', d.naam],
    ['telefoon', d.telefoon],
    ['email', d.email ?? ''],
    ['bereikbaar', d.bereikbaar],
    ['basis.versie', String(k.versie)],
    ['basis.data', JSON.stringify(k.data)],
    ...extra,
  ];
  return new Map(paren.map(([n, w]) => [n, [w]]));
}

describe('the kernondersteuner card in the portal', () => {
  it('only the kernondersteuner of the kern and the beheerder may edit it', () => {
    expect(magKaartBewerken(ondersteuner, kernId)).toBe(true);
    expect(magKaartBewerken(beheerder, kernId)).toBe(true);
    expect(magKaartBewerken(anderen, kernId)).toBe(false);
  });

  it('shows a Dutch message at the field and saves nothing for a bad number', () => {
    const voor = leesKaart(db, kernId)!;
    const u = bewaarKaart(db, config, ondersteuner, kernId, formulier(voor, { telefoon: '12' }), publiceren);
    expect(u.soort).toBe('fouten');
    expect(u.soort === 'fouten' && u.fouten.telefoon).toMatch(/geen geldig telefoonnummer/);
    expect(leesKaart(db, kernId)!.versie).toBe(voor.versie);
  });

  it('records the first version before the first change, publishes directly and asks for a release', () => {
    const voor = leesKaart(db, kernId)!;
    const u = bewaarKaart(db, config, ondersteuner, kernId, formulier(voor, { telefoon: '0546 111 222' }), publiceren);
    expect(u.soort).toBe('opgeslagen');
    expect(leesKaart(db, kernId)!.data.telefoon).toBe('0546 111 222');
    const rijen = kaartGeschiedenis(db, voor.id);
    expect(rijen.map((x) => x.r.actie)).toEqual(['wijzigen', 'origineel']);
    expect(rijen[1]!.r.data).toEqual(voor.data);
    expect(rijen.every((x) => x.r.organisatieId === null && x.r.status === 'direct')).toBe(true);
    expect(publicaties.length).toBe(1);
  });

  it('keeps both when two people change different fields of the same card', () => {
    const geopend = leesKaart(db, kernId)!;
    bewaarKaart(db, config, beheerder, kernId, formulier(geopend, { bereikbaar: 'Elke ochtend' }), publiceren);
    const u = bewaarKaart(db, config, ondersteuner, kernId, formulier(geopend, { telefoon: '0546 333 444' }), publiceren);
    expect(u.soort).toBe('opgeslagen');
    const na = leesKaart(db, kernId)!.data;
    expect(na.bereikbaar).toBe('Elke ochtend');
    expect(na.telefoon).toBe('0546 333 444');
  });

  it('asks per field when both changed the same field, and applies the choice', () => {
    const geopend = leesKaart(db, kernId)!;
    bewaarKaart(db, config, beheerder, kernId, formulier(geopend, { naam: 'Naam van beheer' }), publiceren);
    const u = bewaarKaart(db, config, ondersteuner, kernId, formulier(geopend, { naam: 'Mijn naam' }), publiceren);
    expect(u.soort).toBe('conflict');
    if (u.soort !== 'conflict') return;
    expect(u.keuzes).toEqual([expect.objectContaining({ veld: 'naam', mijn: 'Mijn naam', hun: 'Naam van beheer' })]);
    const nu = leesKaart(db, kernId)!;
    const keuze = formulier(nu, { naam: 'Mijn naam' }, [
      ['conflict.velden', 'naam'],
      ['keuze.naam', 'hun'],
    ]);
    expect(bewaarKaart(db, config, ondersteuner, kernId, keuze, publiceren).soort).toBe('opgeslagen');
    expect(leesKaart(db, kernId)!.data.naam).toBe('Naam van beheer');
  });

  it('puts the first version back', () => {
    const kaart = leesKaart(db, kernId)!;
    const origineel = kaartGeschiedenis(db, kaart.id).find((x) => x.r.actie === 'origineel')!.r;
    zetKaartTerug(db, beheerder, kernId, origineel.id, publiceren);
    expect(leesKaart(db, kernId)!.data).toEqual(origineel.data);
    expect(kaartGeschiedenis(db, kaart.id)[0]!.r.actie).toBe('terugzetten');
  });
});
