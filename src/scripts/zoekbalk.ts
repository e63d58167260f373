/**
 * The search box in the header submits to /zoeken/ like any form. Once someone puts the cursor
 * in it, Pagefind and the vocabulary are fetched in the background, so the search page answers
 * at once. Nothing is loaded for visitors who never touch it.
 */
export function wachtOpZoeker(veld: HTMLElement | null): void {
  if (!(veld instanceof HTMLInputElement)) return;
  let klaar: Promise<typeof import('./pagefind.ts')> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const laad = () => {
    klaar ??= import('./pagefind.ts').then((m) => {
      void m.laadWoorden().catch(() => undefined);
      void m.laadPagefind().catch(() => undefined);
      return m;
    });
    return klaar;
  };
  veld.addEventListener('focus', laad, { once: true });
  veld.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const term = veld.value.trim();
      if (term.length < 2) return;
      const pf = await (await laad()).laadPagefind().catch(() => undefined);
      await pf?.preload(term).catch(() => undefined);
    }, 300);
  });
}
