import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { type Db, openDb } from '../db/client.ts';
import type { Bericht } from '../mail/mail.ts';
import { bewaarAccount, laadAccount } from '../portaal/accounts.ts';
import { bekijkBevestigToken, maakBevestigToken } from '../portaal/kloptnog.ts';
import type { Rooster } from '../rooster/schema.ts';
import { teVragenSeizoen, vraagSeizoenen } from './seizoen.ts';
import {
  bekijkSeizoenToken,
  bevestigSeizoenNamens,
  gaatDoorTekst,
  gebruikSeizoenToken,
  seizoenBelLijst,
} from './seizoenbevestigen.ts';

const rooster = (vanMaand: number, totMaand: number, periode?: Rooster['periode']): Rooster => ({
  regels: [{ type: 'wekelijks', dagen: ['wo'], interval: 1, van: '14:00', tot: '16:00' }],
  opAfspraak: false,
  seizoen: { vanMaand, totMaand },
  periode,
  nietOp: [],
});
const OUD = '2027-01-10';

describe('when to ask "Gaat het weer door?"', () => {
  const sept = rooster(9, 6);
  it('asks from three weeks before the first day of the season, not earlier and not once it started', () => {
    expect(teVragenSeizoen(sept, '2027-08-10', 3, OUD)).toBeUndefined();
    expect(teVragenSeizoen(sept, '2027-08-11', 3, OUD)).toBe('2027-09-01');
    expect(teVragenSeizoen(sept, '2027-08-31', 3, OUD)).toBe('2027-09-01');
    expect(teVragenSeizoen(sept, '2027-09-01', 3, OUD)).toBeUndefined();
    expect(teVragenSeizoen(sept, '2027-08-04', 4, OUD)).toBe('2027-09-01');
  });

  it('handles a season across the new year: asked in December for January, not while the season runs', () => {
    expect(teVragenSeizoen(rooster(1, 3), '2027-12-20', 3, OUD)).toBe('2028-01-01');
    expect(teVragenSeizoen(rooster(10, 4), '2027-09-15', 3, OUD)).toBe('2027-10-01');
    expect(teVragenSeizoen(rooster(10, 4), '2028-02-10', 3, OUD)).toBeUndefined();
  });

  it('does not ask a year-round season, an activity that ended, or one checked within those weeks', () => {
    expect(teVragenSeizoen(rooster(1, 12), '2027-12-20', 3, OUD)).toBeUndefined();
    expect(teVragenSeizoen(rooster(5, 4), '2027-04-20', 3, OUD)).toBeUndefined();
    expect(teVragenSeizoen(rooster(9, 6, { tot: '2027-06-30' }), '2027-08-20', 3, OUD)).toBeUndefined();
    expect(teVragenSeizoen(sept, '2027-08-20', 3, '2027-08-12')).toBeUndefined();
    expect(teVragenSeizoen({ ...sept, seizoen: undefined }, '2027-08-20', 3, OUD)).toBeUndefined();
  });
});

