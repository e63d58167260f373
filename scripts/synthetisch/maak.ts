import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/lib/config/load.ts';
import type { GemeenteConfig } from '../../src/lib/config/schema.ts';
import { maakSlug } from '../../src/lib/data/ids.ts';
import { Toeval } from '../../src/lib/demo/prng.ts';
import type { ActiviteitInvoer, OrganisatieInvoer } from '../../src/lib/model/schemas.ts';
import { WEEKDAGEN } from '../../src/lib/rooster/schema.ts';
import { woorden } from '../../src/lib/zoeken/tekst.ts';

/**
 * A synthetic social map of any size, for measuring search on a big site (`npm run bench --
 * zoeken`). The words come from the demo building blocks and the synonym file, drawn with a
 * skewed distribution like real text (few words very often, many rarely), plus invented names
 * for the long tail. Not meant to read well; meant to index like a real site of that size.
 */

export type SynthetischeKaart = { organisaties: OrganisatieInvoer[]; activiteiten: ActiviteitInvoer[] };

/** Every word in content/demo and content/zoeken, once. */
export function woordvoorraad(root = projectRoot()): string[] {
  const bestanden = ['demo', 'zoeken'].flatMap((map) =>
    readdirSync(path.join(root, 'content', map))
      .filter((b) => b.endsWith('.yaml'))
      .map((b) => path.join(root, 'content', map, b)),
  );
  const alle = new Set<string>();
  for (const b of bestanden)
    for (const w of woorden(readFileSync(b, 'utf8').replace(/#.*$/gm, ''))) if (/^[a-z]{3,}$/.test(w)) alle.add(w);
  return [...alle].sort();
}

const LETTERGREPEN = [
  'ber',
  'ka',
  'lin',
  'de',
  'mo',
  'ter',
  'van',
  'hoe',
  'sel',
  'wijk',
  'brink',
  'es',
  'dor',
  'heu',
  'vel',
  'ling',
  'stee',
  'gen',
  'rijk',
  'ma',
];
const VOORVOEGSELS = ['Stichting', 'Vereniging', 'Club', 'Groep', 'Huis', 'Centrum', 'Werkplaats', 'Kring'];

export function maakSynthetisch(config: GemeenteConfig, paginas: number, seed = 20_000): SynthetischeKaart {
  const toeval = new Toeval(seed);
  const voorraad = toeval.schud(woordvoorraad());
  /** Skewed: index ~ n·r², so the first words of the shuffled pool are common, the rest rare. */
  const woord = () => voorraad[Math.floor(voorraad.length * toeval.getal() ** 2)];
  const naam = () => {
    const n = Array.from({ length: toeval.tussen(2, 3) }, () => toeval.kies(LETTERGREPEN)).join('');
    return n.charAt(0).toUpperCase() + n.slice(1);
  };
  const zin = () => {
    const w = Array.from({ length: toeval.tussen(7, 14) }, woord).join(' ');
    return `${w.charAt(0).toUpperCase()}${w.slice(1)}.`;
  };
  const tekst = (min: number, max: number) => Array.from({ length: toeval.tussen(min, max) }, zin).join(' ');
  const kernen = config.kernen.map((k) => k.slug);
  const slugs = new Set<string>();
  const uniek = (basis: string) => {
    let slug = maakSlug(basis);
    for (let i = 2; slugs.has(slug); i++) slug = `${maakSlug(basis)}-${i}`;
    slugs.add(slug);
    return slug;
  };
  const gecontroleerd = '2026-10-01';

  const vast = config.kernen.length + config.themas.length + 12;
  const aantalActiviteiten = Math.round((paginas - vast) * 0.8);
  const aantalOrganisaties = Math.max(1, paginas - vast - aantalActiviteiten);

  const organisaties: OrganisatieInvoer[] = Array.from({ length: aantalOrganisaties }, () => {
    const n = `${toeval.kies(VOORVOEGSELS)} ${naam()} ${naam()}`;
    return {
      slug: uniek(n),
      naam: n,
      soort: toeval.kies(config.soorten).slug,
      omschrijving: tekst(2, 5),
      kernen: toeval.kans(0.1) ? kernen : [toeval.kies(kernen)],
      themas: toeval.schud(config.themas.map((t) => t.slug)).slice(0, toeval.tussen(1, 3)),
      status: 'gepubliceerd',
      gecontroleerdOp: gecontroleerd,
    };
  });

  const activiteiten: ActiviteitInvoer[] = Array.from({ length: aantalActiviteiten }, () => {
    const org = toeval.kies(organisaties);
    const titel = `${woord()} ${woord()}${toeval.kans(0.5) ? ` ${woord()}` : ''}`;
    const uur = toeval.tussen(9, 20);
    return {
      slug: uniek(`${titel} ${naam()}`),
      titel: titel.charAt(0).toUpperCase() + titel.slice(1),
      omschrijving: tekst(2, 4),
      organisatie: org.slug as string,
      kern: toeval.kies(org.kernen as string[]),
      rooster: {
        regels: [
          {
            type: 'wekelijks',
            dagen: [toeval.kies(WEEKDAGEN)],
            van: `${String(uur).padStart(2, '0')}:00`,
            tot: `${String(uur + 2).padStart(2, '0')}:00`,
          },
        ],
      },
      themas: toeval.schud(config.themas.map((t) => t.slug)).slice(0, toeval.tussen(1, 2)),
      doelgroepen: [toeval.kies(config.doelgroepen).slug],
      kosten: toeval.kans(0.6) ? { soort: 'gratis' } : { soort: 'bedrag', bedragCent: toeval.tussen(1, 20) * 50, per: 'keer' },
      aanmelden: { soort: 'vrije-inloop' },
      status: 'gepubliceerd',
      gecontroleerdOp: gecontroleerd,
    };
  });
  return { organisaties, activiteiten };
}
