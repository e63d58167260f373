import { describe, expect, it } from 'vitest';
import { alsEenIndex, deelNummer, leesDelenlijst, onbekendIn, type RuwePagefind } from './delen.ts';
import type { PfResultaat } from './zoeker.ts';

const resultaat = (id: string): PfResultaat => ({
  id,
  score: 1,
  data: async () => ({ url: `/${id}/`, excerpt: '', meta: {}, filters: {} }),
});

/** Pagefind as far as this module uses it: records what it was asked, returns the pages given. */
function nepPagefind(ids: string[]) {
  const gevraagd: { term: string | null; filters: unknown }[] = [];
  const pf: RuwePagefind = {
    async search(term, opties = {}) {
      gevraagd.push({ term, filters: opties.filters });
      return { results: ids.map(resultaat), unfilteredResultCount: ids.length };
    },
  };
  return { pf, gevraagd };
}

describe('the index in parts as one index', () => {
  it('never returns the hidden page with the site words', async () => {
    const { pf } = nepPagefind(['a', 'woorden-1', 'b', 'woorden-2']);
    const index = alsEenIndex(pf, new Set(['woorden-1', 'woorden-2']), new Map());
    const uit = await index.search('koffie', { filters: { kern: 'vroomshoop' } });
    expect(uit?.results.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('leaves out of a search the parts that do not know one of its words, and only then', async () => {
    const { pf, gevraagd } = nepPagefind(['a']);
    const index = alsEenIndex(pf, new Set(), leesDelenlijst({ onbekend: { xylofoon: [3, 1], thee: [2] } }).onbekend);
    await index.search('xylofoon thee', { filters: { kern: 'den-ham' } });
    await index.search('koffie', { filters: { kern: 'den-ham' } });
    await index.search(null, { filters: { type: 'activiteit' } });
    // Words that name properties of every object are words like any other.
    await index.search('constructor __proto__ tostring', {});
    expect(gevraagd).toEqual([
      { term: 'xylofoon thee', filters: { kern: 'den-ham', deel: { none: ['1', '2', '3'] } } },
      { term: 'koffie', filters: { kern: 'den-ham' } },
      { term: null, filters: { type: 'activiteit' } },
      { term: 'constructor __proto__ tostring', filters: {} },
    ]);
  });

  it('matches whole words only: a word that begins a newer word is known everywhere', () => {
    const onbekend = new Map([['koffiekoek', [2]]]);
    expect(onbekendIn('koffiekoek', onbekend)).toEqual(['2']);
    expect(onbekendIn('koffie', onbekend)).toEqual([]);
    expect(onbekendIn(null, onbekend)).toEqual([]);
  });

  it('reads delen.json defensively: a list of an older release, or one with bad entries', () => {
    expect(leesDelenlijst({ delen: ['/pagefind/deel-1/'] })).toEqual({ delen: ['/pagefind/deel-1/'], onbekend: new Map() });
    expect(
      leesDelenlijst({ delen: ['/pagefind/deel-2/', 'https://elders.example/', 7], onbekend: { thee: [1, 'x'], los: 3 } }),
    ).toEqual({ delen: ['/pagefind/deel-2/'], onbekend: new Map([['thee', [1]]]) });
    expect(leesDelenlijst(null)).toEqual({ delen: [], onbekend: new Map() });
    // A word that is also a property name of every object, as JSON.parse gives it.
    expect(leesDelenlijst(JSON.parse('{"onbekend":{"__proto__":[2],"constructor":[1]}}')).onbekend).toEqual(
      new Map([
        ['__proto__', [2]],
        ['constructor', [1]],
      ]),
    );
    expect(deelNummer('/pagefind/deel-12/')).toBe(12);
  });
});
