import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import dns from 'node:dns';

/**
 * Fetches a partner's iCalendar feed from the internet, carefully: the address is typed by a
 * partner, so the server must not be talked into reading its own network (SSRF). Only http and
 * https; every address a name resolves to is checked at connect time (no second lookup an
 * attacker could answer differently); redirects are followed by hand and checked again; a time
 * limit for the whole fetch and a size limit counted while streaming; no cookies are sent or kept.
 */

export const MAX_BYTES = 2 * 1024 * 1024;
export const TIMEOUT_MS = 10_000;
const MAX_OMLEIDINGEN = 3;

export type OphaalOpties = {
  /** Local and private addresses: only for tests and development (SK_AGENDA_LOKAAL=1). */
  lokaalToestaan?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
};

/** A failed fetch, with a Dutch reason for the partner. */
export class OphaalFout extends Error {
  override name = 'OphaalFout';
}

/** Addresses that are not the public internet: loopback, private, link-local, CGNAT, multicast. */
const afgeschermd = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  afgeschermd.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  afgeschermd.addSubnet(net, prefix, 'ipv6');

export function isAfgeschermd(adres: string): boolean {
  const v4 = adres.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (v4) return afgeschermd.check(v4, 'ipv4');
  const soort = isIP(adres);
  if (soort === 0) return true;
  return afgeschermd.check(adres, soort === 4 ? 'ipv4' : 'ipv6');
}

/** Lets the connection go only to addresses that are allowed (checked on what DNS really answered). */
function veiligeLookup(lokaalToestaan: boolean): LookupFunction {
  return (host, opties, klaar) => {
    dns.lookup(host, { ...opties, all: true }, (fout, adressen) => {
      if (fout) return klaar(fout, '', 0);
      const lijst = adressen as dns.LookupAddress[];
      const verboden = lijst.find((a) => !lokaalToestaan && isAfgeschermd(a.address));
      if (verboden || lijst.length === 0) return klaar(new OphaalFout('dit adres is niet op het openbare internet'), '', 0);
      if (opties.all) return klaar(null, lijst);
      klaar(null, lijst[0].address, lijst[0].family);
    });
  };
}

/** Turns webcal:// into https://; anything but http(s) is refused. */
export function feedUrl(invoer: string): URL {
  const url = new URL(invoer.trim().replace(/^webcals?:\/\//i, 'https://'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OphaalFout('alleen http- en https-adressen');
  if (url.username || url.password) throw new OphaalFout('een adres met een wachtwoord erin kunnen we niet gebruiken');
  return url;
}

type Antwoord = { status: number; type: string; locatie?: string; tekst?: string };

function haalEenKeer(url: URL, o: Required<OphaalOpties>, signaal: AbortSignal): Promise<Antwoord> {
  // A literal IP address skips DNS, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !o.lokaalToestaan && isAfgeschermd(host))
    return Promise.reject(new OphaalFout('dit adres is niet op het openbare internet'));
  const module = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const verzoek = module.get(
      url,
      {
        lookup: veiligeLookup(o.lokaalToestaan),
        signal: signaal,
        headers: { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'sociale-kaart agenda-koppeling' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const type = String(res.headers['content-type'] ?? '');
        if (status >= 300 && status < 400) {
          res.resume();
          return resolve({ status, type, locatie: res.headers.location });
        }
        if (Number(res.headers['content-length'] ?? 0) > o.maxBytes) {
          res.destroy();
          return reject(new OphaalFout(`de agenda is groter dan ${o.maxBytes / 1024 / 1024} MB`));
        }
        const delen: Buffer[] = [];
        let grootte = 0;
        res.on('data', (deel: Buffer) => {
          grootte += deel.length;
          if (grootte > o.maxBytes) {
            res.destroy();
            reject(new OphaalFout(`de agenda is groter dan ${o.maxBytes / 1024 / 1024} MB`));
          } else delen.push(deel);
        });
        res.on('end', () => resolve({ status, type, tekst: Buffer.concat(delen).toString('utf8') }));
        res.on('error', reject);
      },
    );
    verzoek.on('error', reject);
  });
}

/** The feed's text. Throws OphaalFout with a reason a partner can act on. */
export async function haalFeedOp(adres: string, opties: OphaalOpties = {}): Promise<string> {
  const o: Required<OphaalOpties> = {
    lokaalToestaan: opties.lokaalToestaan ?? false,
    maxBytes: opties.maxBytes ?? MAX_BYTES,
    timeoutMs: opties.timeoutMs ?? TIMEOUT_MS,
  };
  const signaal = AbortSignal.timeout(o.timeoutMs);
  let url = feedUrl(adres);
  try {
    for (let i = 0; i <= MAX_OMLEIDINGEN; i++) {
      const a = await haalEenKeer(url, o, signaal);
      if (a.locatie !== undefined) {
        url = feedUrl(new URL(a.locatie, url).href);
        continue;
      }
      if (a.status !== 200) throw new OphaalFout(`de server antwoordde met code ${a.status}`);
      return a.tekst ?? '';
    }
    throw new OphaalFout('het adres stuurt ons te vaak door');
  } catch (e) {
    if (e instanceof OphaalFout) throw e;
    if (signaal.aborted) throw new OphaalFout(`de server antwoordde niet binnen ${o.timeoutMs / 1000} seconden`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new OphaalFout('dit adres bestaat niet');
    if (code === 'ECONNREFUSED') throw new OphaalFout('de server nam niet op');
    throw new OphaalFout('de verbinding mislukte');
  }
}
