import type { AstroGlobal } from 'astro';
import { loadConfig } from '../config/load.ts';

const LOKALE_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The address e-mailed links point to, the same for mails sent during a request and for
 * background mails (reminders, referral flags): PORTAAL_URL when set; otherwise the local address
 * while running on this machine, else the site `url` from the configuration. Never the Host
 * header of a request, which a visitor controls.
 */
export function portaalAdres(lokaalAdres?: string): string {
  if (process.env.PORTAAL_URL) return process.env.PORTAAL_URL;
  if (lokaalAdres && LOKALE_HOSTS.has(new URL(lokaalAdres).hostname)) return new URL(lokaalAdres).origin;
  return loadConfig().url;
}

export function portaalUrl(Astro: AstroGlobal): string {
  return portaalAdres(Astro.url.origin);
}
