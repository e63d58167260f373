import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CSP_BESTAND } from '../release/csp.ts';
import { PRIVE_BESTANDEN } from '../release/paden.ts';
import { beveiligingsHeaders } from '../server/headers.ts';
import { TYPES } from '../server/statisch.ts';

/**
 * An nginx configuration that serves a release exactly as our own server does (src/lib/server/),
 * so the public site can run on a standard web server while Node keeps only the portal:
 * precompressed brotli and gzip files, the same security headers and CSP (inline hashes per page
 * from the release's manifest), long caching for hashed assets and revalidation for the rest, the
 * 404 page, folders redirected to their slash, hidden files never served, and content-hashed
 * files a live release no longer has looked up in earlier releases (by Node, which knows them).
 * Generated, not hand-written, so the two servers cannot drift; tests/e2e/nginx.test.ts compares them.
 */

export type NginxOpties = {
  /** The releases folder; nginx serves its `current` link, so a publish needs no reload. */
  releasesDir: string;
  /** Where `npm start` listens, e.g. http://127.0.0.1:4321: the portal and earlier releases' assets. */
  portaal: string;
  /** `listen` value, e.g. 80 or 127.0.0.1:8080. */
  listen: string;
  serverNaam?: string;
  /** A complete nginx.conf (for tests and a single-site machine) instead of a server block. */
  volledig?: { pidBestand: string; logMap: string; brotliModule?: string; gebruiker?: string };
};

type Manifest = { hashes: string[]; paginas: Record<string, { script: number[]; style: number[] }> };

const citeer = (w: string) => `"${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The URIs nginx sees for a page file: `a/index.html` is asked for as `/a/` and `/a/index.html`. */
function urisVan(bestand: string): string[] {
  const uri = `/${bestand}`;
  return bestand === 'index.html' || bestand.endsWith('/index.html') ? [uri.slice(0, -'index.html'.length), uri] : [uri];
}

/** A `map` from URI to CSP: pages with inline scripts or styles get their hashes, others the base. */
function cspMap(release: string | undefined): string {
  const regels = [`map $uri $sk_csp {`, `  default ${citeer(csp())};`];
  const manifestPad = release && path.join(release, CSP_BESTAND);
  if (manifestPad && existsSync(manifestPad)) {
    const manifest = JSON.parse(readFileSync(manifestPad, 'utf8')) as Manifest;
    for (const [bestand, p] of Object.entries(manifest.paginas)) {
      if (p.script.length === 0 && p.style.length === 0) continue;
      const waarde = csp({
        scriptHashes: p.script.map((i) => manifest.hashes[i]),
        styleHashes: p.style.map((i) => manifest.hashes[i]),
      });
      for (const uri of urisVan(bestand)) regels.push(`  ${citeer(uri)} ${citeer(waarde)};`);
    }
  }
  regels.push('}');
  return regels.join('\n');
}

function csp(opties = {}): string {
  return beveiligingsHeaders(opties).find(([naam]) => naam === 'Content-Security-Policy')![1];
}

/** Our content types; text types carry their charset through nginx's `charset`. */
function typen(): { types: string; charsetTypes: string } {
  const perType = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(TYPES)) {
    const kaal = type.split(';')[0];
    perType.set(kaal, [...(perType.get(kaal) ?? []), ext.slice(1)]);
  }
  const metCharset = [
    ...new Set(
      Object.values(TYPES)
        .filter((t) => t.includes('charset'))
        .map((t) => t.split(';')[0]),
    ),
  ];
  return {
    types: [...perType].map(([type, exts]) => `    ${type} ${exts.join(' ')};`).join('\n'),
    charsetTypes: metCharset.filter((t) => t !== 'text/html').join(' '),
  };
}

function serverBlok(o: NginxOpties, release: string | undefined): string {
  const { types, charsetTypes } = typen();
  // In each static location, not at server level: a location with add_header of its own would
  // drop inherited ones, and proxied answers carry Node's own headers (no doubles).
  const headers = [
    '    add_header Content-Security-Policy $sk_csp always;',
    ...beveiligingsHeaders()
      .filter(([naam]) => naam !== 'Content-Security-Policy')
      .map(([naam, waarde]) => `    add_header ${naam} ${citeer(waarde)} always;`),
    '    add_header Cache-Control $sk_cache always;',
  ].join('\n');
  return `${cspMap(release)}

map $uri $sk_cache {
  ~^/_astro/ "public, max-age=31536000, immutable";
  default "no-cache";
}

upstream sk_portaal {
  server ${new URL(o.portaal).host};
  keepalive 8;
}

server {
  listen ${o.listen};
  server_name ${o.serverNaam ?? '_'};
  root ${path.join(o.releasesDir, 'current')};
  absolute_redirect off;
  server_tokens off;
  merge_slashes on;
  disable_symlinks off;
  charset utf-8;
  charset_types ${charsetTypes};
  types {
${types}
  }
  default_type application/octet-stream;
  brotli_static on;
  gzip_static on;
  gzip_vary on;
  etag on;
  client_max_body_size 2m;

  error_page 404 /404.html;

  # The same headers on every static answer, errors and redirects included.
  location /_astro/ {
${headers}
    try_files $uri @eerder;
  }
  location /pagefind/ {
${headers}
    try_files $uri @eerder;
  }
  location / {
${headers}
    index index.html;
    try_files $uri $uri/ =404;
  }
  # A search with a query is answered by Node, so that it works without JavaScript too
  # (through a named location: no static headers on top of Node's own).
  location = /zoeken/ {
    error_page 418 = @zoeken;
    if ($arg_q) {
      return 418;
    }
${headers}
    index index.html;
    try_files $uri $uri/ =404;
  }
  # A search that found nothing, reported by the search page (words and kern only).
  location = /zoeken/niets-gevonden {
    proxy_pass http://sk_portaal;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
  }
  location @zoeken {
    proxy_pass http://sk_portaal;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
  }
  # Hidden files (the release's CSP manifest, build hash) stay private: the 404 page.
  location ~ (^|/)\\. {
    return 404;
  }
  # So do the build's internals and the data of search without JavaScript (read by Node).
${PRIVE_BESTANDEN.map((f) => `  location = /${f} {\n    return 404;\n  }`).join('\n')}

  # The partner portal and its assets are Node's; so are files only an earlier release still has.
  location /partners {
    proxy_pass http://sk_portaal;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $scheme;
  }
  location /_portaal/ {
    proxy_pass http://sk_portaal;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
  }
  location @eerder {
    proxy_pass http://sk_portaal;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
  }
}
`;
}

/** The configuration for the live release in `releasesDir` (its CSP manifest decides the map). */
export function nginxConfig(o: NginxOpties): string {
  const current = path.join(o.releasesDir, 'current');
  const blok = serverBlok(o, existsSync(current) ? current : undefined);
  if (!o.volledig) return blok;
  const v = o.volledig;
  return `${v.brotliModule ? `load_module ${v.brotliModule};\n` : ''}${v.gebruiker ? `user ${v.gebruiker};\n` : ''}worker_processes 1;
pid ${v.pidBestand};
error_log ${path.join(v.logMap, 'error.log')} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${path.join(v.logMap, 'body')};
  proxy_temp_path ${path.join(v.logMap, 'proxy')};
  sendfile on;
${blok
  .split('\n')
  .map((r) => (r ? `  ${r}` : r))
  .join('\n')}
}
`;
}
