import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TABELLEN } from '../opendata/hsds/tabellen.ts';
import { letOp, probleem, type Melding } from '../opendata/hsds/melding.ts';

/**
 * Reading the input: which kind it is, whether it is not too big, and whether it is UTF-8.
 *
 * Size: the whole input may be at most `maxMb` (default 5 MB). The complete HSDS export of
 * Twenterand (about 500 services) is 2.6 MB; a file twice that size is far more likely a wrong
 * file (a database dump, a regional export) than a sociale kaart, and everything is read into
 * memory and checked before anything is written. A larger data set can be imported knowingly
 * with `--max-mb`.
 */

export const STANDAARD_MAX_MB = 5;

/** One input text; `tabel` says which HSDS table its objects are when the name does not (API pages). */
export type Bron = { naam: string; tekst: string; tabel?: string };
export type Soort = 'hsds-json' | 'hsds-csv' | 'spreadsheet';
export type Gelezen = { soort?: Soort; bronnen: Bron[]; meldingen: Melding[] };

const HSDS_CSV = new Set(TABELLEN.map((t) => t.path));

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function eersteOngeldigeByte(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    const lengte = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (lengte === 0 || i + lengte > buf.length) return i;
    for (let j = 1; j < lengte; j++) if ((buf[i + j] & 0xc0) !== 0x80) return i;
    i += lengte;
  }
  return -1;
}

/** The text of a file, or a problem that says what is wrong and how to save it properly. */
export function decodeer(buf: Buffer, naam: string): { tekst?: string; melding?: Melding } {
  const plek = { bestand: naam };
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return {
      melding: probleem(
        plek,
        'Het bestand is opgeslagen als UTF-16 ("Unicode-tekst"). Sla het in Excel op als "CSV UTF-8 (door komma\'s gescheiden)".',
      ),
    };
  }
  const inhoud = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  if (inhoud.includes(0)) return { melding: probleem(plek, 'Dit is geen tekstbestand (CSV of JSON).') };
  const fout = eersteOngeldigeByte(inhoud);
  if (fout >= 0) {
    const regel = inhoud.subarray(0, fout).toString('latin1').split('\n').length;
    const begin = inhoud.lastIndexOf(0x0a, fout) + 1;
    const eind = inhoud.indexOf(0x0a, fout);
    const fragment = new TextDecoder('windows-1252')
      .decode(inhoud.subarray(begin, eind < 0 ? undefined : eind))
      .trim()
      .slice(0, 80);
    return {
      melding: probleem(
        { bestand: naam, rij: regel },
        `Het bestand is niet in UTF-8 opgeslagen maar waarschijnlijk in Windows-1252 of Latin-1 (regel ${regel}: "${fragment}"). Sla het in Excel op als "CSV UTF-8 (door komma's gescheiden)" en probeer het opnieuw.`,
      ),
    };
  }
  return { tekst: inhoud.toString('utf8') };
}

function soortVan(bestanden: string[]): Soort | undefined {
  if (bestanden.some((b) => HSDS_CSV.has(path.basename(b)))) return 'hsds-csv';
  if (bestanden.some((b) => b.endsWith('.json'))) return 'hsds-json';
  if (bestanden.some((b) => b.endsWith('.csv'))) return 'spreadsheet';
  return undefined;
}

export function leesInvoer(pad: string, maxMb = STANDAARD_MAX_MB): Gelezen {
  const meldingen: Melding[] = [];
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(pad);
  } catch {
    return { bronnen: [], meldingen: [probleem({ bestand: pad }, 'Dit bestand of deze map bestaat niet.')] };
  }
  const bestanden = stat.isDirectory()
    ? readdirSync(pad)
        .filter((b) => !b.startsWith('.'))
        .sort()
        .map((b) => path.join(pad, b))
        .filter((b) => statSync(b).isFile())
    : [pad];
  const soort = soortVan(bestanden);
  if (!soort) return { bronnen: [], meldingen: [probleem({ bestand: pad }, 'Hier staat geen .json- of .csv-bestand in.')] };
  const bruikbaar = bestanden.filter((b) => {
    const ext = path.extname(b);
    const past =
      soort === 'hsds-csv'
        ? HSDS_CSV.has(path.basename(b)) || path.basename(b) === 'datapackage.json'
        : soort === 'hsds-json'
          ? ext === '.json'
          : ext === '.csv';
    if (!past)
      meldingen.push(letOp({ bestand: path.basename(b) }, 'Dit bestand hoort niet bij de invoer en wordt overgeslagen.'));
    return past;
  });
  const totaal = bruikbaar.reduce((som, b) => som + statSync(b).size, 0);
  if (totaal > maxMb * 1024 * 1024) {
    const mb = (totaal / 1024 / 1024).toFixed(1).replace('.', ',');
    meldingen.push(
      probleem(
        { bestand: path.basename(pad) },
        `De invoer is ${mb} MB; de grens is ${maxMb} MB. Een hele sociale kaart is meestal kleiner dan 3 MB: kijk of dit het goede bestand is. Is het echt zo groot? Geef dan --max-mb ${Math.ceil(totaal / 1024 / 1024) + 1}.`,
      ),
    );
    return { soort, bronnen: [], meldingen };
  }
  const bronnen: Bron[] = [];
  for (const b of bruikbaar) {
    const naam = path.basename(b);
    const { tekst, melding } = decodeer(readFileSync(b), naam);
    if (melding) meldingen.push(melding);
    else bronnen.push({ naam, tekst: tekst! });
  }
  return { soort, bronnen, meldingen };
}
