import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { laadKaart } from '../data/kaart.ts';
import { werkActiviteitBij, werkOrganisatieBij } from '../data/opslaan.ts';
import { openDb } from '../db/client.ts';
import { importeer } from '../import/importeer.ts';
import { bewaarAccount, laadAccount } from './accounts.ts';
import { nogAanvullen, zetOpDeKaart } from './aanvullen.ts';
import { alsActiviteitData, alsOrganisatieData } from './revisies.ts';

/** Concepts from an import: listed with their to-dos, and only a complete one goes on the map. */

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-aanvullen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = loadConfig();

describe('Na import nog aanvullen', { timeout: 60_000 }, () => {
  it('lists to-dos, refuses what is unfinished, publishes what is complete', () => {
    const db = openDb(path.join(dir, 'a.sqlite'));
    expect(importeer('tests/fixtures/ander-systeem/services.json', db, config, { toepassen: true }).code).toBe(0);
    const beheerder = laadAccount(
      db,
      bewaarAccount(db, { email: 'b@x.example', naam: 'B', beheerder: true, organisaties: [], kernen: [] }),
    )!;
    const partner = laadAccount(
      db,
      bewaarAccount(db, { email: 'p@x.example', naam: 'P', beheerder: false, organisaties: [], kernen: [] }),
    )!;
    const gevraagd: string[] = [];
    const publiceren = { vraagAan: (r: string) => void gevraagd.push(r) };

    const lijst = nogAanvullen(db, config);
    expect(lijst.map((i) => `${i.naam}: ${i.teDoen.join('; ')}`)).toEqual([
      'Bibliotheek Den Ham: kies de soort organisatie',
      'Taalmaatje: kies een thema; kies vrije inloop of aanmelden',
      'Koffieochtend: kies voor wie het is; kies vrije inloop of aanmelden',
      'Mantelzorgcafé: kies voor wie het is; kies vrije inloop of aanmelden; kies wat het kost',
      'Stichting Welzijn De Linde: kies de soort organisatie',
    ]);
    const kaart = laadKaart(db, { ookConcepten: true });
    const koffie = kaart.activiteiten.find((a) => a.titel === 'Koffieochtend')!;
    const linde = kaart.organisaties.find((o) => o.naam === 'Stichting Welzijn De Linde')!;
    const wat = { soort: 'activiteit' as const, id: koffie.id };

    expect(zetOpDeKaart(db, config, partner, wat, publiceren)).toEqual({
      gelukt: false,
      reden: 'Alleen de beheerder zet een concept op de kaart.',
    });
    expect(zetOpDeKaart(db, config, beheerder, wat, publiceren)).toEqual({
      gelukt: false,
      reden: 'Vul eerst Stichting Welzijn De Linde aan: kies de soort organisatie.',
    });
    werkOrganisatieBij(db, linde.id, { ...alsOrganisatieData(linde), soort: 'welzijn' }, linde.versie);
    expect(zetOpDeKaart(db, config, beheerder, wat, publiceren)).toEqual({
      gelukt: false,
      reden: 'Vul eerst Koffieochtend aan: kies voor wie het is; kies vrije inloop of aanmelden.',
    });
    expect(laadKaart(db).activiteiten).toEqual([]);
    expect(gevraagd).toEqual([]);

    werkActiviteitBij(
      db,
      koffie.id,
      { ...alsActiviteitData(koffie), doelgroepen: ['ouderen'], aanmelden: { soort: 'vrije-inloop' } },
      koffie.versie,
    );
    expect(zetOpDeKaart(db, config, beheerder, wat, publiceren)).toEqual({ gelukt: true });
    const publiek = laadKaart(db);
    expect(publiek.organisaties.map((o) => o.naam)).toEqual(['Stichting Welzijn De Linde']);
    expect(publiek.activiteiten.map((a) => a.titel)).toEqual(['Koffieochtend']);
    expect(gevraagd).toEqual(['Op de kaart: Koffieochtend']);
    expect(zetOpDeKaart(db, config, beheerder, wat, publiceren)).toEqual({
      gelukt: false,
      reden: 'Koffieochtend staat al op de kaart.',
    });
    db.$client.close();
  });
});
