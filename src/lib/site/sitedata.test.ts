import { describe, expect, it } from 'vitest';
import { maakSiteData } from './sitedata.ts';
import { act, config, kaart, org } from './testdata.ts';

const site = maakSiteData(config, kaart, { datum: '2026-11-22', tijd: '12:00' });

describe('maakSiteData', () => {
  it('lists only current activities: not paused, not past, appointments included', () => {
    expect(site.activiteitenIn('sibculo').map((a) => a.slug)).toEqual(['koffie']);
    expect(site.activiteitenIn('kloosterhaar').map((a) => a.slug)).toEqual(['spreekuur']);
    expect(site.activiteitenVan('club')).toHaveLength(4);
  });

  it('gives the coming occurrences of a kern in date order', () => {
    expect(site.komendeKeren('sibculo', 14).map((k) => `${k.datum} ${k.activiteit.slug}`)).toEqual([
      '2026-11-24 koffie',
      '2026-12-01 koffie',
    ]);
  });

  it('puts an organisation under its own thema and those of its activities', () => {
    expect(site.organisatiesOver('cultuur-en-hobby').map((o) => o.slug)).toEqual(['club']);
    expect(site.organisatiesOver('geldzaken').map((o) => o.slug)).toEqual(['club']);
    expect(site.organisatiesOver('vervoer')).toEqual([]);
    expect(site.organisatiesIn('kloosterhaar').map((o) => o.slug)).toEqual(['club']);
  });

  it('uses the labels of the config', () => {
    expect(site.themaLabel('geldzaken')).toBe('Geld en schulden');
    expect(site.kernNaam('westerhaar-vriezenveensewijk')).toBe('Westerhaar-Vriezenveensewijk');
  });
});

describe('age of listings in lists (issue 15)', () => {
  const weekelijks = { regels: [{ type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '11:30' }] };
  const oud = maakSiteData(
    config,
    {
      ...kaart,
      organisaties: [
        org('club', ['sibculo']),
        { ...org('stoffig', ['sibculo']), gecontroleerdOp: '2025-01-10' },
        { ...org('bibliotheek', ['sibculo']), gecontroleerdOp: '2020-01-10', altijdZichtbaar: true },
      ],
      activiteiten: [
        act('vers', 'sibculo', weekelijks),
        act('jaar-oud', 'sibculo', weekelijks, { gecontroleerdOp: '2025-10-01' }),
        act('te-oud', 'sibculo', weekelijks, { gecontroleerdOp: '2025-04-01' }),
        act('uitgezonderd', 'sibculo', weekelijks, { gecontroleerdOp: '2020-04-01', organisatie: 'bibliotheek' }),
      ],
    },
    { datum: '2026-11-22', tijd: '12:00' },
  );

  it('keeps a listing unchecked for 12 months in lists (its page warns), drops one of 18 months, unless exempted', () => {
    expect(oud.activiteitenIn('sibculo').map((a) => a.slug)).toEqual(['vers', 'jaar-oud', 'uitgezonderd']);
    expect(['vers', 'jaar-oud', 'te-oud', 'uitgezonderd'].map((s) => oud.leeftijdVan(oud.activiteit(s)!))).toEqual([
      'vers',
      'melding',
      'verborgen',
      'vers',
    ]);
    expect(oud.organisatiesIn('sibculo').map((o) => o.slug)).toEqual(['club', 'bibliotheek']);
    expect(oud.zichtbareOrganisaties.map((o) => o.slug)).toEqual(['club', 'bibliotheek']);
    // The page of a hidden listing still exists.
    expect(oud.organisatie('stoffig')?.slug).toBe('stoffig');
    expect(oud.isGepland(oud.activiteit('te-oud')!)).toBe(true);
  });
});
