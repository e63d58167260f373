import { linkSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Makes folders as files go into them; made folders are remembered (a release holds tens of thousands of files). */
export function mapMaker() {
  const mappen = new Set<string>();
  return (map: string) => {
    if (mappen.has(map)) return;
    mkdirSync(map, { recursive: true });
    mappen.add(map);
  };
}

/** As mapMaker, on Node's thread pool: a file waits for its own folder only. */
export function mapMakerOpDeAchtergrond() {
  const mappen = new Map<string, Promise<unknown>>();
  return (map: string) => {
    let klaar = mappen.get(map);
    if (!klaar) {
      klaar = mkdir(map, { recursive: true });
      mappen.set(map, klaar);
    }
    return klaar;
  };
}

/** Hard-links a file into another folder (a new release, a part of the search index). */
export function linker() {
  const maakMap = mapMaker();
  return (van: string, naar: string) => {
    maakMap(path.dirname(naar));
    linkSync(van, naar);
  };
}
