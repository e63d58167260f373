import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { cspVoorPagina } from '../release/csp.ts';
import { aanvaardtCodering } from './codering.ts';
import { zetBeveiligingsHeaders } from './headers.ts';
import { schoonUrl } from './verzoek.ts';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pmtiles': 'application/vnd.pmtiles',
  '.pbf': 'application/x-protobuf',
};

function statOf(pad: string): Stats | undefined {
  try {
    return statSync(pad);
  } catch {
    return undefined;
  }
}

function kiesVariant(bestand: string, accept: string): { pad: string; stat: Stats; codering?: string } | undefined {
  const stat = statOf(bestand);
  if (!stat?.isFile()) return undefined;
  for (const [codering, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!aanvaardtCodering(accept, codering)) continue;
    const variant = statOf(bestand + ext);
    if (variant?.isFile()) return { pad: bestand + ext, stat: variant, codering };
  }
  return { pad: bestand, stat };
}

/**
 * Serves a file from a release folder. Paths are resolved strictly inside the folder; a folder
 * URL without a trailing slash is redirected; unknown paths get the release's 404 page.
 */
export function serveerStatisch(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  opties: { immutablePrefix?: string; eerder?: EerdereReleases; prive?: string[] } = {},
): void {
  zetBeveiligingsHeaders(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Methode niet toegestaan');
    return;
  }
  const url = new URL(schoonUrl(req.url), 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Ongeldig adres');
    return;
  }
  const relatief = path.posix.normalize(pathname).replace(/^\/+/, '');
  let bestand = path.join(root, relatief);
  const binnen = bestand === root || bestand.startsWith(root + path.sep);
  const verborgen = relatief.split('/').some((deel) => deel.startsWith('.'));
  const prive = opties.prive?.includes(`/${relatief}`) ?? false;
  if (pathname.includes('\0') || !binnen || verborgen || prive) {
    nietGevonden(req, res, root);
    return;
  }

  const stat = statOf(bestand);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Built from the normalised path: `/.//kernen` must not become `//kernen/`, another host.
      const doel = relatief ? `/${relatief.split('/').map(encodeURIComponent).join('/')}/` : '/';
      res.writeHead(301, { Location: `${doel}${url.search}`, 'Content-Type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    bestand = path.join(bestand, 'index.html');
  }
  // A byte range (PMTiles basemaps read their file in pieces) is always served from the plain file.
  const accept = req.headers.range ? '' : String(req.headers['accept-encoding'] ?? '');
  let variant = kiesVariant(bestand, accept);
  if (!variant && opties.eerder?.voorvoegsels.some((v) => pathname.startsWith(v))) {
    // A page opened before a publish still asks for the search chunks and scripts of its own
    // release; their names carry a content hash, so the copy in an earlier release is the right one.
    for (const vorige of opties.eerder.mappen()) {
      const kandidaat = path.join(vorige, relatief);
      variant = kiesVariant(kandidaat, accept);
      if (variant) {
        bestand = kandidaat;
        break;
      }
    }
  }
  if (!variant) {
    nietGevonden(req, res, root);
    return;
  }
  stuur(
    req,
    res,
    root,
    bestand,
    variant,
    200,
    opties.immutablePrefix !== undefined && pathname.startsWith(opties.immutablePrefix),
  );
}

/** Earlier releases to look in for a content-hashed file the live release no longer has. */
export type EerdereReleases = { voorvoegsels: string[]; mappen: () => string[] };

function nietGevonden(req: IncomingMessage, res: ServerResponse, root: string) {
  const bestand = path.join(root, '404.html');
  const variant = kiesVariant(bestand, String(req.headers['accept-encoding'] ?? ''));
  if (!variant) {
    zetBeveiligingsHeaders(res);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Deze pagina bestaat niet.');
    return;
  }
  stuur(req, res, root, bestand, variant, 404, false);
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within a file of `grootte` bytes; one range only. */
export function leesBereik(kop: string, grootte: number): { start: number; eind: number } | 'ongeldig' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(kop.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'ongeldig';
  let start: number;
  let eind: number;
  if (m[1] === '') {
    start = Math.max(0, grootte - Number(m[2]));
    eind = grootte - 1;
  } else {
    start = Number(m[1]);
    eind = m[2] === '' ? grootte - 1 : Math.min(Number(m[2]), grootte - 1);
  }
  return start > eind || start >= grootte ? 'ongeldig' : { start, eind };
}

/** If-None-Match may list several tags, weak ones (W/"…") or `*` (RFC 9110 13.1.2, weak comparison). */
export function komtOvereen(kop: string | undefined, etag: string): boolean {
  if (!kop) return false;
  return kop.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

function stuur(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  bestand: string,
  variant: { pad: string; stat: Stats; codering?: string },
  status: number,
  immutable: boolean,
) {
  const ext = path.extname(bestand);
  const etag = `"${variant.stat.size.toString(36)}-${Math.floor(variant.stat.mtimeMs).toString(36)}${variant.codering ? `-${variant.codering}` : ''}"`;
  const headers: Record<string, string> = {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (variant.codering) headers['Content-Encoding'] = variant.codering;
  // Inline hashes come from the release's manifest, made at build time from the parsed pages.
  zetBeveiligingsHeaders(res, ext === '.html' ? cspVoorPagina(root, bestand, `${bestand}:${etag}`) : {});
  if (status === 200 && komtOvereen(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['Accept-Ranges'] = 'bytes';
  const kop = req.headers.range;
  const bereik = status === 200 && kop && !variant.codering ? leesBereik(kop, variant.stat.size) : undefined;
  if (bereik === 'ongeldig') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${variant.stat.size}` }).end();
    return;
  }
  headers['Content-Length'] = String(bereik ? bereik.eind - bereik.start + 1 : variant.stat.size);
  if (bereik) headers['Content-Range'] = `bytes ${bereik.start}-${bereik.eind}/${variant.stat.size}`;
  res.writeHead(bereik ? 206 : status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(variant.pad, bereik ? { start: bereik.start, end: bereik.eind } : {})
    .on('error', () => res.destroy())
    .pipe(res);
}
