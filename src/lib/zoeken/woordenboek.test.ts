import { describe, expect, it } from 'vitest';
import { parseSynoniemen } from './synoniemen.ts';
import { loadConfig } from '../config/load.ts';
import { bevatFrase, trefwoorden, Woordenboek } from './woordenboek.ts';
import { woorden } from './tekst.ts';

const boek = new Woordenboek([
  woorden('Koffieochtend in het dorpshuis: koffie drinken op een ochtend in het dorp, een huis vol mensen'),
  woorden('SchuldHulpMaatje: een maatje bij schulden; schuld, hulp'),
  woorden('Hulp bij je huiswerk: huiswerkbegeleiding en begeleiding'),
  woorden('Koffie en een praatje'),
]);

describe('Woordenboek', () => {
  it('counts on how many pages a word is, without stop words and numbers', () => {
    expect(boek.aantal.get('koffie')).toBe(2);
    expect(boek.bevat('het')).toBe(false);
    expect(boek.naarJson().woorden[0]).toBe('hulp');
  });

  it('splits compounds into words of the site, also with a linking s and in three parts', () => {
    expect(boek.splits('koffieochtend')).toEqual(['koffie', 'ochtend']);
    expect(boek.splits('dorpshuis')).toEqual(['dorp', 'huis']);
    expect(boek.splits('huiswerkbegeleiding')).toEqual(['huiswerk', 'begeleiding']);
    expect(boek.splits('schuldhulpmaatje')).toEqual(['schuld', 'hulp', 'maatje']);
    expect(boek.splits('praatje')).toBeUndefined();
  });
});

describe('bevatFrase', () => {
  const tekst = woorden('Steun voor wie zorgt voor een zieke moeder; mantelzorgers welkom');
  const t = ` ${tekst.join(' ')} `;
  const gesorteerd = [...new Set(tekst)].sort();
  it('finds phrases as consecutive words and long words also as the start of a word', () => {
    expect(bevatFrase(t, gesorteerd, ['zieke', 'moeder'])).toBe(true);
    expect(bevatFrase(t, gesorteerd, ['moeder', 'zieke'])).toBe(false);
    expect(bevatFrase(t, gesorteerd, ['mantelzorg'])).toBe(true);
    expect(bevatFrase(t, gesorteerd, ['zorg'])).toBe(false);
  });
});

describe('trefwoorden', () => {
  const config = loadConfig();
  const themas = config.themas
    .map((t) => `  ${t.slug}: [${t.slug === 'geldzaken' ? 'geldzorgen, rondkomen, krap bij kas' : 'a, b, c'}]`)
    .join('\n');
  const synoniemen = parseSynoniemen(
    `themas:\n${themas}\ngroepen:\n  - [schulden, betalingsachterstand]\n  - woorden: [eenzaam]\n    alleen_zoeken: [alleen]\n`,
    'x.yaml',
    config,
  );

  it('adds synonyms of its own words strongly, thema words weakly, and leaves out what the text has', () => {
    const w = trefwoorden(
      {
        tekst: woorden('Een maatje bij schulden en geldzorgen'),
        labels: woorden('Volwassenen'),
        themaLabels: woorden('Geld en schulden'),
        themas: ['geldzaken'],
      },
      synoniemen,
      boek,
    );
    expect(w.eigen).toEqual(expect.arrayContaining(['volwassenen', 'betalingsachterstand']));
    expect(w.eigen).not.toContain('schulden');
    expect(w.thema).toEqual(expect.arrayContaining(['geld', 'rondkomen', 'krap', 'kas']));
    expect(w.thema).not.toContain('geldzorgen');
    expect(w.thema).not.toContain('bij');
  });

  it('does not recognise a group by its "alleen_zoeken" words, nor by a thema label', () => {
    const w = trefwoorden(
      { tekst: woorden('Alleen in september'), labels: [], themaLabels: woorden('Geld en schulden'), themas: [] },
      synoniemen,
      boek,
    );
    expect(w.eigen).not.toContain('eenzaam');
    expect(w.eigen).not.toContain('betalingsachterstand');
  });
});
