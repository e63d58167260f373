import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inhoudRelatief } from '../config/inhoud.ts';
import { configPath, projectRoot } from '../config/load.ts';

/** A hash of the files (and folders, recursively) a build is made from, relative to the project root. */
function hashVan(root: string, bestanden: string[], mappen: string[], extra: string): string {
  const hash = createHash('sha256').update(extra);
  const alle = [...bestanden];
  for (const dir of mappen) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const d of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (d.isFile()) alle.push(path.relative(root, path.join(d.parentPath, d.name)));
    }
  }
  for (const bestand of alle.sort()) {
    const pad = path.join(root, bestand);
    if (existsSync(pad)) hash.update(bestand).update(readFileSync(pad));
  }
  return hash.digest('hex');
}

/** Everything the server build is made from; a change means the portal must be rebuilt. */
export function bronHash(root = projectRoot()): string {
  return hashVan(
    root,
    ['astro.config.mjs', 'package-lock.json', path.relative(root, configPath())],
    ['src', 'db'],
    `PORTAAL_URL=${process.env.PORTAAL_URL ?? ''}\nSK_CONTENT=${inhoudRelatief()}`,
  );
}

/**
 * Everything the public pages are made from apart from the database: code, editorial content,
 * public files and the configuration in effect. A release made by re-rendering pages is only
 * made with a renderer built from the same; otherwise a publish builds in full.
 */
export function rendererBron(root = projectRoot()): string {
  const config = configPath();
  const configTekst = existsSync(config) ? readFileSync(config, 'utf8') : '';
  return hashVan(
    root,
    ['astro.config.mjs', 'package-lock.json'],
    ['src', 'db', inhoudRelatief(), 'public'],
    `PORTAAL_URL=${process.env.PORTAAL_URL ?? ''}\n${configTekst}`,
  );
}
