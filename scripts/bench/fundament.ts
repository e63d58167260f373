import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { mediaan, nieuweOmgeving, type Meting } from './context.ts';

/**
 * The foundation before and after (issue 13), side by side in one run. "Voor" is a git worktree
 * of BENCH_VOOR (default: the last commit on Node 20 / Astro 5 / React) with its own install, run on
 * the runtime it supported (BENCH_VOOR_NODE, default the machine's /usr/bin/node when it is older
 * than ours); "na" is this checkout. Both build the same demo data.
 * - full release build (seed once, then `scripts/build.ts` three times; median wall time);
 * - the map's JavaScript: every script "Toon de kaart" can load, followed from the kern page's map
 *   script through its imports (raw and brotli bytes), the worker included;
 * - `npm test` wall time, only with BENCH_TESTDUUR=1 (about twenty minutes per tree).
 */

const SECTIE = 'Fundament';
const VOOR_REF = process.env.BENCH_VOOR ?? '6e9d191';

type Boom = { naam: 'voor' | 'na'; dir: string; node: string };

function nodeVersie(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

function voorNode(): string {
  if (process.env.BENCH_VOOR_NODE) return process.env.BENCH_VOOR_NODE;
  const machine = '/usr/bin/node';
  const oud = existsSync(machine) && Number(nodeVersie(machine).slice(1).split('.')[0]) < 22;
  return oud ? machine : process.execPath;
}

/** npm's own script, run with either tree's Node (`npm run bench` sets npm_execpath). */
function npmCli(): string {
  return process.env.npm_execpath ?? execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
}

function draai(boom: Boom, args: string[], env: NodeJS.ProcessEnv, cmd = boom.node): Promise<number> {
  const start = performance.now();
  const PATH = `${path.dirname(boom.node)}:${env.PATH ?? ''}`;
  return new Promise((resolve, reject) => {
    const kind = spawn(cmd, args, { cwd: boom.dir, env: { ...env, PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let fout = '';
    kind.stderr.on('data', (c: Buffer) => {
      fout = (fout + c.toString()).slice(-4000);
    });
    kind.on('close', (code) =>
      code === 0 ? resolve((performance.now() - start) / 1000) : reject(new Error(`${args.join(' ')} in ${boom.dir}:\n${fout}`)),
    );
  });
}

/** A worktree of the old commit with its own dependencies, kept between runs in bench-results/. */
async function voorBoom(): Promise<Boom> {
  const dir = path.resolve('bench-results', `voor-${VOOR_REF}`);
  const boom: Boom = { naam: 'voor', dir, node: voorNode() };
  if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, VOOR_REF], { stdio: 'ignore' });
  if (!existsSync(path.join(dir, 'node_modules/astro'))) {
    // The old tree's own settings: its lock file and `npm install`, as its .ci/run did; native
    // addons build against the old runtime's headers (the machine's npm config), not ours.
    const { npm_config_nodedir: _, ...env } = process.env;
    await draai(boom, [npmCli(), 'install', '--no-audit', '--no-fund'], env);
  }
  return boom;
}

/** Median wall time of three full release builds over the demo data, after one warm-up build. */
async function bouwtijd(boom: Boom): Promise<{ seconden: number; release: string }> {
  const omgeving = nieuweOmgeving(`fundament-${boom.naam}`);
  const tsx = ['--import', 'tsx'];
  await draai(boom, [...tsx, 'scripts/seed.ts'], omgeving.env);
  await draai(boom, [...tsx, 'scripts/build.ts'], omgeving.env);
  const tijden: number[] = [];
  for (let i = 0; i < 3; i++) tijden.push(await draai(boom, [...tsx, 'scripts/build.ts'], omgeving.env));
  return { seconden: +mediaan(tijden).toFixed(1), release: path.join(omgeving.dataDir, 'releases/current') };
}

/** Every script reachable from the kern page's map script, the map's worker included. */
function kaartScripts(release: string): string[] {
  const astro = path.join(release, '_astro');
  const kern = readdirSync(path.join(release, 'kernen')).find((d) => existsSync(path.join(release, 'kernen', d, 'index.html')));
  const html = readFileSync(path.join(release, 'kernen', kern ?? '', 'index.html'), 'utf8');
  const start = html.match(/\/_astro\/(Kaart\.astro[^"]+\.js)"/)?.[1];
  if (!start) throw new Error('Geen kaartscript op de kernpagina gevonden.');
  const bestanden = new Set(readdirSync(astro).filter((f) => /\.m?js$/.test(f)));
  const gezien = new Set<string>();
  const werk = [start];
  while (werk.length > 0) {
    const naam = werk.pop()!;
    if (gezien.has(naam)) continue;
    gezien.add(naam);
    const code = readFileSync(path.join(astro, naam), 'utf8');
    for (const [verwijzing] of code.matchAll(/[\w.-]+\.m?js/g)) if (bestanden.has(verwijzing)) werk.push(verwijzing);
  }
  return [...gezien].map((f) => path.join(astro, f));
}

function kaartBytes(release: string): { ruw: number; br: number; bestanden: number } {
  const scripts = kaartScripts(release);
  const ruw = scripts.reduce((som, f) => som + statSync(f).size, 0);
  const br = scripts.reduce((som, f) => som + brotliCompressSync(readFileSync(f)).length, 0);
  return { ruw, br, bestanden: scripts.length };
}

function testduur(boom: Boom): Promise<number> {
  return draai(boom, [npmCli(), 'test'], process.env);
}

export async function meetFundament(): Promise<Meting[]> {
  const bomen: Boom[] = [await voorBoom(), { naam: 'na', dir: process.cwd(), node: process.execPath }];
  const metingen: Meting[] = [];
  const kb = (b: number) => +(b / 1024).toFixed(1);
  for (const boom of bomen) {
    const label = `${boom.naam} (${boom.naam === 'voor' ? VOOR_REF : 'deze checkout'}, Node ${nodeVersie(boom.node)})`;
    const bouw = await bouwtijd(boom);
    const kaart = kaartBytes(bouw.release);
    metingen.push(
      { sectie: SECTIE, naam: `Volledige build, ${label}`, waarde: bouw.seconden, eenheid: 's', runs: 3 },
      {
        sectie: SECTIE,
        naam: `Kaart-JavaScript, ${label}`,
        waarde: kb(kaart.br),
        eenheid: 'KB br',
        toelichting: `${kb(kaart.ruw)} KB onverpakt in ${kaart.bestanden} bestanden (alles wat "Toon de kaart" kan laden)`,
      },
    );
    if (process.env.BENCH_TESTDUUR === '1') {
      metingen.push({ sectie: SECTIE, naam: `npm test, ${label}`, waarde: +(await testduur(boom)).toFixed(0), eenheid: 's' });
    }
  }
  return metingen;
}
