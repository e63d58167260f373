/**
 * Build step (own process, like astro and pagefind): with the renderer kept from the last full
 * build, either records the paths and fingerprints of a freshly built release ("vastleggen"), or
 * makes a new release from the live one ("incrementeel"): unchanged files are hard-linked, only
 * the pages whose records changed are rendered. Writes a summary to the file given as `uitkomst`.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteData } from '../site/laden.ts';
import { AFHANKELIJK_BESTAND, type Afhankelijkheden, paginaAfdrukken, teRenderen } from './afhankelijk.ts';
import { CSP_BESTAND, schrijfCspManifestVanaf } from './csp.ts';
import { laadRenderer, type Pad } from './renderer.ts';

export type RenderOpdracht = {
  modus: 'vastleggen' | 'incrementeel';
  renderer: string;
  doel: string;
  live?: string;
  uitkomst: string;
};

export type RenderUitkomst = { paden: number; gerenderd: string[]; verwijderd: number };

/** Files of a release that a publish always makes anew. */
const METADATA = new Set(['release.json', CSP_BESTAND, AFHANKELIJK_BESTAND]);

function leesAfhankelijk(dir: string): Afhankelijkheden | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, AFHANKELIJK_BESTAND), 'utf8')) as Afhankelijkheden;
  } catch {
    return undefined;
  }
}

function link(van: string, naar: string) {
  mkdirSync(path.dirname(naar), { recursive: true });
  linkSync(van, naar);
}

/** Links every file of the live release that is not a page, the search index or metadata. */
function linkVasteBestanden(live: string, doel: string, paginaBestanden: Set<string>) {
  for (const d of readdirSync(live, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const naam = path.relative(live, path.join(d.parentPath, d.name)).split(path.sep).join('/');
    const basis = naam.replace(/\.(br|gz)$/, '');
    if (METADATA.has(basis) || naam.startsWith('pagefind/') || paginaBestanden.has(basis)) continue;
    link(path.join(live, naam), path.join(doel, naam));
  }
}

async function voerUit(opdracht: RenderOpdracht): Promise<RenderUitkomst> {
  const renderer = await laadRenderer(opdracht.renderer);
  const paden = await renderer.paden();
  const site = siteData();
  const afdrukken = paginaAfdrukken(site);
  const nieuw: Afhankelijkheden = {
    datum: site.nu.datum,
    paden: Object.fromEntries(paden.map((p) => [p.pad, { bestand: p.bestand, afdruk: afdrukken.get(p.pad) }])),
  };
  if (opdracht.modus === 'vastleggen') {
    writeFileSync(path.join(opdracht.doel, AFHANKELIJK_BESTAND), JSON.stringify(nieuw));
    return { paden: paden.length, gerenderd: [], verwijderd: 0 };
  }
  const live = opdracht.live!;
  const vorige = leesAfhankelijk(live);
  const render = teRenderen(
    paden.map((p) => p.pad),
    vorige,
    nieuw.datum,
    afdrukken,
  );
  const vorigeBestanden = new Set(Object.values(vorige?.paden ?? {}).map((p) => p.bestand));
  linkVasteBestanden(live, opdracht.doel, vorigeBestanden);
  const html = new Map<string, string>();
  const gerenderd: string[] = [];
  const schrijf = async (p: Pad) => {
    const doel = path.join(opdracht.doel, p.bestand);
    if (!render.has(p.pad) && existsSync(path.join(live, p.bestand))) {
      for (const ext of ['', '.br', '.gz']) {
        if (existsSync(path.join(live, p.bestand + ext))) link(path.join(live, p.bestand + ext), doel + ext);
      }
      return;
    }
    const inhoud = await renderer.render(p);
    mkdirSync(path.dirname(doel), { recursive: true });
    writeFileSync(doel, inhoud);
    gerenderd.push(p.bestand);
    if (p.bestand.endsWith('.html')) html.set(p.bestand, inhoud.toString('utf8'));
  };
  for (const p of paden) await schrijf(p);
  const behouden = readdirSync(opdracht.doel, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.relative(opdracht.doel, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((naam) => !html.has(naam));
  schrijfCspManifestVanaf(opdracht.doel, live, behouden, html);
  writeFileSync(path.join(opdracht.doel, AFHANKELIJK_BESTAND), JSON.stringify(nieuw));
  const nu = new Set(paden.map((p) => p.bestand));
  return { paden: paden.length, gerenderd, verwijderd: [...vorigeBestanden].filter((b) => !nu.has(b)).length };
}

const opdracht = JSON.parse(process.argv[2] ?? '{}') as RenderOpdracht;
if (!opdracht.renderer || !opdracht.doel || !opdracht.uitkomst) throw new Error('Gebruik: render-stap.ts <opdracht als JSON>');
const uitkomst = await voerUit(opdracht);
writeFileSync(opdracht.uitkomst, JSON.stringify(uitkomst));
