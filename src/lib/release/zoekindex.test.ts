import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { procesInfo } from './processen.ts';
import {
  aantalDelen,
  DELEN_BESTAND,
  deelMap,
  deelVan,
  htmlPaginas,
  maakZoekindex,
  onbekendeWoorden,
  paginasPerDeel,
  paginasVan,
  urlVan,
  verdeel,
  woordenlijstPagina,
  zoekgroepen,
} from './zoekindex.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-zoekindex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.SK_ZOEKINDEX_DEEL;
});

describe('the pages of a release', () => {
  it('are its HTML files outside the index and hidden folders, sorted: from a list as from its folder', () => {
    const release = path.join(dir, 'paginas');
    const bestanden = [
      'zoeken/index.html',
      'aanbod/b/index.html',
      '404.html',
      'index.html',
      'aanbod/a/index.html',
      'aanbod/a/index.html.br',
      'pagefind/deel-1/x.html',
      '.renderers/r/index.html',
      'agenda/a.ics',
    ];
    for (const f of bestanden) {
      mkdirSync(path.dirname(path.join(release, f)), { recursive: true });
      writeFileSync(path.join(release, f), '');
    }
    const verwacht = ['404.html', 'aanbod/a/index.html', 'aanbod/b/index.html', 'index.html', 'zoeken/index.html'];
    expect(paginasVan(bestanden)).toEqual(verwacht);
    expect(htmlPaginas(release)).toEqual(verwacht);
  });
});

describe('the parts of the search index', () => {
  it('keeps one index for the demo (about 600 pages) and splits large sites in a power of two', () => {
    expect(aantalDelen(600)).toBe(1);
    expect(aantalDelen(2500)).toBe(1);
    // Never two: part 0 is small, so the other part would hold nearly every page.
    expect(aantalDelen(2_501)).toBe(4);
    expect(aantalDelen(4_998)).toBe(4);
    expect(aantalDelen(5_050)).toBe(4);
    expect(aantalDelen(10_001)).toBe(8);
    expect(aantalDelen(20_000)).toBe(8);
    expect(aantalDelen(600, 200)).toBe(4);
  });

  it('takes the pages per part from SK_ZOEKINDEX_DEEL, and ignores a value that is no positive number', () => {
    expect(paginasPerDeel({ SK_ZOEKINDEX_DEEL: '150' })).toBe(150);
    expect(paginasPerDeel({ SK_ZOEKINDEX_DEEL: 'veel' })).toBe(2500);
    expect(paginasPerDeel({ SK_ZOEKINDEX_DEEL: '0' })).toBe(2500);
    expect(paginasPerDeel({})).toBe(2500);
  });

  it('puts a page in the same part every time, by its path, and spreads the pages evenly', () => {
    const paginas = Array.from({ length: 20_000 }, (_, i) => `organisaties/org-${i}/index.html`);
    expect(deelVan('organisaties/buurtzorg/index.html', 8)).toBe(deelVan('organisaties/buurtzorg/index.html', 8));
    const delen = verdeel(paginas, 8);
    expect(delen.flat().sort()).toEqual([...paginas].sort());
    // Parts 1 to 7 each a sample of the whole: within 5 % of their mean, so scores merge fairly.
    const gemiddeld = (20_000 * (1 - 1 / 64)) / 7;
    for (const [d, deel] of delen.entries()) if (d > 0) expect(Math.abs(deel.length - gemiddeld), `deel ${d}`).toBeLessThan(143);
    // Part 0 a small sample too: 1 in 64 of the record pages.
    expect(Math.abs(delen[0].length - 20_000 / 64)).toBeLessThan(60);
    // Pages of one kern or kind are not clustered in one part.
    const activiteiten = paginas.slice(0, 1000);
    for (const [d, deel] of verdeel(activiteiten, 8).entries())
      expect(deel.length, `deel ${d}`).toBeGreaterThan(d === 0 ? 5 : 110);
  });

  it('puts the overview pages a publish almost always renders again in part 0, with a small sample of the records', () => {
    for (const p of ['index.html', 'kernen/vroomshoop/index.html', 'themas/geldzaken/index.html', 'organisaties/index.html']) {
      expect(deelVan(p, 8)).toBe(0);
    }
    const records = Array.from({ length: 640 }, (_, i) => `aanbod/koffie-${i}/index.html`);
    expect(new Set(records.map((p) => deelVan(p, 8))).size).toBe(8);
    expect(deelVan('aanbod/koffie-1/index.html', 1)).toBe(0);
  });

  it("puts an activity in its organisation's part (unless it is in the sample of part 0), and still spreads them", () => {
    const activiteiten = Array.from({ length: 4000 }, (_, i) => ({ slug: `act-${i}`, organisatie: `org-${i % 500}` }));
    const groepen = zoekgroepen(activiteiten);
    expect(groepen['aanbod/act-7/index.html']).toBe('organisaties/org-7/index.html');
    const paginas = [...Object.keys(groepen), ...Array.from({ length: 500 }, (_, i) => `organisaties/org-${i}/index.html`)];
    const delen = verdeel(paginas, 8, groepen);
    const deelVanPagina = new Map(delen.flatMap((leden, d) => leden.map((p) => [p, d] as const)));
    let apart = 0;
    for (const a of activiteiten) {
      const eigen = deelVanPagina.get(`aanbod/${a.slug}/index.html`)!;
      const org = deelVanPagina.get(`organisaties/${a.organisatie}/index.html`)!;
      if (eigen !== org) {
        apart++;
        expect(eigen === 0 || org === 0, `act ${a.slug} in deel ${eigen}, organisatie in deel ${org}`).toBe(true);
      }
    }
    // Only the sample of part 0 (1 in 64 pages) separates them.
    expect(apart).toBeLessThan(4500 / 64 + 40);
    for (const [d, leden] of delen.entries()) if (d > 0) expect(leden.length, `deel ${d}`).toBeGreaterThan(450);
  });

  it('gives the URL Pagefind gives the page', () => {
    expect(urlVan('index.html')).toBe('/');
    expect(urlVan('organisaties/buurtzorg/index.html')).toBe('/organisaties/buurtzorg/');
    expect(urlVan('404.html')).toBe('/404.html');
  });
});

