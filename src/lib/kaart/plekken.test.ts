import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/load.ts';
import { laadKaart } from '../data/kaart.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb } from '../db/client.ts';
import { maakSiteData, type SiteData } from '../site/sitedata.ts';
import { activiteitPlekken, groepeerPlekken, kernenPlekken, kernPlekken, organisatiePlekken } from './plekken.ts';
import { laadKernenGeoJson } from './omlijningen.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-plekken-'));
const config = loadConfig();
let site: SiteData;

beforeAll(() => {
  const db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, config, '2026-11-22');
  site = maakSiteData(config, laadKaart(db), { datum: '2026-11-22', tijd: '12:00' });
  db.$client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const adres = (straat: string, lat?: number, lon?: number, naam?: string) => ({
  naam,
  straat,
  huisnummer: '1',
  postcode: '7671 AB',
  plaats: 'Vriezenveen',
  kern: 'vriezenveen',
  lat,
  lon,
});

describe('groepeerPlekken', () => {
  it('puts everything at one address in one place, once, and skips addresses without coordinates', () => {
    const item = (naam: string) => ({ naam, soort: 'Activiteit', href: `/aanbod/${naam}/` });
    const plekken = groepeerPlekken([
      { adres: adres('Dorpsstraat', 52.4, 6.6), item: item('zingen') },
      { adres: adres('Dorpsstraat', 52.400001, 6.600001, 'Dorpshuis De Spil'), item: item('breien') },
      { adres: adres('Dorpsstraat', 52.4, 6.6), item: item('zingen') },
      { adres: adres('Kerkweg', 52.41, 6.61), item: item('koffie') },
      { adres: adres('Nergensweg'), item: item('kwijt') },
    ]);
    expect(plekken).toHaveLength(2);
    expect(plekken[0]).toMatchObject({ naam: 'Dorpshuis De Spil', adres: 'Dorpsstraat 1, 7671 AB Vriezenveen' });
    expect(plekken[0].items.map((i) => i.naam)).toEqual(['breien', 'zingen']);
    expect(plekken[1]).toMatchObject({ adres: 'Kerkweg 1, 7671 AB Vriezenveen', items: [{ naam: 'koffie' }] });
  });
});

describe('places of the demo data', () => {
  it('a kern page shows the places in that kern, with organisations and current activities', () => {
    for (const kern of site.kernen) {
      const plekken = kernPlekken(site, kern.slug);
      expect(plekken.length, kern.slug).toBeGreaterThan(0);
      const hrefs = plekken.flatMap((p) => p.items.map((i) => i.href));
      expect(new Set(hrefs).size, kern.slug).toBe(hrefs.length);
      const metAdres = site.organisatiesIn(kern.slug).filter((o) => o.bezoekadres?.kern === kern.slug && o.bezoekadres.lat);
      for (const o of metAdres) expect(hrefs, `${kern.slug}: ${o.slug}`).toContain(`/organisaties/${o.slug}/`);
      expect(
        hrefs.some((h) => h.startsWith('/aanbod/')),
        kern.slug,
      ).toBe(true);
      for (const h of hrefs.filter((h) => h.startsWith('/aanbod/'))) {
        const a = site.activiteit(h.split('/')[2])!;
        expect(site.isActueel(a), h).toBe(true);
        expect(a.kern).toBe(kern.slug);
      }
      // Places lie in the kern: the demo puts addresses within about a kilometre of the centre.
      for (const p of plekken) {
        expect(Math.abs(p.lat - kern.centrum.lat), `${kern.slug} ${p.adres}`).toBeLessThan(0.02);
        expect(p.adres).toMatch(/^\S.* \d+\S*, \d{4} [A-Z]{2} /);
      }
    }
  });

  it('places with several things get them all, as in a dorpshuis', () => {
    const drukste = site.kernen.flatMap((k) => kernPlekken(site, k.slug)).sort((a, b) => b.items.length - a.items.length)[0];
    expect(drukste.items.length).toBeGreaterThan(2);
  });

  it('an organisation shows its own address and where its activities are', () => {
    const o = site.kaart.organisaties.find((o) => o.bezoekadres?.lat && site.activiteitenVan(o.slug).length > 0)!;
    const plekken = organisatiePlekken(site, o);
    expect(plekken.flatMap((p) => p.items.map((i) => i.href))).toContain(`/organisaties/${o.slug}/`);
    expect(plekken.find((p) => p.items.some((i) => i.href === `/organisaties/${o.slug}/`))!.lat).toBe(o.bezoekadres!.lat);
    const zonder = site.kaart.organisaties.find(
      (o) =>
        !o.bezoekadres &&
        site
          .activiteitenVan(o.slug)
          .filter(site.isActueel)
          .every((a) => !a.plek),
    );
    if (zonder) expect(organisatiePlekken(site, zonder)).toEqual([]);
  });

  it('an activity shows the one place where it happens', () => {
    const a = site.kaart.activiteiten.find((a) => a.plek?.lat)!;
    expect(activiteitPlekken(a)).toEqual([
      expect.objectContaining({
        lat: a.plek!.lat,
        lon: a.plek!.lon,
        items: [{ naam: a.titel, soort: 'Activiteit', href: `/aanbod/${a.slug}/` }],
      }),
    ]);
  });

  it('the overview has one place per kern, at its centre, with a link', () => {
    const plekken = kernenPlekken(site);
    expect(plekken.map((p) => p.naam)).toEqual(config.kernen.map((k) => k.naam));
    expect(plekken[0]).toMatchObject({ lat: 52.4089, lon: 6.621, items: [{ soort: 'Kern', href: '/kernen/vriezenveen/' }] });
    expect(plekken[0].items[0].toelichting).toMatch(/^\d+ organisaties en \d+ activiteiten$/);
  });
});

describe('laadKernenGeoJson', () => {
  it('gives an outline and a named centre for every kern', () => {
    const geo = laadKernenGeoJson(config);
    const omlijningen = geo.features.filter((f) => f.properties.soort === 'omlijning').map((f) => f.properties.kern);
    const centra = geo.features.filter((f) => f.properties.soort === 'centrum');
    expect(omlijningen.sort()).toEqual(config.kernen.map((k) => k.slug).sort());
    expect(centra.map((f) => f.properties.kern)).toEqual(config.kernen.map((k) => k.slug));
    expect(centra[0]).toMatchObject({
      properties: { naam: 'Vriezenveen' },
      geometry: { type: 'Point', coordinates: [6.621, 52.4089] },
    });
  });

  it('works without an outline file and names mistakes in one', () => {
    const zonder = laadKernenGeoJson({ ...config, kaart: { ondergrond: 'none', omlijningen: 'bestaat/niet.geojson' } });
    expect(zonder.features.every((f) => f.properties.soort === 'centrum')).toBe(true);
    const fout = path.join(dir, 'fout.geojson');
    writeFileSync(
      fout,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kern: 'atlantis' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [6, 52],
                  [6.1, 52],
                  [6.1, 52.1],
                  [6, 52],
                ],
              ],
            },
          },
        ],
      }),
    );
    expect(() => laadKernenGeoJson({ ...config, kaart: { ondergrond: 'none', omlijningen: fout } })).toThrow(ConfigError);
    expect(() => laadKernenGeoJson({ ...config, kaart: { ondergrond: 'none', omlijningen: fout } })).toThrow(/atlantis/);
  });
});
