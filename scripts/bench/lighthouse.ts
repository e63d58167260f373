import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';
import { paginaTypes } from './paginagewicht.ts';
import { draaiScript, mediaan, nieuweOmgeving, startServer, type Meting } from './context.ts';

const CATEGORIEEN = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const NAMEN: Record<(typeof CATEGORIEEN)[number], string> = {
  performance: 'prestaties',
  accessibility: 'toegankelijkheid',
  'best-practices': 'goede praktijk',
  seo: 'vindbaarheid',
};
const RUNS = 3;

type Lhr = {
  categories: Record<string, { auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { score: number | null; displayValue?: string }>;
};

/** The weighted audits of a category that did not score full marks, with their value (last run wins). */
function tekortKomtVan(lhr: Lhr | undefined, categorie: string): [string, string][] {
  if (!lhr) return [];
  return (lhr.categories[categorie]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
    .map((ref) => [ref.id, lhr.audits[ref.id].displayValue ?? '']);
}

/**
 * Lighthouse (mobile, its default simulated slow 4G and mid-range phone) on the home, kern,
 * activity and search pages, with Debian's Chromium; median score of three runs per page.
 */
export async function meetLighthouse(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('lighthouse');
  await draaiScript('scripts/seed.ts', [], omgeving.env);
  const server = await startServer(omgeving.env);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const uit: Meting[] = [];
  try {
    const typen = await paginaTypes(server.url);
    const kies = ['home', 'kern (Vriezenveen, de grootste)', 'activiteit', 'zoeken'];
    for (const { type, pad } of typen.filter((t) => kies.includes(t.type))) {
      const url = server.url + (type === 'zoeken' ? '/zoeken/?q=koffie' : pad);
      const scores: Record<string, number[]> = {};
      const tekorten: Record<string, Map<string, string>> = {};
      for (let i = 0; i < RUNS; i++) {
        const r = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIEEN],
        });
        for (const c of CATEGORIEEN) {
          (scores[c] ??= []).push(Math.round((r?.lhr.categories[c]?.score ?? 0) * 100));
          for (const [id, waarde] of tekortKomtVan(r?.lhr, c)) (tekorten[c] ??= new Map()).set(id, waarde);
        }
      }
      for (const c of CATEGORIEEN) {
        const waarde = mediaan(scores[c]);
        // A score below 100 names the audits that cost points, so the table explains itself.
        const toelichting =
          waarde < 100 && tekorten[c] ? [...tekorten[c]].map(([id, w]) => (w ? `${id} (${w})` : id)).join('; ') : undefined;
        uit.push({
          sectie: 'Lighthouse (mobiel)',
          naam: `${type}: ${NAMEN[c]}`,
          waarde,
          eenheid: '/100',
          runs: RUNS,
          toelichting,
        });
      }
    }
  } finally {
    await chrome.kill();
    await server.stop();
    omgeving.opruimen();
  }
  return uit;
}
