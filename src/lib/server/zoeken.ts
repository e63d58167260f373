import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { cspVoorPagina } from '../release/csp.ts';
import type { Woordenlijst } from '../zoeken/vraag.ts';
import { resultatenHtml, vulZoekpagina, type ZonderJsIndex, zoekZonderJs } from '../zoeken/zonderjs.ts';
import { zetBeveiligingsHeaders } from './headers.ts';

/**
 * /zoeken/?q=… answered by our own server, so that search works without JavaScript: the release's
 * search page with the query kept and the matches in the HTML (src/lib/zoeken/zonderjs.ts). With
 * JavaScript the page hides them and searches with Pagefind as always. Nothing is stored.
 */

type Gegevens = {
  html: string;
  index: ZonderJsIndex;
  lijst: Woordenlijst;
  beschermd: Set<string>;
  themas: { slug: string; label: string }[];
};
let cache: { release: string; gegevens: Gegevens } | undefined;

function laad(release: string): Gegevens {
  if (cache?.release === release) return cache.gegevens;
  const lees = (p: string) => readFileSync(path.join(release, p), 'utf8');
  const index = JSON.parse(lees('zoeken/zonder-js.json')) as ZonderJsIndex;
  const beschermd = new Set<string>();
  for (const f of readdirSync(path.join(release, 'zoeken/nederlands'))) {
    if (f.endsWith('.json')) for (const w of JSON.parse(lees(`zoeken/nederlands/${f}`)) as string[]) beschermd.add(w);
  }
  const themas = index.paginas.filter((p) => p.u.startsWith('/themas/')).map((p) => ({ slug: p.u.split('/')[2], label: p.t }));
  const gegevens = { html: lees('zoeken/index.html'), index, lijst: JSON.parse(lees('zoeken/woorden.json')), beschermd, themas };
  cache = { release, gegevens };
  return gegevens;
}

/** Whether this request is a search for the server: /zoeken/ with a query. */
export function isZoekvraag(pad: string, zoekdeel: URLSearchParams): boolean {
  return pad === '/zoeken/' && (zoekdeel.get('q') ?? '').trim() !== '';
}

export function beantwoordZoekvraag(req: IncomingMessage, res: ServerResponse, release: string): boolean {
  let g: Gegevens;
  try {
    g = laad(release);
  } catch {
    return false; // An older release without the index: the static page.
  }
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const vraag = (params.get('q') ?? '').slice(0, 200);
  const kernParam = params.get('kern') ?? '';
  const kern = g.lijst.kernen.some((k) => k.slug === kernParam) ? kernParam : undefined;
  const u = zoekZonderJs(g.index, g.lijst, vraag, kern, g.beschermd);
  const html = vulZoekpagina(g.html, vraag, kern, resultatenHtml(vraag, u, g.lijst.kernen, g.themas));
  const bestand = path.join(release, 'zoeken/index.html');
  zetBeveiligingsHeaders(res, cspVoorPagina(release, bestand, `${bestand}:zoeken`));
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : html);
  return true;
}
