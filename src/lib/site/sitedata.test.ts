import { describe, expect, it } from 'vitest';
import { maakSiteData } from './sitedata.ts';
import { config, kaart } from './testdata.ts';

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
