import type { AstroGlobal } from 'astro';
import { loadConfig } from '../config/load.ts';

/** Links in e-mails point to a configured address, never to whatever Host header a request carried. */
export function portaalUrl(Astro: AstroGlobal): string {
  const lokaal = ['localhost', '127.0.0.1'].includes(Astro.url.hostname);
  return process.env.PORTAAL_URL ?? (lokaal ? Astro.url.origin : loadConfig().url);
}
