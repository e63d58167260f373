import { percentiel } from './context.ts';

/** Result of running one kind of request from `clients` concurrent clients for a while. */
export type Belasting = { clients: number; verzoeken: number; perSeconde: number; p50: number; p99: number; fouten: number };

/**
 * Closed-loop load: each client sends its next request when the previous one is answered,
 * like people clicking, not a fixed arrival rate. Latencies in milliseconds.
 */
export async function belast(clients: number, duurMs: number, verzoek: (client: number) => Promise<void>): Promise<Belasting> {
  const tijden: number[] = [];
  let fouten = 0;
  const einde = performance.now() + duurMs;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < einde) {
        const t0 = performance.now();
        try {
          await verzoek(client);
          tijden.push(performance.now() - t0);
        } catch {
          fouten++;
        }
      }
    }),
  );
  const seconden = (performance.now() - start) / 1000;
  return {
    clients,
    verzoeken: tijden.length,
    perSeconde: Math.round(tijden.length / seconden),
    p50: +percentiel(tijden, 50).toFixed(1),
    p99: +percentiel(tijden, 99).toFixed(1),
    fouten,
  };
}

/** A logged-in portal client: cookie jar of one, and helpers to read the CSRF token of a form. */
export class PortaalClient {
  constructor(
    readonly basis: string,
    readonly cookie: string,
  ) {}

  async get(pad: string): Promise<string> {
    const res = await fetch(this.basis + pad, { headers: { Cookie: this.cookie } });
    if (res.status !== 200) throw new Error(`GET ${pad}: ${res.status}`);
    return res.text();
  }

  /** Posts a form as a browser would; a redirect (303) means it was accepted. */
  async post(pad: string, velden: [string, string][]): Promise<Response> {
    const res = await fetch(this.basis + pad, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: this.cookie, Origin: this.basis, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(velden).toString(),
    });
    await res.arrayBuffer();
    return res;
  }
}

/** All named inputs of the first form with a csrf field, as the browser would submit them. */
export function formulierVelden(html: string): [string, string][] {
  const velden: [string, string][] = [];
  const vorm = html.slice(
    html.indexOf('<form class="sk-formulier"'),
    html.indexOf('</form>', html.indexOf('<form class="sk-formulier"')),
  );
  const ontsnap = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const m of vorm.matchAll(/<input([^>]*)>/g)) {
    const attr = m[1];
    const naam = attr.match(/name="([^"]*)"/)?.[1];
    if (!naam) continue;
    const type = attr.match(/type="([^"]*)"/)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(attr)) continue;
    if (type === 'submit') continue;
    velden.push([naam, ontsnap(attr.match(/value="([^"]*)"/)?.[1] ?? '')]);
  }
  for (const m of vorm.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) velden.push([m[1], ontsnap(m[2])]);
  for (const m of vorm.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const gekozen = m[2].match(/<option value="([^"]*)" selected/)?.[1] ?? m[2].match(/<option value="([^"]*)"/)?.[1] ?? '';
    velden.push([m[1], ontsnap(gekozen)]);
  }
  return velden;
}
