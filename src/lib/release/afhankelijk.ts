import { createHash } from 'node:crypto';
import type { SiteData } from '../site/sitedata.ts';
import { zoekindex } from '../zoeken/paginas.ts';

/**
 * Which pages of a release depend on which records: the one place that decides what an
 * incremental publish renders again.
 *
 * A page named here (one activity or organisation, a kern or thema page, or their calendar feeds)
 * depends only on the records listed for it, so it is rendered again only when one of them
 * changed, or one came or went. Every other page (home, overviews, A–Z, search, open data,
 * sitemap) lists all records and is rendered on every publish: those are few (about 60), and a
 * route added later is safe by default. A different day, configuration or code means a full
 * render (see `teRenderen`).
 *
 * A record's fingerprint includes its search data (src/lib/zoeken/paginas.ts): the words a page
 * gives search depend on the vocabulary of the whole site (compound words are split by it), so a
 * new word on one page can change another page that shows no record that changed.
 */

/** What the previous release recorded, stored in it as AFHANKELIJK_BESTAND. */
export type Afhankelijkheden = {
  /** The day the pages were rendered for (Europe/Amsterdam): next dates and "vandaag" depend on it. */
  datum: string;
  /** Every path of the release with its output file and, for a page named here, its fingerprint. */
  paden: Record<string, { bestand: string; afdruk?: string }>;
};

export const AFHANKELIJK_BESTAND = '.afhankelijk.json';

const hash = (tekst: string) => createHash('sha256').update(tekst).digest('base64url').slice(0, 22);

/**
 * Records as keys `a:<activiteit>` (with its search data), `o:<organisatie>`, `k:<kern>` (its
 * kernondersteuner), `t:<thema>` (its search data), each once, in the data's order. The search
 * data of an organisation (`zo:`) and a kern (`zk:`) is shown on its own page only: a new word that
 * changes them must not render every activity of a large organisation or a kern again.
 */
const sleutels = (...lijsten: string[][]) => [...new Set(lijsten.flat())];

/** The records each page named here depends on. */
export function paginaAfhankelijkheden(site: SiteData): Map<string, string[]> {
  const paden = new Map<string, string[]>();
  const { activiteiten, organisaties } = site.kaart;
  for (const a of activiteiten) {
    paden.set(`/aanbod/${a.slug}`, [`a:${a.slug}`, `o:${a.organisatie}`, `k:${a.kern}`]);
    // Its calendar feed (src/lib/agenda/feeds.ts) names the organisation too.
    paden.set(`/agenda/aanbod/${a.slug}.ics`, [`a:${a.slug}`, `o:${a.organisatie}`]);
  }
  for (const o of organisaties) {
    const eigen = site.activiteitenVan(o.slug).map((a) => `a:${a.slug}`);
    paden.set(
      `/organisaties/${o.slug}`,
      sleutels(
        [`o:${o.slug}`, `zo:${o.slug}`],
        eigen,
        o.kernen.map((k) => `k:${k}`),
      ),
    );
    paden.set(`/agenda/organisaties/${o.slug}.ics`, sleutels([`o:${o.slug}`], eigen));
  }
  // Every activity there in any state (one paused or moved away changes the list), the
  // organisations of those, and the organisations that name the kern or thema themselves.
  for (const k of site.kernen) {
    const hier = activiteiten.filter((a) => a.kern === k.slug);
    const lijst = sleutels(
      [`k:${k.slug}`],
      hier.map((a) => `a:${a.slug}`),
      hier.map((a) => `o:${a.organisatie}`),
      organisaties.filter((o) => o.kernen.includes(k.slug)).map((o) => `o:${o.slug}`),
    );
    paden.set(`/kernen/${k.slug}`, [...lijst, `zk:${k.slug}`]);
    paden.set(`/agenda/kernen/${k.slug}.ics`, lijst);
  }
  for (const t of site.config.themas) {
    const hier = activiteiten.filter((a) => a.themas.includes(t.slug));
    paden.set(
      `/themas/${t.slug}`,
      sleutels(
        [`t:${t.slug}`],
        hier.map((a) => `a:${a.slug}`),
        hier.map((a) => `o:${a.organisatie}`),
        organisaties.filter((o) => o.themas.includes(t.slug)).map((o) => `o:${o.slug}`),
      ),
    );
  }
  return paden;
}

/** A hash of every record a page named here can depend on, with the search data it gives. */
export function recordAfdrukken(site: SiteData): Map<string, string> {
  const zoek = zoekindex(site);
  const afdrukken = new Map<string, string>();
  const afdruk = (...delen: unknown[]) => hash(JSON.stringify(delen));
  for (const a of site.kaart.activiteiten) afdrukken.set(`a:${a.slug}`, afdruk(a, zoek.activiteit(a)));
  for (const o of site.kaart.organisaties) {
    afdrukken.set(`o:${o.slug}`, afdruk(o));
    afdrukken.set(`zo:${o.slug}`, afdruk(zoek.organisatie(o)));
  }
  for (const k of site.kernen) {
    afdrukken.set(`k:${k.slug}`, afdruk(site.ondersteuner(k.slug) ?? null));
    afdrukken.set(`zk:${k.slug}`, afdruk(zoek.kern(k)));
  }
  for (const t of site.config.themas) afdrukken.set(`t:${t.slug}`, afdruk(zoek.thema(t)));
  return afdrukken;
}

/** Per page named here: one fingerprint of the records it shows (a record moving away changes it too). */
export function paginaAfdrukken(site: SiteData): Map<string, string> {
  const records = recordAfdrukken(site);
  const uit = new Map<string, string>();
  for (const [pad, sleutels] of paginaAfhankelijkheden(site)) {
    uit.set(pad, hash(sleutels.map((s) => `${s}=${records.get(s) ?? '-'}`).join('\n')));
  }
  return uit;
}

/** A path as Astro lists it, without a trailing slash (except the home page). */
export function normaalPad(pad: string): string {
  return pad.length > 1 ? pad.replace(/\/+$/, '') : pad;
}

/** The file a path is written to in a release (build.format 'directory'), as Astro writes it. */
export function uitvoerBestand(pad: string, soort: 'page' | 'endpoint' | string): string {
  const p = normaalPad(pad);
  if (soort === 'endpoint') return p.slice(1);
  if (p === '/') return 'index.html';
  if (p === '/404' || p === '/500') return `${p.slice(1)}.html`;
  return `${p.slice(1)}/index.html`;
}

/**
 * The open-data downloads and their page: on a large site (tens of megabytes, seconds to make
 * and compress) a publish can leave them for a follow-up publish, so the changed pages and
 * search are live first (see `bouwRelease`'s `naleveren`).
 */
export const isNaleverbaar = (pad: string) => pad === '/open-data' || pad.startsWith('/open-data/');

/**
 * The paths to render again. Everything when there is no previous record or it was made for
 * another day; otherwise new paths, paths not modelled here and modelled paths whose fingerprint
 * changed. `uitstellen` leaves such paths that exist already for a follow-up publish.
 */
export function teRenderen(
  paden: string[],
  vorige: Afhankelijkheden | undefined,
  datum: string,
  afdrukken: Map<string, string>,
  uitstellen: (pad: string) => boolean = () => false,
): Set<string> {
  if (!vorige || vorige.datum !== datum) return new Set(paden);
  return new Set(
    paden.filter((pad) => {
      const afdruk = afdrukken.get(pad);
      const oud = vorige.paden[pad];
      if (oud === undefined) return true;
      if (afdruk === undefined) return !uitstellen(pad);
      return oud.afdruk !== afdruk;
    }),
  );
}
