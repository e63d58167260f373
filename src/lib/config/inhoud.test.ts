import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configPath } from './load.ts';
import { dataPad, gemeenteSleutel, inhoudNaam, inhoudPad, projectRoot } from './inhoud.ts';

const oud = process.env.SK_CONTENT;
afterEach(() => {
  if (oud === undefined) delete process.env.SK_CONTENT;
  else process.env.SK_CONTENT = oud;
});

describe('the content folder (SK_CONTENT) and the data folder that goes with it', () => {
  it('is content/ with data in data/ by default', () => {
    delete process.env.SK_CONTENT;
    expect(inhoudPad('demo')).toBe(path.resolve(projectRoot(), 'content/demo'));
    expect(dataPad('releases')).toBe(path.resolve(projectRoot(), 'data/releases'));
    expect(gemeenteSleutel()).toBe('');
    expect(configPath()).toBe(path.resolve(projectRoot(), 'content/gemeente.yaml'));
  });

  it('gives another gemeente its own data folder, so two can run side by side', () => {
    process.env.SK_CONTENT = 'content/voorbeelden/loon-op-zand/';
    expect(gemeenteSleutel()).toBe('voorbeelden-loon-op-zand');
    expect(inhoudNaam('demo', 'kernen.yaml')).toBe('content/voorbeelden/loon-op-zand/demo/kernen.yaml');
    expect(dataPad('sociale-kaart.sqlite')).toBe(
      path.resolve(projectRoot(), 'data/voorbeelden-loon-op-zand/sociale-kaart.sqlite'),
    );
    expect(configPath()).toBe(path.resolve(projectRoot(), 'content/voorbeelden/loon-op-zand/gemeente.yaml'));
  });

  it('makes a safe folder name of any other path', () => {
    expect(gemeenteSleutel('../Elders/Mijn Gemeente')).toBe('elders-mijn-gemeente');
    expect(gemeenteSleutel('content')).toBe('');
  });
});
