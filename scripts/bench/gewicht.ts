import type { Browser } from 'playwright-core';

/** What a first view of a page costs on the wire, per kind of resource (compressed bytes). */
export type Gewicht = {
  url: string;
  verzoeken: number;
  html: number;
  css: number;
  js: number;
  fonts: number;
  afbeeldingen: number;
  overig: number;
  totaal: number;
  /** Requests to anything but the site itself. */
  extern: string[];
};

function soort(url: string, type: string): keyof Omit<Gewicht, 'url' | 'verzoeken' | 'totaal' | 'extern'> {
  if (type === 'document') return 'html';
  if (type === 'stylesheet' || url.endsWith('.css')) return 'css';
  if (type === 'script' || /\.m?js(\?|$)/.test(url)) return 'js';
  if (type === 'font' || /\.woff2?$/.test(url)) return 'fonts';
  if (type === 'image') return 'afbeeldingen';
  return 'overig';
}

/**
 * Loads a page in a fresh context (empty cache) with brotli, as a phone would, and adds up
 * the encoded body sizes Chromium received. Waits for the network to be quiet.
 */
export async function meetGewicht(
  browser: Browser,
  url: string,
  opties: { breedte?: number; codering?: 'br' | 'gzip' } = {},
): Promise<Gewicht> {
  const context = await browser.newContext({
    viewport: { width: opties.breedte ?? 375, height: 800 },
    ...(opties.codering === 'gzip' ? { extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } } : {}),
  });
  const page = await context.newPage();
  const g: Gewicht = { url, verzoeken: 0, html: 0, css: 0, js: 0, fonts: 0, afbeeldingen: 0, overig: 0, totaal: 0, extern: [] };
  const eigen = new URL(url).origin;
  const wachtend: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    wachtend.push(
      (async () => {
        const sizes = await request.sizes();
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        g.verzoeken++;
        g[soort(request.url(), request.resourceType())] += bytes;
        g.totaal += bytes;
        if (!request.url().startsWith(eigen) && !request.url().startsWith('data:')) g.extern.push(request.url());
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(wachtend);
  await context.close();
  return g;
}
