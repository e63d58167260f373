import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import { bewaarAccount, laadAccount } from './accounts.ts';
import { bewaarAccountFormulier, GEEN_ROL, organisatiesPerKern, stuurUitnodigingOpnieuw } from './beheer.ts';
import { gebruikLoginToken } from './sessies.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-uitnodigen-'));
process.env.OUTBOX_DIR = path.join(dir, 'outbox');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: Db;
let beheerder: number;
let org: { id: number; naam: string };
let kern: { id: number; naam: string };
const PORTAAL = 'https://kaart.example';

beforeAll(() => {
  db = openDb(':memory:');
  seedDemo(db, loadConfig(), '2026-11-22');
  org = db.select({ id: t.organisatie.id, naam: t.organisatie.naam }).from(t.organisatie).limit(1).get()!;
  kern = db.select({ id: t.kern.id, naam: t.kern.naam }).from(t.kern).limit(1).get()!;
  beheerder = bewaarAccount(db, { email: 'b@test.example', naam: 'Beheer', beheerder: true, organisaties: [], kernen: [] });
});

const formulier = (velden: Record<string, string[]>) => new Map(Object.entries({ naam: ['Nina Nieuw'], ...velden }));
const mailsAan = (aan: string) => db.select().from(t.mailWachtrij).where(eq(t.mailWachtrij.aan, aan)).all();
const tokenUit = (tekst: string) => new URL(/https:\S+token=\S+/.exec(tekst)![0]).searchParams.get('token')!;

describe('inviting a new account', () => {
  it('refuses an account without a role at the organisation field, together with other mistakes', async () => {
    const b = laadAccount(db, beheerder)!;
    const r = await bewaarAccountFormulier(db, b, formulier({ email: ['geen-adres'] }), { portaalUrl: PORTAAL });
    expect(r).toEqual({ fouten: { organisaties: GEEN_ROL, email: expect.stringContaining('geen geldig e-mailadres') } });
    expect(db.select().from(t.account).all()).toHaveLength(1);
  });

  it('mails a login link that works once, for seven days, naming the organisation and the kern', async () => {
    const b = laadAccount(db, beheerder)!;
    const nu = Date.now();
    const velden = formulier({ email: ['nina@test.example'], organisaties: [String(org.id)], kernen: [String(kern.id)] });
    const r = await bewaarAccountFormulier(db, b, velden, { portaalUrl: PORTAAL });
    expect(r).toHaveProperty('id');
    const [mail] = mailsAan('nina@test.example');
    expect(mail.tekst).toContain(`U houdt de gegevens bij van ${org.naam}.`);
    expect(mail.tekst).toContain(`U werkt als kernondersteuner in ${kern.naam}.`);
    expect(mail.tekst).toContain('De link werkt 7 dagen en één keer.');
    const token = tokenUit(mail.tekst);
    const rij = db
      .select()
      .from(t.loginToken)
      .where(eq(t.loginToken.accountId, (r as { id: number }).id))
      .get()!;
    expect(rij.soort).toBe('uitnodiging');
    expect(rij.hash).not.toContain(token);
    const dagen = (new Date(rij.verlooptOp).getTime() - nu) / 86_400_000;
    expect(dagen).toBeGreaterThan(6.99);
    expect(dagen).toBeLessThan(7.01);

    const over6 = new Date(nu + 6 * 86_400_000);
    expect(gebruikLoginToken(db, token, over6)).toMatchObject({ soort: 'uitnodiging', accountId: (r as { id: number }).id });
    expect(gebruikLoginToken(db, token, over6)).toEqual({ fout: 'gebruikt', soort: 'uitnodiging' });
  });

  it('sends the invitation again: the new link works, the earlier one no longer does', async () => {
    const b = laadAccount(db, beheerder)!;
    const r = await bewaarAccountFormulier(db, b, formulier({ email: ['otto@test.example'], beheerder: ['ja'] }), {
      portaalUrl: PORTAAL,
    });
    const ander = laadAccount(db, (r as { id: number }).id)!;
    stuurUitnodigingOpnieuw(db, b, ander, PORTAAL);
    const [eerste, tweede] = mailsAan('otto@test.example');
    expect(tweede.tekst).toContain('U bent beheerder van de sociale kaart.');
    expect(gebruikLoginToken(db, tokenUit(eerste.tekst))).toEqual({ fout: 'verlopen', soort: 'uitnodiging' });
    expect(gebruikLoginToken(db, tokenUit(tweede.tekst))).toMatchObject({ accountId: ander.id });
    expect(db.select().from(t.logboek).where(eq(t.logboek.actie, 'uitnodiging opnieuw')).all()).toHaveLength(1);
  });
});

describe('the organisation picker', () => {
  it('lists every organisation exactly once, grouped per kern', () => {
    const groepen = organisatiesPerKern(db);
    const ids = groepen.flatMap((g) => g.organisaties.map((o) => o.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(db.select().from(t.organisatie).all().length);
    expect(groepen[0].kern).toBe(db.select().from(t.kern).orderBy(t.kern.volgorde).get()!.naam);
  });
});
