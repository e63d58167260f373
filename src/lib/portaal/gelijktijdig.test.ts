import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { leesActiviteit } from '../data/kaart.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import type { ActiviteitData, OrganisatieData } from '../model/schemas.ts';
import { bewaarAccount, laadAccount } from './accounts.ts';
import { bewaarActiviteit, leesActiviteitFormulier, leesOrganisatieFormulier } from './acties.ts';
import { activiteitAlsVelden, organisatieAlsVelden } from './formulier/mapping.ts';
import type { Velden } from './formulier/velden.ts';
import { basisVan } from './gelijktijdig.ts';
import { werkversie } from './revisies.ts';
import { gewijzigdeVelden } from './samenvoegen.ts';

const config = loadConfig();
const publiceren = { vraagAan: () => {} };
let db: Db;
let orgId: number;
let actId: number;
let gerda: number;
let henk: number;

beforeAll(() => {
  db = openDb(':memory:');
  seedDemo(db, config, '2026-11-22');
  const act = db.select().from(t.activiteit).limit(1).offset(5).get()!;
  actId = act.id;
  orgId = act.organisatieId;
  db.update(t.organisatie).set({ vertrouwd: false }).where(eq(t.organisatie.id, orgId)).run();
  const partner = (email: string, naam: string) =>
    bewaarAccount(db, { email, naam, beheerder: false, organisaties: [orgId], kernen: [] });
  gerda = partner('gerda@test.example', 'Gerda Jansen');
  henk = partner('henk@test.example', 'Henk de Vries');
});

/** The edit form as the page renders it (with its hidden basis), changed by `wijzig`. */
function formulier(wijzig: (d: ActiviteitData) => ActiviteitData): {
  velden: Velden;
  straks: (extra?: [string, string][]) => Velden;
} {
  const w = werkversie(db, 'activiteit', actId)!;
  const b = basisVan(w);
  return {
    velden: new Map(),
    straks: (extra = []) => {
      const velden = activiteitAlsVelden(wijzig(w.data as ActiviteitData));
      velden.set('basis.versie', [String(b.versie)]);
      if (b.revisieId) velden.set('basis.revisie', [String(b.revisieId)]);
      velden.set('basis.data', [JSON.stringify(b.data)]);
      for (const [k, v] of extra) velden.set(k, [v]);
      return velden;
    },
  };
}

const bewaar = (accountId: number, velden: Velden) =>
  bewaarActiviteit(db, config, laadAccount(db, accountId)!, orgId, actId, velden, publiceren);
const wachtend = () => werkversie(db, 'activiteit', actId)!.wachtend;
const wachtrij = (aan: string) => db.select().from(t.mailWachtrij).where(eq(t.mailWachtrij.aan, aan)).all();

