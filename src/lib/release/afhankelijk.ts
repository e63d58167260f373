import { createHash } from 'node:crypto';
import type { SiteData } from '../site/sitedata.ts';

/**
 * Which pages of a release depend on which records: the one place that decides what an
 * incremental publish renders again.
 *
 * A detail page (one activity, one organisation, or its calendar feed) depends only on the records named below, so it
 * is rendered again only when one of them changed. Every other page (home, kernen, thema's, A–Z,
 * search, open data, sitemap, feeds) lists many records and is rendered on every publish: those
 * are few (about 70 of 600 on the demo), and a route added later is safe by default.
 * A different day, configuration or code means a full render (see `teRenderen`).
 */

/** What the previous release recorded, stored in it as AFHANKELIJK_BESTAND. */
export type Afhankelijkheden = {
  /** The day the pages were rendered for (Europe/Amsterdam): next dates and "vandaag" depend on it. */
  datum: string;
  /** Every path of the release with its output file and, for a detail page, its fingerprint. */
  paden: Record<string, { bestand: string; afdruk?: string }>;
};

export const AFHANKELIJK_BESTAND = '.afhankelijk.json';

const hash = (tekst: string) => createHash('sha256').update(tekst).digest('base64url').slice(0, 22);

/** The records a detail path depends on, as keys `a:<activiteit>`, `o:<organisatie>`, `k:<kern>` (its kernondersteuner). */
export function detailAfhankelijkheden(site: SiteData): Map<string, string[]> {
  const paden = new Map<string, string[]>();
  for (const a of site.kaart.activiteiten) {
    paden.set(`/aanbod/${a.slug}`, [`a:${a.slug}`, `o:${a.organisatie}`, `k:${a.kern}`]);
    // Its calendar feed (src/lib/agenda/feeds.ts) names the organisation too.
    paden.set(`/agenda/aanbod/${a.slug}.ics`, [`a:${a.slug}`, `o:${a.organisatie}`]);
  }
  for (const o of site.kaart.organisaties) {
    const activiteiten = site.activiteitenVan(o.slug).map((a) => `a:${a.slug}`);
    paden.set(`/organisaties/${o.slug}`, [`o:${o.slug}`, ...activiteiten, ...o.kernen.map((k) => `k:${k}`)]);
    paden.set(`/agenda/organisaties/${o.slug}.ics`, [`o:${o.slug}`, ...activiteiten]);
  }
  return paden;
}

/** A hash of every record a detail page can depend on. */
export function recordAfdrukken(site: SiteData): Map<string, string> {
  const afdrukken = new Map<string, string>();
  for (const a of site.kaart.activiteiten) afdrukken.set(`a:${a.slug}`, hash(JSON.stringify(a)));
  for (const o of site.kaart.organisaties) afdrukken.set(`o:${o.slug}`, hash(JSON.stringify(o)));
  for (const k of site.kernen) afdrukken.set(`k:${k.slug}`, hash(JSON.stringify(site.ondersteuner(k.slug) ?? null)));
  return afdrukken;
}

/** Per detail path: one fingerprint of the records it shows (a record moving away changes it too). */
export function paginaAfdrukken(site: SiteData): Map<string, string> {
  const records = recordAfdrukken(site);
  const uit = new Map<string, string>();
  for (const [pad, sleutels] of detailAfhankelijkheden(site)) {
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
 * The paths to render again. Everything when there is no previous record or it was made for
 * another day; otherwise new paths, non-detail paths and detail paths whose fingerprint changed.
 */
export function teRenderen(
  paden: string[],
  vorige: Afhankelijkheden | undefined,
  datum: string,
  afdrukken: Map<string, string>,
): Set<string> {
  if (!vorige || vorige.datum !== datum) return new Set(paden);
  return new Set(
    paden.filter((pad) => {
      const afdruk = afdrukken.get(pad);
      const oud = vorige.paden[pad];
      return afdruk === undefined || oud === undefined || oud.afdruk !== afdruk;
    }),
  );
}
