import type { Page } from 'playwright-core';

/** Shared steps of the map tests. */

/** Chromium flags that give WebGL in software (SwiftShader), also without a GPU. */
export const WEBGL_ARGS = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'];

/** Opens pages as a browser without IntersectionObserver would: the map only comes on request. */
export async function zonderAutomatischLaden(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
  });
}

/** Waits until the map has drawn and says it is ready. */
export async function wachtOpKaart(page: Page): Promise<void> {
  await page.locator('.maplibregl-canvas').waitFor({ timeout: 30_000 });
  await page.locator('.sk-marker').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => document.querySelector('.sk-kaart [role="status"]')?.textContent?.includes('geladen met'),
    undefined,
    {
      timeout: 30_000,
    },
  );
}

/**
 * Share of the canvas pixels (markers and controls hidden, so only WebGL counts) that are near
 * `kleur`, or, without a colour, that differ from the top-left pixel (the background).
 */
export async function pixelAandeel(page: Page, kleur?: [number, number, number]): Promise<number> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.maplibregl-marker, .maplibregl-control-container'))
      el.style.visibility = 'hidden';
  });
  const png = (await page.locator('.maplibregl-canvas').screenshot()).toString('base64');
  return page.evaluate(
    async ([b64, doel]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const [r, g, b] = doel ?? [d[0], d[1], d[2]];
      let raak = 0;
      for (let i = 0; i < d.length; i += 4) {
        const verschil = Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b);
        // Near a given colour; or visibly not the background (the kern fill is a pale tint).
        if (doel ? verschil < 24 : verschil > 12) raak++;
      }
      return raak / (d.length / 4);
    },
    [png, kleur] as const,
  );
}

/**
 * The share of pixels near a colour once the map has drawn it: tiles arrive and render
 * asynchronously, and on a busy machine later. Waits up to `maxSeconden`, then gives the last share.
 */
export async function getekendAandeel(
  page: Page,
  kleur: [number, number, number] | undefined,
  minimaal: number,
  maxSeconden = 30,
): Promise<number> {
  const einde = Date.now() + maxSeconden * 1000;
  let aandeel = 0;
  while (Date.now() < einde) {
    aandeel = await pixelAandeel(page, kleur);
    if (aandeel > minimaal) break;
    await page.waitForTimeout(250);
  }
  return aandeel;
}
