import { loadConfig } from '../config/load.ts';
import type { Activiteit, Kaart, Organisatie } from '../data/kaart.ts';
import { roosterSchema } from '../rooster/schema.ts';

/** Small hand-made data sets for tests of what the site shows (not the demo data). */
export const config = loadConfig();
export const org = (slug: string, kernen: string[], themas: string[] = []): Organisatie => ({
  id: slug.length,
  uuid: slug,
  slug,
  naam: slug,
  soort: 'vereniging',
  omschrijving: 'Een vereniging in het dorp voor iedereen.',
  kernen,
  themas,
  status: 'gepubliceerd',
  gecontroleerdOp: '2026-10-01',
  vertrouwd: false,
  versie: 1,
  gewijzigdOp: '2026-10-01T00:00:00Z',
});
let id = 100;
export const act = (slug: string, kern: string, rooster: unknown, extra: Partial<Activiteit> = {}): Activiteit => ({
  id: id++,
  uuid: slug,
  slug,
  titel: slug,
  omschrijving: 'Samen koffie drinken in het dorpshuis.',
  organisatie: 'club',
  kern,
  rooster: roosterSchema.parse(rooster),
  themas: ['ontmoeting'],
  doelgroepen: ['iedereen'],
  kosten: { soort: 'gratis' },
  aanmelden: { soort: 'vrije-inloop' },
  status: 'gepubliceerd',
  gecontroleerdOp: '2026-10-01',
  versie: 1,
  gewijzigdOp: '2026-10-01T00:00:00Z',
  ...extra,
});

export const kaart: Kaart = {
  kernen: config.kernen.map((k, i) => ({
    id: i + 1,
    slug: k.slug,
    naam: k.naam,
    omschrijving: k.omschrijving,
    centrum: k.centrum,
  })),
  organisaties: [org('club', ['sibculo', 'kloosterhaar'], ['cultuur-en-hobby'])],
  activiteiten: [
    act('koffie', 'sibculo', { regels: [{ type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '11:30' }] }),
    act('markt', 'sibculo', { regels: [{ type: 'eenmalig', datum: '2026-11-01', van: '10:00', tot: '15:00' }] }),
    act(
      'pauze',
      'sibculo',
      { regels: [{ type: 'wekelijks', dagen: ['wo'], van: '10:00', tot: '11:30' }] },
      { status: 'gepauzeerd' },
    ),
    act('spreekuur', 'kloosterhaar', { opAfspraak: true }, { themas: ['geldzaken'] }),
  ],
  kernondersteuners: [],
  demo: false,
};
