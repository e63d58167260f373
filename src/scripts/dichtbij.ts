import { reisTekst, sorteerOpAfstand, type Punt } from '../lib/geo/afstand.ts';

/**
 * "Dichtbij mij": sorts the server-rendered lists on the page by distance, from the user's own
 * location (asked only after a click, never sent anywhere) or from a kern centre.
 *
 * The hook is plain markup, so any list can take part, also one rendered later (search results):
 * a container with `data-dichtbij-lijst` whose children carry `data-lat` and `data-lon`. A child
 * may hold an element with `data-afstand` for the distance text; otherwise one is added.
 */

let vanaf: Punt | undefined;
const oorspronkelijk = new WeakMap<Element, number>();

function punt(el: Element): Punt | undefined {
  const lat = Number(el.getAttribute('data-lat'));
  const lon = Number(el.getAttribute('data-lon'));
  return el.hasAttribute('data-lat') && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : undefined;
}

function afstandVak(item: HTMLElement): HTMLElement {
  const bestaand = item.querySelector<HTMLElement>(':scope > [data-afstand]');
  if (bestaand) return bestaand;
  const p = document.createElement('p');
  p.className = 'nl-paragraph sk-meta sk-afstand';
  p.setAttribute('data-afstand', '');
  item.append(p);
  return p;
}

function sorteerLijst(lijst: HTMLElement, van: Punt | undefined) {
  const kinderen = Array.from(lijst.children) as HTMLElement[];
  kinderen.forEach((k, i) => {
    if (!oorspronkelijk.has(k)) oorspronkelijk.set(k, i);
  });
  if (!van) {
    kinderen.sort((a, b) => (oorspronkelijk.get(a) ?? 0) - (oorspronkelijk.get(b) ?? 0));
    for (const k of kinderen) {
      const vak = k.querySelector<HTMLElement>(':scope > [data-afstand]');
      if (vak) vak.hidden = true;
      lijst.append(k);
    }
    return;
  }
  for (const { item, km } of sorteerOpAfstand(kinderen, punt, van)) {
    const vak = afstandVak(item);
    vak.hidden = km === undefined;
    vak.textContent = km === undefined ? '' : `Afstand: ${reisTekst(km)}.`;
    lijst.append(item);
  }
}

/** Applies the current choice to every marked list under `wortel`; call again after adding a list. */
export function pasToe(wortel: ParentNode = document): void {
  for (const lijst of wortel.querySelectorAll<HTMLElement>('[data-dichtbij-lijst]')) sorteerLijst(lijst, vanaf);
}

export function sorteerVanaf(punt: Punt | undefined): void {
  vanaf = punt;
  pasToe();
}

function koppel(bediening: HTMLElement) {
  const mij = bediening.querySelector<HTMLButtonElement>('[data-dichtbij-mij]');
  const kern = bediening.querySelector<HTMLSelectElement>('[data-dichtbij-kern]');
  const terug = bediening.querySelector<HTMLButtonElement>('[data-dichtbij-terug]');
  const status = bediening.querySelector<HTMLElement>('[data-dichtbij-status]');
  const meld = (tekst: string) => {
    if (status) status.textContent = tekst;
  };
  const gesorteerd = (van: Punt, waar: string) => {
    sorteerVanaf(van);
    if (terug) terug.hidden = false;
    meld(`De lijsten op deze pagina staan nu op afstand ${waar}. Wat het dichtst bij is, staat bovenaan.`);
  };

  bediening.hidden = false;
  if (mij && !('geolocation' in navigator)) mij.hidden = true;

  mij?.addEventListener('click', () => {
    meld('Uw plek wordt opgezocht…');
    mij.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (positie) => {
        mij.disabled = false;
        if (kern) kern.value = '';
        gesorteerd({ lat: positie.coords.latitude, lon: positie.coords.longitude }, 'vanaf uw plek');
      },
      (fout) => {
        mij.disabled = false;
        meld(
          fout.code === fout.PERMISSION_DENIED
            ? 'Uw browser geeft uw plek niet door. Dat kunt u in de instellingen van uw browser veranderen. U kunt ook een kern kiezen.'
            : 'Uw plek kon niet worden gevonden. Probeer het nog eens, of kies een kern.',
        );
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  });

  kern?.addEventListener('change', () => {
    const [lat, lon] = kern.value.split(',').map(Number);
    if (!kern.value || !Number.isFinite(lat) || !Number.isFinite(lon)) return;
    gesorteerd({ lat, lon }, `vanaf het midden van ${kern.selectedOptions[0]?.textContent?.trim() ?? 'de kern'}`);
  });

  terug?.addEventListener('click', () => {
    sorteerVanaf(undefined);
    if (kern) kern.value = '';
    terug.hidden = true;
    meld('De lijsten staan weer in de gewone volgorde.');
  });
}

for (const bediening of document.querySelectorAll<HTMLElement>('[data-dichtbij]')) koppel(bediening);
