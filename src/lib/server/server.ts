import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eerdereReleases, huidigeRelease, serverBuildDir } from '../release/paden.ts';
import { zetBeveiligingsHeaders } from './headers.ts';
import { serveerStatisch } from './statisch.ts';

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

function fout(res: ServerResponse, status: number, tekst: string) {
  if (res.headersSent) return res.destroy();
  zetBeveiligingsHeaders(res);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(tekst);
}

/**
 * One Node process serves the live release (static files) and the partner portal (on demand).
 * The release is looked up per request, so a publish is visible at once without a restart.
 */
export async function maakServer(): Promise<Server> {
  const portaal = await laadPortaal();
  const portaalClient = path.join(serverBuildDir(), 'client');
  return createServer((req, res) => {
    try {
      const pad = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (isPortaal(pad)) {
        if (!portaal) return fout(res, 503, 'Het partnerportaal is niet gebouwd. Start de server met npm start.');
        zetBeveiligingsHeaders(res);
        return portaal(req, res, (err) => {
          if (err) console.error(err);
          fout(res, err ? 500 : 404, err ? 'Er ging iets mis. Probeer het later opnieuw.' : 'Deze pagina bestaat niet.');
        });
      }
      if (pad.startsWith('/_portaal/')) return serveerStatisch(req, res, portaalClient, { immutablePrefix: '/_portaal/' });
      const release = huidigeRelease();
      if (!release) return fout(res, 503, 'De sociale kaart wordt gebouwd. Probeer het over een minuut opnieuw.');
      serveerStatisch(req, res, release, {
        immutablePrefix: '/_astro/',
        eerder: { voorvoegsels: ['/_astro/', '/pagefind/'], mappen: () => eerdereReleases(release) },
      });
    } catch (e) {
      console.error(e);
      fout(res, 500, 'Er ging iets mis. Probeer het later opnieuw.');
    }
  });
}
