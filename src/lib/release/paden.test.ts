import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eerdereReleases, teVerwijderen } from './paden.ts';

const MINUUT = 60_000;
const nu = Date.parse('2026-11-23T12:00:00Z');
const namen = Array.from({ length: 12 }, (_, i) => `20261123-1100${String(i).padStart(2, '0')}-ab${i}`);

describe('teVerwijderen', () => {
  it('keeps the three newest and the live one, removes the old ones', () => {
    const oud = () => nu - 60 * MINUUT;
    const weg = teVerwijderen(namen, namen[0], nu, oud);
    expect(weg).toHaveLength(8);
    expect(weg).not.toContain(namen[0]);
    for (const bewaard of namen.slice(9)) expect(weg).not.toContain(bewaard);
  });

  it('keeps releases of the last 15 minutes for pages opened before a publish, up to ten', () => {
    const weg = teVerwijderen(namen, namen[11], nu, () => nu - 5 * MINUUT);
    expect(weg).toEqual([namen[1], namen[0]]);
  });

  it('never touches other folders', () => {
    expect(teVerwijderen(['current', '.bouw-x', 'kladblok'], '', nu, () => 0)).toEqual([]);
  });
});

describe('eerdereReleases', () => {
  const vorige = process.env.RELEASES_DIR;
  afterEach(() => {
    if (vorige === undefined) delete process.env.RELEASES_DIR;
    else process.env.RELEASES_DIR = vorige;
  });

  it('lists the other releases newest first, without the live one and the link', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-releases-'));
    try {
      process.env.RELEASES_DIR = dir;
      for (const n of namen.slice(0, 3)) mkdirSync(path.join(dir, n));
      symlinkSync(path.join(dir, namen[2]), path.join(dir, 'current'));
      expect(eerdereReleases(path.join(dir, namen[2]))).toEqual([path.join(dir, namen[1]), path.join(dir, namen[0])]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
