import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { openDb } from '../db/client.ts';
import { bewaarAccount } from './accounts.ts';
import { bewaarFormulier, MAX_BEWAARD_PER_ACCOUNT, veiligTerug } from './astro.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-bewaren-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('forms kept when a session expired', () => {
  const db = openDb(path.join(dir, 'db.sqlite'));
  const id = bewaarAccount(db, { email: 'lid@test.example', naam: 'Lid', beheerder: false, organisaties: [], kernen: [] });

  it(`keeps at most ${MAX_BEWAARD_PER_ACCOUNT} per account, the newest`, () => {
    for (let i = 0; i < 50; i++) {
      bewaarFormulier(db, {
        accountId: id,
        sleutelHash: `h${i}`,
        pad: '/partners/organisatie/1/',
        velden: [['naam', `versie ${i}`]],
      });
    }
    const rijen = db.select().from(t.bewaardFormulier).all();
    expect(rijen).toHaveLength(MAX_BEWAARD_PER_ACCOUNT);
    expect(rijen.map((r) => r.velden[0][1])).toEqual([45, 46, 47, 48, 49].map((i) => `versie ${i}`));
  });
});

describe('where a login sends you back to', () => {
  it.each([
    ['/partners/', '/partners/'],
    ['/partners/activiteit/4/?organisatie=2', '/partners/activiteit/4/?organisatie=2'],
    ['/partners/\u3002', '/partners/'],
    ['/partners/\0', '/partners/'],
    ['/partners/%E3%80%82', '/partners/%E3%80%82'],
    ['/partners//evil.example', '/partners/'],
    ['/partners/\\evil', '/partners/'],
    ['/partners/a b', '/partners/'],
    ['https://evil.example/partners/', '/partners/'],
    ['//evil.example', '/partners/'],
    [null, '/partners/'],
  ])('%j → %s', (terug, verwacht) => {
    expect(veiligTerug(terug)).toBe(verwacht);
  });
});
