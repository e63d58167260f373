import { linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Hard-links a file into another folder (a new release, a part of the search index); made folders are remembered (tens of thousands of links). */
export function linker() {
  const mappen = new Set<string>();
  return (van: string, naar: string) => {
    const map = path.dirname(naar);
    if (!mappen.has(map)) {
      mkdirSync(map, { recursive: true });
      mappen.add(map);
    }
    linkSync(van, naar);
  };
}
