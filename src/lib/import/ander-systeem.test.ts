import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { laadKaart } from '../data/kaart.ts';
import { werkActiviteitBij } from '../data/opslaan.ts';
import { openDb } from '../db/client.ts';
import { dumpDb } from '../db/testhulp.ts';
import { controleer } from '../model/aanvullen.ts';
import { meldingTekst } from '../opendata/hsds/melding.ts';
import { alsActiviteitData } from '../portaal/revisies.ts';
import { importeer, importeerVanApi } from './importeer.ts';

/**
 * HSDS 3.0 `/services/{id}` records from another system (tests/fixtures/ander-systeem, made by
 * maak.mjs): organisation nested, schedules, locations, its own taxonomy, but none of our soorten,
 * doelgroepen or "vrije inloop / aanmelden". Nothing is refused for that: every record comes in
 * as a concept with its to-dos, and nothing unfinished reaches the map.
 */

const FIXTURE = 'tests/fixtures/ander-systeem';
const SERVICES = path.join(FIXTURE, 'services.json');
const KOPPELING = path.join(FIXTURE, 'koppeling.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-ander-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = loadConfig();
const VANDAAG = '2026-12-01';
let n = 0;
const nieuweDb = () => openDb(path.join(dir, `db-${n++}.sqlite`));
const services = () => JSON.parse(readFileSync(SERVICES, 'utf8')) as Record<string, unknown>[];
function bestand(inhoud: unknown, naam = 'services.json'): string {
  const map = mkdtempSync(path.join(dir, 'invoer-'));
  writeFileSync(path.join(map, naam), typeof inhoud === 'string' ? inhoud : JSON.stringify(inhoud));
  return path.join(map, naam);
}

const TE_DOEN = [
  'services.json:[0].organization Stichting Welzijn De Linde (organisatie): kies de soort organisatie',
  'services.json:[1].organization Bibliotheek Den Ham (organisatie): kies de soort organisatie',
  'services.json:[0] Koffieochtend (activiteit): kies voor wie het is; kies vrije inloop of aanmelden',
  'services.json:[1] Taalmaatje (activiteit): kies een thema; kies vrije inloop of aanmelden',
  'services.json:[2] Mantelzorgcafé (activiteit): kies voor wie het is; kies vrije inloop of aanmelden; kies wat het kost',
];

describe('import from another system', { timeout: 60_000 }, () => {
  it('dry run: every record with its to-dos, nothing refused, nothing written', () => {
    const db = nieuweDb();
    const voor = dumpDb(db);
    const r = importeer(SERVICES, db, config, { vandaag: VANDAAG });
    expect(r.code, r.rapport).toBe(0);
    expect(r.rapport).toContain('Nieuw: 5 ');
    expect(r.rapport).toContain('Problemen: 0 ');
    const sectie = r.rapport.split('Na import nog aanvullen')[1].split('\n\n')[0].split('\n').slice(1);
    expect(sectie.map((s) => s.trim())).toEqual(TE_DOEN);
    expect(r.plan!.items.every((i) => i.data && 'status' in i.data && i.data.status === 'concept')).toBe(true);
    expect(dumpDb(db)).toEqual(voor);
    db.$client.close();
  });

  it('--apply saves concepts with their to-dos; --publish does not publish what is unfinished', () => {
    for (const publiceren of [false, true]) {
      const db = nieuweDb();
      const r = importeer(SERVICES, db, config, { toepassen: true, publiceren, vandaag: VANDAAG });
      expect(r.code, r.rapport).toBe(0);
      expect(r.rapport).toContain('Opgeslagen, in één keer: 5 nieuw');
      expect(r.rapport).toContain('"Na import nog aanvullen"');
      const alles = laadKaart(db, { ookConcepten: true });
      expect(alles.activiteiten.map((a) => [a.titel, a.status])).toEqual([
        ['Koffieochtend', 'concept'],
        ['Mantelzorgcafé', 'concept'],
        ['Taalmaatje', 'concept'],
      ]);
      const koffie = alles.activiteiten.find((a) => a.titel === 'Koffieochtend')!;
      // What the other system had is all there: times, place, cost, thema by name.
      expect(koffie).toMatchObject({
        kern: 'vriezenveen',
        themas: ['ontmoeting'],
        kosten: { soort: 'gratis' },
        rooster: { regels: [{ type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '11:30' }] },
      });
      expect(controleer(config, 'activiteit', alsActiviteitData(koffie)).teDoen).toEqual([
        'kies voor wie het is',
        'kies vrije inloop of aanmelden',
      ]);
      const publiek = laadKaart(db);
      expect(publiek.organisaties).toEqual([]);
      expect(publiek.activiteiten).toEqual([]);
      db.$client.close();
    }
  });

  it('names the record and the field path of every problem', () => {
    const s = services();
    (s[1].organization as Record<string, unknown>).email = 'geen-adres';
    (s[0] as Record<string, unknown>).name = '';
    const r = importeer(bestand(s), nieuweDb(), config, { vandaag: VANDAAG });
    expect(r.code).toBe(1);
    const problemen = r.plan!.meldingen.filter((m) => m.ernst === 'probleem').map(meldingTekst);
    expect(problemen).toEqual([
      'services.json:[1].organization.email: "geen-adres" is geen e-mailadres.',
      'services.json:[0].name: name ontbreekt; dit veld is verplicht in HSDS (service).',
    ]);
  });

  it('a mapping file maps terms to our lists; unknown terms get a suggestion from their name', () => {
    const db = nieuweDb();
    const zonder = importeer(SERVICES, db, config, { vandaag: VANDAAG });
    expect(zonder.rapport).toContain(
      'services.json:[0].attributes[1].taxonomy_term_id: Term "Voor ouderen en alleenstaanden" (c0ffee00-0000-4000-8000-000000000807) staat niet in onze lijsten; niet overgenomen. Voorstel voor het koppelingsbestand: doelgroep "ouderen" (Ouderen).',
    );
    expect(zonder.rapport).toContain('  - term: "Voor ouderen en alleenstaanden"\n    doelgroepen: [ouderen] # Ouderen');
    expect(zonder.rapport).toContain('  - term: "Library"\n    # geen voorstel');

    const met = importeer(SERVICES, db, config, { vandaag: VANDAAG, koppeling: KOPPELING });
    expect(met.code, met.rapport).toBe(0);
    const items = new Map(met.plan!.items.map((i) => [i.naam, i]));
    expect(items.get('Bibliotheek Den Ham')!.data).toMatchObject({ soort: 'onderwijs-en-opvang' });
    expect(items.get('Stichting Welzijn De Linde')!.data).toMatchObject({ soort: 'welzijn' });
    expect(items.get('Taalmaatje')!.data).toMatchObject({ themas: ['taal-en-digitaal'], doelgroepen: ['nieuwkomers'] });
    expect(items.get('Taalmaatje')!.teDoen).toEqual(['kies vrije inloop of aanmelden']);
    expect(items.get('Bibliotheek Den Ham')!.teDoen).toBeUndefined();
    expect(met.rapport).not.toContain('term: "Library"');
    db.$client.close();
  });

  it('a wrong mapping file is named by file and path, and nothing is read', () => {
    const fout = bestand('termen:\n  - term: Library\n    soort: bieb\n  - term: X\n    themas: thema\n', 'koppeling.yaml');
    const r = importeer(SERVICES, nieuweDb(), config, { koppeling: fout, toepassen: true });
    expect(r.code).toBe(1);
    expect(r.rapport).toContain('koppeling.yaml:termen[0].soort: "bieb" staat niet in de lijst soorten');
    expect(r.rapport).toContain('koppeling.yaml:termen[1].themas: schrijf een lijst, bijvoorbeeld [a, b]');
    expect(r.rapport).toContain('Er is niets opgeslagen');
  });

  it('importing again keeps what the beheerder completed', () => {
    const db = nieuweDb();
    importeer(SERVICES, db, config, { toepassen: true, vandaag: VANDAAG });
    const koffie = laadKaart(db, { ookConcepten: true }).activiteiten.find((a) => a.titel === 'Koffieochtend')!;
    werkActiviteitBij(
      db,
      koffie.id,
      { ...alsActiviteitData(koffie), doelgroepen: ['ouderen'], aanmelden: { soort: 'vrije-inloop' } },
      koffie.versie,
    );
    const r = importeer(SERVICES, db, config, { toepassen: true, vandaag: VANDAAG });
    expect(r.code, r.rapport).toBe(0);
    expect(r.plan!.items.find((i) => i.naam === 'Koffieochtend')).toMatchObject({ actie: 'ongewijzigd', teDoen: undefined });
    const na = laadKaart(db, { ookConcepten: true }).activiteiten.find((a) => a.titel === 'Koffieochtend')!;
    expect(na).toMatchObject({ doelgroepen: ['ouderen'], aanmelden: { soort: 'vrije-inloop' } });
    db.$client.close();
  });
});

describe('import straight from an HSDS 3.0 API', { timeout: 60_000 }, () => {
  // A local server with the fixture as pages of /api/services: page 1 lists two services
  // without their organisation (as a list endpoint may), each then read at /api/services/{id};
  // page 2 has the third in full.
  let server: Server;
  let basis = '';
  const verzoeken: string[] = [];
  let kapot = '';
  beforeAll(async () => {
    const s = services();
    const kort = (x: Record<string, unknown>) => ({ id: x.id, name: x.name, status: x.status });
    const pagina = (nr: number, contents: unknown[]) => ({
      total_items: s.length,
      total_pages: 2,
      page_number: nr,
      size: contents.length,
      first_page: nr === 1,
      last_page: nr === 2,
      empty: contents.length === 0,
      contents,
    });
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      verzoeken.push(`${url.pathname}${url.search}`);
      const stuur = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (kapot && url.pathname + url.search.replace(/&per_page=\d+/, '') === kapot) return stuur(500, { fout: 'kapot' });
      if (url.pathname === '/api/services') {
        const nr = Number(url.searchParams.get('page') ?? 1);
        return stuur(200, nr === 1 ? pagina(1, s.slice(0, 2).map(kort)) : pagina(2, s.slice(2)));
      }
      const detail = s.find((x) => url.pathname === `/api/services/${String(x.id)}`);
      return detail ? stuur(200, detail) : stuur(404, {});
    });
    await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
    basis = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((klaar) => server.close(() => klaar())));

  it('reads every page and every full record, with the same to-dos as from the file', async () => {
    const db = nieuweDb();
    const r = await importeerVanApi(basis, db, config, { vandaag: VANDAAG });
    expect(r.code, r.rapport).toBe(0);
    expect(verzoeken).toEqual([
      '/api/services?page=1&per_page=100',
      '/api/services/c0ffee00-0000-4000-8000-000000000101',
      '/api/services/c0ffee00-0000-4000-8000-000000000102',
      '/api/services?page=2&per_page=100',
    ]);
    const sectie = r.rapport.split('Na import nog aanvullen')[1].split('\n\n')[0].split('\n').slice(1);
    expect(sectie.map((s) => s.trim())).toEqual([
      '/api/services?page=1:contents[0].organization Stichting Welzijn De Linde (organisatie): kies de soort organisatie',
      '/api/services?page=1:contents[1].organization Bibliotheek Den Ham (organisatie): kies de soort organisatie',
      '/api/services?page=1:contents[0] Koffieochtend (activiteit): kies voor wie het is; kies vrije inloop of aanmelden',
      '/api/services?page=1:contents[1] Taalmaatje (activiteit): kies een thema; kies vrije inloop of aanmelden',
      '/api/services?page=2:contents[0] Mantelzorgcafé (activiteit): kies voor wie het is; kies vrije inloop of aanmelden; kies wat het kost',
    ]);
    const opgeslagen = await importeerVanApi(`${basis}/services`, db, config, { vandaag: VANDAAG, toepassen: true });
    expect(opgeslagen.code, opgeslagen.rapport).toBe(0);
    expect(laadKaart(db, { ookConcepten: true }).activiteiten).toHaveLength(3);
    db.$client.close();
  });

  it('a page that fails stops the import with the page named, and nothing is saved', async () => {
    kapot = '/api/services?page=2';
    const db = nieuweDb();
    const voor = dumpDb(db);
    const r = await importeerVanApi(basis, db, config, { vandaag: VANDAAG, toepassen: true });
    kapot = '';
    expect(r.code).toBe(1);
    expect(r.rapport).toContain('/api/services?page=2: De API antwoordde met 500 Internal Server Error.');
    expect(r.rapport).toContain('Er is niets opgeslagen');
    expect(dumpDb(db)).toEqual(voor);
    db.$client.close();
  });
});
