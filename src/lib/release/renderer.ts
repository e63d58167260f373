import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { normaalPad, uitvoerBestand } from './afhankelijk.ts';

/**
 * The renderer kept from a full release build (see renderer-bewaren.ts): Astro's own prerender
 * bundle of the public routes, loaded in a plain Node process. It renders any public path as the
 * full build did, without bundling, so a publish renders only the pages that changed.
 */

/** Written next to the bundle: what Astro holds in its build internals and a page needs to render. */
export const KOP_BESTAND = 'kop.json';
export type Kop = {
  entry: string;
  /** Per route: the stylesheets Astro links in the page head. */
  paginas: [string, { styles: unknown[] }][];
  bundle: [string, string][];
  /** bronHash of the sources the bundle was built from. */
  bron: string;
};

type RouteData = { route: string; type: string; prerender: boolean };
type PrerenderApp = {
  manifest: { routes: { routeData: RouteData }[] };
  routeCache: { clearAll(): void };
  setInternals(i: unknown): void;
  setOptions(o: unknown): void;
  render(request: Request, opties: { routeData: RouteData }): Promise<Response>;
};

export type Pad = { pad: string; bestand: string; route: RouteData };

export type Renderer = {
  /** Every path of the site with the data as it is now (call it first for every release). */
  paden(): Promise<Pad[]>;
  render(pad: Pad): Promise<Buffer>;
  /**
   * Renders a path into `bestand` (its folder exists) and returns a page's HTML. A download is
   * written as it is made: at 20,000 records services.json is 52 MB, never whole in memory here.
   */
  schrijf(pad: Pad, bestand: string): Promise<string | undefined>;
};

export function leesKop(dir: string): Kop {
  return JSON.parse(readFileSync(path.join(dir, KOP_BESTAND), 'utf8')) as Kop;
}

export async function laadRenderer(dir: string): Promise<Renderer> {
  const kop = leesKop(dir);
  const { app } = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, kop.entry)).href)) as { app: PrerenderApp };
  // The build's internals, as far as rendering a page reads them (core/build/environment.js).
  app.setInternals({ pagesByKeys: new Map(kop.paginas), entrySpecifierToBundleMap: new Map(kop.bundle) });
  app.setOptions({
    settings: { scripts: [], config: {} },
    logger: {
      options: {
        destination: {
          write: (m: unknown) => {
            console.error(m);
            return true;
          },
        },
      },
    },
  });
  const { StaticPaths } = await import('astro/runtime/prerender/static-paths.js');
  const antwoord = async ({ pad, route }: Pad): Promise<Response> => {
    // The URL as the static build requests it (format 'directory': trailing slash for pages).
    const url = route.type === 'endpoint' || pad === '/' ? pad : `${pad}/`;
    const a = await app.render(new Request(new URL(url, 'http://localhost')), { routeData: route });
    if (a.status >= 500) throw new Error(`${pad} gaf status ${a.status}`);
    return a;
  };
  return {
    async paden() {
      // Astro keeps each route's getStaticPaths (and the props a page renders) for the life of
      // the process; the resident render process needs this publish's data.
      app.routeCache.clearAll();
      // The bundle's app is Astro's own BuildApp; our type names only what we use.
      const alle = (await new StaticPaths(app as unknown as ConstructorParameters<typeof StaticPaths>[0]).getAll()) as {
        pathname: string;
        route: RouteData;
      }[];
      const gezien = new Set<string>();
      return alle.flatMap(({ pathname, route }) => {
        const pad = normaalPad(pathname);
        // As Astro's generate: the first route that claims a path wins.
        if (gezien.has(pad)) return [];
        gezien.add(pad);
        return [{ pad, bestand: uitvoerBestand(pad, route.type), route }];
      });
    },
    async render(p) {
      return Buffer.from(await (await antwoord(p)).arrayBuffer());
    },
    async schrijf(p, bestand) {
      const a = await antwoord(p);
      if (p.route.type === 'endpoint' && a.body) {
        await pipeline(Readable.fromWeb(a.body as NodeReadableStream), createWriteStream(bestand));
        return undefined;
      }
      const inhoud = Buffer.from(await a.arrayBuffer());
      writeFileSync(bestand, inhoud);
      return p.route.type === 'page' ? inhoud.toString('utf8') : undefined;
    },
  };
}
