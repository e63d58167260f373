import { describe, expect, it } from 'vitest';
import { Vraagmaker } from './vraag.ts';

const maker = new Vraagmaker({
  woorden: [
    'koffie',
    'schulden',
    'mantelzorgcafe',
    'koffieochtend',
    'ochtend',
    'voetbaltraining',
    'huiswerk',
    'hulp',
    'jongeren',
    'kinderen',
    'ouderen',
    'eenzaamheid',
    'schuldhulpverlening',
    'schuldhulp',
    'speeltuin',
    'senioren',
    'seniorensoos',
    'bingo',
    'formulieren',
    'mantelzorg',
    'moeder',
    'zorgen',
  ],
  kernen: [
    { slug: 'den-ham', naam: 'Den Ham' },
    { slug: 'vroomshoop', naam: 'Vroomshoop' },
    { slug: 'westerhaar-vriezenveensewijk', naam: 'Westerhaar-Vriezenveensewijk' },
  ],
});
const termen = (q: string) => maker.analyseer(q).termen;

describe('Vraagmaker', () => {
  it('drops stop words, and general words when there is something specific', () => {
    expect(termen('iets voor mijn moeder')).toEqual(['moeder']);
    expect(termen('hulp bij formulieren')).toEqual(['formulieren']);
    expect(termen('hulp')).toEqual(['hulp']);
  });

  it('turns an age into the doelgroep the pages use', () => {
    expect(termen('iets voor mijn zoon van 14')).toEqual(['zoon', 'jongeren']);
    expect(termen('dochter 8 jaar')).toEqual(['dochter', 'kinderen']);
    expect(termen('fitness 65+')).toEqual(['fitness', 'ouderen']);
  });

  it('corrects typos to the most common close word of the site', () => {
    const a = maker.analyseer('mantelzorgkafe');
    expect(a.termen).toEqual(['mantelzorgcafe']);
    expect(a.correcties).toEqual([{ van: 'mantelzorgkafe', naar: 'mantelzorgcafe' }]);
    expect(termen('voetbaltrainig')).toEqual(['voetbaltraining']);
    expect(termen('shculden')).toEqual(['schulden']);
  });

  it('keeps words the site knows, and starts of words (Pagefind matches those)', () => {
    expect(maker.analyseer('huiswerk').correcties).toEqual([]);
    expect(termen('voetbal')).toEqual(['voetbal']);
    expect(termen('xyzzyq')).toEqual(['xyzzyq']);
  });

  it('joins words typed apart and splits compounds typed together', () => {
    expect(termen('koffie ochtend')).toEqual(['koffieochtend']);
    expect(termen('speel tuin')).toEqual(['speeltuin']);
    expect(termen('schuldhulp verlening')).toEqual(['schuldhulpverlening']);
    expect(termen('seniorren soos')).toEqual(['seniorensoos']);
    expect(termen('koffieschulden')).toEqual(['koffie', 'schulden']);
  });

  it('recognises a kern in the query as a filter, but not when it is all there is', () => {
    const a = maker.analyseer('schulden den ham');
    expect(a.kern).toEqual({ slug: 'den-ham', naam: 'Den Ham' });
    expect(a.termen).toEqual(['schulden']);
    expect(a.vraagZonderKern).toBe('schulden');
    expect(maker.analyseer('bingo vroomshop').kern?.slug).toBe('vroomshoop');
    expect(maker.analyseer('bingo westerhaar').kern?.slug).toBe('westerhaar-vriezenveensewijk');
    expect(maker.analyseer('vroomshoop').kern).toBeUndefined();
  });
});
