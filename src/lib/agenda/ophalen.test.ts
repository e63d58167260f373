import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedUrl, haalFeedOp, isAfgeschermd } from './ophalen.ts';

/** The feed fetcher against a local server: limits on size and time, redirects, and no private addresses by default. */

let server: http.Server;
let basis = '';
const KAL = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/agenda.ics') {
      res.setHeader('content-type', 'text/calendar');
      res.end(req.headers.cookie ? 'cookie!' : KAL);
    } else if (req.url === '/groot.ics') {
      // No Content-Length: the limit must hold while streaming.
      res.write('BEGIN:VCALENDAR\r\n');
      const blok = `${'X'.repeat(1023)}\n`;
      let n = 0;
      const schrijf = () => {
        while (n++ < 4096) if (!res.write(blok)) return res.once('drain', schrijf);
        res.end();
      };
      schrijf();
    } else if (req.url === '/traag.ics') {
      res.write('BEGIN:VCALENDAR\r\n'); // never ends
    } else if (req.url === '/door') {
      res.writeHead(302, { location: '/agenda.ics' }).end();
    } else if (req.url === '/rondje') {
      res.writeHead(302, { location: '/rondje' }).end();
    } else res.writeHead(404).end('niet gevonden');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  basis = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const lokaal = { lokaalToestaan: true };

describe('haalFeedOp', () => {
  it('fetches a feed and follows a redirect, without cookies', async () => {
    expect(await haalFeedOp(`${basis}/agenda.ics`, lokaal)).toBe(KAL);
    expect(await haalFeedOp(`${basis}/door`, lokaal)).toBe(KAL);
  });

  it('refuses local and private addresses unless explicitly allowed', async () => {
    await expect(haalFeedOp(`${basis}/agenda.ics`)).rejects.toThrow('niet op het openbare internet');
    await expect(haalFeedOp(`http://localhost:${new URL(basis).port}/agenda.ics`)).rejects.toThrow(
      'niet op het openbare internet',
    );
    await expect(haalFeedOp('http://[::1]/agenda.ics')).rejects.toThrow('niet op het openbare internet');
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.1.1',
      '172.20.0.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ])
      expect(isAfgeschermd(a), a).toBe(true);
    for (const a of ['93.184.216.34', '2a00:1450:400e::200e']) expect(isAfgeschermd(a), a).toBe(false);
  });

  it('stops a feed larger than the limit while it streams', async () => {
    await expect(haalFeedOp(`${basis}/groot.ics`, { ...lokaal, maxBytes: 1024 * 1024 })).rejects.toThrow('groter dan 1 MB');
  });

  it('gives up after the time limit', async () => {
    await expect(haalFeedOp(`${basis}/traag.ics`, { ...lokaal, timeoutMs: 300 })).rejects.toThrow('niet binnen 0.3 seconden');
  });

  it('names an error status and endless redirects', async () => {
    await expect(haalFeedOp(`${basis}/weg.ics`, lokaal)).rejects.toThrow('code 404');
    await expect(haalFeedOp(`${basis}/rondje`, lokaal)).rejects.toThrow('te vaak door');
  });

  it('accepts webcal:// as https:// and nothing but http(s)', () => {
    expect(feedUrl('webcal://agenda.example/a.ics').href).toBe('https://agenda.example/a.ics');
    expect(() => feedUrl('file:///etc/passwd')).toThrow('alleen http');
    expect(() => feedUrl('ftp://agenda.example/a.ics')).toThrow('alleen http');
  });
});
