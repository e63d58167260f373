import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configProbleem, laatsteGoedeTekst, loadConfig, parseConfig } from './load.ts';

const echt = readFileSync('content/gemeente.yaml', 'utf8');

function fout(tekst: string): ConfigError {
  try {
    parseConfig(tekst, 'content/gemeente.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('geen fout');
}

describe('gemeente config', () => {
  it('reads the Twenterand config with ten kernen and the fixed lists', () => {
    const config = loadConfig();
    expect(config.kernen.map((k) => k.naam)).toEqual([
      'Vriezenveen',
      'Vroomshoop',
      'Den Ham',
      'Westerhaar-Vriezenveensewijk',
      'Aadorp',
      'Bruinehaar',
      'Daarlerveen',
      'Geerdijk',
      'Kloosterhaar',
      'Sibculo',
    ]);
    expect(config.soorten.map((s) => s.slug)).toEqual([
      'kernondersteuning',
      'welzijn',
      'vereniging',
      'kerk',
      'ontmoetingsplek',
      'zorg-en-gezondheid',
      'onderwijs-en-opvang',
      'bewonersinitiatief',
      'gemeente',
    ]);
    expect(config.themas).toHaveLength(11);
    expect(config.doelgroepen.map((d) => d.slug)).toContain('mensen-met-een-beperking');
    expect(config.kaart).toEqual({ ondergrond: 'none', omlijningen: 'content/kaart/kernen.geojson' });
    expect(config.huisstijl).toEqual({ tokens: 'voorbeeld', klasse: 'voorbeeld-theme' });
  });

  it('names file, field and problem for a wrong value', () => {
    const e = fout(echt.replace('centrum: { lat: 52.4605, lon: 6.5660 }', 'centrum: { lat: "noord", lon: 6.5660 }'));
    expect(e.message).toContain('content/gemeente.yaml');
    expect(e.problemen).toEqual(['regel 26, kernen[1].centrum.lat: moet een getal zijn']);
  });

  it('reports a missing field and a duplicate slug', () => {
    const zonderUrl = echt.replace(/^url: .*$/m, '');
    expect(fout(zonderUrl).problemen).toEqual(['url: moet een volledig webadres zijn, zoals https://socialekaart.example.nl']);
    const dubbel = echt.replace('slug: sibculo', 'slug: aadorp');
    expect(fout(dubbel).problemen).toEqual(['regel 72, kernen[9].slug: "aadorp" staat er twee keer in']);
    const slechteSlug = echt.replace('slug: mantelzorg\n', 'slug: Mantel Zorg\n');
    expect(fout(slechteSlug).problemen[0]).toMatch(/^regel \d+, themas\[3\]\.slug: mag alleen kleine letters/);
  });

  it('reports a YAML syntax error with its line', () => {
    const e = fout('naam: Twenterand\nkernen: [\n');
    expect(e.problemen[0]).toMatch(/^regel \d+:/);
  });

  it('reports a missing file by name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-config-'));
    expect(() => loadConfig(path.join(dir, 'bestaat-niet.yaml'))).toThrow(/bestaat niet/);
    writeFileSync(path.join(dir, 'leeg.yaml'), '');
    expect(() => loadConfig(path.join(dir, 'leeg.yaml'))).toThrow(ConfigError);
  });

  it('points a wrong value in a nested list at its own line', () => {
    const e = fout(echt.replace('slug: mantelzorg\n', 'slug: Mantel Zorg\n'));
    const regel = echt.split('\n').findIndex((r) => r.includes('slug: mantelzorg')) + 1;
    expect(e.problemen[0]).toMatch(new RegExp(`^regel ${regel}, `));
  });
});

describe('a configuration changed while the server runs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-config-wijzig-'));
  const pad = path.join(dir, 'gemeente.yaml');
  let tik = Date.parse('2026-11-23T12:00:00Z') / 1000;
  /** Writes the file with a later modification time, as an editor saving it would. */
  const bewaar = (tekst: string) => {
    writeFileSync(pad, tekst);
    tik += 10;
    utimesSync(pad, tik, tik);
  };

  it.each([
    ['a YAML syntax error', (t: string) => t.replace('kernen:', 'kernen: [')],
    [
      'a wrong value',
      (t: string) => t.replace('centrum: { lat: 52.4605, lon: 6.5660 }', 'centrum: { lat: "noord", lon: 6.5660 }'),
    ],
    ['an empty file', () => ''],
  ])('keeps the last good configuration after %s and reports the problem with its line until it is fixed', (_soort, breek) => {
    bewaar(echt);
    expect(loadConfig(pad).naam).toBe('Twenterand');
    expect(configProbleem(pad)).toBeUndefined();
    bewaar(breek(echt));
    expect(loadConfig(pad).naam).toBe('Twenterand');
    expect(loadConfig(pad).kernen).toHaveLength(10);
    expect(configProbleem(pad)?.message).toContain('gemeente.yaml');
    expect(laatsteGoedeTekst(pad)).toBe(echt);
    bewaar(echt.replace('naam: Twenterand', 'naam: Twenterand-Noord'));
    expect(loadConfig(pad).naam).toBe('Twenterand-Noord');
    expect(configProbleem(pad)).toBeUndefined();
  });

  it('names the line of the problem', () => {
    bewaar(echt);
    loadConfig(pad);
    bewaar(echt.replace('centrum: { lat: 52.4605, lon: 6.5660 }', 'centrum: { lat: "noord", lon: 6.5660 }'));
    expect(configProbleem(pad)?.problemen).toEqual(['regel 26, kernen[1].centrum.lat: moet een getal zijn']);
  });
});
