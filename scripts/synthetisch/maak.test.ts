import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load.ts';
import { maakSchemas } from '../../src/lib/model/schemas.ts';
import { maakSynthetisch, woordvoorraad } from './maak.ts';

describe('synthetische kaart', () => {
  const config = loadConfig();
  it('makes about the asked number of pages of valid, unique records, the same every time', () => {
    const kaart = maakSynthetisch(config, 1000);
    const schemas = maakSchemas(config);
    const vast = config.kernen.length + config.themas.length + 12;
    expect(kaart.organisaties.length + kaart.activiteiten.length + vast).toBe(1000);
    for (const o of kaart.organisaties) schemas.organisatie.parse(o);
    for (const a of kaart.activiteiten) schemas.activiteit.parse(a);
    const slugs = [...kaart.organisaties, ...kaart.activiteiten].map((x) => x.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(maakSynthetisch(config, 1000)).toEqual(kaart);
  });

  it('draws its words from the demo and synonym files', () => {
    const voorraad = woordvoorraad();
    expect(voorraad.length).toBeGreaterThan(1000);
    expect(voorraad).toEqual(expect.arrayContaining(['schulden', 'koffieochtend', 'mantelzorg']));
  });
});
