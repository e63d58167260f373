import { beforeAll, describe, expect, it } from 'vitest';
import { beschermdeWoorden, bijgewerktBeschermd, nederlandseWoorden, perLetter } from './spelling.ts';
import { Vraagmaker, type Woordenlijst } from './vraag.ts';

/** A small site vocabulary with words that lie one or two letters from other correct Dutch words. */
const lijst: Woordenlijst = {
  woorden: ['koffie', 'ochtend', 'schulden', 'wandelen', 'zwemles', 'bouw', 'mantelzorgcafe', 'kinderen', 'kleding', 'hulp'],
  kernen: [],
};
const maker = new Vraagmaker(lijst);
let beschermd: Set<string>;

beforeAll(() => {
  beschermd = new Set(beschermdeWoorden(lijst, nederlandseWoorden()));
}, 60_000);

/** [name, typed word, what is searched, correction applied, suggestion offered] */
const GEVALLEN: [string, string, string, string | undefined, string | undefined][] = [
  ['correct Dutch, one letter from "bouw": left alone', 'rouw', 'rouw', undefined, 'bouw'],
  ['a past tense two letters from "wandelen": left alone', 'wandelde', 'wandelde', undefined, 'wandelen'],
  ['"zwemmen" is not "zwemles"', 'zwemmen', 'zwemmen', undefined, 'zwemles'],
  ['a suitcase is not coffee', 'koffer', 'koffer', undefined, 'koffie'],
  ['a missing letter is corrected', 'kofie', 'koffie', 'koffie', undefined],
  ['two swapped letters are corrected', 'schuldne', 'schulden', 'schulden', undefined],
  ['a phonetic spelling is corrected', 'mantelzorgkafe', 'mantelzorgcafe', 'mantelzorgcafe', undefined],
  ['a dropped vowel is corrected', 'ochtnd', 'ochtend', 'ochtend', undefined],
  ['a doubled letter is corrected', 'kindderen', 'kinderen', 'kinderen', undefined],
  ['a word of the site stays', 'kleding', 'kleding', undefined, undefined],
];

describe('correct only what is wrong (Hunspell nl)', () => {
  it.each(GEVALLEN)('%s: "%s"', (_naam, getypt, gezocht, correctie, suggestie) => {
    const a = maker.analyseer(getypt, beschermd);
    expect(a.termen).toEqual([gezocht]);
    expect(a.correcties).toEqual(correctie ? [{ van: getypt, naar: correctie }] : []);
    expect(a.suggesties).toEqual(suggestie ? [{ van: getypt, naar: suggestie }] : []);
  });

  it('lists only words the browser would otherwise change', () => {
    expect(beschermd.has('rouw')).toBe(true);
    // Site words, word starts of site words and far-away words are not needed in the browser.
    expect(beschermd.has('koffie')).toBe(false);
    expect(beschermd.has('schuld')).toBe(false);
    expect(beschermd.has('olifant')).toBe(false);
    // Every listed word really is changed without the list.
    for (const w of beschermd) expect(maker.analyseer(w).correcties, w).toHaveLength(1);
  });

  it('lists exactly the Dutch words the browser would change (compared word by word)', () => {
    const nl = [...nederlandseWoorden()];
    const elk = nl.filter((w) => maker.correctieVoor(w) !== undefined).sort();
    const lijstNu = beschermdeWoorden(lijst, nl);
    // The first word in which the two differ, named.
    const verschil = elk.find((w, i) => lijstNu[i] !== w) ?? lijstNu.find((w, i) => elk[i] !== w);
    expect(verschil).toBeUndefined();
    expect(lijstNu).toEqual(elk);
  }, 120_000);

  it('splits the list per first letter', () => {
    const per = perLetter(['appel', 'avond', 'boom']);
    expect(per.get('a')).toEqual(['appel', 'avond']);
    expect(per.get('z')).toEqual([]);
    expect(per.size).toBe(26);
  });
});

describe('updating the list when the site words change', () => {
  it('gives the list a fresh computation gives, for added and removed site words', () => {
    const nl = [...nederlandseWoorden()];
    // A site vocabulary like the demo's, before and after a partner's edit (named: the failing case).
    const voor: Woordenlijst = { woorden: [...lijst.woorden, 'koffer', 'stemmen', 'schaak', 'rouwverwerking'], kernen: [] };
    const gevallen: [string, string[], string[]][] = [
      ['words added', ['zwemmen', 'kapper', 'dansen', 'bingo'], []],
      ['words removed (one was a Dutch word near a site word)', [], ['koffer', 'stemmen', 'rouwverwerking']],
      ['both', ['kamer', 'breien'], ['schaak', 'koffer']],
    ];
    const vorige = beschermdeWoorden(voor, nl);
    for (const [naam, erbij, eraf] of gevallen) {
      const na: Woordenlijst = { woorden: [...voor.woorden.filter((w) => !eraf.includes(w)), ...erbij], kernen: [] };
      const bijgewerkt = bijgewerktBeschermd(na, vorige, { nieuw: erbij, weg: eraf }, nl);
      expect(bijgewerkt, naam).toEqual(beschermdeWoorden(na, nl));
    }
  }, 120_000);
});
