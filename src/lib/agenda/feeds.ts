import type { Activiteit } from '../data/kaart.ts';
import { naarMoment } from '../rooster/kalender.ts';
import { adresTekst } from '../site/weergave.ts';
import type { SiteData } from '../site/sitedata.ts';
import { maakAgenda, type AgendaItem } from './ical.ts';

/**
 * The calendar feeds of a release: one per activity, per organisation (all its activities) and
 * per kern (all activities there), under /agenda/. Built with every publish, like every page.
 */

export type FeedSoort = 'aanbod' | 'organisaties' | 'kernen';

/** Where a feed is: `/agenda/kernen/vriezenveen.ics`. */
export const agendaPad = (soort: FeedSoort, slug: string) => `/agenda/${soort}/${slug}.ics`;

export function feedSlugs(data: SiteData, soort: FeedSoort): string[] {
  if (soort === 'kernen') return data.kernen.map((k) => k.slug);
  if (soort === 'organisaties') return data.kaart.organisaties.map((o) => o.slug);
  return data.kaart.activiteiten.map((a) => a.slug);
}

function item(data: SiteData, a: Activiteit): AgendaItem {
  return {
    activiteit: a,
    url: new URL(`/aanbod/${a.slug}/`, data.config.url).href,
    organisatie: data.organisatie(a.organisatie)?.naam ?? a.organisatie,
    plek: a.plek ? adresTekst(a.plek) : undefined,
  };
}

/** The feed's text, or undefined for a slug that does not exist. */
export function feed(data: SiteData, soort: FeedSoort, slug: string): string | undefined {
  let naam: string;
  let activiteiten: Activiteit[];
  if (soort === 'aanbod') {
    const a = data.activiteit(slug);
    if (!a) return undefined;
    naam = a.titel;
    activiteiten = [a];
  } else if (soort === 'organisaties') {
    const o = data.organisatie(slug);
    if (!o) return undefined;
    naam = o.naam;
    activiteiten = data.activiteitenVan(slug);
  } else {
    const k = data.kern(slug);
    if (!k) return undefined;
    naam = `Activiteiten in ${k.naam}`;
    activiteiten = data.activiteitenIn(slug);
  }
  return maakAgenda(
    activiteiten.map((a) => item(data, a)),
    {
      naam: `${naam} (${data.config.sitenaam})`,
      domein: new URL(data.config.url).hostname,
      vanaf: data.nu.datum,
      gemaakt: naarMoment(data.nu.datum, data.nu.tijd),
    },
  );
}
