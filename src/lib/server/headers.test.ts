import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { kaartConfigSchema } from '../config/schema.ts';
import { kaartBronnen } from '../kaart/bronnen.ts';
import { zetBeveiligingsHeaders, zetExtraBronnen } from './headers.ts';

function csp(): string {
  const headers: Record<string, string> = {};
  zetBeveiligingsHeaders({ setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as ServerResponse);
  return headers['Content-Security-Policy'];
}

const regel = (naam: string) =>
  csp()
    .split('; ')
    .find((r) => r.startsWith(`${naam} `));

afterEach(() => zetExtraBronnen([]));

describe('CSP and the basemap setting (as scripts/start.ts wires it)', () => {
  it('allows only our own origin for none and pmtiles', () => {
    for (const kaart of [
      { ondergrond: 'none' },
      { ondergrond: 'pmtiles', bestand: '/k.pmtiles', glyphs: '/f/{fontstack}/{range}.pbf', sprite: '/s' },
    ]) {
      zetExtraBronnen(kaartBronnen(kaartConfigSchema.parse(kaart)));
      expect(regel('connect-src')).toBe("connect-src 'self'");
      expect(regel('img-src')).toBe("img-src 'self' data: blob:");
    }
  });

  it('adds PDOK for tiles, fonts and images when pdok is chosen, and nothing else', () => {
    zetExtraBronnen(kaartBronnen(kaartConfigSchema.parse({ ondergrond: 'pdok' })));
    expect(regel('connect-src')).toBe("connect-src 'self' https://api.pdok.nl");
    expect(regel('img-src')).toBe("img-src 'self' data: blob: https://api.pdok.nl");
    expect(regel('script-src')).not.toContain('pdok');
    expect(regel('worker-src')).toBe("worker-src 'self' blob:");
  });
});
