import { describe, expect, it } from 'vitest';
import type { Account } from '../portaal/accounts.ts';
import { aantalTekst, getoond, maanden, overzicht, uitsplitsing, type TelRij } from './cijfers.ts';
import { jaarTerug } from './onderhoud.ts';
import { aandacht } from './status.ts';
import {
  antwoordenVoor,
  exacteKernen,
  magCijfersZien,
  magContactZien,
  magVerwijzenNaar,
  magVerwijzingZien,
  verwijsKernen,
} from './toegang.ts';

const account = (a: Partial<Account>): Account => ({
  id: 1,
  email: 'x@x.example',
  naam: 'X',
  beheerder: false,
  actief: true,
  organisaties: [],
  kernen: [],
  ...a,
});
const ko = account({ id: 1, kernen: [3] });
const partner = account({ id: 2, organisaties: [10] });
const verwijzendePartner = account({ id: 3, organisaties: [10], magVerwijzen: true });
const beheerder = account({ id: 4, beheerder: true });
const anderePartner = account({ id: 5, organisaties: [11] });
const v = { verwijzerId: 1, organisatieId: 10, status: 'verwezen' as const, toestemmingOp: null };

describe('who may refer', () => {
  it('kernondersteuners in their kernen, partners only with the flag and in the kernen of their organisations', () => {
    expect(verwijsKernen(ko, [])).toEqual([3]);
    expect(verwijsKernen(partner, [5, 6])).toEqual([]);
    expect(verwijsKernen(verwijzendePartner, [6, 5])).toEqual([5, 6]);
    expect(verwijsKernen(beheerder, [])).toEqual([]);
    expect(verwijsKernen({ ...ko, actief: false }, [])).toEqual([]);
    expect(magVerwijzenNaar(ko, [], { kernId: 3 })).toBe(true);
    expect(magVerwijzenNaar(ko, [], { kernId: 4 })).toBe(false);
    expect(magVerwijzenNaar(verwijzendePartner, [5], { kernId: 5 })).toBe(true);
  });
});

describe('who sees a referral', () => {
  it('only the referrer and the provider; not other partners, other kernondersteuners or the beheerder', () => {
    expect(magVerwijzingZien(ko, v)).toBe(true);
    expect(magVerwijzingZien(partner, v)).toBe(true);
    expect(magVerwijzingZien(anderePartner, v)).toBe(false);
    expect(magVerwijzingZien(account({ id: 9, kernen: [3] }), v)).toBe(false);
    expect(magVerwijzingZien(beheerder, v)).toBe(false);
    expect(magVerwijzingZien({ ...partner, actief: false }, v)).toBe(false);
  });

  it('shows a contact detail only with consent', () => {
    expect(magContactZien(partner, v)).toBe(false);
    expect(magContactZien(partner, { ...v, toestemmingOp: '2026-11-22T10:00:00Z' })).toBe(true);
    expect(magContactZien(anderePartner, { ...v, toestemmingOp: '2026-11-22T10:00:00Z' })).toBe(false);
  });

  it('lets the provider answer and the referrer only close', () => {
    expect(antwoordenVoor(partner, v)).toEqual(['aangekomen', 'gestart', 'niet-gekomen', 'past-niet', 'vol']);
    expect(antwoordenVoor(ko, v)).toEqual(['afgerond']);
    expect(antwoordenVoor(anderePartner, v)).toEqual([]);
    expect(antwoordenVoor(partner, { ...v, status: 'gestart' })).toEqual(['doet-mee', 'gestopt']);
    expect(antwoordenVoor(partner, { ...v, status: 'vol' })).toEqual([]);
    expect(antwoordenVoor(ko, { ...v, status: 'niet-gekomen' })).toEqual([]);
  });

  it('gives figures to the beheerder and kernondersteuners, exact only in their own kernen', () => {
    expect(magCijfersZien(beheerder)).toBe(true);
    expect(magCijfersZien(ko)).toBe(true);
    expect(magCijfersZien(verwijzendePartner)).toBe(false);
    expect(exacteKernen(beheerder)).toEqual([]);
    expect(exacteKernen(ko)).toEqual([3]);
  });
});

