/**
 * The only map code every page with a map carries: it shows the "Toon de kaart" button and
 * loads the map (MapLibre and its styles) when the map comes into view or the button is pressed.
 * Until then a page weighs what it did without a map.
 */

type Verbinding = { saveData?: boolean };

function koppel(sectie: HTMLElement) {
  const vlak = sectie.querySelector<HTMLElement>('[data-kaart-vlak]');
  const knop = sectie.querySelector<HTMLButtonElement>('[data-kaart-toon]');
  if (!vlak || !knop) return;
  vlak.hidden = false;
  let gestart = false;
  let kijker: IntersectionObserver | undefined;

  const start = async (gevraagd: boolean) => {
    if (gestart) return;
    gestart = true;
    // Tabbing to the button scrolls it into view, which may start the map before Enter is pressed.
    const viaKnop = gevraagd || document.activeElement === knop;
    kijker?.disconnect();
    const uitleg = vlak.querySelector('[data-kaart-uitleg]');
    if (uitleg) uitleg.textContent = 'De kaart wordt geladen…';
    knop.hidden = true;
    if (viaKnop) vlak.focus();
    try {
      const { toonKaart } = await import('../components/kaart/eiland.ts');
      await toonKaart(sectie, vlak, viaKnop);
    } catch {
      if (uitleg) uitleg.textContent = 'De kaart kon niet laden. Alle plekken staan in de lijst hieronder.';
    }
  };

  knop.addEventListener('click', () => void start(true));
  // People who asked their browser to save data only get the map when they ask for it.
  const zuinig = (navigator as Navigator & { connection?: Verbinding }).connection?.saveData === true;
  if (!zuinig && 'IntersectionObserver' in window) {
    kijker = new IntersectionObserver((e) => e.some((x) => x.isIntersecting) && void start(false), { rootMargin: '150px 0px' });
    kijker.observe(vlak);
  }
}

for (const sectie of document.querySelectorAll<HTMLElement>('[data-kaart]')) koppel(sectie);