function pagina(titel: string, tekst: string) {
  return `<!doctype html><html lang="nl"><head><title>${titel}</title></head><body><main data-pagefind-body><h1>${titel}</h1><p>${tekst}</p></main></body></html>`;
}

function site(naam: string, aantal: number): string {
  const r = path.join(dir, naam);
  for (let i = 0; i < aantal; i++) {
    mkdirSync(path.join(r, `aanbod/p${i}`), { recursive: true });
    writeFileSync(path.join(r, `aanbod/p${i}/index.html`), pagina(`Pagina ${i}`, `woord${i} koffie ochtend`));
  }
  schrijfWoorden(r, ['koffie', 'ochtend', ...Array.from({ length: aantal }, (_, i) => `woord${i}`)]);
  return r;
}

function schrijfWoorden(r: string, woorden: string[]) {
  mkdirSync(path.join(r, 'zoeken'), { recursive: true });
  writeFileSync(path.join(r, 'zoeken/woorden.json'), JSON.stringify({ woorden }));
}

const verslag = (r: string) =>
  JSON.parse(readFileSync(path.join(r, 'pagefind/.delen.json'), 'utf8')) as { lijsten: string[][]; lijstVan: number[] };

/** Pages in a part's index; an empty part (a tiny site split on purpose) has no index at all. */
const geindexeerd = (release: string, deel: number): number => {
  const entry = path.join(release, deelMap(deel), 'pagefind-entry.json');
  return existsSync(entry) ? (JSON.parse(readFileSync(entry, 'utf8')).languages.nl?.page_count ?? 0) : 0;
};
/** The site's pages in a part: a split index has the hidden page with the site words in every part besides. */
const paginasIn = (release: string, deel: number): number =>
  Math.max(0, geindexeerd(release, deel) - (existsSync(path.join(release, 'pagefind/.delen.json')) ? 1 : 0));

