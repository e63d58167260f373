import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import type { ActiviteitData } from '../model/schemas.ts';
import { bewaarAccount, laadAccount } from './accounts.ts';
import { beoordeel } from './beoordelen.ts';
import { afgewezenVoorstel, legEersteVersiesVast, stelVoor, versieVoor, werkversie } from './revisies.ts';

const config = loadConfig();
const publiceren = { vraagAan: () => {} };
let db: Db;
let partner: number;
let collega: number;
let beheerder: number;
let actId: number;
let orgId: number;

beforeAll(() => {
  db = openDb(':memory:');
  seedDemo(db, config, '2026-11-22');
  legEersteVersiesVast(db);
  const act = db.select().from(t.activiteit).limit(1).offset(9).get()!;
  actId = act.id;
  orgId = act.organisatieId;
  partner = bewaarAccount(db, { email: 'p@test.example', naam: 'Piet', beheerder: false, organisaties: [orgId], kernen: [] });
  collega = bewaarAccount(db, { email: 'c@test.example', naam: 'Cor', beheerder: false, organisaties: [orgId], kernen: [] });
  beheerder = bewaarAccount(db, { email: 'b@test.example', naam: 'Beheer', beheerder: true, organisaties: [], kernen: [] });
});

describe('a rejected change is not lost', () => {
  it('needs a reason, mails the listing, the reason and a link back, and is offered to its author only', async () => {
    const w = werkversie(db, 'activiteit', actId)!;
    const data = { ...(w.data as ActiviteitData), omschrijving: 'Wat Piet typte, met veel zorg geschreven.' };
    const { revisie } = stelVoor(db, {
      soort: 'activiteit',
      entiteitId: actId,
      organisatieId: orgId,
      data,
      basisVersie: w.versie,
      auteurId: partner,
      direct: false,
    });
    const b = laadAccount(db, beheerder)!;
    expect(await beoordeel(db, b, revisie.id, 'afwijzen', '  ', publiceren)).toMatchObject({ soort: 'fout' });
    expect(await beoordeel(db, b, revisie.id, 'afwijzen', 'Noem ook de tijd.', publiceren)).toEqual({
      soort: 'klaar',
      publiceren: false,
    });
    const [mail] = db.select().from(t.mailWachtrij).where(eq(t.mailWachtrij.aan, 'p@test.example')).all();
    expect(mail.onderwerp).toBe(`Uw wijziging van "${data.titel}" is niet doorgevoerd`);
    expect(mail.tekst).toContain('Noem ook de tijd.');
    expect(mail.tekst).toContain(`/partners/activiteiten/${actId}/?verder=${revisie.id}`);

    const voor = (accountId: number, id?: number) =>
      afgewezenVoorstel(db, { soort: 'activiteit', entiteitId: actId, organisatieId: orgId, accountId, id });
    expect((voor(partner)!.data as ActiviteitData).omschrijving).toBe(data.omschrijving);
    expect(voor(partner, revisie.id)?.id).toBe(revisie.id);
    expect(voor(collega)).toBeUndefined();
    expect(voor(collega, revisie.id)).toBeUndefined();
    // It started from the live version (here the first version), which a save merges with.
    expect(versieVoor(db, revisie)).toEqual(w.live);
  });
});
