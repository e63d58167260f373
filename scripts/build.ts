/** `npm run build`: build the partner portal (when changed) and a new public release, in full (for deploys). */
import { ConfigError, loadConfig } from '../src/lib/config/load.ts';
import { openDb } from '../src/lib/db/client.ts';
import { bouwRelease, BouwFout } from '../src/lib/release/bouwen.ts';
import { comprimeerMetAlleKernen } from '../src/lib/release/comprimeren.ts';
import { bouwServer, serverBuildActueel } from '../src/lib/release/serverbouw.ts';

async function main() {
  loadConfig();
  openDb().$client.close();
  if (process.argv.includes('--server') || !serverBuildActueel()) await bouwServer();
  // No visitors wait on this process: compression may use every core.
  comprimeerMetAlleKernen();
  if (!process.argv.includes('--alleen-server')) await bouwRelease({ volledig: true });
}

main().catch((e) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof BouwFout) console.error(`${e.message}\n${e.uitvoer}`);
  else console.error(e);
  process.exit(1);
});
