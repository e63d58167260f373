import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eerdereReleases, huidigeRelease, PRIVE_BESTANDEN, serverBuildDir } from '../release/paden.ts';
import { zetBeveiligingsHeaders } from './headers.ts';
import { serveerStatisch } from './statisch.ts';
import { beantwoordZoekvraag, isZoekvraag, meldNietsGevonden } from './zoeken.ts';
import {
  aangekondigdTeGroot,
  gooiRestWeg,
  heeftLichaam,
  leesLichaam,
  MAX_LICHAAM_BYTES,
  schoonUrl,
  vertrouwdeProxies,
  zetKlantAdres,
} from './verzoek.ts';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;

/** The portal's on-demand handler from the server build, if it was built. */
async function laadPortaal(): Promise<AstroHandler | undefined> {
  const entry = path.join(serverBuildDir(), 'server/entry.mjs');
  if (!existsSync(entry)) return undefined;
  const mod = (await import(pathToFileURL(entry).href)) as { handler: AstroHandler };
  return mod.handler;
}

function isPortaal(pad: string): boolean {
  return pad === '/partners' || pad.startsWith('/partners/');
}

/** Where the search page reports a search that found nothing (src/lib/signalen/zoekgat.ts). */
export const NIETS_GEVONDEN = '/zoeken/niets-gevonden';

/** Files of a release that are for us, not for visitors. */
const PRIVE = PRIVE_BESTANDEN.map((f) => `/${f}`);

function fout(res: ServerResponse, status: number, tekst: string) {
  if (res.headersSent) return res.destroy();
  zetBeveiligingsHeaders(res);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(tekst);
}

const TE_GROOT = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Te veel gegevens – Sociale kaart</title></head>
<body><main><h1>Dit is te veel om in één keer te versturen</h1>
<p>Een formulier mag hoogstens ${Math.round(MAX_LICHAAM_BYTES / 1024)} kB zijn. Ga terug, maak de tekst korter en probeer het opnieuw.</p>
<p><a href="/partners/">Naar het partnerportaal</a></p></main></body></html>`;

/** 413 with a Dutch page; the rest of the body is thrown away, not read into memory. */
function weigerTeGroot(req: IncomingMessage, res: ServerResponse) {
  gooiRestWeg(req);
  zetBeveiligingsHeaders(res);
  res.writeHead(413, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(TE_GROOT);
}

/**
 * One Node process serves the live release (static files) and the partner portal (on demand).
 * The release is looked up per request, so a publish is visible at once without a restart.
 * Every request gets the security headers first, so redirects and errors carry them too; every
 * body is limited before anything parses it.
 */
export async function maakServer(): Promise<Server> {
  const portaal = await laadPortaal();
  const portaalClient = path.join(serverBuildDir(), 'client');
  const proxies = vertrouwdeProxies();
  const portaalVerzoek = async (req: IncomingMessage, res: ServerResponse, handler: AstroHandler) => {
    zetKlantAdres(req, proxies);
    if (heeftLichaam(req)) {
      const lichaam = await leesLichaam(req);
      if (!lichaam) return weigerTeGroot(req, res);
      // Astro takes a body that is already read from `req.body` instead of the stream.
      (req as IncomingMessage & { body?: Buffer }).body = lichaam;
    }
    handler(req, res, (err) => {
      if (err) console.error(err);
      fout(res, err ? 500 : 404, err ? 'Er ging iets mis. Probeer het later opnieuw.' : 'Deze pagina bestaat niet.');
    });
  };
  return createServer((req, res) => {
    try {
      zetBeveiligingsHeaders(res);
      req.url = schoonUrl(req.url);
      if (aangekondigdTeGroot(req)) return weigerTeGroot(req, res);
      const pad = new URL(req.url, 'http://localhost').pathname;
      if (isPortaal(pad)) {
        if (!portaal) return fout(res, 503, 'Het partnerportaal is niet gebouwd. Start de server met npm start.');
        portaalVerzoek(req, res, portaal).catch((e) => {
          console.error(e);
          fout(res, 500, 'Er ging iets mis. Probeer het later opnieuw.');
        });
        return;
      }
      if (pad.startsWith('/_portaal/')) return serveerStatisch(req, res, portaalClient, { immutablePrefix: '/_portaal/' });
      const release = huidigeRelease();
      if (!release) return fout(res, 503, 'De sociale kaart wordt gebouwd. Probeer het over een minuut opnieuw.');
      if (pad === NIETS_GEVONDEN && req.method === 'POST') {
        meldNietsGevonden(req, res, release).catch((e) => {
          console.error(e);
          fout(res, 500, 'Er ging iets mis.');
        });
        return;
      }
      const zoekdeel = new URL(req.url, 'http://localhost').searchParams;
      if ((req.method === 'GET' || req.method === 'HEAD') && isZoekvraag(pad, zoekdeel) && beantwoordZoekvraag(req, res, release))
        return;
      serveerStatisch(req, res, release, {
        immutablePrefix: '/_astro/',
        eerder: { voorvoegsels: ['/_astro/', '/pagefind/'], mappen: () => eerdereReleases(release) },
        prive: PRIVE,
      });
    } catch (e) {
      console.error(e);
      fout(res, 500, 'Er ging iets mis. Probeer het later opnieuw.');
    }
  });
}
