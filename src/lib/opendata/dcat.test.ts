import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { feedSlugs } from '../agenda/feeds.ts';
import { gemeenteConfigSchema } from '../config/schema.ts';
import { maakSiteData } from '../site/sitedata.ts';
import { DCAT_PAD, dcatCatalogus } from './dcat.ts';
import { OPEN_DATA_BESTANDEN } from './export.ts';
import { HSDS_BESTANDEN } from './hsds/bestanden.ts';
import { demoExport, NU } from './hsds/testhulp.ts';

/**
 * The DCAT-AP-NL 3.0 description: the mandatory properties of catalogue, dataset and every
 * distribution (DCAT-AP-NL 3.0, "verplicht"), taken from the configuration, and every
 * distribution a file the release really has.
 */

type Knoop = Record<string, unknown>;
const { dir, config, site } = demoExport();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EU = 'http://publications.europa.eu/resource/authority';

function heeft(knoop: Knoop, wat: string, eigenschappen: string[]) {
  for (const e of eigenschappen) {
    const w = knoop[e];
    expect(w !== undefined && w !== null && w !== '' && !(Array.isArray(w) && w.length === 0), `${wat}: ${e}`).toBe(true);
  }
}

describe('DCAT-AP-NL description of the open data', () => {
  const cat = dcatCatalogus(site) as Knoop;
  const dataset = (cat['dcat:dataset'] as Knoop[])[0];
  const distributies = dataset['dcat:distribution'] as Knoop[];

  it('has the mandatory properties of catalogue, dataset and distributions', () => {
    expect(cat['@type']).toBe('dcat:Catalog');
    heeft(cat, 'catalogus', ['dct:title', 'dct:description', 'dct:publisher', 'dcat:dataset', 'foaf:homepage']);
    expect(dataset['@type']).toBe('dcat:Dataset');
    heeft(dataset, 'dataset', [
      'dct:identifier',
      'dct:title',
      'dct:description',
      'dct:publisher',
      'dcat:contactPoint',
      'dct:accrualPeriodicity',
      'dcat:theme',
      'dct:language',
      'dct:license',
      'dct:accessRights',
      'dct:modified',
      'dcat:distribution',
    ]);
    for (const d of distributies) {
      heeft(d, String(d['@id']), ['dcat:accessURL', 'dct:license', 'dct:format', 'dcat:mediaType', 'dct:title']);
      expect(d['@type']).toBe('dcat:Distribution');
    }
    expect(JSON.parse(JSON.stringify(cat))).toEqual(cat);
  });

  it('takes licence, publisher, contact and frequency from the configuration', () => {
    expect(dataset['dcat:contactPoint']).toMatchObject({
      'vcard:hasEmail': { '@id': `mailto:${config.contact.email}` },
      'vcard:hasTelephone': { '@id': `tel:${config.contact.telefoon.replace(/\s/g, '')}` },
    });
    expect(dataset['dct:license']).toEqual({ '@id': 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl' });
    expect(dataset['dct:accrualPeriodicity']).toEqual({ '@id': `${EU}/frequency/UPDATE_CONT` });
    expect(dataset['dct:publisher']).toMatchObject({ 'foaf:name': { '@value': 'Gemeente Twenterand' } });

    const anders = gemeenteConfigSchema.parse({
      ...config,
      opendata: {
        licentie: 'https://creativecommons.org/licenses/by/4.0/',
        uitgever: 'https://identifier.overheid.nl/tooi/id/gemeente/gm1700',
        frequentie: 'DAILY',
      },
    });
    const ds = ((dcatCatalogus(maakSiteData(anders, site.kaart, NU)) as Knoop)['dcat:dataset'] as Knoop[])[0];
    expect(ds['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    expect(ds['dct:accrualPeriodicity']).toEqual({ '@id': `${EU}/frequency/DAILY` });
    expect(ds['dct:publisher']).toMatchObject({ '@id': 'https://identifier.overheid.nl/tooi/id/gemeente/gm1700' });
    expect(() => gemeenteConfigSchema.parse({ ...config, opendata: { frequentie: 'soms' } })).toThrow(/UPDATE_CONT/);
  });

  it('describes every open-data file of the release: HSDS JSON and CSV, our JSON and CSV, the kern calendars', () => {
    const paden = distributies.map((d) => new URL((d['dcat:downloadURL'] as { '@id': string })['@id']).pathname);
    const bestaat = new Set([
      ...HSDS_BESTANDEN.map((b) => `/open-data/hsds/${b}`),
      ...OPEN_DATA_BESTANDEN.map((b) => `/open-data/${b}`),
      ...feedSlugs(site, 'kernen').map((k) => `/agenda/kernen/${k}.ics`),
    ]);
    for (const p of paden) expect(bestaat.has(p), p).toBe(true);
    expect(paden).toEqual(
      expect.arrayContaining([
        '/open-data/hsds/services.json',
        '/open-data/hsds/datapackage.json',
        '/open-data/sociale-kaart.json',
        '/open-data/organisaties.csv',
        '/open-data/activiteiten.csv',
        '/agenda/kernen/vriezenveen.ics',
      ]),
    );
    expect(String(cat['@id'])).toBe(new URL(`${DCAT_PAD}#catalogus`, config.url).href);
  });
});
