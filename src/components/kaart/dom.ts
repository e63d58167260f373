import type { KaartPlek } from '../../lib/kaart/plekken.ts';

/** The DOM of the map: marker texts, labels and popup contents (plain elements, no framework). */

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, klasse: string, tekst?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = klasse;
  if (tekst !== undefined) el.textContent = tekst;
  return el;
}

/** Estimated size of a kern label (see .sk-marker--label): good enough to keep labels apart. */
export function labelMaat(tekst: string): { breedte: number; hoogte: number } {
  return { breedte: Math.min(tekst.length, 16) * 8 + 16, hoogte: tekst.length > 16 ? 44 : 26 };
}

export const aantal = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;

/** What a screen reader hears for one place. */
export function beschrijf(p: KaartPlek): string {
  const waar = [p.naam, p.adres].filter(Boolean).join(', ');
  if (p.items.length === 1)
    return [`${p.items[0].naam} (${p.items[0].soort.toLowerCase()})`, p.naam === p.items[0].naam ? undefined : waar]
      .filter(Boolean)
      .join(', ');
  return `${waar}: ${aantal(p.items.length, 'organisatie of activiteit', 'organisaties en activiteiten')}`;
}

export function popupInhoud(plekken: KaartPlek[]): HTMLElement {
  const inhoud = element('div', 'sk-popup');
  for (const p of plekken) {
    const blok = element('div', 'sk-popup__plek');
    // A kern on the overview is its own link: its name need not be said twice.
    const alleenLink = !p.adres && p.items.length === 1 && p.items[0].naam === p.naam;
    if ((p.naam || p.adres) && !alleenLink) {
      const kop = element('p', 'sk-popup__kop');
      if (p.naam) kop.append(element('strong', '', p.naam));
      if (p.naam && p.adres) kop.append(document.createElement('br'));
      if (p.adres) kop.append(p.adres);
      blok.append(kop);
    }
    const lijst = element('ul', 'sk-popup__lijst');
    for (const item of p.items) {
      const li = element('li', '');
      const a = element('a', 'nl-link', item.naam);
      a.href = item.href;
      li.append(a, element('span', 'sk-popup__soort', [item.soort, item.toelichting].filter(Boolean).join(' · ')));
      lijst.append(li);
    }
    blok.append(lijst);
    inhoud.append(blok);
  }
  return inhoud;
}
