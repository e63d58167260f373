import type { ServerResponse } from 'node:http';

/** Hosts outside our own server that the public pages may use (only a configured basemap). */
let extraBronnen: string[] = [];
export function zetExtraBronnen(bronnen: string[]): void {
  extraBronnen = bronnen;
}

export type InlineToestemming = { scriptHashes?: string[]; styleHashes?: string[] };

/**
 * Headers on every response, as name and value, so nginx can be given exactly the same (see
 * src/lib/serveren/nginx.ts). The CSP allows only our own origin; inline scripts and styles are
 * allowed by hash only. 'wasm-unsafe-eval' is for Pagefind's WebAssembly, blob: workers for MapLibre.
 */
export function beveiligingsHeaders(opties: InlineToestemming = {}): [string, string][] {
  const extra = extraBronnen.join(' ');
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${(opties.scriptHashes ?? []).join(' ')}`.trim(),
    `style-src 'self' ${(opties.styleHashes ?? []).join(' ')}`.trim(),
    `img-src 'self' data: blob: ${extra}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${extra}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()'],
  ];
}

export function zetBeveiligingsHeaders(res: ServerResponse, opties: InlineToestemming = {}): void {
  for (const [naam, waarde] of beveiligingsHeaders(opties)) res.setHeader(naam, waarde);
}
