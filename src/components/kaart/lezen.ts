import type { KaartItem, KaartPlek } from '../../lib/kaart/plekken.ts';
import type { Ondergrond } from '../../lib/kaart/stijl.ts';

/**
 * The map reads its places from the list under it (the text alternative), so the two always
 * show the same: no second copy of the data in the page.
 */

export type KaartInstellingen = {
  /** Accessible name of the map, e.g. "Kaart van Sibculo". */
  naam: string;
  soort: 'overzicht' | 'kern' | 'plek';
  kern?: string;
  ondergrond: Ondergrond;
};

export function leesInstellingen(sectie: HTMLElement): KaartInstellingen {
  const script = sectie.querySelector<HTMLScriptElement>('script[data-kaart-instellingen]');
  return JSON.parse(script?.textContent ?? '{}') as KaartInstellingen;
}

export function leesPlekken(sectie: HTMLElement): KaartPlek[] {
  const lijst = sectie.querySelector('[data-kaart-plekken]');
  if (!lijst) return [];
  return Array.from(lijst.querySelectorAll<HTMLElement>(':scope > li[data-lat][data-lon]'), (li) => {
    const items: KaartItem[] = Array.from(li.querySelectorAll<HTMLAnchorElement>('a[data-soort]'), (a) => ({
      naam: a.textContent?.trim() ?? '',
      soort: a.dataset.soort ?? '',
      href: a.getAttribute('href') ?? '',
      toelichting: a.dataset.toelichting || undefined,
    }));
    return {
      lat: Number(li.dataset.lat),
      lon: Number(li.dataset.lon),
      naam: li.querySelector('[data-naam]')?.textContent?.trim() || undefined,
      adres: li.querySelector('[data-adres]')?.textContent?.trim() || undefined,
      items,
    };
  }).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && p.items.length > 0);
}
