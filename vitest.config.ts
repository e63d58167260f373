import { defineConfig } from 'vitest/config';

/**
 * Unit tests live beside the code (src/**\/*.test.ts). Browser tests (tests/e2e) run against a
 * real server, database and release, built once in tests/e2e/opzet.ts.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // Tests that seed a database take a few seconds on a busy machine; fail on errors, not on speed.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/opzet.ts'],
          // After the unit tests, so a broken unit fails fast before the slow build.
          sequence: { groupOrder: 1 },
          // Generous: a test that waits for a publish shares two cores with the other test files.
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // One browser process per file is plenty; files run in parallel on both cores.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
      {
        test: {
          // A second gemeente from configuration alone (content/voorbeelden/loon-op-zand): its
          // public pages, in its own words and colours, with the same browser and axe checks.
          name: 'e2e-gemeente',
          include: ['tests/e2e-gemeente/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e-gemeente/opzet.ts'],
          // Runs beside tests/e2e; vitest wants one worker setting per group.
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
});
