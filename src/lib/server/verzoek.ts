import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * What the server decides about a request before anything reads it: how large its body may be,
 * which address it comes from, and a path that can never be read as another host.
 */

/** Largest request body (the portal's forms; a real form is a few KB). Imports use the CLI. */
export const MAX_LICHAAM_BYTES = Number(process.env.SK_MAX_FORMULIER_KB ?? 256) * 1024;

/** `//kernen` in a request line would be parsed as a host name; one leading slash is the same path. */
export function schoonUrl(url: string | undefined): string {
  if (!url?.startsWith('/')) return '/';
  return url.replace(/^\/{2,}/, '/');
}

function kaal(adres: string): string {
  return adres.startsWith('::ffff:') && isIP(adres.slice(7)) === 4 ? adres.slice(7) : adres;
}

/**
 * The proxies named in TRUSTED_PROXIES (IP addresses or CIDR ranges, comma-separated).
 * A wrong entry stops the server: silently trusting nothing or everything would both be worse.
 */
export function vertrouwdeProxies(waarde = process.env.TRUSTED_PROXIES ?? ''): BlockList | undefined {
  const delen = waarde
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (delen.length === 0) return undefined;
  const lijst = new BlockList();
  for (const deel of delen) {
    const [adres, bits, rest] = deel.split('/');
    const soort = isIP(adres);
    const n = bits === undefined ? undefined : Number(bits);
    const max = soort === 6 ? 128 : 32;
    if (soort === 0 || rest !== undefined || (n !== undefined && !(Number.isInteger(n) && n >= 0 && n <= max))) {
      throw new Error(`TRUSTED_PROXIES: "${deel}" is geen IP-adres of bereik (zoals 10.0.0.1 of 10.0.0.0/8).`);
    }
    const type = soort === 6 ? 'ipv6' : 'ipv4';
    if (n === undefined) lijst.addAddress(adres, type);
    else lijst.addSubnet(adres, n, type);
  }
  return lijst;
}

function vertrouwd(adres: string, proxies: BlockList): boolean {
  const soort = isIP(adres);
  return soort !== 0 && proxies.check(adres, soort === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy (entries to its left are the client's word).
 */
export function klantAdres(socket: string | undefined, xff: string | string[] | undefined, proxies?: BlockList): string {
  const direct = kaal(socket ?? '');
  if (!proxies || !vertrouwd(direct, proxies)) return direct;
  const keten = (Array.isArray(xff) ? xff.join(',') : (xff ?? ''))
    .split(',')
    .map((s) => kaal(s.trim()))
    .filter((s) => isIP(s) !== 0);
  let adres = direct;
  for (let i = keten.length - 1; i >= 0; i--) {
    adres = keten[i];
    if (!vertrouwd(adres, proxies)) break;
  }
  return adres;
}

/**
 * Replaces forwarding headers with what we believe, so the portal (Astro reads X-Forwarded-For
 * and -Host) cannot be told another address or host by the client.
 */
export function zetKlantAdres(req: IncomingMessage, proxies?: BlockList): void {
  const van = kaal(req.socket.remoteAddress ?? '');
  const adres = klantAdres(van, req.headers['x-forwarded-for'], proxies);
  if (!proxies || !vertrouwd(van, proxies)) {
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-proto'];
    delete req.headers['x-forwarded-port'];
  }
  req.headers['x-forwarded-for'] = adres;
}

export function heeftLichaam(req: IncomingMessage): boolean {
  return req.method !== 'GET' && req.method !== 'HEAD';
}

/** Content-Length above the limit: refused before a byte is read. */
export function aangekondigdTeGroot(req: IncomingMessage, max = MAX_LICHAAM_BYTES): boolean {
  return Number(req.headers['content-length'] ?? 0) > max;
}

/**
 * Reads the body up to `max` bytes; undefined when it is larger (a chunked body has no
 * Content-Length, so the limit is counted while reading).
 */
export function leesLichaam(req: IncomingMessage, max = MAX_LICHAAM_BYTES): Promise<Buffer | undefined> {
  return new Promise((klaar, mis) => {
    const delen: Buffer[] = [];
    let grootte = 0;
    const opData = (deel: Buffer) => {
      grootte += deel.length;
      if (grootte > max) {
        req.off('data', opData);
        req.off('end', opEinde);
        klaar(undefined);
        return;
      }
      delen.push(deel);
    };
    const opEinde = () => klaar(Buffer.concat(delen));
    req.on('data', opData).on('end', opEinde).on('error', mis);
  });
}

/**
 * Throws away the rest of a refused body so the client reads our answer, but stops listening
 * (closes the connection) after `max` more bytes: nobody gets to stream to us forever.
 */
export function gooiRestWeg(req: IncomingMessage, max = 64 * 1024 * 1024): void {
  let weg = 0;
  req.on('data', (deel: Buffer) => {
    weg += deel.length;
    if (weg > max) req.socket.destroy();
  });
  req.resume();
}
