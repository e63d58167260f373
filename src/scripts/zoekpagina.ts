import { aantalFilters, FILTERS, leesStaat, staatNaarZoekdeel, zonder, type Zoekstaat } from '../lib/zoeken/staat.ts';
import { woorden } from '../lib/zoeken/tekst.ts';
import { Vraagmaker } from '../lib/zoeken/vraag.ts';
import { aantalZonderKern, zoek, type Fragment, type PfResultaat, type Zoekuitkomst } from '../lib/zoeken/zoeker.ts';
import { pasToe } from './dichtbij.ts';
import { laadNederlands, laadPagefind, laadWoorden } from './pagefind.ts';

/**
 * The search page: reads the search from the URL, searches as you type, shows results in
 * batches and keeps the URL in step, so back, bookmarks and shared links restore it. Without
 * JavaScript the page still offers the A–Z, kern and thema lists.
 */

const PER_KEER = 10;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function meervoud(n: number, een: string, meer: string): string {
  return `${n} ${n === 1 ? een : meer}`;
}

/** Pagefind's snippet as DOM nodes: text plus its <mark>s, nothing else from the HTML survives. */
function fragmentNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return Array.from(doc.body.firstChild?.childNodes ?? [], (n) => {
    if (n.nodeName !== 'MARK') return document.createTextNode(n.textContent ?? '');
    const mark = document.createElement('mark');
    mark.className = 'nl-mark';
    mark.textContent = n.textContent;
    return mark;
  });
}

function alinea(tekst: string | Node[], klasse = ''): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = `nl-paragraph ${klasse}`.trim();
  if (typeof tekst === 'string') p.textContent = tekst;
  else p.append(...tekst);
  return p;
}

function resultaatItem(f: Fragment): HTMLLIElement {
  const li = document.createElement('li');
  const kop = document.createElement('h3');
  kop.className = 'nl-heading nl-heading--level-3';
  const a = document.createElement('a');
  a.className = 'nl-link';
  a.href = f.url;
  a.textContent = f.meta.title ?? f.url;
  kop.append(a);
  li.append(kop, alinea([f.meta.type ?? 'Informatie', f.meta.kern].filter(Boolean).join(' · '), 'sk-meta'));
  if (f.meta.status) li.append(alinea(f.meta.status, 'sk-resultaat__status'));
  li.append(alinea(fragmentNodes(f.excerpt)));
  if (f.meta.weer) li.append(alinea(f.meta.weer, 'sk-resultaat__status'));
  if (f.meta.volgende) li.append(alinea(`Eerstvolgende keer: ${f.meta.volgende}`));
  else if (f.meta.wanneer) li.append(alinea(`Wanneer: ${f.meta.wanneer}`));
  if (f.meta.gecontroleerd) li.append(alinea(f.meta.gecontroleerd, 'sk-meta'));
  // What the result is about, for the relevance suites (tests/zoeken/) and styling; not shown.
  if (f.filters.thema?.length) li.dataset.thema = f.filters.thema.join(' ');
  if (f.filters.doelgroep?.length) li.dataset.doelgroep = f.filters.doelgroep.join(' ');
  // For "dichtbij mij" (src/scripts/dichtbij.ts), which sorts this list when asked.
  if (f.meta.lat && f.meta.lon) {
    li.dataset.lat = f.meta.lat;
    li.dataset.lon = f.meta.lon;
  }
  return li;
}

/**
 * "Gezocht, niets gevonden": a search that was asked for (not one typed halfway) and found nothing
 * tells our server its normalised words and the kern, nothing else: no cookie, not when the browser
 * asks not to be tracked (Global Privacy Control, Do Not Track). See the privacy page.
 */
function meldNietsGevonden(u: Zoekuitkomst): void {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (nav.globalPrivacyControl || nav.doNotTrack === '1' || u.analyse.termen.length === 0) return;
  const melding = { woorden: u.analyse.termen.slice(0, 8), ...(u.kern ? { kern: u.kern } : {}) };
  fetch('/zoeken/niets-gevonden', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(melding),
    credentials: 'omit',
    keepalive: true,
  }).catch(() => undefined);
}

/** The query with the doubtful corrections applied, for "Bedoelde u …?"; undefined when there are none. */
function bedoeldeVraag(u: Zoekuitkomst): string | undefined {
  if (u.analyse.suggesties.length === 0) return undefined;
  const naar = new Map(u.analyse.suggesties.map((s) => [s.van, s.naar]));
  return woorden(u.analyse.vraagZonderKern)
    .map((w) => naar.get(w) ?? w)
    .join(' ');
}

