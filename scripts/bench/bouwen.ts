import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReleaseInfo } from '../../src/lib/release/paden.ts';
import { draaiScript, mediaan, nieuweOmgeving, type Meting } from './context.ts';

/**
 * Build and index time, pages per second and peak memory of full builds, and the time to publish
 * one change incrementally: the demo site (median of three) and synthetic sites of 5,000 and
 * 20,000 pages (scripts/synthetisch.ts).
 */
async function meetSite(naam: string, vullen: (env: NodeJS.ProcessEnv) => Promise<void>, runs: number): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('bouwen');
  try {
    await vullen(omgeving.env);
    const tijden: number[] = [];
    const infos: ReleaseInfo[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await draaiScript('scripts/build.ts', [], omgeving.env);
      tijden.push((performance.now() - start) / 1000);
      infos.push(JSON.parse(readFileSync(path.join(omgeving.dataDir, 'releases/current/release.json'), 'utf8')) as ReleaseInfo);
    }
    // Then one change at a time, published as an approval publishes it (incrementally).
    const publicaties: { seconden: number; info: ReleaseInfo }[] = [];
    for (let i = 0; i < runs; i++) {
      const uit = path.join(omgeving.dataDir, 'een-wijziging.json');
      await draaiScript('scripts/bench/een-wijziging.ts', [uit], omgeving.env);
      publicaties.push(JSON.parse(readFileSync(uit, 'utf8')));
    }
    const t = mediaan(tijden);
    const paginas = infos.at(-1)!.paginas;
    const sectie = `Bouwen (${naam})`;
    const piek = (stap: 'astro' | 'render' | 'pagefind' | 'geheel') =>
      Math.max(...infos.map((i) => i.piekGeheugenMb?.[stap] ?? 0));
    return [
      { sectie, naam: "Pagina's", waarde: paginas, eenheid: 'pagina’s' },
      { sectie, naam: 'Release bouwen (astro + renderen + pagefind + compressie)', waarde: +t.toFixed(1), eenheid: 's', runs },
      {
        sectie,
        naam: 'Waarvan Astro en renderen',
        waarde: +mediaan(infos.map((i) => i.bouwSeconden)).toFixed(1),
        eenheid: 's',
        runs,
      },
      {
        sectie,
        naam: 'Waarvan zoekindex en compressie (na het renderen)',
        waarde: +mediaan(infos.map((i) => i.zoekindexSeconden)).toFixed(1),
        eenheid: 's',
        runs,
      },
      { sectie, naam: "Pagina's per seconde", waarde: Math.round(paginas / t), eenheid: 'pagina’s/s', runs },
      {
        sectie,
        naam: 'Piekgeheugen Astro (bundelen)',
        waarde: piek('astro'),
        eenheid: 'MB',
        runs,
        toelichting: 'RSS van het bouwproces en zijn kinderen',
      },
      { sectie, naam: 'Piekgeheugen renderen', waarde: piek('render'), eenheid: 'MB', runs },
      { sectie, naam: 'Piekgeheugen Pagefind', waarde: piek('pagefind'), eenheid: 'MB', runs },
      {
        sectie,
        naam: 'Piekgeheugen geheel',
        waarde: piek('geheel'),
        eenheid: 'MB',
        runs,
        toelichting: 'alle stappen samen, zoals ze naast elkaar lopen',
      },
      {
        sectie,
        naam: 'Publiceren na één wijziging (incrementeel)',
        waarde: +mediaan(publicaties.map((p) => p.seconden)).toFixed(1),
        eenheid: 's',
        runs,
        toelichting: `${publicaties.at(-1)!.info.gerenderd} bestanden opnieuw gemaakt (${publicaties.at(-1)!.info.soort})`,
      },
    ];
  } finally {
    omgeving.opruimen();
  }
}

export async function meetBouwen(): Promise<Meting[]> {
  const synthetisch = (paginas: number) => (env: NodeJS.ProcessEnv) =>
    draaiScript('scripts/synthetisch.ts', [String(paginas)], env);
  return [
    ...(await meetSite('demo', (env) => draaiScript('scripts/seed.ts', [], env), 3)),
    ...(await meetSite('synthetisch, 5.000 pagina’s', synthetisch(5_000), 2)),
    ...(await meetSite('synthetisch, 20.000 pagina’s', synthetisch(20_000), 1)),
  ];
}
