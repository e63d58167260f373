// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { routesIntegratie } from './src/routes.ts';
import { tokensPlugin } from './src/lib/build/tokens-plugin.ts';
import { loadConfig } from './src/lib/config/load.ts';
import { rendererBewaren } from './src/lib/release/renderer-bewaren.ts';
import { astroCacheDir, serverBuildDir } from './src/lib/release/paden.ts';

/**
 * One project, two builds (see README, "Architectuur"):
 * - SK_DOEL=publiek: the static public site, built into a new release folder (SK_OUT) from the database;
 * - SK_DOEL=server (default): the on-demand partner portal, served by scripts/start.ts next to the release.
 * `astro dev` serves both.
 */
const doel = process.env.SK_DOEL ?? (process.argv.includes('dev') ? 'dev' : 'server');
const publiek = doel === 'publiek';

/**
 * Hosts the portal answers to. Astro uses them to build the request URL (and so to check the
 * Origin of form posts); without them every request would look like it came from "localhost".
 */
const domeinen = [
  { hostname: 'localhost' },
  { hostname: '127.0.0.1' },
  ...[loadConfig().url, process.env.PORTAAL_URL ?? '']
    .filter((u) => u !== '')
    .map((u) => ({ hostname: new URL(u).hostname, protocol: new URL(u).protocol.replace(':', '') })),
];

export default defineConfig({
  site: loadConfig().url,
  output: publiek ? 'static' : 'server',
  adapter: publiek ? undefined : node({ mode: 'middleware' }),
  outDir: publiek ? process.env.SK_OUT : serverBuildDir(),
  // Per content folder (SK_CONTENT), so two gemeenten built side by side share no cache.
  cacheDir: astroCacheDir(),
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
  integrations: [
    routesIntegratie(doel),
    ...(publiek ? [rendererBewaren(process.env.SK_RENDERER, process.env.SK_OUT, process.env.SK_RENDERER_BRON ?? '')] : []),
  ],
  security: { checkOrigin: true, allowedDomains: domeinen },
  vite: {
    plugins: [tokensPlugin()],
    build: { assetsInlineLimit: 0 },
  },
});
