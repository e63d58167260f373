/**
 * `npm run nginx -- [--listen 80] [--portaal http://127.0.0.1:4321] [--naam kaart.example.nl]`:
 * prints an nginx server block that serves the live release exactly as `npm start` does, with
 * the portal proxied to Node. Run it again after a deploy of new code (the CSP map comes from
 * the live release); a publish needs no reload. See README, "Serveren op meer dan één server".
 */
import { releasesDir } from '../src/lib/release/paden.ts';
import { nginxConfig } from '../src/lib/serveren/nginx.ts';

function optie(naam: string, standaard: string): string {
  const i = process.argv.indexOf(`--${naam}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : standaard;
}

process.stdout.write(
  nginxConfig({
    releasesDir: releasesDir(),
    listen: optie('listen', '80'),
    portaal: optie('portaal', `http://127.0.0.1:${process.env.PORT ?? 4321}`),
    serverNaam: optie('naam', '_'),
  }),
);
