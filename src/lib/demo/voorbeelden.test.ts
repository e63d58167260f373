import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { woorden } from '../config/woorden.ts';
import { demoAan } from '../data/seed.ts';
import { laadSynoniemen } from '../zoeken/synoniemen.ts';
import { maakDemoDataset } from './dataset.ts';

/** The example configuration of a second gemeente, read as `SK_CONTENT=… npm start` reads it. */
const LOON_OP_ZAND = 'content/voorbeelden/loon-op-zand';
const oud = { content: process.env.SK_CONTENT, demo: process.env.SK_DEMO };
afterEach(() => {
  for (const [sleutel, waarde] of [
    ['SK_CONTENT', oud.content],
    ['SK_DEMO', oud.demo],
  ] as const) {
    if (waarde === undefined) delete process.env[sleutel];
    else process.env[sleutel] = waarde;
  }
});

describe('the Loon op Zand example (content/voorbeelden/loon-op-zand)', () => {
  it('is a valid configuration with its own words, kernen and synonyms', () => {
    process.env.SK_CONTENT = LOON_OP_ZAND;
    const config = loadConfig();
    expect(config.kernen.map((k) => k.naam)).toEqual(['Kaatsheuvel', 'Loon op Zand', 'De Moer']);
    expect(woorden(config).DeOndersteuner).toBe('Het Sterk Lokaal Team');
    expect(config.huisstijl.aanvulling).toBe(`${LOON_OP_ZAND}/huisstijl/kleuren.css`);
    expect(() => laadSynoniemen(config)).not.toThrow();
  });

  it('makes invented demo data, every name marked (demo), a Sterk Lokaal Team per kern, nothing of Twenterand', () => {
    process.env.SK_CONTENT = LOON_OP_ZAND;
    const data = maakDemoDataset(loadConfig(), '2026-06-01');
    expect(data.organisaties.length).toBeGreaterThanOrEqual(30);
    expect(data.activiteiten.length).toBeGreaterThanOrEqual(30);
    const namen = [...data.organisaties.map((o) => o.naam), ...data.activiteiten.map((a) => a.titel)];
    expect(namen.filter((n) => !n.endsWith(' (demo)'))).toEqual([]);
    expect(data.kernondersteuners.map((k) => [k.kern, k.organisatie])).toEqual([
      ['kaatsheuvel', 'sterk-lokaal-team'],
      ['loon-op-zand', 'sterk-lokaal-team'],
      ['de-moer', 'sterk-lokaal-team'],
    ]);
    expect(data.kernondersteuners.every((k) => k.telefoon.startsWith('0416 0'))).toBe(true);
    const tekst = JSON.stringify(data);
    expect(tekst).not.toMatch(/twenterand|0546/i);
    // Only the internal key of the data set keeps the Twenterand word.
    expect(tekst.replaceAll('"kernondersteuners":', '')).not.toMatch(/kernondersteuner/i);
  });

  it('loads demo data only for a content folder with demo data, and never with SK_DEMO=uit', () => {
    process.env.SK_CONTENT = LOON_OP_ZAND;
    expect(demoAan()).toBe(true);
    process.env.SK_DEMO = 'uit';
    expect(demoAan()).toBe(false);
    delete process.env.SK_DEMO;
    const leeg = mkdtempSync(path.join(os.tmpdir(), 'sk-inhoud-'));
    process.env.SK_CONTENT = leeg;
    expect(demoAan()).toBe(false);
    rmSync(leeg, { recursive: true, force: true });
  });
});
