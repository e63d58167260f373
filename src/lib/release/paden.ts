import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/load.ts';

/**
 * A release is a complete, self-contained folder of the public site. `current` is a symlink to
 * the live one; it is replaced by rename, which is atomic, so a visitor sees either the old or
 * the new release and never a half-built one.
 */

export function releasesDir(): string {
  return path.resolve(projectRoot(), process.env.RELEASES_DIR ?? 'data/releases');
}

export function huidigeLink(): string {
  return path.join(releasesDir(), 'current');
}

/** Absolute path of the live release, or undefined when none was built yet. */
export function huidigeRelease(): string | undefined {
  try {
    return realpathSync(huidigeLink());
  } catch {
    return undefined;
  }
}

export type ReleaseInfo = {
  id: string;
  gebouwdOp: string;
  paginas: number;
  bouwSeconden: number;
  zoekindexSeconden: number;
  /** Peak resident memory of the build steps (Linux), for the benchmark. */
  piekGeheugenMb?: { astro?: number; pagefind?: number };
};

export function releaseInfo(dir = huidigeRelease()): ReleaseInfo | undefined {
  if (!dir) return undefined;
  const bestand = path.join(dir, 'release.json');
  return existsSync(bestand) ? (JSON.parse(readFileSync(bestand, 'utf8')) as ReleaseInfo) : undefined;
}
