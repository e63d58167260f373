/**
 * `npx tsx scripts/synthetisch.ts [paginas]`: fills the database at DATABASE_PATH (use an empty,
 * temporary one) with a synthetic social map of about that many pages (default 20,000), for
 * the search benchmark. Build a release from it afterwards with `npm run build`.
 */
import { loadConfig } from '../src/lib/config/load.ts';
import { openDb } from '../src/lib/db/client.ts';
import { syncKernen, voegActiviteitToe, voegOrganisatieToe } from '../src/lib/data/opslaan.ts';
import { isLeeg } from '../src/lib/data/seed.ts';
import { maakSchemas } from '../src/lib/model/schemas.ts';
import { maakSynthetisch } from './synthetisch/maak.ts';

const paginas = Number(process.argv[2] ?? 20_000);
const config = loadConfig();
const schemas = maakSchemas(config);
const db = openDb();
if (!isLeeg(db)) {
  console.error('De database is niet leeg. Gebruik een nieuwe, tijdelijke database (DATABASE_PATH).');
  process.exit(1);
}
const kaart = maakSynthetisch(config, paginas);
db.transaction((tx) => {
  syncKernen(tx, config);
  for (const o of kaart.organisaties) voegOrganisatieToe(tx, schemas.organisatie.parse(o));
  for (const a of kaart.activiteiten) voegActiviteitToe(tx, schemas.activiteit.parse(a));
});
db.$client.close();
console.log(`Synthetische kaart: ${kaart.organisaties.length} organisaties en ${kaart.activiteiten.length} activiteiten.`);
