import { mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  eerdereReleases,
  herstelHuidigeLink,
  huidigeRelease,
  leesReleaseInfo,
  ongebruikteRenderers,
  releaseInfo,
  teVerwijderen,
} from './paden.ts';

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

describe('ongebruikteRenderers', () => {
  it('removes unused renderers older than the live release, never one a running full build is writing', () => {
    const ids = ['20261201-100000-aaaa', '20261202-100000-bbbb', '20261203-100000-cccc', '20261205-120000-dddd'];
    const inGebruik = new Set(['20261202-100000-bbbb', undefined]);
    // Live since 4 December; dddd is the renderer of a full build that started after it.
    expect(ongebruikteRenderers(ids, inGebruik, '20261204-090000-eeee')).toEqual([
      '20261201-100000-aaaa',
      '20261203-100000-cccc',
    ]);
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

describe('a broken current link or release.json', () => {
  const vorige = process.env.RELEASES_DIR;
  let dir = '';
  afterEach(() => {
    if (vorige === undefined) delete process.env.RELEASES_DIR;
    else process.env.RELEASES_DIR = vorige;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Six good releases and a newer one that never got its index.html (a half-removed folder). */
  function releases() {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sk-herstel-'));
    process.env.RELEASES_DIR = dir;
    for (const n of namen.slice(0, 6)) {
      mkdirSync(path.join(dir, n));
      writeFileSync(path.join(dir, n, 'index.html'), n);
      writeFileSync(path.join(dir, n, 'release.json'), JSON.stringify({ id: n, gebouwdOp: '2026-11-23T11:00:00Z' }));
    }
    mkdirSync(path.join(dir, namen[6]));
  }

  it.each([
    ['dangling', () => symlinkSync('20200101-000000-weg', path.join(dir, 'current'))],
    ['missing', () => {}],
  ])('falls back to the newest complete release when current is %s, and start-up repairs the link', (_soort, maakLink) => {
    releases();
    maakLink();
    expect(huidigeRelease()).toBe(path.join(dir, namen[5]));
    expect(herstelHuidigeLink()).toBe(path.join(dir, namen[5]));
    expect(readlinkSync(path.join(dir, 'current'))).toBe(namen[5]);
    expect(herstelHuidigeLink()).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"id": "2026', 'release.json is beschadigd (geen geldige JSON)'],
    ['without id', '{}', 'release.json is onvolledig'],
    ['null', 'null', 'release.json is onvolledig'],
  ])('reports a release.json that is %s instead of throwing', (_soort, inhoud, fout) => {
    releases();
    writeFileSync(path.join(dir, namen[5], 'release.json'), inhoud);
    expect(leesReleaseInfo(path.join(dir, namen[5]))).toEqual({ fout, map: namen[5] });
    expect(releaseInfo(path.join(dir, namen[5]))).toBeUndefined();
  });
});
