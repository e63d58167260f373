// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { routesIntegratie } from './src/routes.ts';
import { tokensPlugin } from './src/lib/build/tokens-plugin.ts';

/**
 * One project, two builds (see README, "Architectuur"):
 * - SK_DOEL=publiek: the static public site, built into a new release folder (SK_OUT) from the database;
 * - SK_DOEL=server (default): the on-demand partner portal, served by scripts/start.ts next to the release.
 * `astro dev` serves both.
 */
const doel = process.env.SK_DOEL ?? (process.argv.includes('dev') ? 'dev' : 'server');
const publiek = doel === 'publiek';

export default defineConfig({
  site: process.env.SITE_URL,
  output: publiek ? 'static' : 'server',
  adapter: publiek ? undefined : node({ mode: 'middleware' }),
  outDir: publiek ? process.env.SK_OUT : 'dist/server',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // Portal assets live under their own prefix so they never collide with a release's /_astro/.
    assets: publiek ? '_astro' : '_portaal',
    inlineStylesheets: 'never',
  },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [react(), routesIntegratie(doel)],
  security: { checkOrigin: true },
  vite: {
    plugins: [tokensPlugin()],
    build: { assetsInlineLimit: 0 },
  },
});
