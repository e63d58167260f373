import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DefaultTreeAdapterTypes, parse } from 'parse5';

/**
 * The hashes of a page's inline scripts and styles, which the CSP allows instead of
 * 'unsafe-inline'. Found in the parsed document, as the browser sees it: text that only looks
 * like a script (inside an attribute, a comment or a textarea) is no script and gets no hash.
 * Computed once per release at build time and stored beside the pages (CSP_BESTAND).
 */

export type InlineHashes = { scriptHashes: string[]; styleHashes: string[] };

/** Hidden (starts with a dot), so the static server never serves it. */
export const CSP_BESTAND = '.csp.json';

type Knoop = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document | DefaultTreeAdapterTypes.DocumentFragment;

const sha256 = (tekst: string) => `'sha256-${createHash('sha256').update(tekst).digest('base64')}'`;

function tekstVan(el: DefaultTreeAdapterTypes.Element): string {
  return el.childNodes.map((k) => (k.nodeName === '#text' ? (k as DefaultTreeAdapterTypes.TextNode).value : '')).join('');
}

/**
 * Only a script the browser runs needs a hash: a data block (JSON, JSON-LD, whose text partners
 * write) is never executed, so its hash would only widen the policy.
 */
const UITVOERBAAR = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript']);
const voertUit = (el: DefaultTreeAdapterTypes.Element) =>
  UITVOERBAAR.has((el.attrs.find((a) => a.name === 'type')?.value ?? '').trim().toLowerCase());

export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const bezoek = (knoop: Knoop) => {
    if ('tagName' in knoop) {
      const el = knoop as DefaultTreeAdapterTypes.Element;
      const tekst = el.tagName === 'script' || el.tagName === 'style' ? tekstVan(el) : '';
      if (el.tagName === 'script' && tekst && voertUit(el) && !el.attrs.some((a) => a.name === 'src')) scripts.add(sha256(tekst));
      if (el.tagName === 'style' && tekst) styles.add(sha256(tekst));
      if (el.tagName === 'template') bezoek((el as DefaultTreeAdapterTypes.Template).content);
    }
    if ('childNodes' in knoop) for (const kind of knoop.childNodes) bezoek(kind);
  };
  bezoek(parse(html));
  return { scriptHashes: [...scripts], styleHashes: [...styles] };
}

/** On disk: each distinct hash once, pages refer to them by index (a site repeats the same few). */
type Manifest = { hashes: string[]; paginas: Record<string, { script: number[]; style: number[] }> };

/** The manifest of a set of pages (file name → inline hashes), numbered in file-name order. */
function manifestVan(perPagina: Map<string, InlineHashes>): Manifest {
  const index = new Map<string, number>();
  const nummer = (h: string) => {
    if (!index.has(h)) index.set(h, index.size);
    return index.get(h)!;
  };
  const paginas: Manifest['paginas'] = {};
  for (const naam of [...perPagina.keys()].sort()) {
    const h = perPagina.get(naam)!;
    paginas[naam] = { script: h.scriptHashes.map(nummer), style: h.styleHashes.map(nummer) };
  }
  return { hashes: [...index.keys()], paginas };
}

/** Writes CSP_BESTAND for every HTML file in a release folder. */
export async function schrijfCspManifest(dir: string): Promise<number> {
  const namen = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
  const perPagina = new Map<string, InlineHashes>();
  for (const naam of namen) perPagina.set(naam, inlineHashes(await readFile(path.join(dir, naam), 'utf8')));
  await writeFile(path.join(dir, CSP_BESTAND), JSON.stringify(manifestVan(perPagina)));
  return namen.length;
}

/**
 * Writes CSP_BESTAND for a release the render process made: the hashes of the pages it rendered
 * (file name → hashes, found as it wrote them), and for a release made from a previous one
 * (vorigeDir) the pages it kept, from the previous manifest. The result is the manifest a full scan
 * would write.
 */
export function schrijfCspManifestVanaf(
  dir: string,
  nieuw: Map<string, InlineHashes>,
  vorige?: { dir: string; behouden: string[] },
): void {
  const manifest = vorige ? leesManifest(vorige.dir) : undefined;
  const perPagina = new Map<string, InlineHashes>();
  for (const naam of vorige?.behouden.filter((n) => n.endsWith('.html')) ?? []) {
    const p = manifest?.paginas[naam];
    perPagina.set(
      naam,
      p
        ? { scriptHashes: p.script.map((i) => manifest!.hashes[i]), styleHashes: p.style.map((i) => manifest!.hashes[i]) }
        : inlineHashes(readFileSync(path.join(dir, naam), 'utf8')),
    );
  }
  for (const [naam, hashes] of nieuw) if (naam.endsWith('.html')) perPagina.set(naam, hashes);
  writeFileSync(path.join(dir, CSP_BESTAND), JSON.stringify(manifestVan(perPagina)));
}

const manifesten = new Map<string, { mtimeMs: number; manifest: Manifest }>();

function leesManifest(root: string): Manifest | undefined {
  const bestand = path.join(root, CSP_BESTAND);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(bestand).mtimeMs;
  } catch {
    return undefined;
  }
  const bekend = manifesten.get(root);
  if (bekend?.mtimeMs === mtimeMs) return bekend.manifest;
  try {
    const manifest = JSON.parse(readFileSync(bestand, 'utf8')) as Manifest;
    if (manifesten.size > 20) manifesten.clear();
    manifesten.set(root, { mtimeMs, manifest });
    return manifest;
  } catch {
    return undefined;
  }
}

const zonderManifest = new Map<string, InlineHashes>();

/**
 * The hashes for a page of a release, from its manifest. A release built before manifests
 * existed (or with a damaged one) is parsed on request, with the same parser.
 */
export function cspVoorPagina(root: string, bestand: string, sleutel: string): InlineHashes {
  const manifest = leesManifest(root);
  const naam = path.relative(root, bestand).split(path.sep).join('/');
  const pagina = manifest?.paginas[naam];
  if (manifest && pagina) {
    return {
      scriptHashes: pagina.script.map((i) => manifest.hashes[i]),
      styleHashes: pagina.style.map((i) => manifest.hashes[i]),
    };
  }
  let gevonden = zonderManifest.get(sleutel);
  if (!gevonden) {
    gevonden = inlineHashes(readFileSync(bestand, 'utf8'));
    if (zonderManifest.size > 5000) zonderManifest.clear();
    zonderManifest.set(sleutel, gevonden);
  }
  return gevonden;
}
