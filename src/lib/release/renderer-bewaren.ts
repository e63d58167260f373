import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { KOP_BESTAND, type Kop } from './renderer.ts';

/**
 * Node's own import(): the config (and so this integration) is loaded by Vite's module runner,
 * which is closed by the time pages are generated.
 */
const importeer = new Function('u', 'return import(u)') as (url: string) => Promise<{ app: PrerenderApp }>;

type PrerenderApp = { setInternals(i: unknown): void };
type Internals = {
  pagesByKeys: Map<string, { styles: unknown[] }>;
  entrySpecifierToBundleMap: Map<string, string>;
};

/**
 * Keeps the renderer of a full release build for incremental publishing (renderer.ts).
 *
 * Astro builds the public routes into a prerender bundle, renders every path with it and then
 * deletes it (core/build/static-build.js). Through the prerenderer hook of the build
 * (`setPrerenderer` in astro:build:start) we wrap Astro's default prerenderer: after it has
 * loaded the bundle, the bundle is copied to `doel` together with the part of the build
 * internals that rendering a page reads (the stylesheets per route). Astro offers no public way
 * to keep it; its own incremental build cache only tracks content collections, and our data
 * comes from the database.
 *
 * Once the renderer is kept, Astro renders no page itself: the build (bouwen.ts) renders every
 * path with the kept renderer, in the resident render process. At 20,000 pages Astro's own page
 * generation took 170 s and 1.9 GB; the same renderer called directly takes about 40 s.
 */
export function rendererBewaren(doel: string | undefined, outDir: string | undefined, bron: string): AstroIntegration {
  return {
    name: 'sociale-kaart-renderer',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        if (!doel || !outDir) return;
        setPrerenderer((standaard: AstroPrerenderer) => {
          let bewaard = false;
          const eigen: AstroPrerenderer & { app?: unknown } = {
            ...standaard,
            name: 'sociale-kaart',
            // Every path is rendered by bouwen.ts with the kept renderer; without one, Astro renders them.
            getStaticPaths: async () => (bewaard ? [] : standaard.getStaticPaths()),
            async setup() {
              // Where Astro writes the bundle: next to the output, or under .astro/ when the
              // output is outside the project (prerender/utils.js, core/build/common.js).
              const bron_ = [path.join(outDir, '.prerender'), path.resolve('.astro/.prerender')].find(existsSync);
              const entry = bron_ && readdirSync(bron_).find((f) => f.startsWith('prerender-entry.'));
              let internals: Internals | undefined;
              if (bron_ && entry) {
                // The same module instance Astro's prerenderer imports next, so we see its internals.
                const { app } = await importeer(pathToFileURL(path.join(bron_, entry)).href);
                const origineel = app.setInternals.bind(app);
                app.setInternals = (i: unknown) => {
                  internals = i as Internals;
                  origineel(i);
                };
              }
              await standaard.setup?.();
              eigen.app = (standaard as { app?: unknown }).app;
              if (!bron_ || !entry || !internals) {
                console.warn('De renderer voor snel publiceren kon niet worden bewaard; elke publicatie bouwt alles.');
                return;
              }
              rmSync(doel, { recursive: true, force: true });
              mkdirSync(path.dirname(doel), { recursive: true });
              cpSync(bron_, doel, { recursive: true });
              // The bundle imports packages by name: from beside the releases it finds them through this link.
              symlinkSync(path.resolve('node_modules'), path.join(doel, 'node_modules'));
              const kop: Kop = {
                entry,
                paginas: [...internals.pagesByKeys].map(([k, v]) => [k, { styles: v.styles }]),
                bundle: [...internals.entrySpecifierToBundleMap],
                bron,
              };
              writeFileSync(path.join(doel, KOP_BESTAND), JSON.stringify(kop));
              bewaard = true;
            },
          };
          return eigen;
        });
      },
    },
  };
}
