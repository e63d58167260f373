import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { leesActiviteit } from '../data/kaart.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import type { ActiviteitData } from '../model/schemas.ts';
import { bewaarAccount } from './accounts.ts';
import { keurGoed, legEersteVersiesVast, liveVersie, stelVoor, werkversie, zetTerug } from './revisies.ts';

const config = loadConfig();
let db: Db;
let partner: number;
let beheerder: number;

beforeAll(() => {
  db = openDb(':memory:');
  seedDemo(db, config, '2026-11-22');
  partner = bewaarAccount(db, { email: 'p@test.example', naam: 'Partner', beheerder: false, organisaties: [], kernen: [] });
  beheerder = bewaarAccount(db, { email: 'b@test.example', naam: 'Beheer', beheerder: true, organisaties: [], kernen: [] });
});

const revisiesVan = (id: number) =>
  db
    .select()
    .from(t.revisie)
    .where(and(eq(t.revisie.soort, 'activiteit'), eq(t.revisie.entiteitId, id)))
    .all();

describe('a first version of every listing', () => {
  it('the data step records one per seeded listing, once', () => {
    const aantal = db.select().from(t.organisatie).all().length + db.select().from(t.activiteit).all().length;
    expect(legEersteVersiesVast(db)).toBe(aantal);
    expect(legEersteVersiesVast(db)).toBe(0);
    const zonder = db
      .select({ slug: t.activiteit.slug, id: t.activiteit.id })
      .from(t.activiteit)
      .all()
      .filter((a) => !revisiesVan(a.id).some((r) => r.actie === 'origineel'))
      .map((a) => a.slug);
    expect(zonder).toEqual([]);
  });

  it('after two approved changes the original description can be put back', () => {
    const id = db.select({ id: t.activiteit.id }).from(t.activiteit).limit(1).offset(3).get()!.id;
    const origineel = leesActiviteit(db, id)!.omschrijving;
    for (const tekst of ['Eerste nieuwe omschrijving van deze activiteit.', 'Tweede nieuwe omschrijving van deze activiteit.']) {
      const w = werkversie(db, 'activiteit', id)!;
      const { revisie } = stelVoor(db, {
        soort: 'activiteit',
        entiteitId: id,
        organisatieId: w.organisatieId,
        data: { ...(w.data as ActiviteitData), omschrijving: tekst },
        basisVersie: w.versie,
        auteurId: partner,
        direct: false,
      });
      keurGoed(db, revisie.id, beheerder);
    }
    expect(leesActiviteit(db, id)!.omschrijving).toBe('Tweede nieuwe omschrijving van deze activiteit.');
    const eerste = revisiesVan(id).find((r) => r.actie === 'origineel')!;
    expect(liveVersie(revisiesVan(id))?.actie).toBe('wijzigen');
    zetTerug(db, eerste.id, beheerder);
    expect(leesActiviteit(db, id)!.omschrijving).toBe(origineel);
    expect(liveVersie(revisiesVan(id))?.actie).toBe('terugzetten');
  });

  it('is recorded just before the first portal change of a listing the data step missed', () => {
    const id = db.select({ id: t.activiteit.id }).from(t.activiteit).limit(1).offset(7).get()!.id;
    db.delete(t.revisie)
      .where(and(eq(t.revisie.soort, 'activiteit'), eq(t.revisie.entiteitId, id)))
      .run();
    const voor = leesActiviteit(db, id)!.titel;
    const w = werkversie(db, 'activiteit', id)!;
    stelVoor(db, {
      soort: 'activiteit',
      entiteitId: id,
      organisatieId: w.organisatieId,
      data: { ...(w.data as ActiviteitData), titel: 'Nieuwe titel' },
      basisVersie: w.versie,
      auteurId: beheerder,
      direct: true,
    });
    const eerste = revisiesVan(id).find((r) => r.actie === 'origineel');
    expect((eerste?.data as ActiviteitData | undefined)?.titel).toBe(voor);
  });

  it('approves a proposal after an earlier version was put back, merging it with that version', () => {
    const id = db.select({ id: t.activiteit.id }).from(t.activiteit).limit(1).offset(11).get()!.id;
    const origineel = leesActiviteit(db, id)!;
    const w1 = werkversie(db, 'activiteit', id)!;
    stelVoor(db, {
      soort: 'activiteit',
      entiteitId: id,
      organisatieId: w1.organisatieId,
      data: { ...(w1.data as ActiviteitData), titel: 'Titel van de beheerder' },
      basisVersie: w1.versie,
      auteurId: beheerder,
      direct: true,
    });
    const w2 = werkversie(db, 'activiteit', id)!;
    const { revisie } = stelVoor(db, {
      soort: 'activiteit',
      entiteitId: id,
      organisatieId: w2.organisatieId,
      data: { ...(w2.data as ActiviteitData), omschrijving: 'De omschrijving die de partner voorstelt.' },
      basisVersie: w2.versie,
      auteurId: partner,
      direct: false,
    });
    zetTerug(db, revisiesVan(id).find((r) => r.actie === 'origineel')!.id, beheerder);
    keurGoed(db, revisie.id, beheerder);
    const na = leesActiviteit(db, id)!;
    expect([na.titel, na.omschrijving]).toEqual([origineel.titel, 'De omschrijving die de partner voorstelt.']);
  });
});
