import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { kaartConfigSchema, PDOK_STIJL } from '../config/schema.ts';
import { kaartBronnen, kaartPrivacyTekst } from './bronnen.ts';
import {
  attributie,
  basisStijl,
  kernLagen,
  KERNEN_BRON,
  ondergrondVoorBrowser,
  STANDAARD_KLEUREN,
  vulStijlIn,
  type Ondergrond,
} from './stijl.ts';

const ORIGIN = 'https://socialekaart.twenterand.example';
const none = kaartConfigSchema.parse({ ondergrond: 'none' });
const pdok = kaartConfigSchema.parse({ ondergrond: 'pdok' });
const pmtiles = kaartConfigSchema.parse({
  ondergrond: 'pmtiles',
  bestand: '/kaart/twenterand.pmtiles',
  glyphs: '/kaart/fonts/{fontstack}/{range}.pbf',
  sprite: '/kaart/sprites/light',
});

/** Every URL a style makes the browser fetch. */
function urls(stijl: object): string[] {
  return JSON.stringify(stijl).match(/"(?:https?|pmtiles):\/\/[^"]+"/g) ?? [];
}

describe('kaart config', () => {
  it('defaults to no basemap and validates the other settings', () => {
    expect(none).toEqual({ ondergrond: 'none', omlijningen: 'content/kaart/kernen.geojson' });
    expect(pdok).toMatchObject({ ondergrond: 'pdok', stijl: PDOK_STIJL, bronnen: [] });
    expect(pmtiles).toMatchObject({ lettertype: 'Noto Sans Regular', attributie: '© OpenStreetMap-bijdragers' });
    expect(kaartConfigSchema.safeParse({ ondergrond: 'google' }).success).toBe(false);
    expect(kaartConfigSchema.safeParse({ ondergrond: 'pdok', stijl: 'http://api.pdok.nl/x' }).success).toBe(false);
  });

  it('keeps a pmtiles basemap on our own site', () => {
    const fout = (extra: object) =>
      kaartConfigSchema.safeParse({
        ondergrond: 'pmtiles',
        bestand: '/a.pmtiles',
        glyphs: '/f/{fontstack}/{range}.pbf',
        sprite: '/s',
        ...extra,
      });
    expect(fout({}).success).toBe(true);
    expect(fout({ bestand: 'https://tiles.example.com/a.pmtiles' }).success).toBe(false);
    expect(fout({ bestand: '//tiles.example.com/a.pmtiles' }).success).toBe(false);
    expect(fout({ glyphs: '/fonts/x.pbf' }).success).toBe(false);
    expect(fout({ sprite: 'https://cdn.example.com/sprite' }).success).toBe(false);
  });
});

describe('kaartBronnen (CSP) and the privacy text', () => {
  it('allows nothing extra for none and pmtiles, and only PDOK for pdok', () => {
    expect(kaartBronnen(none)).toEqual([]);
    expect(kaartBronnen(pmtiles)).toEqual([]);
    expect(kaartBronnen(pdok)).toEqual(['https://api.pdok.nl']);
    const meer = kaartConfigSchema.parse({ ondergrond: 'pdok', bronnen: ['https://service.pdok.nl/fonts/'] });
    expect(kaartBronnen(meer)).toEqual(['https://api.pdok.nl', 'https://service.pdok.nl']);
  });

  it('tells which external requests the setting makes', () => {
    expect(kaartPrivacyTekst(none).join(' ')).toMatch(/geen verbinding met andere partijen/);
    expect(kaartPrivacyTekst(pmtiles).join(' ')).toMatch(/eigen server.*geen verbinding met andere partijen/);
    const tekst = kaartPrivacyTekst(pdok).join(' ');
    expect(tekst).toContain('PDOK');
    expect(tekst).toContain('api.pdok.nl');
    expect(tekst).toMatch(/IP-adres/);
  });
});

describe('basisStijl', () => {
  it('none: a valid style that makes no request at all (no tiles, glyphs or sprites)', () => {
    const stijl = basisStijl(ondergrondVoorBrowser(none), STANDAARD_KLEUREN, ORIGIN);
    expect(typeof stijl).toBe('object');
    expect(validateStyleMin(stijl as never)).toEqual([]);
    expect(urls(stijl as object)).toEqual([]);
    expect(stijl).not.toHaveProperty('glyphs');
    expect(stijl).not.toHaveProperty('sprite');
    expect(attributie(ondergrondVoorBrowser(none))).toBeUndefined();
  });

  it('pdok: the PDOK style URL with the Kadaster attribution', () => {
    expect(basisStijl(ondergrondVoorBrowser(pdok), STANDAARD_KLEUREN, ORIGIN)).toBe(PDOK_STIJL);
    expect(attributie(ondergrondVoorBrowser(pdok))).toBe('Kaartgegevens: © Kadaster');
  });

  it('pmtiles: a valid style whose every URL is on our own site', () => {
    const o = ondergrondVoorBrowser(pmtiles);
    expect(o).not.toHaveProperty('omlijningen');
    const stijl = basisStijl(o, STANDAARD_KLEUREN, ORIGIN) as object;
    expect(validateStyleMin(stijl as never)).toEqual([]);
    expect(urls(stijl)).toEqual([
      `"${ORIGIN}/kaart/fonts/{fontstack}/{range}.pbf"`,
      `"${ORIGIN}/kaart/sprites/light"`,
      `"pmtiles://${ORIGIN}/kaart/twenterand.pmtiles"`,
    ]);
    expect(JSON.stringify(stijl)).toContain('"Noto Sans Regular"');
  });

  it("pmtiles with the gemeente's own style: fills in our file and absolute paths", () => {
    const o = { ...ondergrondVoorBrowser(pmtiles), stijl: '/kaart/stijl.json' } as Extract<Ondergrond, { ondergrond: 'pmtiles' }>;
    expect(basisStijl(o, STANDAARD_KLEUREN, ORIGIN)).toBe(`${ORIGIN}/kaart/stijl.json`);
    const eigen = vulStijlIn(
      {
        version: 8,
        glyphs: '/kaart/fonts/{fontstack}/{range}.pbf',
        sources: {
          osm: { type: 'vector', url: 'pmtiles://{bestand}' },
          punten: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
        },
        layers: [{ id: 'a', type: 'background' }],
      },
      o,
      ORIGIN,
    );
    expect(eigen.sources.osm).toEqual({ type: 'vector', url: `pmtiles://${ORIGIN}/kaart/twenterand.pmtiles` });
    expect(eigen.glyphs).toBe(`${ORIGIN}/kaart/fonts/{fontstack}/{range}.pbf`);
    expect(eigen.sprite).toBe(`${ORIGIN}/kaart/sprites/light`);
    expect(validateStyleMin(eigen)).toEqual([]);
  });
});

describe('kernLagen', () => {
  it('are valid layers on the kernen source, highlighting the kern of the page', () => {
    for (const opties of [{ alleKernen: true }, { alleKernen: true, kern: 'sibculo' }, { alleKernen: false, kern: 'sibculo' }]) {
      const stijl = {
        version: 8 as const,
        sources: { [KERNEN_BRON]: { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } } },
        layers: kernLagen(STANDAARD_KLEUREN, opties),
      };
      expect(validateStyleMin(stijl), JSON.stringify(opties)).toEqual([]);
    }
    expect(JSON.stringify(kernLagen(STANDAARD_KLEUREN, { alleKernen: false, kern: 'sibculo' }))).toContain('"sibculo"');
  });
});
