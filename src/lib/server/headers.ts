import type { ServerResponse } from 'node:http';

/** Hosts outside our own server that the public pages may use (only a configured basemap). */
let extraBronnen: string[] = [];
export function zetExtraBronnen(bronnen: string[]): void {
  extraBronnen = bronnen;
}

/**
 * Headers on every response. The CSP allows only our own origin; inline scripts and styles
 * are allowed by hash only. 'wasm-unsafe-eval' is for Pagefind's WebAssembly, blob: workers
 * for MapLibre.
 */
export function zetBeveiligingsHeaders(
  res: ServerResponse,
  opties: { scriptHashes?: string[]; styleHashes?: string[] } = {},
): void {
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
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()');
}
