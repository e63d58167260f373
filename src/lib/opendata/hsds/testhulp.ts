import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../config/load.ts';
import { laadKaart } from '../../data/kaart.ts';
import { seedDemo } from '../../data/seed.ts';
import { openDb } from '../../db/client.ts';
import { maakSiteData } from '../../site/sitedata.ts';
import { leesCsv } from '../csv.ts';
import { maakHsdsBestanden } from './bestanden.ts';
import { TABEL, type Tabellen } from './tabellen.ts';

/** Test helpers: the official HSDS schemas (strict), the demo export, CSV files as tables. */

export const HSDS_MAP = path.resolve(projectRoot(), 'tests/fixtures/hsds-3.0');
export const NU = { datum: '2026-11-22', tijd: '12:00' };

/** Adds `additionalProperties: false` to every object schema, as the specification's own check does. */
function streng(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(streng);
  if (typeof schema !== 'object' || schema === null) return schema;
  const uit: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) uit[k] = k === 'example' ? v : streng(v);
  if (uit.type === 'object' && uit.properties) uit.additionalProperties = false;
  return uit;
}

export function hsdsValidator(): (naam: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const basis = 'https://hsds.test/schema/';
  for (const bestand of readdirSync(HSDS_MAP).filter(
    (f) => f.endsWith('.json') && !['datapackage.json', 'openapi.json'].includes(f),
  )) {
    const schema = streng(JSON.parse(readFileSync(path.join(HSDS_MAP, bestand), 'utf8'))) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: basis + bestand });
  }
  return (naam) => ajv.getSchema(`${basis}${naam}.json`)!;
}

/** A fresh database with the demo data, and its export. */
export function demoExport(dir = mkdtempSync(path.join(os.tmpdir(), 'sk-hsds-'))) {
  const db = openDb(path.join(dir, 'demo.sqlite'));
  const config = loadConfig();
  seedDemo(db, config, NU.datum);
  const site = maakSiteData(config, laadKaart(db), NU);
  db.$client.close();
  return { dir, config, site, bestanden: maakHsdsBestanden(site) };
}

export function csvTabellen(bestanden: Map<string, string>): Tabellen {
  const tabellen: Tabellen = new Map();
  for (const tabel of TABEL.values()) {
    const { kolommen, records } = leesCsv(bestanden.get(tabel.path)!, ',');
    tabellen.set(
      tabel.name,
      records.map((r) => ({
        plek: { bestand: tabel.path, rij: r.rij },
        waarden: Object.fromEntries(kolommen.map((k, i) => [k, r.cellen[i]])),
      })),
    );
  }
  return tabellen;
}
