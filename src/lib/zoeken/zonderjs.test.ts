import { describe, expect, it } from 'vitest';
import { resultatenHtml, vulZoekpagina, type ZonderJsIndex, zoekZonderJs } from './zonderjs.ts';

const index: ZonderJsIndex = {
  paginas: [
    {
      u: '/aanbod/geldcafe-vroomshoop/',
      t: 'Geldcafé',
      s: 'Activiteit',
      k: 'Vroomshoop',
      ks: ['vroomshoop'],
      n: 'geldcafe',
      w: 'inloop',
      z: 'schulden rekeningen geldzorgen',
    },
    {
      u: '/aanbod/koffieochtend-den-ham/',
      t: 'Koffieochtend',
      s: 'Activiteit',
      k: 'Den Ham',
      ks: ['den-ham'],
      n: 'koffieochtend',
      w: 'koffie ochtend ontmoeten eenzaam',
      z: '',
    },
    {
      u: '/organisaties/schuldhulpmaatje/',
      t: 'SchuldHulpMaatje',
      s: 'Organisatie',
      k: 'Heel Twenterand',
      ks: ['vroomshoop', 'den-ham'],
      n: 'schuldhulpmaatje',
      w: 'schulden maatje geld',
      z: '',
    },
    {
      u: '/themas/geldzaken/',
      t: 'Geld en schulden',
      s: 'Thema',
      k: '',
      ks: [],
      n: 'geld en schulden',
      w: 'geldzorgen rekeningen',
      z: '',
    },
  ],
};
const lijst = {
  woorden: ['schulden', 'rekeningen', 'geldzorgen', 'koffie', 'ochtend', 'koffieochtend', 'geld', 'maatje', 'eenzaam'],
  kernen: [
    { slug: 'vroomshoop', naam: 'Vroomshoop' },
    { slug: 'den-ham', naam: 'Den Ham' },
  ],
};

describe('search without JavaScript', () => {
  it('finds names first, then own words and synonyms, then thema words, with the browser’s reading of the query', () => {
    const u = zoekZonderJs(index, lijst, 'ik heb schulden');
    expect(u.termen).toEqual(['schulden']);
    expect(u.resultaten.map((r) => r.pagina.u)).toEqual([
      '/themas/geldzaken/',
      '/organisaties/schuldhulpmaatje/',
      '/aanbod/geldcafe-vroomshoop/',
    ]);
  });

  it('keeps to a kern named or chosen, and corrects typos', () => {
    expect(zoekZonderJs(index, lijst, 'schulden vroomshoop').resultaten.map((r) => r.pagina.u)).toEqual([
      '/organisaties/schuldhulpmaatje/',
      '/aanbod/geldcafe-vroomshoop/',
    ]);
    const u = zoekZonderJs(index, lijst, 'kofie', 'den-ham');
    expect(u.correcties).toEqual([{ van: 'kofie', naar: 'koffie' }]);
    expect(u.resultaten.map((r) => r.pagina.u)).toEqual(['/aanbod/koffieochtend-den-ham/']);
  });

  it('keeps the query in the box, escaped, selects the kern and puts the results in place', () => {
    const html =
      '<input id="zoekvraag" name="q"><select id="filter-kern" name="kern"><option value="">Alle kernen</option><option value="den-ham">Den Ham</option></select>' +
      '<select id="filter-soort"><option value="den-ham">x</option></select><div class="sk-prose" id="zoeken-zonder-js">JS</div><div id="zoeken-server"></div>';
    const vraag = '"><script>alert(1)</script>';
    const u = zoekZonderJs(index, lijst, vraag, 'den-ham');
    const uit = vulZoekpagina(html, vraag, 'den-ham', resultatenHtml(vraag, u, lijst.kernen, []));
    expect(uit).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(uit).not.toContain('<script>');
    expect(uit).toContain('<option value="den-ham" selected>Den Ham');
    expect(uit).toContain('<select id="filter-soort"><option value="den-ham">x');
    expect(uit).toContain('id="zoeken-zonder-js" hidden');
    expect(uit).toContain('Alles in Den Ham, met de kernondersteuner');
  });
});
