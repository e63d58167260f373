import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { dataPad, gemeenteSleutel, projectRoot } from '../config/inhoud.ts';

/**
 * A release is a complete, self-contained folder of the public site. `current` is a symlink to
 * the live one; it is replaced by rename, which is atomic, so a visitor sees either the old or
 * the new release and never a half-built one.
 */

/** The on-demand portal build (not part of any release); each content folder has its own. */
export function serverBuildDir(): string {
  const sleutel = gemeenteSleutel();
  return path.resolve(projectRoot(), sleutel ? `dist/server-${sleutel}` : 'dist/server');
}

/**
 * Astro's cache (content collections) per content folder, so two gemeenten never build from
 * each other's pages; undefined keeps Astro's default for the default content.
 */
export function astroCacheDir(): string | undefined {
  const sleutel = gemeenteSleutel();
  return sleutel ? path.resolve(projectRoot(), `node_modules/.astro-${sleutel}`) : undefined;
}

/** Astro's command-line entry, as its package.json names it (Astro 7: bin/astro.mjs). */
export function astroBin(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot(), 'node_modules/astro/package.json'), 'utf8')) as {
    bin: { astro: string };
  };
  return path.join(projectRoot(), 'node_modules/astro', pkg.bin.astro);
}

export function releasesDir(): string {
  return process.env.RELEASES_DIR ? path.resolve(projectRoot(), process.env.RELEASES_DIR) : dataPad('releases');
}

export function huidigeLink(): string {
  return path.join(releasesDir(), 'current');
}

/**
 * Absolute path of the live release, or undefined when none was built yet. A dangling or
 * missing `current` link falls back to the newest complete release on disk, so one broken link
 * never takes the whole site down (start-up repairs the link: herstelHuidigeLink).
 */
export function huidigeRelease(): string | undefined {
  try {
    return realpathSync(huidigeLink());
  } catch {
    return nieuwsteCompleteRelease();
  }
}

/** A release folder only gets its name when complete; index.html is checked to be sure. */
export function nieuwsteCompleteRelease(): string | undefined {
  try {
    return readdirSync(releasesDir(), { withFileTypes: true })
      .filter((d) => d.isDirectory() && RELEASE_NAAM.test(d.name))
      .map((d) => d.name)
      .sort()
      .reverse()
      .map((naam) => path.join(releasesDir(), naam))
      .find((dir) => existsSync(path.join(dir, 'index.html')));
  } catch {
    return undefined;
  }
}

/** Points a dangling or missing `current` link at the newest complete release. Returns that release. */
export function herstelHuidigeLink(): string | undefined {
  try {
    realpathSync(huidigeLink());
    return undefined;
  } catch {
    const dir = nieuwsteCompleteRelease();
    if (!dir) return undefined;
    const tijdelijk = path.join(releasesDir(), `.current-herstel-${process.pid}`);
    rmSync(tijdelijk, { force: true });
    symlinkSync(path.basename(dir), tijdelijk);
    renameSync(tijdelijk, huidigeLink());
    return dir;
  }
}

/** Release folders are named by their build moment, so the name sorts them in time. */
export const RELEASE_NAAM = /^\d{8}-\d{6}-/;

/** The other release folders still on disk, newest first (not the live one). */
export function eerdereReleases(live = huidigeRelease()): string[] {
  try {
    return readdirSync(releasesDir(), { withFileTypes: true })
      .filter((d) => d.isDirectory() && RELEASE_NAAM.test(d.name))
      .map((d) => path.join(releasesDir(), d.name))
      .filter((dir) => dir !== live)
      .sort()
      .reverse();
  } catch {
    return [];
  }
}

/**
 * Keeps the live release and the two before it, so a rollback stays possible, and any release
 * made in the last 15 minutes (at most 10 in all): a visitor who opened a page before a publish
 * still gets its search chunks and scripts from there (see serveerStatisch).
 */
export function teVerwijderen(namen: string[], live: string, nu: number, gemaaktOp: (naam: string) => number): string[] {
  const nieuwsteEerst = namen
    .filter((n) => RELEASE_NAAM.test(n))
    .sort()
    .reverse();
  return nieuwsteEerst.filter((naam, i) => {
    if (naam === live || i < 3) return false;
    return i >= 10 || nu - gemaaktOp(naam) > 15 * 60_000;
  });
}

/**
 * Files of a release for our own server, never for visitors: the build's internals, and the data of
 * search without JavaScript (34 MB at 20,000 pages), which the server reads to answer a search. They
 * are not served (Node, nginx), not deployed and not compressed (3.7 MB of brotli and 4.6 MB of gzip
 * at 20,000 pages, a second of every publish). Hidden files (a name with a dot) are private too.
 */
export const PRIVE_BESTANDEN = ['release.json', 'zoeken/zonder-js.json'];

/**
 * The kept renderers (named by the full build that made them) that no release uses and that are
 * older than the live release: a newer one belongs to a full build still running.
 */
export function ongebruikteRenderers(ids: string[], inGebruik: Set<string | undefined>, live: string): string[] {
  return ids.filter((id) => !inGebruik.has(id) && id < live);
}

export type ReleaseInfo = {
  id: string;
  gebouwdOp: string;
  /** The day (Europe/Amsterdam) the pages were rendered for: their next dates count from it. */
  datum?: string;
  paginas: number;
  bouwSeconden: number;
  zoekindexSeconden: number;
  /**
   * Peak resident memory of the build steps (Linux), for the benchmark; `geheel` is that of the
   * building process and all its steps together, as they run side by side.
   */
  piekGeheugenMb?: { astro?: number; render?: number; pagefind?: number; geheel?: number };
  /** 'volledig': bundled by Astro, every path rendered; 'incrementeel': made from the previous release, re-rendering only changed pages. */
  soort?: 'volledig' | 'incrementeel';
  /** The kept renderer this release's pages were rendered with (rendererDir), if any. */
  renderer?: string;
  /** Pages and files rendered anew (an incremental release). */
  gerenderd?: number;
  /** Open-data files left as they were, for a follow-up publish (a large site; see bouwRelease). */
  uitgesteld?: number;
};

/** Renderers kept from full builds (renderer-bewaren.ts), beside the releases but never served. */
export function rendererDir(id: string): string {
  return path.join(releasesDir(), '.renderers', id);
}

export function releaseInfo(dir = huidigeRelease()): ReleaseInfo | undefined {
  const r = leesReleaseInfo(dir);
  return 'info' in r ? r.info : undefined;
}

/** The live release's description, or why it cannot be read (shown as such, never a 500). */
export function leesReleaseInfo(dir = huidigeRelease()): { info: ReleaseInfo } | { fout: string; map?: string } | { geen: true } {
  if (!dir) return { geen: true };
  const map = path.basename(dir);
  let tekst: string;
  try {
    tekst = readFileSync(path.join(dir, 'release.json'), 'utf8');
  } catch {
    return { fout: 'release.json ontbreekt', map };
  }
  try {
    const info = JSON.parse(tekst) as Partial<ReleaseInfo>;
    if (typeof info?.id !== 'string' || typeof info.gebouwdOp !== 'string') return { fout: 'release.json is onvolledig', map };
    return { info: info as ReleaseInfo };
  } catch {
    return { fout: 'release.json is beschadigd (geen geldige JSON)', map };
  }
}
