import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { type Db, openDb } from '../db/client.ts';
import type { Bericht } from '../mail/mail.ts';
import { bewaarAccount } from './accounts.ts';
import { BEVESTIG_FOUTEN, bekijkBevestigToken, gebruikBevestigToken, maakBevestigToken } from './kloptnog.ts';
import { gebruikLoginToken } from './sessies.ts';
import { stuurHerinneringen } from './versheid.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-klopt-'));
let db: Db;
let orgs: { id: number; naam: string }[];
let partner: number;
const publicaties: string[] = [];
const publiceren = { vraagAan: (r: string) => void publicaties.push(r) };
const NU = new Date('2026-12-02T10:00:00Z');

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, loadConfig(), '2026-11-22');
  orgs = db.select({ id: t.organisatie.id, naam: t.organisatie.naam }).from(t.organisatie).limit(3).all();
  db.$client
    .prepare("update organisatie set gecontroleerd_op = '2026-04-01' where id in (?, ?, ?)")
    .run(...orgs.map((o) => o.id));
  partner = bewaarAccount(db, {
    email: 'twee@test.example',
    naam: 'Tineke Twee',
    beheerder: false,
    organisaties: [orgs[0].id, orgs[1].id],
    kernen: [],
  });
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const datum = (id: number) => db.select().from(t.organisatie).where(eq(t.organisatie.id, id)).get()!.gecontroleerdOp;

describe('one-click "Alles klopt nog"', () => {
  it('looking at a link changes nothing; the click confirms once, under the partner, with the activities', () => {
    const token = maakBevestigToken(db, partner, [orgs[0].id], NU);
    const bekeken = bekijkBevestigToken(db, token, NU);
    expect(bekeken).toMatchObject({ naam: 'Tineke Twee', organisaties: [{ id: orgs[0].id }] });
    expect(datum(orgs[0].id)).toBe('2026-04-01');

    const r = gebruikBevestigToken(db, token, publiceren, NU, '2026-12-02');
    expect(r).toMatchObject({ organisaties: [{ id: orgs[0].id, gecontroleerdOp: '2026-12-02' }] });
    expect(datum(orgs[0].id)).toBe('2026-12-02');
    expect(datum(orgs[1].id)).toBe('2026-04-01');
    const acts = db.select().from(t.activiteit).where(eq(t.activiteit.organisatieId, orgs[0].id)).all();
    expect(acts.every((a) => a.gecontroleerdOp === '2026-12-02')).toBe(true);
    const rev = db.select().from(t.revisie).where(eq(t.revisie.organisatieId, orgs[0].id)).all().at(-1)!;
    expect(rev).toMatchObject({ actie: 'controleren', auteurId: partner, status: 'direct' });
    expect(publicaties.length).toBeGreaterThan(0);

    expect(gebruikBevestigToken(db, token, publiceren, NU)).toEqual({ fout: 'gebruikt' });
    expect(bekijkBevestigToken(db, token, NU)).toEqual({ fout: 'gebruikt' });
  });

  it('refuses a changed token, an expired one and one for an organisation the account no longer keeps', () => {
    const token = maakBevestigToken(db, partner, [orgs[1].id], NU);
    expect(gebruikBevestigToken(db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, publiceren, NU)).toEqual({
      fout: 'onbekend',
    });
    expect(gebruikBevestigToken(db, '', publiceren, NU)).toEqual({ fout: 'onbekend' });
    expect(gebruikBevestigToken(db, token, publiceren, new Date('2027-01-02T10:00:00Z'))).toEqual({ fout: 'verlopen' });
    bewaarAccount(
      db,
      { email: 'twee@test.example', naam: 'Tineke Twee', beheerder: false, organisaties: [orgs[0].id], kernen: [] },
      partner,
    );
    expect(gebruikBevestigToken(db, token, publiceren, NU)).toEqual({ fout: 'geen-partner' });
    expect(datum(orgs[1].id)).toBe('2026-04-01');
    // A token for an organisation never kept by the account does nothing either.
    expect(gebruikBevestigToken(db, maakBevestigToken(db, partner, [orgs[2].id], NU), publiceren, NU)).toEqual({
      fout: 'geen-partner',
    });
    expect(datum(orgs[2].id)).toBe('2026-04-01');
    for (const f of Object.values(BEVESTIG_FOUTEN)) expect(f).toMatch(/^[A-Z].+\.$/);
    bewaarAccount(
      db,
      { email: 'twee@test.example', naam: 'Tineke Twee', beheerder: false, organisaties: [orgs[0].id, orgs[1].id], kernen: [] },
      partner,
    );
  });

  it('the reminder names the listings and activities, with per organisation both links and one for all', async () => {
    db.$client.prepare("update organisatie set gecontroleerd_op = '2026-04-01' where id in (?, ?)").run(orgs[0].id, orgs[1].id);
    const verstuurd: Bericht[] = [];
    const n = await stuurHerinneringen(db, '2026-12-02', 'https://kaart.example', {
      nu: NU,
      stuur: async (b) => void verstuurd.push(b),
    });
    const mail = verstuurd.find((b) => b.aan === 'twee@test.example')!;
    expect(n).toBe(verstuurd.length);
    expect(mail.onderwerp).toBe('Klopt alles nog van uw organisaties?');
    for (const o of orgs.slice(0, 2)) expect(mail.tekst).toContain(`${o.naam} (gecontroleerd op 1 april 2026)`);
    const titel = db.select().from(t.activiteit).where(eq(t.activiteit.organisatieId, orgs[0].id)).get()?.titel;
    if (titel) expect(mail.tekst).toContain(`- ${titel}`);
    const klopt = [...mail.tekst.matchAll(/https:\/\/kaart\.example\/partners\/klopt-nog\/\?token=(\S+)/g)].map((m) => m[1]);
    const anders = [...mail.tekst.matchAll(/https:\/\/kaart\.example\/partners\/inloggen\/link\/\?token=([^&\s]+)&terug=(\S+)/g)];
    expect(klopt).toHaveLength(3);
    expect(anders.map((m) => decodeURIComponent(m[2])).sort()).toEqual(
      orgs
        .slice(0, 2)
        .map((o) => `/partners/organisaties/${o.id}/`)
        .sort(),
    );

    // "Er is iets veranderd" logs in once, also weeks later.
    expect(gebruikLoginToken(db, anders[0][1], new Date('2026-12-20T10:00:00Z'))).toEqual({ accountId: partner, soort: 'login' });
    expect(gebruikLoginToken(db, anders[0][1], new Date('2026-12-20T10:01:00Z'))).toEqual({ fout: 'gebruikt', soort: 'login' });

    // The last link confirms both organisations at once.
    const r = gebruikBevestigToken(db, klopt[2], publiceren, NU, '2026-12-02');
    expect('organisaties' in r && r.organisaties.map((o) => o.id).sort()).toEqual([orgs[0].id, orgs[1].id].sort());
    expect([datum(orgs[0].id), datum(orgs[1].id)]).toEqual(['2026-12-02', '2026-12-02']);
    // Not again within a month.
    expect(await stuurHerinneringen(db, '2026-12-10', 'https://kaart.example', { nu: NU, stuur: async () => {} })).toBe(0);
  });
});
