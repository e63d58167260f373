import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb, type Db } from '../db/client.ts';
import { bewaarAccount, laadAccount, type Account } from '../portaal/accounts.ts';
import { exacteAantallen, magSignaalOpvolgen, magSignaalZien, signaalKernen, toegestaneStappen } from './toegang.ts';
import { afzenders, handelendeAfzender, partnerKernen, signaalRechten } from './afzender.ts';
import { signalenCsv } from './export.ts';
import { aandachtNodig, activiteitenInKern, leesSignaal, signalenLijst } from './lezen.ts';
import { controleDatum, groepeer, haalUitGroep, herken, meldSignaal, speeltNog, zetStatus } from './opslag.ts';
import { maakSignaalSchema, maakStatusSchema, type SignaalContext } from './schema.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-signalen-'));
const config = loadConfig();
const VANDAAG = '2026-11-22';
let db: Db;
let sibculo: number;
let aadorp: number;
let orgS1: number;
let orgS2: number;
let orgA: number;
const acc: Record<string, Account> = {};

function kernId(slug: string) {
  return db.select().from(t.kern).where(eq(t.kern.slug, slug)).get()!.id;
}
/** Organisations that serve only this kern, so the test knows exactly where they are active. */
function alleenIn(kern: number): number[] {
  const rijen = db.select().from(t.organisatieKern).all();
  return [...new Set(rijen.filter((r) => r.kernId === kern).map((r) => r.organisatieId))].filter(
    (o) => rijen.filter((r) => r.organisatieId === o).length === 1,
  );
}

function melding(account: Account, velden: Record<string, string>) {
  const r = signaalRechten(db, account);
  const ctx: SignaalContext = { config, kernen: r.kernen, afzenders: afzenders(db, account, config), vandaag: VANDAAG };
  return maakSignaalSchema(ctx).safeParse({
    kern: 'sibculo',
    omvang: 'groep',
    sinds: '2026-09',
    basis: 'eigen-waarneming',
    ...velden,
  });
}

function meld(account: Account, tekst: string, kern = 'sibculo'): number {
  const a = afzenders(db, account, config).find((x) => x.kernIds.includes(kernId(kern)))!.waarde;
  const r = melding(account, { tekst, afzender: a, thema: 'ontmoeting', kern });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return meldSignaal(db, account, r.data, VANDAAG);
}

