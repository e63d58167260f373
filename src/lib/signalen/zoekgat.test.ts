import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoekgat } from '../../../db/schema.ts';
import { type Db, openDb } from '../db/client.ts';
import { bewaarZoekgat, DAGEN_GRENS, meldingSchema, ruimZoekgatOp, teBewarenWoorden, zoekgatReeks } from './zoekgat.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-zoekgat-'));
let db: Db;
beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const KERNEN = ['vroomshoop', 'den-ham'];

describe('gezocht, niets gevonden', () => {
  it('keeps normalised words only; stop words, numbers and what the privacy guard flags are dropped', () => {
    expect(teBewarenWoorden(['Padelbaan', 'in', 'de', 'buurt'])).toEqual(['padelbaan', 'buurt']);
    expect(teBewarenWoorden(['0612345678', 'jan', 'jansen'])).toEqual([]);
    expect(teBewarenWoorden(['bsn', '123456782'])).toEqual(['bsn']);
  });

  it('accepts only words and a kern, nothing else', () => {
    expect(meldingSchema.safeParse({ woorden: ['padel'], kern: 'den-ham' }).success).toBe(true);
    expect(meldingSchema.safeParse({ woorden: ['padel'], ip: '1.2.3.4' }).success).toBe(false);
    expect(meldingSchema.safeParse({ woorden: Array(9).fill('x') }).success).toBe(false);
  });

  it(`shows a word per kern and quarter only once it was searched on ${DAGEN_GRENS} different days`, () => {
    // Four days in Vroomshoop (often on one day: still four days), five in Den Ham, one without kern.
    for (const dag of ['2026-10-01', '2026-10-02', '2026-10-02', '2026-10-02', '2026-10-09', '2026-11-20'])
      bewaarZoekgat(db, { woorden: ['padelbaan'], kern: 'vroomshoop' }, dag, KERNEN);
    for (const dag of ['2026-10-01', '2026-10-05', '2026-10-09', '2026-11-01', '2026-12-01'])
      bewaarZoekgat(db, { woorden: ['padelbaan', 'skatebaan'], kern: 'den-ham' }, dag, KERNEN);
    bewaarZoekgat(db, { woorden: ['padelbaan'], kern: 'atlantis' }, '2026-10-03', KERNEN);
    expect(zoekgatReeks(db, '2026-12-02')).toEqual([
      { kern: 'den-ham', kwartaal: '2026-K4', woord: 'padelbaan', dagen: 5 },
      { kern: 'den-ham', kwartaal: '2026-K4', woord: 'skatebaan', dagen: 5 },
    ]);
    bewaarZoekgat(db, { woorden: ['padelbaan'], kern: 'vroomshoop' }, '2026-12-02', KERNEN);
    expect(zoekgatReeks(db, '2026-12-02').map((r) => `${r.kern} ${r.woord} ${r.dagen}`)).toContain('vroomshoop padelbaan 5');
    // The unknown kern was kept without a kern.
    expect(
      db
        .select()
        .from(zoekgat)
        .all()
        .filter((r) => r.kern === null),
    ).toHaveLength(1);
  });

  it('deletes what is older than two years', () => {
    bewaarZoekgat(db, { woorden: ['oud'] }, '2024-01-10', KERNEN);
    ruimZoekgatOp(db, '2026-12-02');
    expect(
      db
        .select()
        .from(zoekgat)
        .all()
        .some((r) => r.woord === 'oud'),
    ).toBe(false);
  });
});
