import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startKaart, stopKaart } from '../e2e/opzet.ts';

/** The example configuration this project tests: a second gemeente from configuration alone. */
export const LOON_OP_ZAND = 'content/voorbeelden/loon-op-zand';

/**
 * Starts Loon op Zand next to the default gemeente of tests/e2e. Its data folder is inside the
 * project (data/), so Astro keeps this build's bundle next to its output instead of in the
 * shared .astro/ folder that builds of the default gemeente use.
 */
export default async function opzet(project: TestProject) {
  mkdirSync('data', { recursive: true });
  const dataDir = mkdtempSync(path.join(process.cwd(), 'data', 'e2e-loon-op-zand-'));
  const { kind, baseUrl } = await startKaart(dataDir, { SK_CONTENT: LOON_OP_ZAND });
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('serverPid', kind.pid!);
  return () => stopKaart(kind, dataDir);
}
