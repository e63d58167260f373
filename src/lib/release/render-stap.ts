/**
 * Build step (own process, like astro and pagefind): with the renderer kept from the last full
 * build, either renders every path of a new release and records their fingerprints ("volledig",
 * right after Astro bundled the site), or makes a new release from the live one ("incrementeel"):
 * unchanged files are hard-linked, only the pages whose records changed are rendered.
 *
 * Resident: started by renderwerker.ts, it does one job per message and stays, so a publish does
 * not pay again for starting Node, loading the renderer and Astro's first calls (about 1.5 s).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { siteData } from '../site/laden.ts';
import { AFHANKELIJK_BESTAND, type Afhankelijkheden, isNaleverbaar, paginaAfdrukken, teRenderen } from './afhankelijk.ts';
import { cspDraad } from './csp-draad.ts';
import { CSP_BESTAND, type InlineHashes, inlineHashes, schrijfCspManifestVanaf } from './csp.ts';
import type { LinkOpdracht } from './link-werker.ts';
import { mapMakerOpDeAchtergrond } from './linken.ts';
import { laadRenderer, type Pad, type Renderer } from './renderer.ts';
import type { RenderOpdracht, RenderUitkomst, WerkerAntwoord, WerkerOpdracht } from './renderwerker.ts';
import { GROEPEN_BESTAND, paginasVan, WOORDEN_BESTAND, zoekgroepen } from './zoekindex.ts';
import { pauzeerAlsGevraagd } from './waakhond.mjs';
import { ZACHTE_GRENS_MB, zachteGrens } from './geheugen.ts';

/** Files of a release that a publish always makes anew. */
const METADATA = new Set(['release.json', CSP_BESTAND, AFHANKELIJK_BESTAND, GROEPEN_BESTAND]);

function leesAfhankelijk(dir: string): Afhankelijkheden | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, AFHANKELIJK_BESTAND), 'utf8')) as Afhankelijkheden;
  } catch {
    return undefined;
  }
}

/** Starts linking every file of the live release into the new one (link-werker.ts); resolves with the plain files linked. */
function linkAlles(live: string, doel: string): Promise<string[]> {
  const opdracht: LinkOpdracht = { live, doel, behalve: [...METADATA] };
  const werker = new Worker(new URL('./link-werker.ts', import.meta.url), { workerData: opdracht });
  return new Promise((klaar, fout) => {
    werker.once('message', klaar);
    werker.once('error', fout);
    werker.once('exit', (code) => fout(new Error(`linken is gestopt (code ${code})`)));
  });
}

/**
 * Removes from the new release the linked files that do not stay as they are (rendered anew, or
 * gone), with their compressed copies: a file written later must never write through a link into
 * the live release. Returns the plain files that stay linked.
 */
function ontkoppel(doel: string, gelinkt: string[], weg: (bestand: string) => boolean): Set<string> {
  const blijft = new Set<string>();
  for (const naam of gelinkt) {
    if (!weg(naam)) {
      blijft.add(naam);
      continue;
    }
    for (const n of [naam, `${naam}.br`, `${naam}.gz`]) rmSync(path.join(doel, n), { force: true });
  }
  return blijft;
}

/** The renderer of this process: a resident process keeps it between jobs. */
let geladen: { dir: string; renderer: Promise<Renderer> } | undefined;
function rendererVan(dir: string): Promise<Renderer> {
  if (geladen?.dir !== dir) geladen = { dir, renderer: laadRenderer(dir) };
  return geladen.renderer;
}

