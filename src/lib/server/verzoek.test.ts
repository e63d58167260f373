import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klantAdres, leesLichaam, schoonUrl, vertrouwdeProxies } from './verzoek.ts';

describe('the client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    for (let i = 0; i < 30; i++) expect(klantAdres('203.0.113.9', `10.0.0.${i}`)).toBe('203.0.113.9');
    expect(klantAdres('::ffff:127.0.0.1', '1.2.3.4')).toBe('127.0.0.1');
  });

  it('is the socket address when the socket is not a trusted proxy', () => {
    expect(klantAdres('203.0.113.9', '1.2.3.4', vertrouwdeProxies('10.0.0.0/8'))).toBe('203.0.113.9');
  });

  it.each([
    ['one trusted proxy', '10.0.0.5', '198.51.100.7', '198.51.100.7'],
    ['a client that prepends its own entry', '10.0.0.5', '1.1.1.1, 198.51.100.7', '198.51.100.7'],
    ['a chain of trusted proxies', '10.0.0.5', '198.51.100.7, 10.0.0.9', '198.51.100.7'],
    ['garbage in the header', '10.0.0.5', 'hallo, 198.51.100.7', '198.51.100.7'],
    ['no header', '10.0.0.5', undefined, '10.0.0.5'],
    ['an IPv6 proxy', '2001:db8::1', '198.51.100.7', '198.51.100.7'],
  ])('behind %s is the last address the proxies did not add', (_, socket, xff, verwacht) => {
    expect(klantAdres(socket, xff, vertrouwdeProxies('10.0.0.0/8, 2001:db8::/32'))).toBe(verwacht);
  });

  it.each([['10.0.0.0/33'], ['proxy.example'], ['10.0.0.1/8/1'], ['::1/129']])(
    'refuses TRUSTED_PROXIES=%s with a clear message',
    (waarde) => {
      expect(() => vertrouwdeProxies(waarde)).toThrow(/TRUSTED_PROXIES/);
    },
  );

  it('trusts nobody when TRUSTED_PROXIES is empty', () => {
    expect(vertrouwdeProxies('')).toBeUndefined();
    expect(vertrouwdeProxies(' , ')).toBeUndefined();
  });
});

describe('request paths', () => {
  it.each([
    ['//kernen', '/kernen'],
    ['///evil.example/x', '/evil.example/x'],
    ['/kernen//', '/kernen//'],
    ['*', '/'],
    [undefined, '/'],
  ])('%s is read as %s', (url, verwacht) => {
    expect(schoonUrl(url)).toBe(verwacht);
    expect(new URL(schoonUrl(url), 'http://localhost').host).toBe('localhost');
  });
});

describe('reading a body with a limit', () => {
  let server: Server;
  const uitkomsten: (number | 'te groot')[] = [];
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const lichaam = await leesLichaam(req, 1000);
      uitkomsten.push(lichaam ? lichaam.length : 'te groot');
      res.writeHead(lichaam ? 200 : 413, { Connection: 'close' }).end();
      if (!lichaam) req.resume();
    });
    await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  });
  afterAll(() => server.close());

  function stuur(delen: string[]): Promise<number> {
    return new Promise((klaar, mis) => {
      const { port } = server.address() as { port: number };
      // No Content-Length: chunked, so the limit has to be counted while reading.
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/' }, (res) => {
        res.resume();
        klaar(res.statusCode ?? 0);
      });
      req.on('error', mis);
      for (const deel of delen) req.write(deel);
      req.end();
    });
  }

  it('takes a body up to the limit and refuses a chunked one above it', async () => {
    expect(await stuur(['a'.repeat(600), 'b'.repeat(400)])).toBe(200);
    expect(await stuur(['a'.repeat(600), 'b'.repeat(401)])).toBe(413);
    expect(uitkomsten).toEqual([1000, 'te groot']);
  });
});
