import { describe, expect, it } from 'vitest';
import type { Activiteit } from '../data/kaart.ts';
import { standVan } from './paginas.ts';
import { Vraagmaker } from './vraag.ts';
import { type PagefindApi, type PfResultaat, rangschik } from './zoeker.ts';

/**
 * A small index in Pagefind's own shape: each page with its filter values. Filter-only searches
 * are answered from it as Pagefind answers them (every page with that value).
 */
function index(paginas: Record<string, Record<string, string[]>>): PagefindApi {
  return {
    async search(term, opties) {
      if (term !== null) throw new Error('only filter searches are expected here');
      const [[naam, waarde]] = Object.entries(opties?.filters ?? {});
      const ids = Object.keys(paginas).filter((id) => paginas[id][naam]?.includes(waarde));
      return { results: ids.map((id) => resultaat(id)), unfilteredResultCount: ids.length };
    },
  };
}
const resultaat = (id: string): PfResultaat => ({
  id,
  score: 1,
  data: async () => ({ url: id, excerpt: '', meta: {}, filters: {} }),
});
const ids = (r: PfResultaat[]) => r.map((x) => x.id);
const GROEPEN = ['kinderen', 'jongeren', 'ouders', 'volwassenen', 'ouderen', 'mantelzorgers', 'nieuwkomers', 'iedereen'];

const pf = index({
  'bingo-kinderen': { type: ['activiteit'], doelgroep: ['kinderen'] },
  'bingo-iedereen': { type: ['activiteit'], doelgroep: ['iedereen'] },
  'bingo-ouderen': { type: ['activiteit'], doelgroep: ['ouderen'] },
  'bingo-gestopt-ouderen': { type: ['activiteit'], doelgroep: ['ouderen'], stand: ['gestopt'] },
  'bingo-winter-ouderen': { type: ['activiteit'], doelgroep: ['ouderen'], stand: ['later'] },
  bingovereniging: { type: ['organisatie'] },
});
const alle = [
  'bingo-kinderen',
  'bingo-gestopt-ouderen',
  'bingovereniging',
  'bingo-iedereen',
  'bingo-winter-ouderen',
  'bingo-ouderen',
].map(resultaat);

describe('rangschik', () => {
  it('puts the doelgroep named first, for-everyone next, other groups lower, stopped last', async () => {
    const r = await rangschik(pf, alle, [], { doelgroepen: ['ouderen'], situatie: false }, GROEPEN);
    expect(ids(r)).toEqual([
      'bingo-ouderen',
      'bingovereniging',
      'bingo-iedereen',
      'bingo-winter-ouderen',
      'bingo-kinderen',
      'bingo-gestopt-ouderen',
    ]);
  });

  it('without a group keeps Pagefind’s order, except that stopped and out-of-season activities go down', async () => {
    const r = await rangschik(pf, alle, [], { doelgroepen: [], situatie: false }, GROEPEN);
    expect(ids(r)).toEqual([
      'bingo-kinderen',
      'bingovereniging',
      'bingo-iedereen',
      'bingo-ouderen',
      'bingo-winter-ouderen',
      'bingo-gestopt-ouderen',
    ]);
  });

  it('more words always come first: a group word does not lift a page with fewer of the words', async () => {
    const r = await rangschik(
      pf,
      [resultaat('bingovereniging'), resultaat('bingo-ouderen')],
      [0, 1],
      { doelgroepen: ['ouderen'], situatie: false },
      GROEPEN,
    );
    expect(ids(r)).toEqual(['bingovereniging', 'bingo-ouderen']);
  });

  it('a situation prefers activities over offices', async () => {
    const r = await rangschik(
      pf,
      [resultaat('bingovereniging'), resultaat('bingo-iedereen')],
      [0, 0],
      { doelgroepen: [], situatie: true },
      GROEPEN,
    );
    expect(ids(r)).toEqual(['bingo-iedereen', 'bingovereniging']);
  });

  it('a stopped activity never ranks above a current one, not even when it has all words', async () => {
    const r = await rangschik(
      pf,
      [resultaat('bingo-gestopt-ouderen'), resultaat('bingo-kinderen')],
      [0, 1],
      { doelgroepen: [], situatie: false },
      GROEPEN,
    );
    expect(ids(r)).toEqual(['bingo-kinderen', 'bingo-gestopt-ouderen']);
  });
});

describe('doelgroepen and situations in a query', () => {
  const maker = new Vraagmaker({
    woorden: ['zwemmen', 'senioren', 'pubers', 'schulden'],
    kernen: [],
    doelgroepen: { ouderen: ['ouderen', 'senioren', 'oma', '65plus'], jongeren: ['jongeren', 'pubers'] },
  });
  const GEVALLEN: [string, string[], boolean][] = [
    ['zwemmen voor senioren', ['ouderen'], false],
    ['iets voor mijn puber', ['jongeren'], true],
    ['fitness 65+', ['ouderen'], false],
    ['mijn zoon van 15', ['jongeren'], true],
    ['schulden', [], false],
    ['ik kan mijn rekeningen niet betalen', [], true],
  ];
  it.each(GEVALLEN)('"%s" → %j, situation %s', (vraag, groepen, situatie) => {
    const a = maker.analyseer(vraag);
    expect(a.doelgroepen).toEqual(groepen);
    expect(a.situatie).toBe(situatie);
  });
});

describe('standVan', () => {
  const act = (rooster: Partial<Activiteit['rooster']>, status = 'gepubliceerd') =>
    ({ status, rooster: { regels: [], opAfspraak: false, nietOp: [], ...rooster } }) as unknown as Activiteit;
  it('says when an activity outside its season starts again', () => {
    expect(standVan(act({ seizoen: { vanMaand: 9, totMaand: 4 } }), '2026-06-10', true)).toEqual({
      stand: 'later',
      weer: 'Nu buiten het seizoen, weer vanaf september.',
    });
    expect(standVan(act({ seizoen: { vanMaand: 9, totMaand: 4 } }), '2026-12-02', true)).toEqual({});
  });
  it('marks paused and ended activities as stopped, and one not begun yet as later', () => {
    expect(standVan(act({}, 'gepauzeerd'), '2026-12-02', false).stand).toBe('gestopt');
    expect(standVan(act({}), '2026-12-02', false).stand).toBe('gestopt');
    expect(standVan(act({ periode: { van: '2027-01-05' } }), '2026-12-02', true).stand).toBe('later');
  });
});
