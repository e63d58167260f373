/**
 * Debian's Chromium (no browser download) and the flags of every headless Chromium we start: the
 * browser tests (tests/e2e/browser.ts) and the benches. One place, so a flag added for CI holds everywhere.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