describe('asking and answering', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-seizoen-'));
  const config = loadConfig();
  const VANDAAG = '2027-08-15';
  const NU = new Date('2027-08-15T08:00:00Z');
  const publiceren = { vraagAan: () => {} };
  let db: Db;
  let metPartner: { id: number; titel: string; organisatieId: number };
  let zonder: { id: number; titel: string; kernId: number };
  let partner: number;
  let ko: number;
  const mails: Bericht[] = [];
  const stuur = async (b: Bericht) => void mails.push(b);

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    db = openDb(path.join(dir, 'db.sqlite'));
    seedDemo(db, config, '2026-11-22');
    const acts = db
      .select({
        id: t.activiteit.id,
        titel: t.activiteit.titel,
        organisatieId: t.activiteit.organisatieId,
        kernId: t.activiteit.kernId,
      })
      .from(t.activiteit)
      .innerJoin(t.organisatie, eq(t.organisatie.id, t.activiteit.organisatieId))
      .where(and(eq(t.activiteit.status, 'gepubliceerd'), eq(t.organisatie.status, 'gepubliceerd')))
      .all();
    // An organisation without seasonal activities of its own in the demo, so its mail names ours alone.
    const seizoenOrgs = new Set(
      db
        .select({ o: t.activiteit.organisatieId, r: t.activiteit.rooster })
        .from(t.activiteit)
        .all()
        .filter((a) => a.r.seizoen)
        .map((a) => a.o),
    );
    metPartner = acts.find((a) => !seizoenOrgs.has(a.organisatieId))!;
    zonder = acts.find((a) => a.organisatieId !== metPartner.organisatieId)!;
    for (const a of [metPartner, zonder]) {
      db.update(t.activiteit)
        .set({ rooster: rooster(9, 6), gecontroleerdOp: OUD })
        .where(eq(t.activiteit.id, a.id))
        .run();
    }
    partner = bewaarAccount(db, {
      email: 'seizoen@test.example',
      naam: 'Sietske Seizoen',
      beheerder: false,
      organisaties: [metPartner.organisatieId],
      kernen: [],
    });
    ko = bewaarAccount(db, {
      email: 'ko-seizoen@test.example',
      naam: 'Kees Seizoen',
      beheerder: false,
      organisaties: [],
      kernen: [zonder.kernId],
    });
  });
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const aanPartner = () => mails.filter((m) => m.aan === 'seizoen@test.example');
  const jaLink = (m: Bericht) => decodeURIComponent(m.tekst.match(/^Ja, het gaat door: \S+token=(\S+)$/m)![1]);
  const gecontroleerd = (id: number) => db.select().from(t.activiteit).where(eq(t.activiteit.id, id)).get()!.gecontroleerdOp;

  it('mails the partners once per season and puts an activity without partner on the call list', async () => {
    const eerst = await vraagSeizoenen(db, config, VANDAAG, 'https://kaart.example', { nu: NU, stuur });
    expect(eerst.mails).toBeGreaterThanOrEqual(1);
    const [mail] = aanPartner();
    expect(aanPartner()).toHaveLength(1);
    expect(mail.onderwerp).toBe(`Gaat ${metPartner.titel} weer door vanaf 1 september 2027?`);
    expect(mail.tekst).toMatch(/^Ja, het gaat door: https:\/\/kaart\.example\/partners\/gaat-door\/\?token=/m);
    expect(mail.tekst).toContain(`terug=%2Fpartners%2Factiviteiten%2F${metPartner.id}%2F`);
    expect(seizoenBelLijst(db, laadAccount(db, ko)!).map((a) => a.activiteitId)).toContain(zonder.id);
    expect(seizoenBelLijst(db, laadAccount(db, ko)!).map((a) => a.activiteitId)).not.toContain(metPartner.id);

    // Not twice: the same day, a week later.
    await vraagSeizoenen(db, config, VANDAAG, 'https://kaart.example', { nu: NU, stuur });
    await vraagSeizoenen(db, config, '2027-08-22', 'https://kaart.example', { nu: NU, stuur });
    expect(aanPartner()).toHaveLength(1);
  });

  it('the link confirms the activity once, under the partner; a changed or other-purpose link does nothing', () => {
    const token = jaLink(aanPartner()[0]);
    expect(bekijkSeizoenToken(db, token, NU)).toMatchObject({
      naam: 'Sietske Seizoen',
      seizoenStart: '2027-09-01',
      activiteit: { id: metPartner.id },
    });
    expect(gecontroleerd(metPartner.id)).toBe(OUD);
    // Single purpose: this link is unknown to "Alles klopt nog", and the other way round.
    expect(bekijkBevestigToken(db, token, NU)).toEqual({ fout: 'onbekend' });
    expect(bekijkSeizoenToken(db, maakBevestigToken(db, partner, [metPartner.organisatieId], NU), NU)).toEqual({
      fout: 'onbekend',
    });
    expect(gebruikSeizoenToken(db, `${token.slice(0, -2)}xx`, publiceren, NU, VANDAAG)).toEqual({ fout: 'onbekend' });

    expect(gebruikSeizoenToken(db, token, publiceren, NU, VANDAAG)).toMatchObject({ activiteit: { gecontroleerdOp: VANDAAG } });
    expect(gecontroleerd(metPartner.id)).toBe(VANDAAG);
    const rev = db.select().from(t.revisie).where(eq(t.revisie.entiteitId, metPartner.id)).all().at(-1)!;
    expect(rev).toMatchObject({ soort: 'activiteit', actie: 'controleren', auteurId: partner });
    expect(gaatDoorTekst(rev.data)).toBe('gaat weer door vanaf 1 september 2027');
    const vraag = db.select().from(t.seizoenVraag).where(eq(t.seizoenVraag.activiteitId, metPartner.id)).get()!;
    expect(vraag).toMatchObject({ beantwoordOp: VANDAAG, beantwoordDoor: partner, wijze: 'mail' });
    expect(gebruikSeizoenToken(db, token, publiceren, NU, VANDAAG)).toEqual({ fout: 'gebruikt' });
  });

  it('the kernondersteuner answers for an activity without partner, with a note without names', () => {
    const fout = bevestigSeizoenNamens(db, config, ko, zonder.id, 'gebeld met mevrouw Jansen', publiceren, VANDAAG);
    expect(fout).toMatchObject({ fout: expect.stringContaining('Noem de rol, niet de naam') });
    expect(gecontroleerd(zonder.id)).toBe(OUD);
    expect(bevestigSeizoenNamens(db, config, ko, zonder.id, 'gebeld met de trainer', publiceren, VANDAAG)).toEqual({
      gecontroleerdOp: VANDAAG,
    });
    expect(seizoenBelLijst(db, laadAccount(db, ko)!).map((a) => a.activiteitId)).not.toContain(zonder.id);
    const rev = db.select().from(t.revisie).where(eq(t.revisie.entiteitId, zonder.id)).all().at(-1)!;
    expect(rev).toMatchObject({ reden: 'gebeld met de trainer', auteurId: ko });
    expect(bevestigSeizoenNamens(db, config, ko, zonder.id, 'gebeld met de trainer', publiceren, VANDAAG)).toEqual({
      fout: 'Deze vraag is al beantwoord.',
    });
    // A partner is no kernondersteuner: not on their behalf.
    expect(bevestigSeizoenNamens(db, config, partner, metPartner.id, 'gebeld', publiceren, VANDAAG)).toMatchObject({
      fout: 'U mag deze activiteit niet namens de organisatie bevestigen.',
    });
  });

  it('a link of a deleted activity goes with it; deleting is not blocked by it', async () => {
    db.delete(t.seizoenVraag).where(eq(t.seizoenVraag.activiteitId, metPartner.id)).run();
    db.update(t.activiteit).set({ gecontroleerdOp: OUD }).where(eq(t.activiteit.id, metPartner.id)).run();
    await vraagSeizoenen(db, config, VANDAAG, 'https://kaart.example', { nu: NU, stuur });
    const token = jaLink(aanPartner().at(-1)!);
    db.delete(t.activiteit).where(eq(t.activiteit.id, metPartner.id)).run();
    expect(db.select().from(t.bevestigToken).where(eq(t.bevestigToken.activiteitId, metPartner.id)).all()).toEqual([]);
    expect(bekijkSeizoenToken(db, token, NU)).toEqual({ fout: 'onbekend' });
  });
});