describe('the hidden page with the site words', () => {
  it('holds every word once, escaped, with the filter by which the browser leaves it out', () => {
    const html = woordenlijstPagina(['koffie', 'ochtend', '<script>']);
    expect(html).toContain('<p>koffie ochtend  script </p>');
    expect(html).toContain('data-pagefind-body');
    expect(html).toContain('data-pagefind-filter="woordenlijst"');
  });

  it('names per word the parts whose list lacks it, also words that are names of object properties; a part without a list (an older release) is left alone', () => {
    const nu = ['constructor', 'koffie', 'thee', 'zang', '__proto__'];
    expect(onbekendeWoorden(nu, [nu, ['koffie'], undefined, ['koffie', 'thee', 'oud']])).toEqual(
      new Map([
        ['constructor', [1, 3]],
        ['thee', [1]],
        ['zang', [1, 3]],
        ['__proto__', [1, 3]],
      ]),
    );
  });
});

describe('maakZoekindex', () => {
  it('indexes a large site in parts that together hold every page, and lists them for the browser', async () => {
    process.env.SK_ZOEKINDEX_DEEL = '3';
    const r = site('groot', 10);
    const verwacht = verdeel(Array.from({ length: 10 }, (_, i) => `aanbod/p${i}/index.html`).sort(), 4).map((d) => d.length);
    expect(await maakZoekindex(r)).toEqual({ delen: 4, opnieuw: verwacht.filter((n) => n > 0).length });
    const per = [0, 1, 2, 3].map((d) => paginasIn(r, d));
    expect(per).toEqual(verwacht);
    expect(per.reduce((a, b) => a + b)).toBe(10);
    // Only parts with pages are merged; an empty one (possible on a tiny site split on purpose) is left out.
    expect(JSON.parse(readFileSync(path.join(r, DELEN_BESTAND), 'utf8'))).toEqual({
      delen: [1, 2, 3].filter((d) => verwacht[d] > 0).map((d) => `/pagefind/deel-${d}/`),
    });
  }, 60_000);

  it('a publish makes only the parts with a changed or removed page anew and links the others', async () => {
    process.env.SK_ZOEKINDEX_DEEL = '3';
    const vorige = site('vorige', 10);
    await maakZoekindex(vorige);
    const nieuw = path.join(dir, 'nieuw');
    cpSync(vorige, nieuw, { recursive: true, filter: (p) => !p.includes(`${path.sep}pagefind`) });
    writeFileSync(path.join(nieuw, 'aanbod/p3/index.html'), pagina('Pagina 3', 'nu met thee'));
    rmSync(path.join(nieuw, 'aanbod/p7'), { recursive: true });
    const geraakt = new Set([deelVan('aanbod/p3/index.html', 4), deelVan('aanbod/p7/index.html', 4)]);
    expect(await maakZoekindex(nieuw, { vorige, gewijzigd: ['aanbod/p3/index.html'] })).toEqual({
      delen: 4,
      opnieuw: geraakt.size,
    });
    for (const deel of [0, 1, 2, 3]) {
      if (paginasIn(vorige, deel) + paginasIn(nieuw, deel) === 0) continue;
      const entry = (r: string) => statSync(path.join(r, deelMap(deel), 'pagefind-entry.json')).ino;
      if (geraakt.has(deel)) expect(entry(nieuw)).not.toBe(entry(vorige));
      else expect(entry(nieuw)).toBe(entry(vorige));
    }
    expect([0, 1, 2, 3].map((d) => paginasIn(nieuw, d)).reduce((a, b) => a + b)).toBe(9);
  }, 60_000);

  it('indexes the site words in every part, and after a publish names the parts that do not know a new word', async () => {
    process.env.SK_ZOEKINDEX_DEEL = '3';
    const vorige = site('woorden-vorige', 10);
    await maakZoekindex(vorige);
    // Every part with pages has one page more than its own: the hidden page with the site's words.
    const metPaginas = [0, 1, 2, 3].filter((d) => paginasIn(vorige, d) > 0);
    const { delen } = JSON.parse(readFileSync(path.join(vorige, 'pagefind/.delen.json'), 'utf8')) as { delen: string[][] };
    for (const d of metPaginas) expect(geindexeerd(vorige, d), `deel ${d}`).toBe(delen[d].length + 1);
    expect(verslag(vorige).lijsten).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(vorige, DELEN_BESTAND), 'utf8')).onbekend).toBeUndefined();

    const nieuw = path.join(dir, 'woorden-nieuw');
    cpSync(vorige, nieuw, { recursive: true, filter: (p) => !p.includes(`${path.sep}pagefind`) });
    writeFileSync(path.join(nieuw, 'aanbod/p3/index.html'), pagina('Pagina 3', 'koffiekoek en thee, constructor'));
    schrijfWoorden(nieuw, [
      'constructor',
      'koffie',
      'koffiekoek',
      'ochtend',
      'thee',
      ...Array.from({ length: 10 }, (_, i) => `woord${i}`),
    ]);
    await maakZoekindex(nieuw, { vorige, gewijzigd: ['aanbod/p3/index.html', 'zoeken/woorden.json'] });
    const opnieuw = new Set([0, deelVan('aanbod/p3/index.html', 4)]);
    const oud = metPaginas.filter((d) => !opnieuw.has(d));
    expect(oud.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(path.join(nieuw, DELEN_BESTAND), 'utf8')).onbekend).toEqual({
      constructor: oud,
      koffiekoek: oud,
      thee: oud,
    });
    expect(verslag(nieuw).lijsten).toHaveLength(2);
  }, 60_000);

  it('a full build makes its parts one after another, each Pagefind told to whoever watches, in a group of its own', async () => {
    process.env.SK_ZOEKINDEX_DEEL = '3';
    const r = site('toezicht', 10);
    const gestart: { pid: number; groep: number; tegelijk: number }[] = [];
    let lopend = 0;
    const { opnieuw } = await maakZoekindex(
      r,
      {},
      {
        gestart(kind) {
          lopend++;
          kind.once('exit', () => lopend--);
          gestart.push({ pid: kind.pid!, groep: procesInfo(kind.pid!)?.groep ?? -1, tegelijk: lopend });
        },
      },
    );
    expect(gestart).toHaveLength(opnieuw);
    // Its own process group (the build lock kills it by that), never this process's.
    for (const g of gestart) expect(g.groep, `Pagefind ${g.pid}`).toBe(g.pid);
    expect(gestart.map((g) => g.tegelijk)).toEqual(gestart.map(() => 1));
  }, 60_000);

  it('stops at the first part Pagefind fails on, and starts no other', async () => {
    process.env.SK_ZOEKINDEX_DEEL = '3';
    const r = site('mislukt', 10);
    const nep = path.join(dir, 'nep-pagefind.sh');
    writeFileSync(nep, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = nep;
    let gestart = 0;
    try {
      await expect(maakZoekindex(r, {}, { gestart: () => void gestart++ })).rejects.toThrow(
        /Pagefind is mislukt voor deel \d \(code 3\)/,
      );
    } finally {
      delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    }
    expect(gestart).toBe(1);
    expect(existsSync(path.join(r, DELEN_BESTAND))).toBe(false);
  }, 60_000);

  it('keeps one index made by Pagefind over the whole site when the site is small', async () => {
    const r = site('klein', 4);
    expect(await maakZoekindex(r)).toEqual({ delen: 1, opnieuw: 1 });
    expect(paginasIn(r, 0)).toBe(4);
    expect(JSON.parse(readFileSync(path.join(r, DELEN_BESTAND), 'utf8'))).toEqual({ delen: [] });
  }, 60_000);
});
