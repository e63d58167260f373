import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, formatZodIssues, projectRoot } from '../config/load.ts';
import type { GemeenteConfig } from '../config/schema.ts';

/**
 * The kernen as GeoJSON for the map: their outlines (from the file the config names) and their
 * centres with names. Served as one small file in the release, fetched only when a map opens.
 */

const positie = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(positie).min(4, { error: 'een ring heeft minstens 4 punten' });

const omlijningSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ kern: z.string() }),
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
      ]),
    }),
  ),
});

export type KernenGeoJson = {
  type: 'FeatureCollection';
  features: (
    | {
        type: 'Feature';
        properties: { kern: string; soort: 'omlijning' };
        geometry: z.infer<typeof omlijningSchema>['features'][number]['geometry'];
      }
    | {
        type: 'Feature';
        properties: { kern: string; soort: 'centrum'; naam: string };
        geometry: { type: 'Point'; coordinates: [number, number] };
      }
  )[];
};

/** Outlines are optional: without the file the map shows the kern centres only. */
export function laadKernenGeoJson(config: GemeenteConfig, root = projectRoot()): KernenGeoJson {
  const bestand = config.kaart.omlijningen;
  const pad = path.resolve(root, bestand);
  const omlijningen: KernenGeoJson['features'] = [];
  if (existsSync(pad)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(pad, 'utf8'));
    } catch (e) {
      throw new ConfigError(bestand, [`geen geldige JSON: ${(e as Error).message}`]);
    }
    const r = omlijningSchema.safeParse(json);
    if (!r.success) throw new ConfigError(bestand, formatZodIssues(r.error.issues));
    const slugs = new Set(config.kernen.map((k) => k.slug));
    const onbekend = r.data.features.filter((f) => !slugs.has(f.properties.kern)).map((f) => f.properties.kern);
    if (onbekend.length > 0)
      throw new ConfigError(
        bestand,
        onbekend.map((k) => `kern "${k}" staat niet in de gemeente-instellingen`),
      );
    for (const f of r.data.features) {
      omlijningen.push({ type: 'Feature', properties: { kern: f.properties.kern, soort: 'omlijning' }, geometry: f.geometry });
    }
  }
  const centra: KernenGeoJson['features'] = config.kernen.map((k) => ({
    type: 'Feature',
    properties: { kern: k.slug, soort: 'centrum', naam: k.naam },
    geometry: { type: 'Point', coordinates: [k.centrum.lon, k.centrum.lat] },
  }));
  return { type: 'FeatureCollection', features: [...omlijningen, ...centra] };
}
