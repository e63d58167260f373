import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBrowser } from '../../tests/e2e/browser.ts';
import { laadRelevantie, meetRelevantie, missers, SETS } from '../../tests/zoeken/relevantie.ts';
import { draaiScript, mediaan, nieuweOmgeving, startServer, type Meting } from './context.ts';

/**
 * Search: relevance on the demo data (recall@5 and MRR over tests/zoeken/relevantie.yaml), and
 * what a search costs an inwoner on a phone: bytes over the wire and time for the first query
 * (Pagefind, its WebAssembly, the vocabulary and index chunks) and for a follow-up query, on the
 * demo site and on a synthetic site of 20,000 pages (scripts/synthetisch.ts).
 */

const RUNS = 3;
const SYNTHETISCH = Number(process.env.BENCH_ZOEKEN_PAGINAS ?? 20_000);

type Kosten = { bytes: number; ms: number };

/**
 * Bytes on the wire (compressed bodies plus headers) while `actie` runs and the network settles.
 * Counted per browser context, so the requests of Pagefind's web worker are included.
 */
function teller(page: Page) {
  let lopend: Promise<number>[] = [];
  page.context().on('requestfinished', (r) => {
    lopend.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  return {
    async meet(actie: () => Promise<void>): Promise<Kosten> {
      await page.waitForLoadState('networkidle');
      lopend = [];
      const start = performance.now();
      await actie();
      const ms = performance.now() - start;
      await page.waitForLoadState('networkidle');
      const bytes = (await Promise.all(lopend)).reduce((a, b) => a + b, 0);
      return { bytes, ms };
    },
  };
}

/** Types a query in the search page's field, presses Enter, and waits until the results are on screen. */
async function zoekOp(page: Page, vraag: string) {
  const veld = page.getByRole('searchbox', { name: 'Waar zoekt u hulp bij?' });
  await veld.fill(vraag);
  await veld.press('Enter');
  await page.waitForFunction(
    (v) =>
      document.getElementById('zoekformulier')?.dataset.status === 'klaar' &&
      document.getElementById('zoekstatus')!.textContent!.includes(`‘${v}’`),
    vraag,
    { timeout: 60_000 },
  );
}

/** First and follow-up query in a fresh browser context (empty cache), median of RUNS. */
export async function meetZoekkosten(browser: Browser, url: string, eerste: string, volgende: string) {
  const eersten: Kosten[] = [];
  const volgenden: Kosten[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const t = await teller(page);
    await page.goto(`${url}/zoeken/`);
    eersten.push(await t.meet(() => zoekOp(page, eerste)));
    volgenden.push(await t.meet(() => zoekOp(page, volgende)));
    await context.close();
  }
  const kb = (k: Kosten[]) => +(mediaan(k.map((x) => x.bytes)) / 1024).toFixed(1);
  const ms = (k: Kosten[]) => Math.round(mediaan(k.map((x) => x.ms)));
  return { eersteKb: kb(eersten), eersteMs: ms(eersten), volgendeKb: kb(volgenden), volgendeMs: ms(volgenden) };
}

/** JavaScript transferred for a page view without searching. */
async function paginaJs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const lopend: Promise<number>[] = [];
  context.on('requestfinished', (r) => {
    if (r.resourceType() === 'script') lopend.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const bytes = (await Promise.all(lopend)).reduce((a, b) => a + b, 0);
  await context.close();
  return +(bytes / 1024).toFixed(1);
}

function mapGrootte(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.(br|gz)$/.test(d.name))
    .reduce((som, d) => som + statSync(path.join(d.parentPath, d.name)).size, 0);
}

function kostenMetingen(
  sectie: string,
  k: Awaited<ReturnType<typeof meetZoekkosten>>,
  eerste: string,
  volgende: string,
): Meting[] {
  return [
    {
      sectie,
      naam: `Eerste zoekopdracht ("${eerste}"): over de lijn`,
      waarde: k.eersteKb,
      eenheid: 'KB',
      runs: RUNS,
      toelichting: 'Pagefind, WebAssembly, woordenlijst, index en fragmenten; lege cache',
    },
    {
      sectie,
      naam: 'Eerste zoekopdracht: tijd tot resultaten',
      waarde: k.eersteMs,
      eenheid: 'ms',
      runs: RUNS,
      toelichting: 'vanaf typen, lokaal netwerk',
    },
    { sectie, naam: `Volgende zoekopdracht ("${volgende}"): over de lijn`, waarde: k.volgendeKb, eenheid: 'KB', runs: RUNS },
    { sectie, naam: 'Volgende zoekopdracht: tijd tot resultaten', waarde: k.volgendeMs, eenheid: 'ms', runs: RUNS },
  ];
}

async function meetDemo(browser: Browser): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('zoeken');
  const server = await startServer(omgeving.env);
  try {
    const page = await browser.newPage();
    const r = await meetRelevantie(page, server.url);
    const p = await meetRelevantie(page, server.url, laadRelevantie(SETS.personas));
    await page.close();
    for (const m of [...missers(r), ...missers(p)]) console.log(`  mis: ${m}`);
    const sectie = 'Zoeken (demo)';
    const k = await meetZoekkosten(browser, server.url, 'schulden', 'koffieochtend');
    return [
      {
        sectie,
        naam: 'Recall@5',
        waarde: +r.recallBij5.toFixed(3),
        eenheid: '',
        toelichting: `${r.uitslagen.length} vragen van inwoners (tests/zoeken/relevantie.yaml)`,
      },
      {
        sectie,
        naam: 'MRR',
        waarde: +r.mrr.toFixed(3),
        eenheid: '',
        toelichting: 'gemiddelde van 1/rang van het eerste goede antwoord',
      },
      {
        sectie,
        naam: 'Recall@5, persona’s',
        waarde: +p.recallBij5.toFixed(3),
        eenheid: '',
        toelichting: `${p.uitslagen.length} vragen van vijf persona’s, beoordeeld op thema en doelgroep (tests/zoeken/relevantie-personas.yaml)`,
      },
      { sectie, naam: 'MRR, persona’s', waarde: +p.mrr.toFixed(3), eenheid: '', toelichting: '' },
      ...kostenMetingen(sectie, k, 'schulden', 'koffieochtend'),
      {
        sectie,
        naam: 'JavaScript op een kernpagina zonder zoeken',
        waarde: await paginaJs(browser, `${server.url}/kernen/vriezenveen/`),
        eenheid: 'KB',
        toelichting: 'Pagefind laadt pas bij zoeken',
      },
      {
        sectie,
        naam: 'Zoekindex op schijf',
        waarde: +(mapGrootte(path.join(omgeving.dataDir, 'releases/current/pagefind')) / 2 ** 20).toFixed(1),
        eenheid: 'MB',
      },
    ];
  } finally {
    await server.stop();
    omgeving.opruimen();
  }
}

/**
 * Relevance with the demo's index split in four parts, as a site of 10,000 pages or more is
 * (src/lib/release/zoekindex.ts): merged in the browser it must find what one index finds.
 */
async function meetDelen(browser: Browser): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('zoeken-delen');
  const server = await startServer({ ...omgeving.env, SK_ZOEKINDEX_DEEL: '150' });
  try {
    const page = await browser.newPage();
    const r = await meetRelevantie(page, server.url);
    const p = await meetRelevantie(page, server.url, laadRelevantie(SETS.personas));
    await page.close();
    for (const m of [...missers(r), ...missers(p)]) console.log(`  mis (delen): ${m}`);
    const sectie = 'Zoeken (demo, index in 4 delen)';
    const toelichting = 'dezelfde vragen; de browser voegt de delen samen';
    return [
      { sectie, naam: 'Recall@5', waarde: +r.recallBij5.toFixed(3), eenheid: '', toelichting },
      { sectie, naam: 'MRR', waarde: +r.mrr.toFixed(3), eenheid: '', toelichting },
      { sectie, naam: 'Recall@5, persona’s', waarde: +p.recallBij5.toFixed(3), eenheid: '', toelichting },
      { sectie, naam: 'MRR, persona’s', waarde: +p.mrr.toFixed(3), eenheid: '', toelichting },
    ];
  } finally {
    await server.stop();
    omgeving.opruimen();
  }
}

