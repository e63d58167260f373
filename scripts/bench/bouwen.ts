import { readFileSync } from 'node:fs';
import path from 'node:path';
import { draaiScript, mediaan, nieuweOmgeving, type Meting } from './context.ts';

/** Build time and page count of the demo site: median of three full release builds. */
export async function meetBouwen(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('bouwen');
  try {
    await draaiScript('scripts/seed.ts', [], omgeving.env);
    const tijden: number[] = [];
    const zoekindex: number[] = [];
    let paginas = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await draaiScript('scripts/build.ts', [], omgeving.env);
      tijden.push((performance.now() - start) / 1000);
      const info = JSON.parse(readFileSync(path.join(omgeving.dataDir, 'releases/current/release.json'), 'utf8'));
      paginas = info.paginas;
      zoekindex.push(info.zoekindexSeconden);
    }
    const t = mediaan(tijden);
    return [
      { sectie: 'Bouwen (demo)', naam: "Pagina's", waarde: paginas, eenheid: 'pagina’s' },
      { sectie: 'Bouwen (demo)', naam: 'Release bouwen (astro + pagefind + compressie)', waarde: +t.toFixed(2), eenheid: 's', runs: 3 },
      { sectie: 'Bouwen (demo)', naam: 'Waarvan zoekindex en compressie', waarde: +mediaan(zoekindex).toFixed(2), eenheid: 's', runs: 3 },
      { sectie: 'Bouwen (demo)', naam: "Pagina's per seconde", waarde: Math.round(paginas / t), eenheid: 'pagina’s/s', runs: 3 },
    ];
  } finally {
    omgeving.opruimen();
  }
}
