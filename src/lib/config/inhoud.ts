import path from 'node:path';

/**
 * Where a gemeente's content lives and where its runtime data goes. The content folder is
 * `content/` unless SK_CONTENT names another (e.g. content/voorbeelden/loon-op-zand): read here
 * and nowhere else, so two gemeenten can run side by side from one checkout.
 */

export function projectRoot(): string {
  return process.env.SK_ROOT ?? process.cwd();
}

/** The content folder as given, relative to the project root ("content" by default). */
export function inhoudRelatief(): string {
  const waarde = (process.env.SK_CONTENT ?? '').trim().replace(/\/+$/, '');
  return waarde === '' ? 'content' : path.normalize(waarde);
}

/** Absolute path of a file or folder in the content folder. */
export function inhoudPad(...delen: string[]): string {
  return path.resolve(projectRoot(), inhoudRelatief(), ...delen);
}

/** Relative to the project root, for messages ("content/demo/kernen.yaml"). */
export function inhoudNaam(...delen: string[]): string {
  return path.join(inhoudRelatief(), ...delen);
}

/**
 * A short name for a non-default content folder ("voorbeelden-loon-op-zand"), or '' for the
 * default one. It keeps the database, releases and builds of each gemeente apart.
 */
export function gemeenteSleutel(relatief = inhoudRelatief()): string {
  const genormaliseerd = relatief.split(path.sep).join('/');
  if (genormaliseerd === 'content') return '';
  return genormaliseerd
    .replace(/^content\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Absolute path in the runtime data folder: data/ for the default content, data/<sleutel>/ otherwise. */
export function dataPad(...delen: string[]): string {
  const sleutel = gemeenteSleutel();
  return path.resolve(projectRoot(), 'data', ...(sleutel ? [sleutel] : []), ...delen);
}