beforeAll(() => {
  db = openDb(path.join(dir, 'db.sqlite'));
  seedDemo(db, config, VANDAAG);
  sibculo = kernId('sibculo');
  aadorp = kernId('aadorp');
  [orgS1, orgS2] = alleenIn(sibculo);
  orgA = alleenIn(aadorp)[0];
  const maak = (naam: string, organisaties: number[], kernen: number[] = [], beheerder = false) =>
    (acc[naam] = laadAccount(db, bewaarAccount(db, { email: `${naam}@test.example`, naam, beheerder, organisaties, kernen }))!);
  maak('partner1', [orgS1]);
  maak('partner2', [orgS2]);
  maak('collega1', [orgS1]);
  maak('twee', [orgS1, orgA]);
  maak('ander', [orgA]);
  maak('ko', [], [sibculo]);
  maak('beheer', [], [], true);
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('access to signalen', () => {
  it('shows a kern only to its partners, its kernondersteuner and the beheerder', () => {
    const alle = db
      .select({ id: t.kern.id })
      .from(t.kern)
      .all()
      .map((k) => k.id);
    const zien = (a: Account, k: number) => magSignaalZien(a, k, partnerKernen(db, a));
    expect(zien(acc.partner1, sibculo)).toBe(true);
    expect(zien(acc.ander, sibculo)).toBe(false);
    expect(zien(acc.ko, sibculo)).toBe(true);
    expect(zien(acc.ko, aadorp)).toBe(false);
    expect(zien(acc.beheer, aadorp)).toBe(true);
    expect(signaalKernen(acc.twee, partnerKernen(db, acc.twee), alle).sort()).toEqual([sibculo, aadorp].sort());
    expect(signaalKernen({ ...acc.partner1, actief: false }, partnerKernen(db, acc.partner1), alle)).toEqual([]);
    expect(magSignaalOpvolgen(acc.ko, sibculo)).toBe(true);
    expect(magSignaalOpvolgen(acc.partner1, sibculo)).toBe(false);
  });

  it('gives exact counts only for one kern to its own partners and kernondersteuner', () => {
    expect(exacteAantallen(acc.partner1, [sibculo], partnerKernen(db, acc.partner1))).toBe(true);
    expect(exacteAantallen(acc.ko, [sibculo], [])).toBe(true);
    expect(exacteAantallen(acc.twee, [sibculo, aadorp], partnerKernen(db, acc.twee))).toBe(false);
    expect(exacteAantallen(acc.beheer, [sibculo], [])).toBe(false);
    expect(exacteAantallen(acc.ander, [sibculo], partnerKernen(db, acc.ander))).toBe(false);
  });

  it('lets an account speak for its organisations in their kernen, the kernondersteuner for kernondersteuning', () => {
    expect(
      afzenders(db, acc.twee, config)
        .map((a) => a.organisatieId)
        .sort(),
    ).toEqual([orgS1, orgA].sort());
    const ko = afzenders(db, acc.ko, config);
    expect(ko).toHaveLength(1);
    expect(ko[0]).toMatchObject({ rol: 'kernondersteuner', kernIds: [sibculo] });
    expect(ko[0].naam).toMatch(/Kernondersteuning/);
    expect(afzenders(db, acc.beheer, config)[0]).toMatchObject({ rol: 'beheerder', naam: `Gemeente ${config.naam}` });
    expect(handelendeAfzender(afzenders(db, acc.twee, config), sibculo)?.organisatieId).toBe(orgS1);
  });
});

describe('recording a signal', () => {
  it('refuses personal data with an explanation at the text field, and a kern the organisation does not serve', () => {
    const r = melding(acc.partner1, { tekst: 'Mevrouw Jansen (84) is vaak alleen, bel 06-12345678.', afzender: `org-${orgS1}` });
    expect(r.success).toBe(false);
    const fout = r.error!.issues.find((i) => i.path.join('.') === 'tekst')!;
    expect(fout.message).toContain('Dit lijkt een naam');
    expect(fout.message).toContain('Dit lijkt een telefoonnummer: 06-12345678.');
    expect(fout.message).toContain('Schrijf over de groep, niet over één persoon.');
    const verkeerd = melding(acc.twee, { tekst: 'Veel ouderen zitten alleen thuis.', afzender: `org-${orgA}` });
    expect(verkeerd.error!.issues.map((i) => i.path.join('.'))).toEqual(['afzender']);
    expect(
      melding(acc.ander, { tekst: 'Veel ouderen zitten alleen thuis.', afzender: `org-${orgA}` }).error!.issues[0].path,
    ).toEqual(['kern']);
    expect(
      melding(acc.partner1, { tekst: 'Veel ouderen zitten alleen thuis.', afzender: `org-${orgS1}`, sinds: '2030-01' }).success,
    ).toBe(false);
  });

  it('stores account, organisation and a review date three months on; the log holds no text', () => {
    const id = meld(acc.partner1, 'Steeds meer ouderen wonen alleen en komen weinig buiten.');
    const s = db.select().from(t.signaal).where(eq(t.signaal.id, id)).get()!;
    expect(s).toMatchObject({
      accountId: acc.partner1.id,
      organisatieId: orgS1,
      rol: 'partner',
      status: 'nieuw',
      controleerOp: '2027-02-22',
    });
    expect(controleDatum('2026-11-30')).toBe('2027-02-28');
    expect(
      db
        .select()
        .from(t.logboek)
        .all()
        .some((l) => l.omschrijving.includes('ouderen')),
    ).toBe(false);
  });
});

describe('wij zien dit ook', () => {
  it('counts organisations, not clicks, and not the recorder twice', () => {
    const id = meld(acc.partner1, 'Jongeren hangen rond bij het sportpark.');
    const afz = (a: Account) => handelendeAfzender(afzenders(db, a, config), sibculo)!;
    expect(herken(db, acc.partner2, id, afz(acc.partner2), 'Zien wij ook op vrijdag.', VANDAAG)).toBe(true);
    expect(herken(db, acc.partner2, id, afz(acc.partner2), undefined, VANDAAG)).toBe(false);
    expect(herken(db, acc.collega1, id, afz(acc.collega1), undefined, VANDAAG)).toBe(false);
    expect(herken(db, acc.ko, id, afz(acc.ko), undefined, VANDAAG)).toBe(true);
    const s = leesSignaal(db, id, config, VANDAAG)!;
    expect(s.aantalHerkend).toBe(3);
    expect(s.herkend.map((h) => h.notitie)).toEqual(['Zien wij ook op vrijdag.', null]);
    expect(signalenLijst(db, { kernIds: [sibculo] }, VANDAAG).find((r) => r.id === id)!.herkend).toBe(3);
  });
});

describe('follow-up', () => {
  it('lets partners pick up and close their own, and the kernondersteuner everything, through to afgerond with an activity', () => {
    const id = meld(acc.partner1, 'Veel nieuwkomers vinden de weg naar het taalcafé niet.');
    const stand = () => db.select().from(t.signaal).where(eq(t.signaal.id, id)).get()!;
    expect(toegestaneStappen(acc.partner2, stand(), partnerKernen(db, acc.partner2))).toEqual(['opgepakt']);
    expect(toegestaneStappen(acc.ander, stand(), partnerKernen(db, acc.ander))).toEqual([]);
    expect(toegestaneStappen(acc.ko, stand(), [])).toEqual(['besproken', 'opgepakt', 'geen-actie']);
    const activiteit = activiteitenInKern(db, sibculo)[0];
    const status = (statussen: string[], invoer: Record<string, unknown>) =>
      maakStatusSchema(config, {
        statussen: statussen as never,
        organisaties: [orgS1, orgS2],
        activiteiten: [activiteit.id],
      }).safeParse(invoer);
    const ko = handelendeAfzender(afzenders(db, acc.ko, config), sibculo)!;
    zetStatus(db, acc.ko, id, ko, status(['besproken'], { status: 'besproken' }).data!, VANDAAG);
    expect(status(['opgepakt'], { status: 'opgepakt' }).success).toBe(false);
    zetStatus(db, acc.ko, id, ko, status(['opgepakt'], { status: 'opgepakt', opgepaktDoor: String(orgS2) }).data!, VANDAAG);
    expect(toegestaneStappen(acc.partner2, stand(), partnerKernen(db, acc.partner2))).toEqual(['afgerond', 'geen-actie']);
    expect(status(['afgerond'], { status: 'afgerond' }).error!.issues[0].path).toEqual(['uitkomst']);
    expect(status(['geen-actie'], { status: 'geen-actie', uitkomst: 'Bel meneer Pot op 0546 123456' }).success).toBe(false);
    const klaar = status(['afgerond'], {
      status: 'afgerond',
      uitkomst: 'Taalcafé verhuisd naar het dorpshuis.',
      activiteit: String(activiteit.id),
    }).data!;
    zetStatus(db, acc.partner2, id, handelendeAfzender(afzenders(db, acc.partner2, config), sibculo, orgS2)!, klaar, VANDAAG);
    const s = leesSignaal(db, id, config, VANDAAG)!;
    expect(s).toMatchObject({ status: 'afgerond', controleerOp: null, uitkomst: 'Taalcafé verhuisd naar het dorpshuis.' });
    expect(s.activiteit?.titel).toBe(activiteit.titel);
    expect(s.tijdlijn.map((g) => g.status ?? g.soort)).toEqual(['nieuw', 'besproken', 'opgepakt', 'afgerond']);
    expect(s.tijdlijn.at(-1)!.organisatieId).toBe(orgS2);
  });

  it('lists overdue signals first, and "speelt nog" moves them', () => {
    const id = meld(acc.partner2, 'De belbus rijdt niet meer na zes uur.');
    db.update(t.signaal).set({ controleerOp: '2026-11-01' }).where(eq(t.signaal.id, id)).run();
    expect(signalenLijst(db, { kernIds: [sibculo] }, VANDAAG)[0]).toMatchObject({ id, teControleren: true });
    expect(aandachtNodig(db, acc.ko, VANDAAG)).toBeGreaterThan(0);
    const voorPartner = aandachtNodig(db, acc.partner2, VANDAAG);
    speeltNog(db, acc.ko, id, handelendeAfzender(afzenders(db, acc.ko, config), sibculo)!, VANDAAG);
    expect(signalenLijst(db, { kernIds: [sibculo] }, VANDAAG).find((r) => r.id === id)).toMatchObject({
      teControleren: false,
      controleerOp: '2027-02-22',
    });
    expect(aandachtNodig(db, acc.partner2, VANDAAG)).toBe(voorPartner);
    expect(aandachtNodig(db, acc.ander, VANDAAG)).toBe(0);
  });

  it('groups signals of one kern without deleting any, and can take one out again', () => {
    const a = meld(acc.partner1, 'Ouders zoeken opvang na schooltijd.');
    const b = meld(acc.partner2, 'Er is geen BSO meer in het dorp.');
    const c = meld(acc.partner2, 'Werkende ouders komen niet naar de ouderavond.');
    const ko = handelendeAfzender(afzenders(db, acc.ko, config), sibculo)!;
    const groep = groepeer(db, acc.ko, ko, a, b, 'Opvang na school');
    expect(groepeer(db, acc.ko, ko, c, a, undefined)).toBe(groep);
    expect(leesSignaal(db, b, config, VANDAAG)!.groep?.leden.map((l) => l.id)).toEqual([a, b, c]);
    const anderKern = meld(acc.twee, 'Ook in Aadorp geen BSO.', 'aadorp');
    expect(() => groepeer(db, acc.beheer, ko, a, anderKern, undefined)).toThrow();
    haalUitGroep(db, acc.ko, ko, c);
    expect(leesSignaal(db, a, config, VANDAAG)!.groep?.leden.map((l) => l.id)).toEqual([a, b]);
    expect([a, b, c].every((id) => leesSignaal(db, id, config, VANDAAG))).toBe(true);
  });
});

describe('export', () => {
  it('defuses formulas in signal texts', () => {
    const id = meld(acc.partner1, '=HYPERLINK("http://x.example","klik") veel jongeren');
    const rij = signalenLijst(db, { kernIds: [sibculo] }, VANDAAG).filter((r) => r.id === id);
    const csv = signalenCsv(rij, config, () => 'X');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""klik"") veel jongeren"`);
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });
});
