import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { loadConfig, projectRoot } from '../config/load.ts';
import { snoeiTokens, varVerwijzingen } from './tokens.ts';

const VIRTUEEL = 'virtual:sk-tokens.css';
const VOORBEELD = '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';

/** The token file the gemeente config names: the voorbeeld theme or its own CSS file. */
export function tokensBestand(root = projectRoot()): string {
  const { tokens } = loadConfig().huisstijl;
  if (tokens === 'voorbeeld') return createRequire(path.join(root, 'package.json')).resolve(VOORBEELD);
  return path.resolve(root, tokens);
}

function bestanden(dir: string, extensies: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && extensies.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
}

/** Every custom property our own code and the component CSS it imports refer to. */
function gebruikteVariabelen(root: string): Set<string> {
  const src = path.join(root, 'src');
  const vereist = createRequire(path.join(root, 'package.json'));
  const gebruikt = new Set<string>();
  for (const bestand of bestanden(src, /\.(css|astro|tsx?)$/)) {
    const tekst = readFileSync(bestand, 'utf8');
    for (const v of varVerwijzingen(tekst)) gebruikt.add(v);
    if (bestand.endsWith('.css')) {
      for (const m of tekst.matchAll(/@import\s+['"]([^'"]+)['"]/g)) {
        if (m[1].startsWith('.')) continue;
        for (const v of varVerwijzingen(readFileSync(vereist.resolve(m[1]), 'utf8'))) gebruikt.add(v);
      }
    }
  }
  return gebruikt;
}

/** The configured tokens file followed by the gemeente's own additions (huisstijl.aanvulling), if any. */
export function tokensMetAanvulling(code: string, root = projectRoot()): string {
  const { aanvulling } = loadConfig().huisstijl;
  if (!aanvulling) return code;
  return `${code}\n${readFileSync(path.resolve(root, aanvulling), 'utf8')}`;
}

/** `import 'virtual:sk-tokens.css'` gives the configured tokens, pruned to what is used. */
export function tokensPlugin(): Plugin {
  let bestand = '';
  return {
    name: 'sociale-kaart-tokens',
    enforce: 'pre',
    resolveId(id) {
      if (id !== VIRTUEEL) return null;
      bestand = tokensBestand();
      return bestand;
    },
    transform(code, id) {
      if (!bestand || id !== bestand) return null;
      const { aanvulling } = loadConfig().huisstijl;
      if (aanvulling) this.addWatchFile(path.resolve(projectRoot(), aanvulling));
      return { code: snoeiTokens(tokensMetAanvulling(code), gebruikteVariabelen(projectRoot())), map: null };
    },
  };
}
