import { CHROMIUM } from '../chromium.ts';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { draaiScript, mediaan, nieuweOmgeving, startServer, type Meting } from './context.ts';

/**
 * Weight of a kern page before and after the map is opened, as a phone on a fresh cache gets it
 * (bytes on the wire, compressed), and how long the map takes to appear after "Toon de kaart".
 */

const SECTIE = 'Kaart';
type Gewicht = { html: number; css: number; js: number; overig: number; codering: Set<string> };

function soort(url: string, type: string): keyof Omit<Gewicht, 'codering'> {
  if (type === 'document') return 'html';
  if (type === 'stylesheet' || url.endsWith('.css')) return 'css';
  if (type === 'script' || /\.m?js$/.test(url)) return 'js';
  return 'overig';
}

const leeg = (): Gewicht => ({ html: 0, css: 0, js: 0, overig: 0, codering: new Set() });

/** Counts the compressed body bytes of every response into the phase the page is in. */
function meetGewicht(page: Page): { fase: (naam: 'voor' | 'na') => void; voor: Gewicht; na: Gewicht } {
  const meting = { voor: leeg(), na: leeg() };
  let huidig = meting.voor;
  page.on('requestfinished', async (req) => {
    const g = huidig;
    const res = await req.response();
    const { responseBodySize } = await req.sizes();
    g[soort(req.url(), req.resourceType())] += responseBodySize;
    const codering = res?.headers()['content-encoding'];
    if (codering) g.codering.add(codering);
  });
  return { ...meting, fase: (naam) => (huidig = meting[naam]) };
}

/**
 * MapLibre's worker script is fetched by the worker, whose requests Chromium does not report to
 * the page; we add its compressed size as served from the live release.
 */
function workerBytes(dataDir: string, codering: string): number {
  const dir = path.join(dataDir, 'releases/current/_astro');
  const ext = codering === 'br' ? '.br' : codering === 'gzip' ? '.gz' : '';
  const naam = readdirSync(dir).find((f) => /^maplibre-gl-worker\..*\.mjs$/.test(f));
  return naam ? statSync(path.join(dir, naam + ext)).size : 0;
}

const kb = (b: number) => +(b / 1024).toFixed(1);
const totaal = (g: Gewicht) => g.html + g.css + g.js + g.overig;

export async function meetKaart(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('kaart');
  const server = await (async () => {
    await draaiScript('scripts/seed.ts', [], omgeving.env);
    return startServer(omgeving.env);
  })();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--no-first-run',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  });
  const metingen: Meting[] = [];
  try {
    for (const kern of ['vriezenveen', 'sibculo']) {
      const tijden: number[] = [];
      let voor: Gewicht | undefined;
      let na: Gewicht | undefined;
      for (let run = 0; run < 3; run++) {
        const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true });
        const page = await context.newPage();
        // The map stays closed until the button is pressed, so "before" is the page as first seen.
        await page.addInitScript(() => {
          delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
        });
        const meting = meetGewicht(page);
        await page.goto(`${server.url}/kernen/${kern}/`, { waitUntil: 'networkidle' });
        meting.fase('na');
        const start = performance.now();
        await page.getByRole('button', { name: 'Toon de kaart' }).click();
        await page.waitForFunction(
          () => document.querySelector('.sk-kaart [role="status"]')?.textContent?.includes('geladen met'),
          undefined,
          {
            timeout: 60_000,
          },
        );
        tijden.push(performance.now() - start);
        await page.waitForLoadState('networkidle');
        voor ??= meting.voor;
        na ??= meting.na;
        await context.close();
      }
      const codering = [...new Set([...voor!.codering, ...na!.codering])].join('/') || 'geen';
      na!.js += workerBytes(omgeving.dataDir, [...na!.codering][0] ?? '');
      const s = `${SECTIE}: /kernen/${kern}/`;
      metingen.push(
        {
          sectie: s,
          naam: 'Pagina zonder kaart: totaal',
          waarde: kb(totaal(voor!)),
          eenheid: 'KB',
          toelichting: `gecomprimeerd (${codering}), lege cache, 375×800`,
        },
        {
          sectie: s,
          naam: 'Pagina zonder kaart: JavaScript',
          waarde: kb(voor!.js),
          eenheid: 'KB',
          toelichting: 'alleen de laders van kaart en "dichtbij mij"',
        },
        {
          sectie: s,
          naam: 'Pagina zonder kaart: HTML',
          waarde: kb(voor!.html),
          eenheid: 'KB',
          toelichting: 'met de lijst van plekken als tekst',
        },
        {
          sectie: s,
          naam: 'Kaart openen: erbij',
          waarde: kb(totaal(na!)),
          eenheid: 'KB',
          toelichting: `JS ${kb(na!.js)} KB (MapLibre, worker), CSS ${kb(na!.css)} KB, overig ${kb(na!.overig)} KB`,
        },
        { sectie: s, naam: 'Pagina met open kaart: totaal', waarde: kb(totaal(voor!) + totaal(na!)), eenheid: 'KB' },
        {
          sectie: s,
          naam: 'Van "Toon de kaart" tot kaart klaar',
          waarde: Math.round(mediaan(tijden)),
          eenheid: 'ms',
          runs: 3,
          toelichting: 'WebGL in software (SwiftShader), lokale server',
        },
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    omgeving.opruimen();
  }
  return metingen;
}
