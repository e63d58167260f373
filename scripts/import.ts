/**
 * `npm run import -- <bestand of map> [--apply] [--publish] [--max-mb N]`
 * Reads HSDS JSON, an HSDS CSV package or the spreadsheet template, and reports what would
 * change. Only with --apply it writes, in one transaction, and only when there is no problem.
 */
import { ConfigError, loadConfig } from '../src/lib/config/load.ts';
import { openDb } from '../src/lib/db/client.ts';
import { importeer } from '../src/lib/import/importeer.ts';
import { legEersteVersiesVast } from '../src/lib/portaal/revisies.ts';
import { STANDAARD_MAX_MB } from '../src/lib/import/lezen.ts';

const GEBRUIK = `Gebruik: npm run import -- <bestand of map> [--apply] [--publish] [--max-mb N]

  <bestand of map>  HSDS JSON (services.json, organizations.json, …), een map met het HSDS
                    CSV-pakket, of een spreadsheet volgens content/import/sjabloon.csv.
  --apply           Sla op (alles of niets). Zonder --apply: alleen het rapport.
  --publish         Zet nieuwe organisaties en activiteiten meteen online (anders: concept).
  --max-mb N        Grootte die de invoer mag hebben (standaard ${STANDAARD_MAX_MB} MB).`;

function main(): number {
  const args = process.argv.slice(2);
  const onbekend = args.filter(
    (a, i) => a.startsWith('--') && !['--apply', '--publish', '--max-mb', '--help'].includes(a) && args[i - 1] !== '--max-mb',
  );
  const paden = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--max-mb');
  const maxIndex = args.indexOf('--max-mb');
  const maxMb = maxIndex >= 0 ? Number(args[maxIndex + 1]) : STANDAARD_MAX_MB;
  if (args.includes('--help') || paden.length !== 1 || onbekend.length > 0 || !(maxMb > 0)) {
    if (onbekend.length > 0) console.error(`Onbekende optie: ${onbekend.join(' ')}`);
    console.error(GEBRUIK);
    return 2;
  }
  const db = openDb();
  try {
    // The state before this import, and below that of what it adds, is kept as a first version.
    if (args.includes('--apply')) legEersteVersiesVast(db);
    const r = importeer(paden[0], db, loadConfig(), {
      toepassen: args.includes('--apply'),
      publiceren: args.includes('--publish'),
      maxMb,
    });
    if (args.includes('--apply')) legEersteVersiesVast(db);
    process.stdout.write(r.rapport);
    return r.code;
  } finally {
    db.$client.close();
  }
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exitCode = 1;
}