describe('attention', () => {
  const vandaag = '2026-11-22';
  it('flags no answer after 14 days and asks "doet nog mee?" six weeks after the start', () => {
    const r = aandacht(
      [
        { id: 1, status: 'verwezen', datum: '2026-11-09', startDatum: null },
        { id: 2, status: 'verwezen', datum: '2026-11-08', startDatum: null },
        { id: 3, status: 'gestart', datum: '2026-09-01', startDatum: '2026-10-12' },
        { id: 4, status: 'gestart', datum: '2026-09-01', startDatum: '2026-10-11' },
        { id: 5, status: 'aangekomen', datum: '2026-10-11', startDatum: null },
        { id: 6, status: 'vol', datum: '2026-01-01', startDatum: null },
      ],
      vandaag,
    );
    expect(r).toEqual([
      { id: 2, soort: 'geen-antwoord', sinds: '2026-11-22' },
      { id: 4, soort: 'doet-nog-mee', sinds: '2026-11-22' },
      { id: 5, soort: 'doet-nog-mee', sinds: '2026-11-22' },
    ]);
  });

  it('counts twelve months back, also from 29 February', () => {
    expect(jaarTerug('2026-11-22')).toBe('2025-11-22');
    expect(jaarTerug('2028-02-29')).toBe('2027-02-28');
  });
});

describe('figures', () => {
  const rij = (r: Partial<TelRij>): TelRij => ({
    maand: '2026-11',
    kernId: 3,
    thema: 'ontmoeting',
    activiteitId: 1,
    activiteitTitel: 'A',
    uitkomst: 'aangekomen',
    aantal: 1,
    ...r,
  });

  it('hides counts of 1 to 4 unless every kern in them is the viewer’s own', () => {
    expect(getoond({ aantal: 3, kernen: new Set([3]) }, [3])).toBe(3);
    expect(getoond({ aantal: 3, kernen: new Set([3, 4]) }, [3])).toBeNull();
    expect(getoond({ aantal: 5, kernen: new Set([4]) }, [])).toBe(5);
    expect(getoond(undefined, [])).toBe(0);
    expect(aantalTekst(null)).toBe('minder dan 5');
  });

  it('splits per key with zero rows for known keys, then the rest largest first', () => {
    const rijen = [
      rij({ thema: 'a', aantal: 2 }),
      rij({ thema: 'b', aantal: 7 }),
      rij({ thema: 'a', kernId: 4, aantal: 4 }),
      rij({ thema: 'c', aantal: 1 }),
    ];
    expect(
      uitsplitsing(
        rijen,
        (r) => r.thema,
        (s) => s.toUpperCase(),
        [3],
        ['z'],
      ),
    ).toEqual([
      { sleutel: 'z', label: 'Z', aantal: 0 },
      { sleutel: 'b', label: 'B', aantal: 7 },
      { sleutel: 'a', label: 'A', aantal: 6 },
      { sleutel: 'c', label: 'C', aantal: 1 },
    ]);
    expect(
      uitsplitsing(
        rijen,
        (r) => r.thema,
        (s) => s,
        [],
      )[2],
    ).toEqual({ sleutel: 'c', label: 'c', aantal: null });
  });

  it('lists months across a year boundary', () => {
    expect(maanden('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('overview of a period', () => {
  it('lists every kern, thema and outcome, and hides small counts outside one’s kernen', () => {
    const rijen: TelRij[] = [
      {
        maand: '2026-11',
        kernId: 1,
        thema: 'a',
        activiteitId: 7,
        activiteitTitel: 'Wandelen',
        uitkomst: 'aangekomen',
        aantal: 2,
      },
      { maand: '2026-10', kernId: 2, thema: 'a', activiteitId: 8, activiteitTitel: 'Koffie', uitkomst: 'vol', aantal: 6 },
    ];
    const lijsten = {
      kernen: [
        { id: 1, naam: 'Een' },
        { id: 2, naam: 'Twee' },
        { id: 3, naam: 'Drie' },
      ],
      themas: [
        { slug: 'a', label: 'A' },
        { slug: 'b', label: 'B' },
      ],
      uitkomsten: {
        verwezen: 'V',
        aangekomen: 'Aan',
        gestart: 'G',
        'niet-gekomen': 'N',
        'past-niet': 'P',
        vol: 'Vol',
        'doet-mee': 'D',
        gestopt: 'S',
        afgerond: 'Af',
      },
    };
    const o = overzicht(rijen, lijsten, [1]);
    expect(o.totaal.aantal).toBe(8);
    expect(o.perKern.map((r) => [r.label, r.aantal])).toEqual([
      ['Een', 2],
      ['Twee', 6],
      ['Drie', 0],
    ]);
    expect(o.perThema.map((r) => r.aantal)).toEqual([8, 0]);
    expect(o.perUitkomst.find((r) => r.label === 'Aan')!.aantal).toBe(2);
    expect(o.perActiviteit.map((r) => [r.label, r.aantal])).toEqual([
      ['Koffie', 6],
      ['Wandelen', 2],
    ]);
    const beheer = overzicht(rijen, lijsten, []);
    expect(beheer.perKern[0].aantal).toBeNull();
    expect(beheer.perUitkomst.find((r) => r.label === 'Aan')!.aantal).toBeNull();
  });
});
