import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * publiccode.yml at the repository root (Standaard voor Publieke Code): the keys publiccode.yml
 * 0.4 requires, in the forms it requires, and in line with package.json.
 */

const beschrijving = z.object({
  shortDescription: z.string().min(1).max(150),
  longDescription: z.string().min(150).max(10_000),
  features: z.array(z.string().min(1).max(100)).min(1),
});

const schema = z.object({
  publiccodeYmlVersion: z.literal('0.4'),
  name: z.string().min(1),
  url: z.string().regex(/^https:\/\/\S+$/),
  platforms: z.array(z.string()).min(1),
  categories: z.array(z.string().regex(/^[a-z-]+$/)).min(1),
  developmentStatus: z.enum(['concept', 'development', 'beta', 'stable', 'obsolete']),
  softwareType: z.enum([
    'standalone/mobile',
    'standalone/iot',
    'standalone/desktop',
    'standalone/web',
    'standalone/backend',
    'standalone/other',
    'addon',
    'library',
    'configurationFiles',
  ]),
  releaseDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  softwareVersion: z.string().optional(),
  description: z
    .record(z.string().regex(/^[a-z]{2}$/), beschrijving)
    .refine((d) => 'nl' in d, 'een beschrijving in het Nederlands'),
  legal: z.object({ license: z.string().min(1) }),
  maintenance: z.object({
    type: z.enum(['internal', 'contract', 'community', 'none']),
    contacts: z.array(z.object({ name: z.string().min(1), email: z.email().optional() })).min(1),
  }),
  localisation: z.object({ localisationReady: z.boolean(), availableLanguages: z.array(z.string()).min(1) }),
});

describe('publiccode.yml', () => {
  const yml = parse(readFileSync('publiccode.yml', 'utf8'));
  const pakket = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string };

  it('has every key publiccode.yml 0.4 requires, in its form', () => {
    const r = schema.safeParse(yml);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('agrees with package.json on licence and version', () => {
    expect(yml.legal.license).toBe(pakket.license);
    expect(yml.softwareVersion).toBe(pakket.version);
  });
});
