/** `npm run seed`: load the demo data. Safe to run again: only what is missing is added. */
import { inhoudNaam } from '../src/lib/config/inhoud.ts';
import { ConfigError, loadConfig } from '../src/lib/config/load.ts';
import { heeftDemo } from '../src/lib/demo/bouwstenen.ts';
import { openDb } from '../src/lib/db/client.ts';
import { seedDemo } from '../src/lib/data/seed.ts';
import { legEersteVersiesVast } from '../src/lib/portaal/revisies.ts';

try {
  if (!heeftDemo()) {
    console.error(`De inhoudsmap ${inhoudNaam()} heeft geen demo-gegevens (${inhoudNaam('demo', 'kernen.yaml')} ontbreekt).`);
    process.exit(1);
  }
  const db = openDb();
  const r = seedDemo(db, loadConfig());
  // Every listing keeps its version from before any portal change.
  legEersteVersiesVast(db);
  console.log(
    `Toegevoegd: ${r.organisaties} organisaties, ${r.activiteiten} activiteiten, ${r.kernondersteuners} kernondersteuners.`,
  );
  if (r.organisaties + r.activiteiten + r.kernondersteuners === 0) console.log('Alles was er al; er is niets veranderd.');
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}
