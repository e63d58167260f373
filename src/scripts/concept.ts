import { type Concept, conceptSleutel, conceptVelden, leesConcept, perNaam, verschilt } from '../lib/portaal/concept.ts';

/**
 * Keeps what is typed in a listing form (form[data-concept]) in this browser and offers it back
 * after a reload; cleared after a successful save. Loaded late; the page works without it.
 */

const BEZIG = 'sk-concept-bezig';

function opslag(): Storage | undefined {
  try {
    window.localStorage.getItem(BEZIG);
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function zetTerug(form: HTMLFormElement, velden: [string, string][]): void {
  const waarden = perNaam(velden);
  const gezien = new Map<string, number>();
  for (const el of [...form.elements]) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
    if (!el.name || el.name === 'csrf' || el.name === 'actie') continue;
    if (el instanceof HTMLInputElement && ['submit', 'button', 'reset', 'file'].includes(el.type)) continue;
    const lijst = waarden.get(el.name);
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      el.checked = (lijst ?? []).includes(el.value);
      continue;
    }
    if (el.name.startsWith('basis.') && !lijst) {
      el.remove();
      continue;
    }
    const i = gezien.get(el.name) ?? 0;
    gezien.set(el.name, i + 1);
    if (lijst && i < lijst.length) el.value = lijst[i];
    // Parts of the form that follow a choice (the schedule editor) follow the restored one.
    if (el instanceof HTMLSelectElement) el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  // The version the typing started from goes back too, so saving merges with what changed since.
  for (const [naam, lijst] of waarden) {
    if (!naam.startsWith('basis.') || form.elements.namedItem(naam)) continue;
    const verborgen = document.createElement('input');
    verborgen.type = 'hidden';
    verborgen.name = naam;
    verborgen.value = lijst[0];
    form.prepend(verborgen);
  }
}

function biedAan(form: HTMLFormElement, concept: Concept, klaar: (teruggezet: boolean) => void): void {
  const vak = document.createElement('div');
  vak.className = 'utrecht-alert utrecht-alert--warning sk-concept';
  vak.setAttribute('role', 'status');
  const tekst = document.createElement('p');
  tekst.className = 'nl-paragraph';
  const moment = new Date(concept.opgeslagenOp).toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
  tekst.textContent = `In deze browser staat tekst die u op ${moment} typte in dit formulier. Die is nog niet opgeslagen.`;
  const knoppen = document.createElement('div');
  knoppen.className = 'sk-knoppen';
  const terug = document.createElement('button');
  terug.type = 'button';
  terug.className = 'nl-button nl-button--primary';
  terug.textContent = 'Zet mijn tekst terug';
  const weg = document.createElement('button');
  weg.type = 'button';
  weg.className = 'nl-button nl-button--secondary';
  weg.textContent = 'Weggooien';
  knoppen.append(terug, weg);
  vak.append(tekst, knoppen);
  form.before(vak);
  terug.addEventListener('click', () => {
    zetTerug(form, concept.velden);
    tekst.textContent =
      'Uw tekst staat weer in het formulier. Let op: die is nog niet opgeslagen. Klik op Opslaan om hem te bewaren.';
    knoppen.remove();
    tekst.tabIndex = -1;
    tekst.focus();
    klaar(true);
  });
  weg.addEventListener('click', () => {
    vak.remove();
    klaar(false);
  });
}

const ls = opslag();
if (ls) {
  // The overview confirms a save: the input kept for that form is done.
  if (document.querySelector('[data-concept-opgeslagen]')) {
    const sleutel = sessionStorage.getItem(BEZIG);
    if (sleutel) ls.removeItem(sleutel);
    sessionStorage.removeItem(BEZIG);
  }
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-concept]')) {
    const sleutel = conceptSleutel(form.dataset.concept ?? '');
    const nu = () => conceptVelden(new FormData(form));
    // This page answers our own post (a message at a field, or a merge): it shows what was sent.
    const antwoord = sessionStorage.getItem(BEZIG) === sleutel;
    if (antwoord) sessionStorage.removeItem(BEZIG);
    const bewaard = leesConcept(ls.getItem(sleutel));
    let bewaren = true;
    if (bewaard && !antwoord && verschilt(bewaard.velden, nu())) {
      // Until the person chooses, the kept input stays as it is.
      bewaren = false;
      biedAan(form, bewaard, () => {
        bewaren = true;
        bewaar();
      });
    }
    function bewaar() {
      if (!bewaren || !ls) return;
      try {
        ls.setItem(sleutel, JSON.stringify({ opgeslagenOp: new Date().toISOString(), velden: nu() } satisfies Concept));
      } catch {
        // Storage full or blocked: the form still works.
      }
    }
    let wacht: ReturnType<typeof setTimeout> | undefined;
    form.addEventListener('input', () => {
      clearTimeout(wacht);
      wacht = setTimeout(bewaar, 300);
    });
    form.addEventListener('change', bewaar);
    form.addEventListener('submit', (e) => {
      clearTimeout(wacht);
      bewaar();
      // The page that comes back answers this post: it shows what was sent, so nothing is offered.
      if (!e.defaultPrevented) sessionStorage.setItem(BEZIG, sleutel);
    });
  }
}
