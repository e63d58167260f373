import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSP_BESTAND, cspVoorPagina, inlineHashes, schrijfCspManifest } from './csp.ts';

const hash = (tekst: string) => `'sha256-${createHash('sha256').update(tekst).digest('base64')}'`;
const pagina = (body: string) => `<!doctype html><html lang="nl"><head><title>t</title></head><body>${body}</body></html>`;

describe('inline hashes from the parsed page', () => {
  it.each([
    ['a website value in an attribute', '<a href="https://x.example/<script>alert(5)</script>">site</a>'],
    ['a title attribute', '<p title="<script>alert(5)</script>">x</p>'],
    ['a comment', '<!-- <script>alert(5)</script> -->'],
    ['a textarea', '<textarea><script>alert(5)</script></textarea>'],
    ['escaped text', '<p>&lt;script>alert(5)&lt;/script></p>'],
    ['noscript (scripting on, as in a browser)', '<noscript><script>alert(5)</script></noscript>'],
  ])('adds no hash for a script in %s', (_plek, body) => {
    const h = inlineHashes(pagina(`${body}<script>echt()</script>`));
    expect(h.scriptHashes).toEqual([hash('echt()')]);
    expect(h.scriptHashes).not.toContain(hash('alert(5)'));
  });

  it('hashes inline scripts and styles (island loaders, SVG), not external scripts nor data blocks', () => {
    const h = inlineHashes(
      pagina(
        '<script type="application/ld+json">{"a":1}</script><script type="application/json">[1]</script>' +
          '<script src="/x.js"></script><style>p{color:red}</style>' +
          '<svg><style>.k{fill:blue}</style></svg><script>\nladen()\n</script><script type="module">m()</script>',
      ),
    );
    expect(h.scriptHashes).toEqual([hash('\nladen()\n'), hash('m()')]);
    expect(h.styleHashes).toEqual([hash('p{color:red}'), hash('.k{fill:blue}')]);
  });
});

describe('the manifest beside the pages', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-csp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores each page’s hashes at build time and gives them back per page', async () => {
    writeFileSync(path.join(dir, 'index.html'), pagina('<script>a()</script>'));
    writeFileSync(path.join(dir, 'b.html'), pagina('<script>a()</script><style>p{}</style>'));
    expect(await schrijfCspManifest(dir)).toBe(2);
    expect(JSON.parse(readFileSync(path.join(dir, CSP_BESTAND), 'utf8')).hashes).toHaveLength(2);
    // The page changes afterwards: the manifest, not the file, is what counts.
    writeFileSync(path.join(dir, 'b.html'), pagina('<script>alert(5)</script>'));
    expect(cspVoorPagina(dir, path.join(dir, 'b.html'), 'b')).toEqual({
      scriptHashes: [hash('a()')],
      styleHashes: [hash('p{}')],
    });
  });
});
