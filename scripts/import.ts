/**
 * `npm run import -- <bestand, map of https-adres> [--apply] [--publish] [--koppeling <bestand>] [--max-mb N]`
 * Reads HSDS JSON, an HSDS CSV package, the spreadsheet template, or an HSDS 3.0 API (all pages
 * of /services), and reports what would change. Only with --apply it writes, in one
 * transaction, and only when there is no problem.
 */
import { ConfigError, loadConfig } from '../src/lib/config/load.ts';
import { openDb } from '../src/lib/db/client.ts';
import { importeer, importeerVanApi } from '../src/lib/import/importeer.ts';
import { legEersteVersiesVast } from '../src/lib/portaal/revisies.ts';
import { STANDAARD_MAX_MB } from '../src/lib/import/lezen.ts';

const GEBRUIK = `Gebruik: npm run import -- <bestand of map> [--apply] [--publish] [--koppeling <bestand>] [--max-mb N]

  <bestand of map>  HSDS JSON (services.json, organizations.json, …), een map met het HSDS
                    CSV-pakket, een spreadsheet volgens content/import/sjabloon.csv, of het
                    adres van een HSDS 3.0 API (https://…/api of https://…/api/services).
  --apply           Sla op (alles of niets). Zonder --apply: alleen het rapport.
  --publish         Zet nieuwe organisaties en activiteiten meteen online (anders: concept).
                    Wat nog aangevuld moet worden, blijft altijd concept.
  --koppeling B     Koppelingsbestand (YAML): termen van het andere systeem → onze soorten,
                    thema's en doelgroepen. Zie content/import/koppeling-voorbeeld.yaml.
  --max-mb N        Grootte die de invoer mag hebben (standaard ${STANDAARD_MAX_MB} MB).`;

const MET_WAARDE = ['--max-mb', '--koppeling'];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const isWaarde = (i: number) => MET_WAARDE.includes(args[i - 1]);
  const onbekend = args.filter(
    (a, i) => a.startsWith('--') && !['--apply', '--publish', '--help', ...MET_WAARDE].includes(a) && !isWaarde(i),
  );
  const paden = args.filter((a, i) => !a.startsWith('--') && !isWaarde(i));
  const waarde = (optie: string) => (args.includes(optie) ? args[args.indexOf(optie) + 1] : undefined);
  const maxMb = waarde('--max-mb') !== undefined ? Number(waarde('--max-mb')) : STANDAARD_MAX_MB;
  const koppeling = waarde('--koppeling');
  if (
    args.includes('--help') ||
    paden.length !== 1 ||
    onbekend.length > 0 ||
    !(maxMb > 0) ||
    (args.includes('--koppeling') && !koppeling)
  ) {
    if (onbekend.length > 0) console.error(`Onbekende optie: ${onbekend.join(' ')}`);
    console.error(GEBRUIK);
    return 2;
  }
  const db = openDb();
  try {
    // The state before this import, and below that of what it adds, is kept as a first version.
    if (args.includes('--apply')) legEersteVersiesVast(db);
    const opties = { toepassen: args.includes('--apply'), publiceren: args.includes('--publish'), maxMb, koppeling };
    const r = /^https?:\/\//i.test(paden[0])
      ? await importeerVanApi(paden[0], db, loadConfig(), opties)
      : importeer(paden[0], db, loadConfig(), opties);
    if (args.includes('--apply')) legEersteVersiesVast(db);
    process.stdout.write(r.rapport);
    return r.code;
  } finally {
    db.$client.close();
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exitCode = 1;
}
