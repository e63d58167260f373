import type { Activiteit, Organisatie } from '../data/kaart.ts';
import type { Adres } from '../model/velden.ts';
import type { SiteData } from '../site/sitedata.ts';
import { adresTekst, sorteerOpNaam } from '../site/weergave.ts';

/**
 * What a map shows, as places (plekken): one point with an address and everything found there.
 * The same data is rendered as the list under the map, which the map then reads, so map and
 * list cannot differ.
 */

export type KaartItem = { naam: string; soort: string; href: string; toelichting?: string };
export type KaartPlek = { lat: number; lon: number; naam?: string; adres?: string; items: KaartItem[] };

type Invoer = { adres: Adres; item: KaartItem };

/** Two addresses closer than about a metre are the same place. */
const sleutel = (lat: number, lon: number) => `${lat.toFixed(5)},${lon.toFixed(5)}`;

export function groepeerPlekken(invoer: Invoer[]): KaartPlek[] {
  const plekken = new Map<string, KaartPlek & { gezien: Set<string> }>();
  for (const { adres, item } of invoer) {
    if (adres.lat === undefined || adres.lon === undefined) continue;
    const k = sleutel(adres.lat, adres.lon);
    let plek = plekken.get(k);
    if (!plek) {
      plek = { lat: adres.lat, lon: adres.lon, adres: adresTekst({ ...adres, naam: undefined }), items: [], gezien: new Set() };
      plekken.set(k, plek);
    }
    plek.naam ??= adres.naam;
    if (plek.gezien.has(item.href)) continue;
    plek.gezien.add(item.href);
    plek.items.push(item);
  }
  return [...plekken.values()]
    .map(({ gezien: _, ...plek }) => ({ ...plek, items: plek.items.sort((a, b) => sorteerOpNaam(a.naam, b.naam)) }))
    .sort((a, b) => sorteerOpNaam(a.naam ?? a.adres ?? '', b.naam ?? b.adres ?? ''));
}

function orgItem(site: SiteData, o: Organisatie): KaartItem {
  return { naam: o.naam, soort: site.soortLabel(o.soort), href: `/organisaties/${o.slug}/` };
}

function actItem(a: Activiteit): KaartItem {
  return { naam: a.titel, soort: 'Activiteit', href: `/aanbod/${a.slug}/` };
}

/** The places in a kern: organisations with a visiting address there and current activities there. */
export function kernPlekken(site: SiteData, kern: string): KaartPlek[] {
  const orgs: Invoer[] = site
    .organisatiesIn(kern)
    .filter((o) => o.bezoekadres?.kern === kern)
    .map((o) => ({ adres: o.bezoekadres!, item: orgItem(site, o) }));
  const acts: Invoer[] = site
    .activiteitenIn(kern)
    .filter((a) => a.plek?.kern === kern)
    .map((a) => ({ adres: a.plek!, item: actItem(a) }));
  return groepeerPlekken([...orgs, ...acts]);
}

/** An organisation's visiting address and the places of its current activities. */
export function organisatiePlekken(site: SiteData, o: Organisatie): KaartPlek[] {
  const eigen: Invoer[] = o.bezoekadres ? [{ adres: o.bezoekadres, item: orgItem(site, o) }] : [];
  const acts: Invoer[] = site
    .activiteitenVan(o.slug)
    .filter((a) => site.isActueel(a) && a.plek)
    .map((a) => ({ adres: a.plek!, item: actItem(a) }));
  return groepeerPlekken([...eigen, ...acts]);
}

export function activiteitPlekken(a: Activiteit): KaartPlek[] {
  return a.plek ? groepeerPlekken([{ adres: a.plek, item: actItem(a) }]) : [];
}

/** The overview: one place per kern, at its centre. */
export function kernenPlekken(site: SiteData): KaartPlek[] {
  return site.kernen.map((kern) => ({
    lat: kern.centrum.lat,
    lon: kern.centrum.lon,
    naam: kern.naam,
    items: [
      {
        naam: kern.naam,
        soort: 'Kern',
        href: `/kernen/${kern.slug}/`,
        toelichting: `${site.organisatiesIn(kern.slug).length} organisaties en ${site.activiteitenIn(kern.slug).length} activiteiten`,
      },
    ],
  }));
}