async function voerUit(opdracht: RenderOpdracht): Promise<RenderUitkomst> {
  // A full build renders every path; a publish only those whose records changed, and links the rest.
  const live = opdracht.modus === 'incrementeel' ? opdracht.live : undefined;
  // Linked on another thread while the paths and their fingerprints are worked out.
  const linken = live ? linkAlles(live, opdracht.doel) : Promise.resolve([]);
  linken.catch(() => {});
  const renderer = await rendererVan(opdracht.renderer);
  const paden = await renderer.paden();
  const site = siteData();
  // Before the pages are reported: search reads it to put an activity in its organisation's part.
  // Never linked from the live release (METADATA), so this write cannot reach it.
  mkdirSync(opdracht.doel, { recursive: true });
  writeFileSync(path.join(opdracht.doel, GROEPEN_BESTAND), JSON.stringify(zoekgroepen(site.kaart.activiteiten)));
  const afdrukken = paginaAfdrukken(site);
  const nieuw: Afhankelijkheden = {
    datum: site.nu.datum,
    paden: Object.fromEntries(paden.map((p) => [p.pad, { bestand: p.bestand, afdruk: afdrukken.get(p.pad) }])),
  };
  const vorige = live ? leesAfhankelijk(live) : undefined;
  const render = live
    ? teRenderen(
        paden.map((p) => p.pad),
        vorige,
        nieuw.datum,
        afdrukken,
        opdracht.naleveren ? isNaleverbaar : undefined,
      )
    : new Set(paden.map((p) => p.pad));
  const vorigeBestanden = new Set(Object.values(vorige?.paden ?? {}).map((p) => p.bestand));
  const blijft = new Set(paden.filter((p) => !render.has(p.pad)).map((p) => p.bestand));
  const nu = new Set(paden.map((p) => p.bestand));
  // A file of a path, then or now, that does not stay as it is (public files and assets stay).
  const weg = (b: string) => (vorigeBestanden.has(b) || nu.has(b)) && !blijft.has(b);
  const gelinkt = ontkoppel(opdracht.doel, await linken, weg);
  // A path left as it is, unless its file is missing from the live release.
  const opnieuw = paden.filter((p) => render.has(p.pad) || !gelinkt.has(p.bestand));
  // A publish's release holds what stays linked and what is rendered; a full build's also what Astro copied.
  const alle = live ? paginasVan([...new Set([...gelinkt, ...opnieuw.map((p) => p.bestand)])]) : undefined;
  const { gerenderd, hashes } = await schrijfPaden(renderer, opnieuw, opdracht.doel, !live, alle);
  const behouden = [...gelinkt].filter((naam) => naam.endsWith('.html') && !hashes.has(naam));
  schrijfCspManifestVanaf(opdracht.doel, hashes, live ? { dir: live, behouden } : undefined);
  writeFileSync(path.join(opdracht.doel, AFHANKELIJK_BESTAND), JSON.stringify(nieuw));
  const uitgesteld = opdracht.naleveren ? paden.filter((p) => isNaleverbaar(p.pad) && !render.has(p.pad)).length : 0;
  return { paden: paden.length, gerenderd, verwijderd: [...vorigeBestanden].filter((b) => !nu.has(b)).length, uitgesteld };
}

/** How many files may be on their way to disk (and pages to the CSP thread) while the next renders. */
const ONDERWEG = 32;
/**
 * A full build tells the publishing process of its written pages per this many, so that process
 * compresses them on the second core while this one renders (the render thread used about one
 * core and a half of two; compression waited for the last page).
 */
const PER_MELDING = 1000;
/**
 * From this size a page's CSP hashes are found here, not on the CSP thread: parse5's tree of the
 * A–Z list at 20,000 pages (megabytes of HTML) grew that thread by 160 MB, which its heap kept
 * until the pages were done; here the soft heap limit collects it.
 */
const GROTE_PAGINA = 256 * 1024;

/**
 * Renders paths into the release folder, pages first (with the site's words, which search indexes
 * with them, zoekindex.ts): as soon as they are written the publishing process hears so, and
 * search indexes them while the feeds and downloads are rendered. Each page's CSP hashes are found
 * from its HTML in hand (0.4 ms a page), not by reading every page again in another process.
 * Files are written by Node's thread pool while the next path renders, and in a full build the
 * hashes come from a thread of their own (csp-draad.ts): on the second core, not the render thread.
 * `volledig` (a full build): the open-data downloads before anything else. They hold the whole
 * site's data at once (300 MB at 20,000 records), so each is written whole before the next starts;
 * then nothing else of the build has grown yet, and the pages reuse the memory they free. And a
 * soft heap limit (geheugen.ts) over the long job.
 */
