import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { portaalAdres } from './portaalurl.ts';

describe('portaalAdres', () => {
  const vorige = process.env.PORTAAL_URL;
  afterEach(() => {
    if (vorige === undefined) delete process.env.PORTAAL_URL;
    else process.env.PORTAAL_URL = vorige;
  });

  it('uses PORTAAL_URL when it is set, for request-time and background mails alike', () => {
    process.env.PORTAAL_URL = 'https://partners.example.nl';
    expect(portaalAdres('http://127.0.0.1:4321')).toBe('https://partners.example.nl');
    expect(portaalAdres('http://0.0.0.0:4321')).toBe('https://partners.example.nl');
  });

  it('keeps a local address local, so a developer can click the links', () => {
    delete process.env.PORTAAL_URL;
    expect(portaalAdres('http://localhost:4321/partners/')).toBe('http://localhost:4321');
  });

  it('never links to a server bound to all interfaces or to a forged host: the configured site instead', () => {
    delete process.env.PORTAAL_URL;
    expect(portaalAdres('http://0.0.0.0:4321')).toBe(loadConfig().url);
    expect(portaalAdres('http://evil.example:80')).toBe(loadConfig().url);
    expect(portaalAdres()).toBe(loadConfig().url);
  });
});