async function meetSynthetisch(browser: Browser): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('zoeken-groot');
  try {
    await draaiScript('scripts/synthetisch.ts', [String(SYNTHETISCH)], omgeving.env);
    const start = performance.now();
    await draaiScript('scripts/build.ts', [], omgeving.env);
    const bouw = (performance.now() - start) / 1000;
    const server = await startServer(omgeving.env);
    try {
      const sectie = `Zoeken (synthetisch, ${SYNTHETISCH.toLocaleString('nl-NL')} pagina's)`;
      const k = await meetZoekkosten(browser, server.url, 'schulden', 'koffieochtend');
      const pagefind = path.join(omgeving.dataDir, 'releases/current/pagefind');
      return [
        { sectie, naam: 'Release bouwen (astro + pagefind + compressie)', waarde: Math.round(bouw), eenheid: 's' },
        { sectie, naam: 'Zoekindex op schijf', waarde: +(mapGrootte(pagefind) / 2 ** 20).toFixed(1), eenheid: 'MB' },
        ...kostenMetingen(sectie, k, 'schulden', 'koffieochtend'),
      ];
    } finally {
      await server.stop();
    }
  } finally {
    omgeving.opruimen();
  }
}

export async function meetZoeken(): Promise<Meting[]> {
  const browser = await startBrowser();
  try {
    return [...(await meetDemo(browser)), ...(await meetDelen(browser)), ...(await meetSynthetisch(browser))];
  } finally {
    await browser.close();
  }
}