describe('two people editing one activity', () => {
  it('keeps Gerda’s price and Henk’s description, without asking, and tells Gerda', () => {
    const g = formulier((d) => ({ ...d, kosten: { soort: 'bedrag', bedragCent: 300, per: 'keer' } }));
    const h = formulier((d) => ({ ...d, omschrijving: 'Henk schrijft een nieuwe omschrijving van de activiteit.' }));
    expect(bewaar(gerda, g.straks())).toMatchObject({ soort: 'opgeslagen', direct: false });
    expect(bewaar(henk, h.straks())).toMatchObject({ soort: 'opgeslagen', direct: false });
    const data = wachtend()!.data as ActiviteitData;
    expect(data.kosten).toEqual({ soort: 'bedrag', bedragCent: 300, per: 'keer' });
    expect(data.omschrijving).toBe('Henk schrijft een nieuwe omschrijving van de activiteit.');
    expect(wachtend()!.auteurId).toBe(henk);
    const mail = wachtrij('gerda@test.example');
    expect(mail).toHaveLength(1);
    const titel = leesActiviteit(db, actId)!.titel;
    expect(mail[0].onderwerp).toBe(`Uw wijziging van "${titel}" is samengevoegd met die van Henk de Vries`);
    expect(mail[0].tekst).toContain('Dit heeft Henk de Vries anders gemaakt dan in uw wijziging: Omschrijving.');
    expect(mail[0].tekst).toContain(`/partners/activiteiten/${actId}/`);
  });

  it('asks only about the field both changed, naming the other person, and saves the choice', () => {
    const g = formulier((d) => ({ ...d, kosten: { soort: 'bedrag', bedragCent: 400, per: 'keer' } }));
    const h = formulier((d) => ({
      ...d,
      kosten: { soort: 'bedrag', bedragCent: 250, per: 'keer' },
      toegankelijkheid: 'Drempelvrij',
    }));
    expect(bewaar(gerda, g.straks())).toMatchObject({ soort: 'opgeslagen' });
    const conflict = bewaar(henk, h.straks());
    if (conflict.soort !== 'conflict') throw new Error(`verwacht een conflict, kreeg ${conflict.soort}`);
    expect(conflict.keuzes.map((k) => [k.label, k.hun, k.mijn])).toEqual([['Kosten', '€ 4 per keer.', '€ 2,50 per keer.']]);
    expect(conflict.ander.naam).toBe('Gerda Jansen');
    // The form shown again has Henk's other change and asks once more without a choice.
    const opnieuw = activiteitAlsVelden(conflict.data as ActiviteitData);
    opnieuw.set('basis.versie', [String(conflict.basis.versie)]);
    opnieuw.set('basis.revisie', [String(conflict.basis.revisieId)]);
    opnieuw.set('basis.data', [JSON.stringify(conflict.basis.data)]);
    opnieuw.set('conflict.velden', ['kosten']);
    expect(bewaar(henk, opnieuw)).toMatchObject({ soort: 'conflict', melding: expect.stringContaining('Kies') });
    opnieuw.set('keuze.kosten', ['hun']);
    expect(bewaar(henk, opnieuw)).toMatchObject({ soort: 'opgeslagen' });
    const data = wachtend()!.data as ActiviteitData;
    expect(data.kosten).toEqual({ soort: 'bedrag', bedragCent: 400, per: 'keer' });
    expect(data.toegankelijkheid).toBe('Drempelvrij');
  });

  it('refuses nothing when the basis is tampered with: the change is then asked about, never taken silently', () => {
    const g = formulier((d) => ({ ...d, titel: 'Titel van Gerda' }));
    expect(bewaar(gerda, g.straks())).toMatchObject({ soort: 'opgeslagen' });
    const h = formulier((d) => d);
    const velden = h.straks();
    velden.set('basis.versie', ['0']);
    velden.set('basis.data', ['{kapot']);
    velden.set('titel', ['Titel van Henk']);
    const r = bewaar(henk, velden);
    expect(r.soort).toBe('conflict');
  });
});

describe('a form opened and saved unchanged changes nothing (every demo listing)', () => {
  it('reads back exactly what it showed', () => {
    const anders: string[] = [];
    for (const a of db.select().from(t.activiteit).all()) {
      const w = werkversie(db, 'activiteit', a.id)!;
      const data = w.data as ActiviteitData;
      const r = leesActiviteitFormulier(db, config, w.organisatieId, activiteitAlsVelden(data), data);
      if (!r.success) anders.push(`activiteit ${a.slug}: ${r.error.issues[0].message}`);
      else for (const v of gewijzigdeVelden(data, r.data)) anders.push(`activiteit ${a.slug}: ${v}`);
    }
    for (const o of db.select().from(t.organisatie).all()) {
      const data = werkversie(db, 'organisatie', o.id)!.data as OrganisatieData;
      const r = leesOrganisatieFormulier(db, config, o.id, organisatieAlsVelden(data));
      if (!r.success) anders.push(`organisatie ${o.slug}: ${r.error.issues[0].message}`);
      else for (const v of gewijzigdeVelden(data, r.data)) anders.push(`organisatie ${o.slug}: ${v}`);
    }
    expect(anders).toEqual([]);
  });
});
