import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/lib, checked over the import graph of the source files (read with the
 * TypeScript compiler's own import scanner, so `import type`, `export … from` and `import()` count):
 * no cycle between src/lib folders, and nothing in src/lib reaches up into the rest of src/
 * (routes, components, pages, client scripts, styles). Pages use the domain, never the reverse.
 */

const SRC = path.resolve(import.meta.dirname, '..');
const LIB = path.join(SRC, 'lib');

type Import = { van: string; naar: string };
/** Folder → folder → one import that makes the edge (to name it in a failure). */
type Graaf = Map<string, Map<string, Import>>;

function bronbestanden(): string[] {
  return readdirSync(LIB, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(LIB, f))
    .sort();
}

/** Every relative import of every file in src/lib, as absolute paths (relative to src/). */
function imports(): Import[] {
  return bronbestanden().flatMap((bestand) =>
    ts
      .preProcessFile(readFileSync(bestand, 'utf8'), true, true)
      .importedFiles.filter((i) => i.fileName.startsWith('.'))
      .map((i) => ({
        van: path.relative(SRC, bestand),
        naar: path.relative(SRC, path.resolve(path.dirname(bestand), i.fileName)),
      })),
  );
}

const isTest = (pad: string) => /\.test\.[cm]?[jt]s$/.test(pad);

/** "lib/portaal/toegang.ts" → "portaal"; undefined outside src/lib or directly in it. */
function map(pad: string): string | undefined {
  const delen = pad.split(path.sep);
  return delen[0] === 'lib' && delen.length > 2 ? delen[1] : undefined;
}

function mappenGraaf(lijst: Import[]): Graaf {
  const graaf: Graaf = new Map();
  for (const i of lijst) {
    const [van, naar] = [map(i.van), map(i.naar)];
    // A test may span folders (a rule that crosses them, tested end to end) without making the
    // modules depend on each other; only the code's own imports form the layers.
    if (!van || !naar || van === naar || isTest(i.van)) continue;
    if (!graaf.has(van)) graaf.set(van, new Map());
    if (!graaf.get(van)!.has(naar)) graaf.get(van)!.set(naar, i);
  }
  return graaf;
}

/** The shortest path of folders from `start` back to `start`, if there is one (breadth first). */
function kortsteKring(graaf: Graaf, start: string): string[] | undefined {
  const vorige = new Map<string, string>();
  const rij = [start];
  for (let k = 0; k < rij.length; k++) {
    for (const volgende of [...(graaf.get(rij[k])?.keys() ?? [])].sort()) {
      if (volgende === start) {
        const pad = [rij[k]];
        while (pad[0] !== start) pad.unshift(vorige.get(pad[0])!);
        return [...pad, start];
      }
      if (vorige.has(volgende)) continue;
      vorige.set(volgende, rij[k]);
      rij.push(volgende);
    }
  }
  return undefined;
}

/**
 * One line per cycle: the folders in order, then the import that makes each step. A cycle is
 * reported once, from its alphabetically first folder.
 */
function kringen(graaf: Graaf): string[] {
  const gezien = new Set<string>();
  const uit: string[] = [];
  for (const start of [...graaf.keys()].sort()) {
    const kring = kortsteKring(graaf, start);
    if (!kring || kring.slice(0, -1).some((m) => gezien.has(m))) continue;
    for (const m of kring) gezien.add(m);
    const stappen = kring.slice(0, -1).map((m, i) => {
      const imp = graaf.get(m)!.get(kring[i + 1])!;
      return `src/${imp.van} imports src/${imp.naar}`;
    });
    uit.push(`${kring.join(' → ')} (${stappen.join('; ')})`);
  }
  return uit;
}

/** Imports from src/lib into any other part of src/ (outside src/ is fine: db/schema.ts, content/). */
function naarBoven(lijst: Import[]): string[] {
  return lijst
    .filter((i) => i.naar.split(path.sep)[0] !== 'lib' && !i.naar.startsWith('..'))
    .map((i) => `src/${i.van} imports src/${i.naar}`);
}

describe('architecture of src/lib', () => {
  const alle = imports();

  it('reads the import graph (a parser that finds nothing would pass everything)', () => {
    expect(bronbestanden().length).toBeGreaterThan(100);
    const graaf = mappenGraaf(alle);
    expect(graaf.get('import')?.has('opendata')).toBe(true);
    expect(graaf.get('signalen')?.has('portaal')).toBe(true);
    expect(graaf.get('verwijzen')?.has('portaal')).toBe(true);
  });

  it('has no cycle between src/lib folders', () => {
    expect(kringen(mappenGraaf(alle)), 'import cycles between src/lib folders').toEqual([]);
  });

  it('never imports from routes, components, pages or client scripts', () => {
    expect(naarBoven(alle), 'imports from src/lib into the layers above it').toEqual([]);
  });
});

describe('the checks themselves', () => {
  const imp = (van: string, naar: string): Import => ({ van: `lib/${van}`, naar });

  it('names a cycle over three folders with the import of each step', () => {
    const graaf = mappenGraaf([
      imp('a/x.ts', 'lib/b/y.ts'),
      imp('b/y.ts', 'lib/c/z.ts'),
      imp('c/z.ts', 'lib/a/x.ts'),
      imp('c/z.ts', 'lib/d/w.ts'),
    ]);
    expect(kringen(graaf)).toEqual([
      'a → b → c → a (src/lib/a/x.ts imports src/lib/b/y.ts; src/lib/b/y.ts imports src/lib/c/z.ts; src/lib/c/z.ts imports src/lib/a/x.ts)',
    ]);
  });

  it.each([
    ['a one-way dependency', [imp('a/x.ts', 'lib/b/y.ts')], []],
    ['imports inside one folder', [imp('a/x.ts', 'lib/a/sub/y.ts'), imp('a/sub/y.ts', 'lib/a/x.ts')], []],
    ['two folders that use each other', [imp('a/x.ts', 'lib/b/y.ts'), imp('b/y.ts', 'lib/a/z.ts')], ['a → b → a']],
  ])('%s', (_, lijst, verwacht) => {
    expect(kringen(mappenGraaf(lijst)).map((k) => k.split(' (')[0])).toEqual(verwacht);
  });

  it.each([
    ['a component', 'components/Kaart.astro', 1],
    ['a route', 'routes/portaal/index.astro', 1],
    ['a client script', 'scripts/dichtbij.ts', 1],
    ['the database schema outside src', '../db/schema.ts', 0],
    ['another src/lib folder', 'lib/model/schemas.ts', 0],
  ])('an import of %s from src/lib', (_, naar, fouten) => {
    expect(naarBoven([imp('zoeken/x.ts', naar)])).toHaveLength(fouten);
  });
});