export function startZoekpagina(): void {
  const formulier = $<HTMLFormElement>('zoekformulier');
  const veld = $<HTMLInputElement>('zoekvraag');
  const status = $('zoekstatus');
  const sectie = $('zoekresultaten');
  const uitleg = $('zoek-uitleg');
  const lijst = $<HTMLOListElement>('resultatenlijst');
  const meer = $<HTMLButtonElement>('meer-resultaten');
  const andereKernen = $('andere-kernen');
  const geen = $('geen-resultaten');
  const zonderJs = $('zoeken-zonder-js');
  const select = (naam: string) => formulier.elements.namedItem(naam) as HTMLSelectElement | HTMLInputElement | null;
  const filters = $<HTMLDetailsElement>('filters');
  const kernNaam = (slug: string) =>
    Array.from(($('filter-kern') as HTMLSelectElement).options).find((o) => o.value === slug)?.text ?? slug;

  zonderJs.hidden = true;
  let volgnummer = 0;
  let uitkomst: Zoekuitkomst | undefined;
  let getoond = 0;

  function leesFormulier(): Zoekstaat {
    const params = new URLSearchParams();
    params.set('q', veld.value);
    for (const naam of FILTERS) {
      const el = select(naam);
      if (el instanceof HTMLInputElement) {
        if (el.checked) params.set(naam, el.value);
      } else if (el?.value) params.set(naam, el.value);
    }
    return leesStaat(params);
  }

  function vulFormulier(staat: Zoekstaat) {
    veld.value = staat.q;
    for (const naam of FILTERS) {
      const el = select(naam);
      if (el instanceof HTMLInputElement) el.checked = staat.filters[naam] === el.value;
      else if (el) el.value = staat.filters[naam] ?? '';
    }
  }

  function toonFilterAantal(staat: Zoekstaat) {
    const n = aantalFilters(staat);
    $('filters-aantal').textContent = n > 0 ? `(${n} gekozen)` : '';
    ($('filters-wissen') as HTMLAnchorElement).href = `/zoeken/${staatNaarZoekdeel({ q: staat.q, filters: {} })}`;
  }

  async function toonVolgende(focus: boolean) {
    if (!uitkomst) return;
    const deel = uitkomst.resultaten.slice(getoond, getoond + PER_KEER);
    const eigen = uitkomst;
    const fragmenten = await Promise.all(deel.map((r: PfResultaat) => r.data()));
    if (eigen !== uitkomst) return;
    const items = fragmenten.map(resultaatItem);
    lijst.append(...items);
    // Keep the order the user chose with "dichtbij mij" for newly shown results too.
    pasToe(lijst.parentElement ?? document);
    getoond += items.length;
    meer.hidden = getoond >= uitkomst.resultaten.length;
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  function beschrijf(staat: Zoekstaat, u: Zoekuitkomst): string {
    const n = u.resultaten.length;
    const delen = [n === 0 ? 'Geen resultaten' : meervoud(n, 'resultaat', 'resultaten')];
    if (staat.q.trim()) delen.push(`voor ‘${staat.q.trim()}’`);
    if (u.kern) delen.push(`in ${kernNaam(u.kern)}`);
    const overig = aantalFilters(zonder(staat, 'kern'));
    if (overig > 0) delen.push(`met ${meervoud(overig, 'filter', 'filters')}`);
    return `${delen.join(' ')}.`;
  }

  function toonUitleg(u: Zoekuitkomst): string {
    const zinnen = u.analyse.correcties.map((c) => `Gezocht op ‘${c.naar}’ in plaats van ‘${c.van}’.`);
    if (u.volledig === 0 && u.resultaten.length > 0)
      zinnen.push('Er is niets met al uw zoekwoorden. Hieronder staat wat het meest overeenkomt.');
    if (u.analyse.kern && !leesFormulier().filters.kern) zinnen.push(`U noemde ${u.analyse.kern.naam}: we zoeken daar.`);
    uitleg.textContent = zinnen.join(' ');
    uitleg.hidden = zinnen.length === 0;
    // Outside the results, so it shows when nothing was found too.
    const bedoeld = bedoeldeVraag(u);
    const bedoeldEl = $('bedoeld');
    bedoeldEl.hidden = !bedoeld;
    if (bedoeld) {
      const link = document.createElement('a');
      link.className = 'nl-link';
      link.href = `/zoeken/${staatNaarZoekdeel({ ...leesFormulier(), q: bedoeld })}`;
      link.textContent = bedoeld;
      bedoeldEl.replaceChildren('Bedoelde u ', link, '?');
      zinnen.push(`Bedoelde u ${bedoeld}?`);
    }
    return zinnen.join(' ');
  }

  async function toonAndereKernen(staat: Zoekstaat, u: Zoekuitkomst, pf: Awaited<ReturnType<typeof laadPagefind>>) {
    andereKernen.hidden = true;
    if (!u.kern) return;
    const totaal = await aantalZonderKern(pf, u);
    if (u !== uitkomst || totaal <= u.volledig) return;
    const zonderKern = staat.filters.kern ? zonder(staat, 'kern') : { ...staat, q: u.analyse.vraagZonderKern };
    const link = $('andere-kernen-link') as HTMLAnchorElement;
    link.href = `/zoeken/${staatNaarZoekdeel(zonderKern)}`;
    link.textContent = `Zoek ook in andere kernen (${meervoud(totaal, 'resultaat', 'resultaten')} in de hele gemeente)`;
    andereKernen.hidden = false;
  }

  function toonGeenResultaten(staat: Zoekstaat, u: Zoekuitkomst) {
    geen.hidden = u.resultaten.length > 0;
    if (geen.hidden) return;
    for (const el of geen.querySelectorAll<HTMLElement>('[data-ondersteuner]')) el.hidden = el.dataset.ondersteuner !== u.kern;
    $('kern-kiezer').hidden = Boolean(u.kern && geen.querySelector(`[data-ondersteuner="${u.kern}"]`));
    $('minder-filters').hidden = aantalFilters(staat) === 0;
    ($('zonder-filters') as HTMLAnchorElement).href = `/zoeken/${staatNaarZoekdeel({ q: staat.q, filters: {} })}`;
  }

  /** Whether the next search was asked for (Enter, Zoek, a link): then focus goes to the results. */
  let naarResultaten = false;

  async function voerUit() {
    const focus = naarResultaten;
    naarResultaten = false;
    const staat = leesFormulier();
    const nummer = ++volgnummer;
    toonFilterAantal(staat);
    const deel = staatNaarZoekdeel(staat);
    history.replaceState(history.state, '', `/zoeken/${deel}`);
    document.title = document.title.replace(/^(Zoeken)(: .*?)?( - )/, `$1${staat.q.trim() ? `: ${staat.q.trim()}` : ''}$3`);
    if (!staat.q.trim() && aantalFilters(staat) === 0) {
      sectie.hidden = geen.hidden = true;
      status.textContent = '';
      document.body.classList.remove('sk-wacht');
      formulier.dataset.status = 'klaar';
      return;
    }
    formulier.dataset.status = 'bezig';
    sectie.setAttribute('aria-busy', 'true');
    try {
      const [pf, woorden] = await Promise.all([laadPagefind(), laadWoorden()]);
      const u = await zoek(pf, maakVraagmaker(woorden), staat, laadNederlands, Object.keys(woorden.doelgroepen ?? {}));
      if (nummer !== volgnummer) return;
      uitkomst = u;
      getoond = 0;
      lijst.replaceChildren();
      await toonVolgende(false);
      if (nummer !== volgnummer) return;
      sectie.hidden = u.resultaten.length === 0;
      const extra = toonUitleg(u);
      status.textContent = [beschrijf(staat, u), extra].filter(Boolean).join(' ');
      toonGeenResultaten(staat, u);
      document.body.classList.add('sk-gezocht');
      // Screen readers hear the status line (role=status); focus goes to what was found.
      if (focus) (u.resultaten.length > 0 ? $('resultaten-kop') : $('geen-resultaten-kop')).focus();
      if (focus && u.resultaten.length === 0) meldNietsGevonden(u);
      await toonAndereKernen(staat, u, pf);
    } catch (e) {
      if (nummer !== volgnummer) return;
      console.warn('Zoeken lukt niet', e);
      sectie.hidden = geen.hidden = true;
      zonderJs.hidden = false;
      status.textContent = 'Zoeken lukt nu niet. Gebruik de lijsten onder op deze pagina.';
    } finally {
      if (nummer === volgnummer) {
        document.body.classList.remove('sk-wacht');
        sectie.removeAttribute('aria-busy');
        formulier.dataset.status = 'klaar';
      }
    }
  }

  let vraagmaker: { woorden: object; maker: Vraagmaker } | undefined;
  const maakVraagmaker = (woorden: ConstructorParameters<typeof Vraagmaker>[0]) => {
    if (vraagmaker?.woorden !== woorden) vraagmaker = { woorden, maker: new Vraagmaker(woorden) };
    return vraagmaker.maker;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  veld.addEventListener(
    'focus',
    () => {
      laadPagefind().catch(() => undefined);
      laadWoorden().catch(() => undefined);
    },
    { once: true },
  );
  veld.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(voerUit, 250);
  });
  formulier.addEventListener('change', (e) => {
    if (e.target !== veld) void voerUit();
  });
  formulier.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    naarResultaten = true;
    void voerUit();
  });
  meer.addEventListener('click', () => void toonVolgende(true));
  // Whether the filters were open belongs to this history entry, so "back" shows them as they were.
  filters.addEventListener('toggle', () => history.replaceState({ ...history.state, filtersOpen: filters.open }, ''));
  if (history.state?.filtersOpen) filters.open = true;

  const laadUitUrl = () => {
    vulFormulier(leesStaat(new URLSearchParams(location.search)));
    void voerUit();
  };
  window.addEventListener('popstate', laadUitUrl);
  // A search that arrives with the page (the search box on another page, a link) lands on the
  // results; one restored by "back" keeps the place it had.
  const terug =
    (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type === 'back_forward';
  naarResultaten = !terug && new URLSearchParams(location.search).has('q');
  laadUitUrl();
}
