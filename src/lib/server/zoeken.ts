import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { loadConfig } from '../config/load.ts';
import { woorden } from '../config/woorden.ts';
import { databasePath, type Db, openDb } from '../db/client.ts';
import { Limiet } from '../portaal/limiet.ts';
import { cspVoorPagina } from '../release/csp.ts';
import { lokaal } from '../rooster/kalender.ts';
import { bewaarZoekgat, meldingSchema, ruimZoekgatOp } from '../signalen/zoekgat.ts';
import type { Woordenlijst } from '../zoeken/vraag.ts';
import { resultatenHtml, vulZoekpagina, type ZonderJsIndex, zoekZonderJs } from '../zoeken/zonderjs.ts';
import { zetBeveiligingsHeaders } from './headers.ts';
import { leesLichaam } from './verzoek.ts';

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
  const html = vulZoekpagina(
    g.html,
    vraag,
    kern,
    resultatenHtml(vraag, u, g.lijst.kernen, g.themas, woorden(loadConfig()).deOndersteuner),
  );
  const bestand = path.join(release, 'zoeken/index.html');
  zetBeveiligingsHeaders(res, cspVoorPagina(release, bestand, `${bestand}:zoeken`));
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : html);
  return true;
}

/** At most this many reports a minute in all: enough for a village, too few to flood the table. */
const nietsGevondenLimiet = new Limiet(Number(process.env.SK_ZOEKGAT_PER_MINUUT ?? 120), 60_000, 1);
let db: Db | undefined;
let opgeruimd = '';

/** Whether the browser asks not to be tracked (Global Privacy Control or Do Not Track). */
export function wilNietGevolgd(req: IncomingMessage): boolean {
  return req.headers['sec-gpc'] === '1' || req.headers.dnt === '1';
}

/**
 * POST /zoeken/niets-gevonden: a search that found nothing (src/lib/signalen/zoekgat.ts). Only the
 * words and the kern are read; no address, cookie or time of day is kept. Always 204, so the page
 * learns nothing from the answer; bad input is simply not kept.
 */
export async function meldNietsGevonden(req: IncomingMessage, res: ServerResponse, release: string): Promise<void> {
  const klaar = () => {
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  };
  const lichaam = await leesLichaam(req, 4096);
  if (!lichaam || wilNietGevolgd(req) || !nietsGevondenLimiet.magDoor('alle')) return klaar();
  let melding: ReturnType<typeof meldingSchema.safeParse>;
  try {
    melding = meldingSchema.safeParse(JSON.parse(lichaam.toString('utf8')));
  } catch {
    return klaar();
  }
  if (!melding.success) return klaar();
  const { lijst } = laad(release);
  db ??= openDb(databasePath());
  const vandaag = lokaal(new Date()).datum;
  const namen = lijst.kernen.map((k) => k.naam);
  bewaarZoekgat(
    db,
    melding.data,
    vandaag,
    lijst.kernen.map((k) => k.slug),
    namen,
  );
  if (opgeruimd !== vandaag) {
    ruimZoekgatOp(db, vandaag);
    opgeruimd = vandaag;
  }
  klaar();
}
