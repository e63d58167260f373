import { describe, expect, it } from 'vitest';
import { gemeenteConfigSchema } from './schema.ts';
import { woorden } from './woorden.ts';

const woordenVan = (ondersteuner?: object) =>
  gemeenteConfigSchema.shape.woorden.parse(ondersteuner ? { ondersteuner } : undefined);

describe('woorden: the gemeente’s words for its local contact', () => {
  it('defaults to Twenterand’s kernondersteuner', () => {
    expect(woorden({ woorden: woordenVan() })).toEqual({
      ondersteuner: 'kernondersteuner',
      ondersteuners: 'kernondersteuners',
      Ondersteuner: 'Kernondersteuner',
      Ondersteuners: 'Kernondersteuners',
      deOndersteuner: 'de kernondersteuner',
      DeOndersteuner: 'De kernondersteuner',
      Die: 'Die',
    });
  });

  it('says "het Sterk Lokaal Team" for Loon op Zand and keeps its capitals', () => {
    const w = woorden({
      woorden: woordenVan({ enkelvoud: 'Sterk Lokaal Team', meervoud: 'Sterk Lokaal Teams', lidwoord: 'het' }),
    });
    expect(w.deOndersteuner).toBe('het Sterk Lokaal Team');
    expect(w.DeOndersteuner).toBe('Het Sterk Lokaal Team');
    expect(w.Ondersteuners).toBe('Sterk Lokaal Teams');
    expect(w.Die).toBe('Dat');
  });

  it('refuses an empty word or another article, with a Dutch message', () => {
    expect(() => woordenVan({ enkelvoud: ' ' })).toThrow();
    const r = gemeenteConfigSchema.shape.woorden.safeParse({ ondersteuner: { lidwoord: 'een' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('kies "de" of "het"');
  });
});
