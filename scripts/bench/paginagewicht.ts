import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';
import { draaiScript, nieuweOmgeving, startServer, type Meting } from './context.ts';
import { meetGewicht } from './gewicht.ts';

/** The page types of the public site with one representative address each. */
export async function paginaTypes(basis: string): Promise<{ type: string; pad: string }[]> {
  const data = (await (await fetch(`${basis}/open-data/sociale-kaart.json`)).json()) as {
    organisaties: { slug: string }[];
    activiteiten: { slug: string; status: string }[];
  };
  return [
    { type: 'home', pad: '/' },
    { type: 'kern (Vriezenveen, de grootste)', pad: '/kernen/vriezenveen/' },
    { type: 'kern (Bruinehaar, de kleinste)', pad: '/kernen/bruinehaar/' },
    { type: 'organisatie', pad: `/organisaties/${data.organisaties[0].slug}/` },
    { type: 'activiteit', pad: `/aanbod/${data.activiteiten.find((a) => a.status === 'gepubliceerd')!.slug}/` },
    { type: 'thema', pad: '/themas/ontmoeting/' },
    { type: 'organisaties A-Z', pad: '/organisaties/' },
    { type: 'zoeken', pad: '/zoeken/' },
    { type: 'inhoudspagina', pad: '/over/' },
  ];
}

/** Page weight of the first view per page type, brotli and gzip, with request counts. */
export async function meetPaginagewicht(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('gewicht');
  await draaiScript('scripts/seed.ts', [], omgeving.env);
  const server = await startServer(omgeving.env);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const uit: Meting[] = [];
  try {
    for (const { type, pad } of await paginaTypes(server.url)) {
      const br = await meetGewicht(browser, server.url + pad, { codering: 'br' });
      const gz = await meetGewicht(browser, server.url + pad, { codering: 'gzip' });
      const kb = (n: number) => +(n / 1024).toFixed(1);
      uit.push({
        sectie: 'Paginagewicht (eerste keer, mobiel)',
        naam: type,
        waarde: kb(br.totaal),
        eenheid: 'KB brotli',
        toelichting: `gzip ${kb(gz.totaal)} KB; HTML ${kb(br.html)}, CSS ${kb(br.css)}, JS ${kb(br.js)}, fonts ${kb(br.fonts)}, afbeeldingen ${kb(br.afbeeldingen)}, overig ${kb(br.overig)} KB; ${br.verzoeken} verzoeken${br.extern.length ? `; EXTERN: ${br.extern.join(', ')}` : ''}`,
      });
    }
  } finally {
    await browser.close();
    await server.stop();
    omgeving.opruimen();
  }
  return uit;
}
