import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { brotliKwaliteit, comprimeerMetAlleKernen, comprimeerRelease } from './comprimeren.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-compr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function release(naam: string, bestanden: Record<string, string>): string {
  const r = path.join(dir, naam);
  for (const [pad, inhoud] of Object.entries(bestanden)) {
    mkdirSync(path.dirname(path.join(r, pad)), { recursive: true });
    writeFileSync(path.join(r, pad), inhoud);
  }
  return r;
}

describe('comprimeerRelease', () => {
  const pagina = (tekst: string) => `<!doctype html><html lang="nl"><body>${tekst.repeat(120)}</body></html>`;

  it('writes brotli and gzip copies that decompress to the original, skipping tiny and private files', async () => {
    const r = release('a', {
      'index.html': pagina('Koffieochtend in Sibculo. '),
      'klein.txt': 'kort',
      'beeld.png': 'x'.repeat(2000),
      // Read by our own server only: never sent to a browser.
      'zoeken/zonder-js.json': JSON.stringify({ woorden: 'koffie '.repeat(200) }),
      'release.json': JSON.stringify({ uitleg: 'x'.repeat(2000) }),
    });
    expect(await comprimeerRelease(r)).toEqual({ bestanden: 1, hergebruikt: 0 });
    const origineel = readFileSync(path.join(r, 'index.html'));
    expect(brotliDecompressSync(readFileSync(path.join(r, 'index.html.br')))).toEqual(origineel);
    expect(gunzipSync(readFileSync(path.join(r, 'index.html.gz')))).toEqual(origineel);
    expect(() => statSync(path.join(r, 'klein.txt.br'))).toThrow();
    expect(() => statSync(path.join(r, 'beeld.png.br'))).toThrow();
    expect(() => statSync(path.join(r, 'zoeken/zonder-js.json.br'))).toThrow();
    expect(() => statSync(path.join(r, 'release.json.gz'))).toThrow();
  });

  it('reuses the copies of files unchanged since the previous release, and compresses the changed ones', async () => {
    const vorige = release('b1', { 'a/index.html': pagina('Zelfde. '), 'b/index.html': pagina('Oud. ') });
    await comprimeerRelease(vorige);
    const nieuw = release('b2', { 'a/index.html': pagina('Zelfde. '), 'b/index.html': pagina('Nieuw. ') });
    expect(await comprimeerRelease(nieuw, vorige)).toEqual({ bestanden: 2, hergebruikt: 1 });
    expect(statSync(path.join(nieuw, 'a/index.html.br')).ino).toBe(statSync(path.join(vorige, 'a/index.html.br')).ino);
    expect(brotliDecompressSync(readFileSync(path.join(nieuw, 'b/index.html.br'))).toString()).toContain('Nieuw.');
    // The previous release can go; the new one keeps its copies.
    rmSync(vorige, { recursive: true });
    expect(brotliDecompressSync(readFileSync(path.join(nieuw, 'a/index.html.br'))).toString()).toContain('Zelfde.');
  });

  // A file of 1 MB or more is compared, checked and compressed as a stream: both ways are tried.
  const groot = (tekst: string) => Array.from({ length: 60_000 }, (_, i) => `${tekst} regel ${(i * 7919) % 10007}`).join('\n');
  const grootten = [
    ['small', pagina],
    ['large', groot],
  ] as const;

  it.each(grootten)('reuses the copies of an unchanged %s file and makes them anew for a changed one', async (soort, maak) => {
    const vorige = release(`r-${soort}-1`, { 'a.json': maak('Zelfde'), 'b.json': maak('Oud') });
    expect(statSync(path.join(vorige, 'a.json')).size > 1024 * 1024).toBe(soort === 'large');
    await comprimeerRelease(vorige);
    const nieuw = release(`r-${soort}-2`, { 'a.json': maak('Zelfde'), 'b.json': maak('Nieuw') });
    expect(await comprimeerRelease(nieuw, vorige)).toEqual({ bestanden: 2, hergebruikt: 1 });
    expect(statSync(path.join(nieuw, 'a.json.gz')).ino).toBe(statSync(path.join(vorige, 'a.json.gz')).ino);
    expect(brotliDecompressSync(readFileSync(path.join(nieuw, 'b.json.br')))).toEqual(readFileSync(path.join(nieuw, 'b.json')));
    expect(gunzipSync(readFileSync(path.join(nieuw, 'b.json.gz')))).toEqual(readFileSync(path.join(nieuw, 'b.json')));
  });

  it.each(
    grootten.flatMap(([soort, maak]) =>
      [
        ['a truncated .br', '.br', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
        ['a truncated .gz', '.gz', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
        ['a .br of other content', '.br', () => brotliCompressSync(Buffer.from(maak('Iets anders. ')))],
        ['a missing .gz', '.gz', undefined],
      ].map(([naam, ext, beschadig]) => [naam, soort, ext, beschadig, maak] as const),
    ),
  )('does not inherit %s of a %s file from the previous release', async (_naam, soort, ext, beschadig, maak) => {
    const naam = `c-${soort}${ext}-${beschadig ? beschadig.length : 'weg'}-${Math.random().toString(36).slice(2, 6)}`;
    const vorige = release(`${naam}-1`, { 'pagefind/pagefind.js': maak('Zoeken. ') });
    await comprimeerRelease(vorige);
    const kopie = path.join(vorige, `pagefind/pagefind.js${ext}`);
    if (typeof beschadig === 'function') writeFileSync(kopie, beschadig(readFileSync(kopie)));
    else rmSync(kopie);
    const nieuw = release(`${naam}-2`, { 'pagefind/pagefind.js': maak('Zoeken. ') });
    expect(await comprimeerRelease(nieuw, vorige)).toEqual({ bestanden: 1, hergebruikt: 0 });
    const origineel = readFileSync(path.join(nieuw, 'pagefind/pagefind.js'));
    expect(brotliDecompressSync(readFileSync(path.join(nieuw, 'pagefind/pagefind.js.br')))).toEqual(origineel);
    expect(gunzipSync(readFileSync(path.join(nieuw, 'pagefind/pagefind.js.gz')))).toEqual(origineel);
  });

  it('chooses brotli quality by kind and size: 11 for hashed assets up to 2 MB, 5 for what every build makes anew', () => {
    expect(brotliKwaliteit('_astro/Basis.OaA0X6l4.css', 127 * 1024)).toBe(11);
    expect(brotliKwaliteit('_astro/eiland.Duozm0C9.js', 1.1 * 1024 * 1024)).toBe(11);
    expect(brotliKwaliteit('_astro/groot.js', 2.2 * 1024 * 1024)).toBe(6);
    expect(brotliKwaliteit('aanbod/koffie/index.html', 12 * 1024)).toBe(5);
    expect(brotliKwaliteit('kernen/vroomshoop/index.html', 1.9 * 1024 * 1024)).toBe(5);
    expect(brotliKwaliteit('open-data/hsds/services.json', 2.2 * 1024 * 1024)).toBe(5);
  });

  it('compresses a large file at the quality for its size', async () => {
    const rijen = Array.from({ length: 50_000 }, (_, i) => `{"id":"dienst-${i}","naam":"Dienst ${(i * 7919) % 10007}"}`);
    const r = release('groot', { 'open-data/hsds/services.json': `[${rijen.join(',')}]` });
    await comprimeerRelease(r);
    const origineel = readFileSync(path.join(r, 'open-data/hsds/services.json'));
    expect(origineel.length).toBeGreaterThan(2 * 1024 * 1024);
    const params = { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: origineel.length };
    expect(readFileSync(path.join(r, 'open-data/hsds/services.json.br'))).toEqual(brotliCompressSync(origineel, { params }));
    expect(gunzipSync(readFileSync(path.join(r, 'open-data/hsds/services.json.gz')))).toEqual(origineel);
  });

  it('with every core (a build from the command line) compresses each file once, as with two', async () => {
    comprimeerMetAlleKernen();
    const bestanden = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`p${i}/index.html`, pagina(`Pagina ${i}. `)]));
    const r = release('veel', bestanden);
    expect(await comprimeerRelease(r)).toEqual({ bestanden: 25, hergebruikt: 0 });
    for (const f of Object.keys(bestanden)) {
      expect(brotliDecompressSync(readFileSync(path.join(r, `${f}.br`)))).toEqual(readFileSync(path.join(r, f)));
    }
  });
});
