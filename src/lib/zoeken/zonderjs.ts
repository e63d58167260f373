import { Vraagmaker, type Woordenlijst } from './vraag.ts';

/**
 * Search without JavaScript: our own server answers /zoeken/?q=… from an index made at build
 * time (/zoeken/zonder-js.json: names, thema words, synonyms and the pages' own words), with
 * the same reading of the query as the browser (stop words, ages, kern names, typos; correct
 * Dutch words are kept). It keeps the query in the box and shows the matches in the page's HTML.
 * Pure: no Node imports; the server part is src/lib/server/zoeken.ts.
 */

export type ZonderJsPagina = {
  /** Address. */
  u: string;
  /** Title. */
  t: string;
  /** Type label ("Activiteit"). */
  s: string;
  /** Kern text for the result line ("Vroomshoop", "Heel Twenterand"). */
  k: string;
  /** Kern slugs, for the kern filter. */
  ks: string[];
  /** Words of the name, normalised, space-separated. */
  n: string;
  /** The page's own words and their synonyms, normalised, space-separated. */
  w: string;
  /** The words of its thema's: weaker, an organisation can have five thema's. */
  z: string;
};
export type ZonderJsIndex = { paginas: ZonderJsPagina[] };

export type ZonderJsResultaat = { pagina: ZonderJsPagina; woorden: number; score: number };
export type ZonderJsUitkomst = {
  termen: string[];
  correcties: { van: string; naar: string }[];
  /** The kern searched in: chosen, or named in the query. */
  kern?: string;
  resultaten: ZonderJsResultaat[];
  /** How many of `resultaten` have all words. */
  volledig: number;
};

const MAX = 20;

/** Whether a word list (space-separated, with spaces around) has a word starting with `t`, as Pagefind matches. */
function heeft(lijst: string, t: string): boolean {
  return lijst.includes(` ${t}`);
}

export function zoekZonderJs(
  index: ZonderJsIndex,
  lijst: Woordenlijst,
  vraag: string,
  kernFilter?: string,
  beschermd: ReadonlySet<string> = new Set(),
): ZonderJsUitkomst {
  const a = new Vraagmaker(lijst).analyseer(vraag, beschermd);
  const kern = kernFilter || a.kern?.slug;
  const kandidaten = index.paginas.filter((p) => !kern || p.ks.includes(kern));
  const resultaten: ZonderJsResultaat[] = [];
  for (const pagina of kandidaten) {
    const naam = ` ${pagina.n} `;
    const eigen = ` ${pagina.w} `;
    const thema = ` ${pagina.z} `;
    let aantal = 0;
    let score = 0;
    for (const t of a.termen) {
      const punten = heeft(naam, t) ? 4 : heeft(eigen, t) ? 2 : heeft(thema, t) ? 1 : 0;
      if (punten > 0) aantal++;
      score += punten;
    }
    if (aantal > 0) resultaten.push({ pagina, woorden: aantal, score });
  }
  resultaten.sort((x, y) => y.woorden - x.woorden || y.score - x.score || x.pagina.t.localeCompare(y.pagina.t, 'nl'));
  const volledig = resultaten.filter((r) => r.woorden === a.termen.length).length;
  // With all words found, only those; otherwise the pages with most of them.
  const getoond = volledig > 0 ? resultaten.slice(0, Math.min(volledig, MAX)) : resultaten.slice(0, MAX);
  return { termen: a.termen, correcties: a.correcties, kern, resultaten: getoond, volledig };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** The results as HTML, for the page without JavaScript. */
export function resultatenHtml(
  vraag: string,
  u: ZonderJsUitkomst,
  kernen: { slug: string; naam: string }[],
  themas: { slug: string; label: string }[],
  /** The gemeente's word with its article ("de kernondersteuner", "het Sterk Lokaal Team"). */
  deOndersteuner = 'de kernondersteuner',
): string {
  const kernNaam = kernen.find((k) => k.slug === u.kern)?.naam;
  const n = u.resultaten.length;
  const kop = `${n === 0 ? 'Geen resultaten' : `${n} ${n === 1 ? 'resultaat' : 'resultaten'}`} voor ‘${esc(vraag)}’${kernNaam ? ` in ${esc(kernNaam)}` : ''}`;
  const uitleg = [
    ...u.correcties.map((c) => `Gezocht op ‘${esc(c.naar)}’ in plaats van ‘${esc(c.van)}’.`),
    ...(u.volledig === 0 && n > 0 ? ['Er is niets met al uw zoekwoorden. Hieronder staat wat het meest overeenkomt.'] : []),
  ];
  const items = u.resultaten
    .map(
      ({ pagina: p }) =>
        `<li><h3 class="nl-heading nl-heading--level-3"><a class="nl-link" href="${esc(p.u)}">${esc(p.t)}</a></h3>` +
        `<p class="nl-paragraph sk-meta">${esc([p.s, p.k].filter(Boolean).join(' · '))}</p></li>`,
    )
    .join('');
  const themaLinks = themas
    .filter((t) => u.resultaten.some((r) => r.pagina.u === `/themas/${t.slug}/`))
    .map(
      (t) =>
        `<li class="utrecht-unordered-list__item"><a class="nl-link" href="/themas/${esc(t.slug)}/">${esc(t.label)}</a></li>`,
    );
  const kernLink = kernNaam
    ? `<li class="utrecht-unordered-list__item"><a class="nl-link" href="/kernen/${esc(u.kern ?? '')}/">Alles in ${esc(kernNaam)}, met ${esc(deOndersteuner)}</a></li>`
    : '';
  return [
    '<section id="zoeken-server" aria-labelledby="zoeken-server-kop">',
    `<h2 class="nl-heading nl-heading--level-2" id="zoeken-server-kop">${kop}</h2>`,
    uitleg.length ? `<p class="nl-paragraph">${uitleg.join(' ')}</p>` : '',
    n > 0
      ? `<ol class="sk-lijst sk-resultaten">${items}</ol>`
      : '<p class="nl-paragraph">Probeer een ander woord, of kijk hieronder per thema of per kern.</p>',
    kernLink || themaLinks.length
      ? `<h3 class="nl-heading nl-heading--level-3">Bekijk ook</h3><ul class="utrecht-unordered-list">${kernLink}${themaLinks.join('')}</ul>`
      : '',
    '</section>',
  ].join('');
}

/** The static search page with the query kept in the box (and the kern chosen) and the results in place of the marker. */
export function vulZoekpagina(html: string, vraag: string, kern: string | undefined, resultaten: string): string {
  let uit = html.replace('id="zoekvraag"', `id="zoekvraag" value="${esc(vraag)}"`);
  const begin = uit.indexOf('id="filter-kern"');
  const eind = uit.indexOf('</select>', begin);
  if (kern && begin >= 0 && eind > begin) {
    const keuzes = uit.slice(begin, eind).replace(`<option value="${esc(kern)}">`, `<option value="${esc(kern)}" selected>`);
    uit = uit.slice(0, begin) + keuzes + uit.slice(eind);
  }
  // The "search needs JavaScript" notice is not true here: there are results.
  uit = uit.replace('id="zoeken-zonder-js"', 'id="zoeken-zonder-js" hidden');
  return uit.replace('<div id="zoeken-server"></div>', resultaten);
}
