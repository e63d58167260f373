/**
 * `npm run bench`: measures what inwoners and partners feel and writes BENCHMARKS.md and
 * bench-results/bench.json. Not part of `npm test`: timings belong here, never in a test.
 * Run one section with `npm run bench -- bouwen`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { meetBouwen } from './bench/bouwen.ts';
import { meetFundament } from './bench/fundament.ts';
import { meetImport } from './bench/import.ts';
import { meetKaart } from './bench/kaart.ts';
import { meetLighthouse } from './bench/lighthouse.ts';
import { machine, type Meting } from './bench/context.ts';
import { meetPaginagewicht } from './bench/paginagewicht.ts';
import { meetPortaal } from './bench/portaal.ts';
import { meetPubliceren, meetPublicerenGroot } from './bench/publiceren.ts';
import { meetPrivacy } from './bench/privacy.ts';
import { meetVersheid } from './bench/versheid.ts';
import { meetVerwijzen } from './bench/verwijzen.ts';
import { meetZoeken } from './bench/zoeken.ts';

const SECTIES: Record<string, () => Promise<Meting[]>> = {
  fundament: meetFundament,
  bouwen: meetBouwen,
  gewicht: meetPaginagewicht,
  portaal: meetPortaal,
  publiceren: meetPubliceren,
  'publiceren-groot': meetPublicerenGroot,
  import: meetImport,
  kaart: meetKaart,
  zoeken: meetZoeken,
  privacy: meetPrivacy,
  verwijzen: meetVerwijzen,
  versheid: meetVersheid,
  lighthouse: meetLighthouse,
};

function tabel(metingen: Meting[]): string {
  const regels = ['| Sectie | Meting | Waarde | Runs | Toelichting |', '| --- | --- | ---: | ---: | --- |'];
  for (const m of metingen) {
    regels.push(`| ${m.sectie} | ${m.naam} | ${m.waarde} ${m.eenheid} | ${m.runs ?? 1} | ${m.toelichting ?? ''} |`);
  }
  return regels.join('\n');
}

const BEGIN = '<!-- metingen:begin -->';
const EINDE = '<!-- metingen:einde -->';

/** Replaces the block between the markers, or adds it before the written analysis. */
function metFiguren(bestaand: string, blok: string, begin = BEGIN, einde = EINDE): string {
  const nieuw = `${begin}\n${blok}${einde}`;
  if (bestaand.includes(begin) && bestaand.includes(einde)) {
    return bestaand.slice(0, bestaand.indexOf(begin)) + nieuw + bestaand.slice(bestaand.indexOf(einde) + einde.length);
  }
  if (!bestaand) return `# Benchmarks\n\n${nieuw}\n`;
  const analyse = bestaand.indexOf('\n## ');
  return analyse < 0 ? `${bestaand}\n${nieuw}\n` : `${bestaand.slice(0, analyse)}\n${nieuw}\n${bestaand.slice(analyse)}`;
}

async function main() {
  const gekozen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const namen = gekozen.length > 0 ? gekozen : Object.keys(SECTIES);
  const metingen: Meting[] = [];
  for (const naam of namen) {
    const sectie = SECTIES[naam];
    if (!sectie) throw new Error(`Onbekende sectie "${naam}". Kies uit: ${Object.keys(SECTIES).join(', ')}`);
    console.log(`Meten: ${naam}…`);
    const nieuw = await sectie();
    for (const m of nieuw) console.log(`  ${m.naam}: ${m.waarde} ${m.eenheid}`);
    metingen.push(...nieuw);
  }
  const wanneer = new Date().toISOString();
  const blok = `Gemeten op ${wanneer} met \`npm run bench${gekozen.length ? ` -- ${gekozen.join(' ')}` : ''}\`.\n\nMachine: ${machine()}.\n\n${tabel(metingen)}\n`;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify({ wanneer, machine: machine(), metingen }, null, 2));
  // A full run replaces the main table, so its figures always come from one run; a run of some
  // sections keeps its own table beside it (marked with the sections' names). The written
  // analysis around them stays.
  const bestaand = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '';
  const sleutel = gekozen.join('+');
  const markers = gekozen.length === 0 ? [] : [`<!-- metingen:${sleutel}:begin -->`, `<!-- metingen:${sleutel}:einde -->`];
  writeFileSync('BENCHMARKS.md', metFiguren(bestaand, blok, ...markers));
  console.log(blok);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