async function schrijfPaden(renderer: Renderer, paden: Pad[], doel: string, volledig: boolean, alle?: string[]) {
  const hashes = new Map<string, InlineHashes>();
  const gerenderd: string[] = [];
  const isPagina = (p: Pad) => p.bestand.endsWith('.html');
  const voorZoeken = (p: Pad) => isPagina(p) || p.bestand === WOORDEN_BESTAND;
  const paginas = paden.filter(isPagina);
  const maakMap = mapMakerOpDeAchtergrond();
  // A full build's long job only: in a publish (a few dozen files) a full collection would cost
  // more than the publish (seconds at 20,000 pages), and V8's own collections keep up.
  const geheugen = volledig ? zachteGrens(ZACHTE_GRENS_MB) : undefined;
  // Started with the first page: not beside the downloads, which use the most memory.
  let csp: ReturnType<typeof cspDraad> | undefined;
  const onderweg: Promise<unknown>[] = [];
  const allesGeschreven = async () => {
    while (onderweg.length > 0) await onderweg.shift();
  };
  let gemeld = false;
  let geschreven: string[] = [];
  const meldGeschreven = (bestand: string) => {
    geschreven.push(bestand);
    if (geschreven.length < PER_MELDING || !process.send) return;
    process.send({ geschreven } satisfies WerkerAntwoord);
    geschreven = [];
  };
  // Waits until the message is out: rendering runs on promises alone, so without a turn of the
  // event loop a large message would leave only with the job's answer.
  const meldPaginas = async () => {
    if (gemeld || !process.send) return;
    await allesGeschreven();
    // Every page has its hashes: the thread's memory goes back before the feeds are rendered, and
    // so does the pages' garbage, while the publishing process compresses them beside this one.
    await csp?.stop();
    geheugen?.geefTerug();
    gemeld = true;
    const bericht: WerkerAntwoord = { paginas: paginas.map((p) => p.bestand), alle };
    await new Promise<void>((klaar) => process.send!(bericht, undefined, {}, () => klaar()));
  };
  const download = (p: Pad) => !isPagina(p) && isNaleverbaar(p.pad);
  const vooraf = (p: Pad) => volledig && download(p);
  const volgorde = [...paden.filter(vooraf), ...paden.filter(voorZoeken), ...paden.filter((p) => !voorZoeken(p) && !vooraf(p))];
  try {
    for (const p of volgorde) {
      if (!voorZoeken(p) && !vooraf(p)) await meldPaginas();
      const bestand = path.join(doel, p.bestand);
      const map = maakMap(path.dirname(bestand));
      gerenderd.push(p.bestand);
      if (download(p)) {
        await map;
        await renderer.schrijf(p, bestand);
        geheugen?.controleer();
        continue;
      }
      const inhoud = await renderer.render(p);
      geheugen?.controleer();
      const werk: Promise<unknown>[] = [map.then(() => writeFile(bestand, inhoud))];
      if (isPagina(p)) {
        const html = inhoud.toString('utf8');
        if (volledig && inhoud.length < GROTE_PAGINA) {
          csp ??= cspDraad();
          werk.push(csp.hashes(html).then((h) => hashes.set(p.bestand, h)));
        } else hashes.set(p.bestand, inlineHashes(html));
      }
      const klaar = Promise.all(werk);
      if (volledig && isPagina(p))
        void klaar.then(
          () => meldGeschreven(p.bestand),
          () => {},
        );
      // Awaited below (allesGeschreven); until then a failure must not count as unhandled.
      klaar.catch(() => {});
      onderweg.push(klaar);
      if (onderweg.length >= ONDERWEG) await onderweg.shift();
    }
    await allesGeschreven();
  } finally {
    // Nothing may still write into a release folder that a failed build is about to remove.
    await Promise.allSettled(onderweg);
    await csp?.stop();
  }
  await meldPaginas();
  geheugen?.geefTerug();
  return { gerenderd, hashes };
}

/** Loads every route's code (Astro imports a page's module on first use) by rendering one path of each route. */
async function warmOp(dir: string): Promise<void> {
  const r = await rendererVan(dir);
  const gezien = new Set<string>();
  for (const p of await r.paden()) {
    if (gezien.has(p.route.route)) continue;
    gezien.add(p.route.route);
    await r.render(p);
  }
}

async function werk(bericht: WerkerOpdracht): Promise<WerkerAntwoord> {
  // This publish's snapshot, moment and configuration (siteData keys its cache on them).
  for (const [k, v] of Object.entries(bericht.env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    if (bericht.opdracht.modus === 'opwarmen') {
      await warmOp(bericht.opdracht.renderer);
      return { ok: true, uitkomst: { paden: 0, gerenderd: [], verwijderd: 0, uitgesteld: 0 } };
    }
    await pauzeerAlsGevraagd('render');
    return { ok: true, uitkomst: await voerUit(bericht.opdracht) };
  } catch (e) {
    return { ok: false, fout: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

if (!process.send) throw new Error('render-stap.ts wordt gestart door renderwerker.ts.');
// One job at a time: renderwerker.ts sends the next only after this one answered.
process.on('message', (bericht: WerkerOpdracht) => {
  void werk(bericht).then((antwoord) => process.send!(antwoord));
});
