import { maakKaart } from './kaart.ts';
import { element } from './dom.ts';
import { leesInstellingen, leesPlekken } from './lezen.ts';

/**
 * The map island in plain DOM: the map, keyboard help and a status line for screen readers.
 * The places come from the list in `sectie`, which stays the source of truth without JavaScript.
 * `focus`: the user pressed "Toon de kaart", so focus moves into the map once it is there.
 */
export async function toonKaart(sectie: HTMLElement, doel: HTMLElement, focus: boolean): Promise<void> {
  const plekken = leesPlekken(sectie);
  const vlak = element('div', 'sk-kaart__kaart');
  const hulp = element(
    'p',
    'nl-paragraph sk-meta',
    'Verschuif de kaart met de pijltjestoetsen en zoom met + en -. Met Tab gaat u langs de plekken; Enter opent een plek, Escape sluit hem weer.',
  );
  const status = element('p', 'sk-visually-hidden', 'De kaart wordt geladen.');
  status.setAttribute('role', 'status');
  doel.replaceChildren(vlak, hulp, status);
  try {
    const kaart = await maakKaart(vlak, sectie, leesInstellingen(sectie), plekken);
    status.textContent = `De kaart is geladen met ${plekken.length === 1 ? '1 plek' : `${plekken.length} plekken`}.`;
    if (focus) kaart.getCanvas().focus();
  } catch (e) {
    console.warn('Kaart kon niet laden', e);
    vlak.remove();
    hulp.remove();
    status.className = 'nl-paragraph';
    status.textContent = 'De kaart kan hier niet worden getoond. Alle plekken staan in de lijst hieronder.';
  }
}
