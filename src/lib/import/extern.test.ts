import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { laadKaart } from '../data/kaart.ts';
import { openDb } from '../db/client.ts';
import { importeer } from './importeer.ts';
import { meldingTekst } from '../opendata/hsds/melding.ts';

/** HSDS from another system: other ids, other taxonomies, fields we do not have. */

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-extern-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = loadConfig();

const ORG = '11111111-1111-4111-8111-111111111111';
const LOC = '22222222-2222-4222-8222-222222222222';
const SVC = '33333333-3333-4333-8333-333333333333';
const term = (id: string, name: string, code?: string) => ({ id, name, code, description: name });

function dienst(extra: Record<string, unknown> = {}) {
  return {
    id: SVC,
    organization_id: ORG,
    name: 'Taalcafé',
    description: 'Oefen Nederlands praten met vrijwilligers, onder het genot van een kop koffie.',
    status: 'active',
    alert: 'Let op: in de zomer gesloten',
    assured_date: '2026-09-01',
    application_process: 'Bel de bibliotheek.',
    schedules: [
      { id: '44444444-4444-4444-8444-444444444444', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:30', closes_at: '11:00' },
    ],
    service_at_locations: [{ id: '55555555-5555-4555-8555-555555555555', location_id: LOC }],
    cost_options: [{ id: '66666666-6666-4666-8666-666666666666', amount: 0, currency: 'EUR' }],
    attributes: [
      {
        id: '77777777-7777-4777-8777-777777777771',
        taxonomy_term_id: 'aaaaaaaa-0000-4000-8000-000000000001',
        taxonomy_term: term('aaaaaaaa-0000-4000-8000-000000000001', 'Taal en computer'),
      },
      {
        id: '77777777-7777-4777-8777-777777777772',
        taxonomy_term_id: 'aaaaaaaa-0000-4000-8000-000000000002',
        taxonomy_term: term('aaaaaaaa-0000-4000-8000-000000000002', 'Nieuwkomers'),
      },
      {
        id: '77777777-7777-4777-8777-777777777773',
        taxonomy_term_id: 'aaaaaaaa-0000-4000-8000-000000000003',
        taxonomy_term: term('aaaaaaaa-0000-4000-8000-000000000003', 'Language support', 'BD-1800'),
      },
    ],
    ...extra,
  };
}

const organisatie = {
  id: ORG,
  name: 'Bibliotheek Vriezenveen',
  description: 'De bibliotheek: boeken lenen, hulp met de computer en een plek om te leren.',
  locations: [
    {
      id: LOC,
      location_type: 'physical',
      name: 'Bibliotheek',
      addresses: [
        {
          id: '88888888-8888-4888-8888-888888888888',
          address_1: 'Westeinde 20a',
          city: 'Vriezenveen',
          postal_code: '7671cd',
          state_province: 'Overijssel',
          country: 'NL',
          address_type: 'physical',
        },
      ],
    },
  ],
  attributes: [
    {
      id: '99999999-9999-4999-8999-999999999999',
      taxonomy_term_id: 'bbbbbbbb-0000-4000-8000-000000000001',
      taxonomy_term: term('bbbbbbbb-0000-4000-8000-000000000001', 'Onderwijs en opvang'),
    },
  ],
};

function invoer(services: unknown[]): string {
  const map = path.join(dir, `invoer-${Math.random().toString(36).slice(2)}`);
  mkdirSync(map);
  writeFileSync(path.join(map, 'services.json'), JSON.stringify(services));
  writeFileSync(path.join(map, 'organizations.json'), JSON.stringify({ contents: [organisatie] }));
  return map;
}

describe('HSDS from another system', { timeout: 60_000 }, () => {
  it('maps what it can by name, and reports the rest as not taken over', () => {
    const db = openDb(path.join(dir, 'a.sqlite'));
    const r = importeer(invoer([dienst()]), db, config, { toepassen: true, vandaag: '2026-11-22' });
    expect(r.code, r.rapport).toBe(0);
    expect(r.plan!.meldingen.map(meldingTekst)).toEqual([
      'organizations.json:contents[0].attributes: Er staat niet in welke kernen de organisatie actief is; we nemen de kern van het adres.',
      'services.json:[0].attributes[2].taxonomy_term_id: Term "Language support" (aaaaaaaa-0000-4000-8000-000000000003) staat niet in onze lijsten; niet overgenomen. Zet de term in een koppelingsbestand (--koppeling) om hem over te nemen.',
      'services.json:[0].application_process: Er staat hoe u zich aanmeldt; we nemen aan dat aanmelden nodig is.',
      'services.json:[0].alert: alert ("Let op: in de zomer gesloten") heeft geen plek in de sociale kaart; niet overgenomen.',
      'organizations.json:contents[0].gecontroleerd_op: Er staat niet wanneer de gegevens zijn gecontroleerd; we zetten 2026-11-22.',
    ]);
    const kaart = laadKaart(db, { ookConcepten: true });
    expect(kaart.organisaties[0]).toMatchObject({
      uuid: ORG,
      slug: 'bibliotheek-vriezenveen',
      soort: 'onderwijs-en-opvang',
      status: 'concept',
      kernen: ['vriezenveen'],
      bezoekadres: {
        naam: 'Bibliotheek',
        straat: 'Westeinde',
        huisnummer: '20a',
        postcode: '7671 CD',
        plaats: 'Vriezenveen',
        kern: 'vriezenveen',
      },
    });
    expect(kaart.activiteiten[0]).toMatchObject({
      uuid: SVC,
      slug: 'taalcafe-vriezenveen',
      kern: 'vriezenveen',
      themas: ['taal-en-digitaal'],
      doelgroepen: ['nieuwkomers'],
      kosten: { soort: 'gratis' },
      aanmelden: { soort: 'aanmelden', hoe: 'Bel de bibliotheek.' },
      rooster: { regels: [{ type: 'wekelijks', dagen: ['ma', 'wo'], interval: 1, van: '09:30', tot: '11:00' }] },
    });
    expect(kaart.activiteiten[0].locatie).toBeUndefined();
    db.$client.close();
  });

  it('names every field our model needs and the file lacks (what the portal can complete comes later, as a to-do)', () => {
    const kaal = dienst({
      attributes: [],
      cost_options: [],
      application_process: undefined,
      schedules: [],
      service_at_locations: [],
    });
    const r = importeer(invoer([kaal]), openDb(path.join(dir, 'b.sqlite')), config, { toepassen: true, vandaag: '2026-11-22' });
    expect(r.code).toBe(1);
    const problemen = r.plan!.meldingen.filter((m) => m.ernst === 'probleem').map(meldingTekst);
    expect(problemen).toEqual([
      'services.json:[0].service_areas: Er staat niet in welke kern de activiteit is. Geef een service_area met de naam van de kern (Vriezenveen, Vroomshoop, Den Ham, Westerhaar-Vriezenveensewijk, Aadorp, Bruinehaar, Daarlerveen, Geerdijk, Kloosterhaar, Sibculo), of een plek met adres.',
      'services.json:[0].schedules: geef aan wanneer de activiteit is, of kies "op afspraak"',
    ]);
  });
});
