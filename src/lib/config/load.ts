import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
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

export function projectRoot(): string {
  return process.env.SK_ROOT ?? process.cwd();
}

export function configPath(): string {
  return path.resolve(projectRoot(), process.env.GEMEENTE_CONFIG ?? 'content/gemeente.yaml');
}

/** "kernen[2].centrum.lat" from zod's path array. */
export function veldNaam(pad: ReadonlyArray<PropertyKey>): string {
  return pad.map((deel, i) => (typeof deel === 'number' ? `[${deel}]` : `${i === 0 ? '' : '.'}${String(deel)}`)).join('');
}

export function formatZodIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${veldNaam(issue.path) || '(hele bestand)'}: ${issue.message}`);
}

/** YAML text as plain data; a syntax error becomes a ConfigError with its line. */
export function leesYaml(tekst: string, bestand: string): unknown {
  const doc = parseDocument(tekst, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      bestand,
      doc.errors.map((e) => `regel ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
    );
  }
  return doc.toJS();
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

/** Parses and validates config text; `bestand` is only used in messages. */
export function parseConfig(tekst: string, bestand: string): GemeenteConfig {
  const result = gemeenteConfigSchema.safeParse(leesYaml(tekst, bestand));
  if (!result.success) throw new ConfigError(bestand, formatZodIssues(result.error.issues));
  return result.data;
}

let cached: { pad: string; config: GemeenteConfig } | undefined;

export function loadConfig(pad = configPath()): GemeenteConfig {
  if (cached?.pad === pad) return cached.config;
  const { tekst, relatief } = leesInstellingen(pad);
  const config = parseConfig(tekst, relatief);
  cached = { pad, config };
  return config;
}
