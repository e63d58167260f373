import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { openDb } from '../db/client.ts';
import { laadKaart } from './kaart.ts';
import { VersieConflict, werkActiviteitBij, werkKernondersteunerBij, werkOrganisatieBij } from './opslaan.ts';
import { seedDemo } from './seed.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-opslaan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saving a new version', () => {
  it('raises the version of each kind, and refuses an edit based on an older version', () => {
    const db = openDb(path.join(dir, 'a.sqlite'));
    seedDemo(db, loadConfig(), '2026-11-22');
    const kaart = laadKaart(db);
    const org = kaart.organisaties[0];
    const act = kaart.activiteiten[0];
    const ko = kaart.kernondersteuners[0];
    const { id: _o, uuid: _ou, vertrouwd: _v, versie: _ov, gewijzigdOp: _og, ...orgData } = org;
    const { id: _a, uuid: _au, versie: _av, gewijzigdOp: _ag, plek: _p, ...actData } = act;
    const { id: _k, uuid: _ku, versie: _kv, ...koData } = ko;
    expect(werkOrganisatieBij(db, org.id, { ...orgData, naam: 'Nieuwe naam' }, 1)).toBe(2);
    expect(werkActiviteitBij(db, act.id, { ...actData, titel: 'Nieuwe titel' }, 1)).toBe(2);
    expect(werkKernondersteunerBij(db, ko.id, { ...koData, naam: 'Nieuwe Naam' }, 1)).toBe(2);
    const na = laadKaart(db);
    expect(na.organisaties.find((o) => o.id === org.id)).toMatchObject({ naam: 'Nieuwe naam', versie: 2 });
    expect(na.activiteiten.find((a) => a.id === act.id)).toMatchObject({ titel: 'Nieuwe titel', versie: 2 });
    expect(na.kernondersteuners.find((k) => k.id === ko.id)).toMatchObject({ naam: 'Nieuwe Naam', versie: 2 });
    expect(() => werkActiviteitBij(db, act.id, actData, 1)).toThrow(VersieConflict);
    let fout: unknown;
    try {
      werkOrganisatieBij(db, org.id, orgData, 1);
    } catch (e) {
      fout = e;
    }
    expect(fout).toMatchObject({ soort: 'organisatie', id: org.id, huidigeVersie: 2 });
    expect(laadKaart(db).organisaties.find((o) => o.id === org.id)!.naam).toBe('Nieuwe naam');
    db.$client.close();
  });
});
