import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/load.ts';
import { laadSynoniemen, parseSynoniemen } from './synoniemen.ts';

const config = loadConfig();
const alleThemas = config.themas.map((t) => `  ${t.slug}: [een, twee, drie]`).join('\n');

/**
 * How many inwoners' words each thema must keep in content/zoeken/synoniemen.yaml: the five that
 * inwoners search most in their own words (leisure, youth, health, money, care) at least 25.
 */
const MINIMUM_PER_THEMA: Record<string, number> = {
  'cultuur-en-hobby': 25,
  'opvoeden-en-opgroeien': 25,
  'gezond-en-bewegen': 25,
  geldzaken: 25,
  mantelzorg: 25,
  ontmoeting: 15,
  'wonen-en-thuis': 15,
  'werk-en-meedoen': 12,
  vervoer: 12,
  zingeving: 12,
  'taal-en-digitaal': 15,
};

describe('inwoners’ words in content/zoeken/synoniemen.yaml', () => {
  const s = laadSynoniemen(config);
  it.each(config.themas.map((t) => [t.slug, MINIMUM_PER_THEMA[t.slug] ?? 12] as const))(
    'thema %s has at least %i words',
    (slug, minimum) => {
      expect(s.themas.get(slug)?.length ?? 0).toBeGreaterThanOrEqual(minimum);
    },
  );

  it('knows the words young people use, and names every doelgroep', () => {
    const jongeren = s.groepen.find((g) => g.herken.some((f) => f.join(' ') === 'jongeren'))!;
    expect(jongeren.alle.map((f) => f.join(' '))).toEqual(
      expect.arrayContaining(['chillen', 'gamen', 'hangplek', 'niks te doen']),
    );
    for (const d of config.doelgroepen) expect(s.doelgroepen.get(d.slug)?.length ?? 0, d.slug).toBeGreaterThan(0);
    expect(s.doelgroepen.get('jongeren')).toEqual(expect.arrayContaining(['pubers', 'tieners']));
    expect(s.doelgroepen.get('ouderen')).toEqual(expect.arrayContaining(['senioren', '65plus']));
  });

  it('rejects a doelgroep the gemeente does not have', () => {
    expect(() => parseSynoniemen(`themas:\n${alleThemas}\ndoelgroepen:\n  katten: [poes]\n`, 'x.yaml', config)).toThrow(
      /doelgroepen\.katten: deze doelgroep staat niet in de instellingen/,
    );
  });
});

describe('synoniemen', () => {
  it('the file in content/ covers every thema and reads the short and the long form', () => {
    const s = laadSynoniemen(config);
    for (const t of config.themas) expect(s.themas.get(t.slug)?.length, t.slug).toBeGreaterThanOrEqual(3);
    expect(s.groepen.length).toBeGreaterThan(20);
    const schulden = s.groepen.find((g) => g.herken.some((f) => f.join(' ') === 'schulden'))!;
    expect(schulden.alle.map((f) => f.join(' '))).toEqual(
      expect.arrayContaining(['geldzorgen', 'rekeningen', 'betalingsachterstand']),
    );
    const eenzaam = s.groepen.find((g) => g.herken.some((f) => f.join(' ') === 'eenzaam'))!;
    expect(eenzaam.alle.map((f) => f.join(' '))).toContain('alleen');
    expect(eenzaam.herken.map((f) => f.join(' '))).not.toContain('alleen');
    const mantelzorg = s.groepen.find((g) => g.herken.some((f) => f.join(' ') === 'mantelzorg'))!;
    expect(mantelzorg.alle).toContainEqual(['zorgen', 'voor', 'mijn', 'moeder']);
  });

  it('normalises words and phrases like the search does', () => {
    const s = parseSynoniemen(`themas:\n${alleThemas}\ngroepen:\n  - [Cliënt-ondersteuning, Alzheimer Café]\n`, 'x.yaml', config);
    expect(s.groepen[0].herken).toEqual([
      ['client', 'ondersteuning'],
      ['alzheimer', 'cafe'],
    ]);
  });

  it('names a missing or unknown thema and malformed entries, with the file', () => {
    const fout = (tekst: string) => {
      try {
        parseSynoniemen(tekst, 'content/zoeken/synoniemen.yaml', config);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).message;
      }
      throw new Error('geen fout');
    };
    const zonderGeld = alleThemas.replace(/ {2}geldzaken:.*\n/, '');
    expect(fout(`themas:\n${zonderGeld}\n`)).toMatch(
      /synoniemen\.yaml[\s\S]*het thema "geldzaken" \(Geld en schulden\) ontbreekt/,
    );
    expect(fout(`themas:\n${alleThemas}\n  sterrenkunde: [a, b, c]\n`)).toContain(
      'themas.sterrenkunde: dit thema staat niet in de instellingen',
    );
    expect(fout(`themas:\n${alleThemas}\ngroepen:\n  - ["a, b"]\n`)).toContain('mag geen komma bevatten');
    expect(fout(`themas:\n${alleThemas}\ngroepen:\n  - woorden: [a]\n    zoeken: [b]\n`)).toMatch(/groepen\[0\]/);
    expect(fout('themas: [\n')).toMatch(/regel \d+/);
  });
});
