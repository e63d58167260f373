import { describe, expect, it } from 'vitest';
import type { Kaart } from '../data/kaart.ts';
import { maakSiteData } from '../site/sitedata.ts';
import { config, kaart } from '../site/testdata.ts';
import { maakZoekindex } from './paginas.ts';

const nu = { datum: '2026-11-22', tijd: '12:00' };
const omschrijving = (k: Kaart, slug: string, tekst: string): Kaart => ({
  ...k,
  activiteiten: k.activiteiten.map((a) => (a.slug === slug ? { ...a, omschrijving: tekst } : a)),
});
// "klaverjasavond" is split for search only once "klaverjas" and "avond" are words of the site.
const zonder = omschrijving(structuredClone(kaart), 'koffie', 'Een gezellige klaverjasavond.');
const met = omschrijving(structuredClone(zonder), 'spreekuur', 'Klaverjas op de avond.');
const woordenVanKoffie = (index: ReturnType<typeof maakZoekindex>, k: Kaart) =>
  index.activiteit(k.activiteiten.find((a) => a.slug === 'koffie')!).trefwoorden.eigen;

describe('keywords kept from one index for the next', () => {
  it('gives every index the words of its own vocabulary, also with an index of other data made in between', () => {
    const eerste = maakZoekindex(maakSiteData(config, zonder, nu));
    const tweede = maakZoekindex(maakSiteData(config, met, nu));
    // The first index is asked only now, after the second was made with another vocabulary.
    expect(woordenVanKoffie(eerste, zonder)).not.toContain('klaverjas');
    expect(woordenVanKoffie(tweede, met)).toContain('klaverjas');
    const derde = maakZoekindex(maakSiteData(config, zonder, nu));
    expect(woordenVanKoffie(derde, zonder)).toBe(woordenVanKoffie(eerste, zonder));
    const vierde = maakZoekindex(maakSiteData(config, met, nu));
    expect(woordenVanKoffie(vierde, met)).toBe(woordenVanKoffie(tweede, met));
  });
});
