import { describe, expect, it } from 'vitest';
import { activiteitLd } from './jsonld.ts';
import { maakSiteData } from './sitedata.ts';
import { act, config, kaart } from './testdata.ts';

describe('activity JSON-LD', () => {
  const site = maakSiteData(config, kaart, { datum: '2026-11-22', tijd: '12:00' });
  const regels = [{ type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '12:00' }];

  it('gives the months of a season without the skipped ones as byMonth', () => {
    const a = act('zomer', kaart.kernen[0].slug, { regels, seizoen: { vanMaand: 5, totMaand: 9 }, nietInMaanden: [7, 8] });
    expect(activiteitLd(site, a).eventSchedule?.[0]).toMatchObject({ byMonth: [5, 6, 9], byDay: ['https://schema.org/Tuesday'] });
  });

  it('leaves byMonth out when every month counts', () => {
    expect(activiteitLd(site, act('altijd', kaart.kernen[0].slug, { regels })).eventSchedule?.[0]).not.toHaveProperty('byMonth');
  });
});
