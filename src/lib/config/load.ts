import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { inhoudPad, projectRoot } from './inhoud.ts';
import { gemeenteConfigSchema, type GemeenteConfig } from './schema.ts';

/** A config problem, phrased so that whoever edits the file can fix it without reading code. */
export class ConfigError extends Error {
  constructor(
    readonly bestand: string,
    readonly problemen: string[],
  ) {
    super(`De instellingen in ${bestand} kloppen niet:\n${problemen.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export { projectRoot };

/** The gemeente's configuration: gemeente.yaml in the content folder, unless GEMEENTE_CONFIG names another file. */
export function configPath(): string {
  return process.env.GEMEENTE_CONFIG ? path.resolve(projectRoot(), process.env.GEMEENTE_CONFIG) : inhoudPad('gemeente.yaml');
}

/** "kernen[2].centrum.lat" from zod's path array. */
export function veldNaam(pad: ReadonlyArray<PropertyKey>): string {
  return pad.map((deel, i) => (typeof deel === 'number' ? `[${deel}]` : `${i === 0 ? '' : '.'}${String(deel)}`)).join('');
}

export function formatZodIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${veldNaam(issue.path) || '(hele bestand)'}: ${issue.message}`);
}

/** YAML text as a document (for positions); a syntax error becomes a ConfigError with its line. */
function leesYamlDocument(tekst: string, bestand: string): { doc: Document; regels: LineCounter } {
  const regels = new LineCounter();
  const doc = parseDocument(tekst, { prettyErrors: true, lineCounter: regels });
  if (doc.errors.length > 0) {
    // One syntax error tends to cause many after it: the first ones say where to look.
    const eerste = doc.errors
      .slice(0, 3)
      .map((e) => `regel ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0].replace(/:$/, '')}`);
    const meer = doc.errors.length - eerste.length;
    throw new ConfigError(bestand, meer > 0 ? [...eerste, `en ${meer} fouten die daaruit volgen`] : eerste);
  }
  return { doc, regels };
}

/** YAML text as plain data; a syntax error becomes a ConfigError with its line. */
export function leesYaml(tekst: string, bestand: string): unknown {
  return leesYamlDocument(tekst, bestand).doc.toJS();
}

/** The line of the value at a zod path, or of the nearest part of it that is in the file. */
export function regelVan(doc: Document, regels: LineCounter, pad: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = pad.length; n > 0; n--) {
    const knoop = doc.getIn(pad.slice(0, n) as unknown[], true);
    if (isNode(knoop) && knoop.range) return regels.linePos(knoop.range[0]).line;
  }
  return undefined;
}

/** A file the gemeente edits, with its path relative to the project for messages. */
export function leesInstellingen(pad: string): { tekst: string; relatief: string } {
  const relatief = path.relative(projectRoot(), pad) || pad;
  try {
    return { tekst: readFileSync(pad, 'utf8'), relatief };
  } catch {
    throw new ConfigError(relatief, ['het bestand bestaat niet of is niet te lezen']);
  }
}

/** Parses and validates config text; `bestand` is only used in messages. Every problem names its line. */
export function parseConfig(tekst: string, bestand: string): GemeenteConfig {
  const { doc, regels } = leesYamlDocument(tekst, bestand);
  if (doc.contents === null) throw new ConfigError(bestand, ['het bestand is leeg']);
  const result = gemeenteConfigSchema.safeParse(doc.toJS());
  if (!result.success) {
    throw new ConfigError(
      bestand,
      result.error.issues.map((issue) => {
        const regel = regelVan(doc, regels, issue.path);
        const probleem = formatZodIssues([issue])[0];
        return regel === undefined ? probleem : `regel ${regel}, ${probleem}`;
      }),
    );
  }
  return result.data;
}

/**
 * The configuration in use, shared by everything in this process (the portal's build has its
 * own copy of this module, hence globalThis). The file is read again when it changes; a change
 * that does not validate keeps the last good configuration and is reported (configProbleem).
 */
type Staat = { versie: string; config: GemeenteConfig; tekst: string; probleem?: { fout: ConfigError; versie: string } };
const g = globalThis as typeof globalThis & { __socialeKaartConfig?: Map<string, Staat> };
const staten = (g.__socialeKaartConfig ??= new Map());

function versieVan(pad: string): string {
  try {
    const s = statSync(pad);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'weg';
  }
}

export function loadConfig(pad = configPath()): GemeenteConfig {
  const staat = staten.get(pad);
  const versie = versieVan(pad);
  if (staat && (staat.versie === versie || staat.probleem?.versie === versie)) return staat.config;
  try {
    const { tekst, relatief } = leesInstellingen(pad);
    const config = parseConfig(tekst, relatief);
    staten.set(pad, { versie, config, tekst });
    return config;
  } catch (e) {
    if (!(e instanceof ConfigError) || !staat) throw e;
    staat.probleem = { fout: e, versie };
    console.error(`${e.message}\nDe laatste goede instellingen blijven in gebruik tot het bestand klopt.`);
    return staat.config;
  }
}

/** Why the configuration file is not in use now (the last good one is), if it is not. */
export function configProbleem(pad = configPath()): ConfigError | undefined {
  loadConfig(pad);
  return staten.get(pad)?.probleem?.fout;
}

/** The text of the configuration in use: what a build gets while the file itself is wrong. */
export function laatsteGoedeTekst(pad = configPath()): string | undefined {
  return staten.get(pad)?.tekst;
}
