import { describe, expect, it } from 'vitest';
import type { Account } from '../portaal/accounts.ts';
import { type Figuur, valAan } from '../cijfers/aanval.ts';
import { cijferTekst } from '../cijfers/bescherm.ts';
import { maanden, maandTekst, type Overzicht, overzicht, type Rij, type TelRij } from './cijfers.ts';
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

const UITKOMSTEN = {
  verwezen: 'V',
  aangekomen: 'Aan',
  gestart: 'G',
  'niet-gekomen': 'N',
  'past-niet': 'P',
  vol: 'Vol',
  'doet-mee': 'D',
  gestopt: 'S',
  afgerond: 'Af',
};
const lijsten = {
  maanden: ['2026-10', '2026-11'],
  kernen: [
    { id: 1, naam: 'Een' },
    { id: 2, naam: 'Twee' },
    { id: 3, naam: 'Drie' },
  ],
  themas: [
    { slug: 'a', label: 'A' },
    { slug: 'b', label: 'B' },
  ],
  uitkomsten: UITKOMSTEN,
};
const rij = (r: Partial<TelRij>): TelRij => ({
  maand: '2026-11',
  kernId: 3,
  thema: 'a',
  activiteitId: 1,
  activiteitTitel: 'A',
  uitkomst: 'aangekomen',
  aantal: 1,
  ...r,
});

/**
 * Every figure of the page as sums over the atoms of the attacker: every combination of month,
 * kern, thema, outcome and listed activity (the attacker does not know which combinations occur).
 */
function figuren(o: Overzicht, rijen: TelRij[], maand?: string): { figuren: Figuur[]; atomen: number; waarden: number[] } {
  const activiteiten = [...new Set(rijen.map((r) => `${r.activiteitId}|${r.activiteitTitel}`))];
  const atomen = lijsten.maanden.flatMap((m) =>
    lijsten.kernen.flatMap((k) =>
      lijsten.themas.flatMap((th) =>
        Object.keys(UITKOMSTEN).flatMap((u) =>
          activiteiten.map((a) => ({ maand: m, kern: String(k.id), thema: th.slug, uitkomst: u, a })),
        ),
      ),
    ),
  );
  type Atoom = (typeof atomen)[number];
  const sleutel = (x: Atoom) => `${x.maand}|${x.kern}|${x.thema}|${x.uitkomst}|${x.a}`;
  const waarden = atomen.map((x) =>
    rijen
      .filter(
        (r) =>
          sleutel({
            maand: r.maand,
            kern: String(r.kernId),
            thema: r.thema,
            uitkomst: r.uitkomst,
            a: `${r.activiteitId}|${r.activiteitTitel}`,
          }) === sleutel(x),
      )
      .reduce((s, r) => s + r.aantal, 0),
  );
  const binnen = (x: Atoom) => !maand || x.maand === maand;
  const f = (naam: string, rij: Rij, pred: (x: Atoom) => boolean): Figuur => ({
    naam: `${naam} ${rij.label}`,
    atomen: atomen.flatMap((x, i) => (pred(x) ? [i] : [])),
    cijfer: rij.cijfer,
  });
  return {
    atomen: atomen.length,
    waarden,
    figuren: [
      f('totaal', o.totaal, binnen),
      ...o.perMaand.map((r) => f('maand', r, (x) => x.maand === r.sleutel)),
      ...o.perKern.map((r) => f('kern', r, (x) => binnen(x) && x.kern === r.sleutel)),
      ...o.perThema.map((r) => f('thema', r, (x) => binnen(x) && x.thema === r.sleutel)),
      ...o.perUitkomst.map((r) => f('uitkomst', r, (x) => binnen(x) && x.uitkomst === r.sleutel)),
      ...o.perActiviteit.map((r) => f('activiteit', r, (x) => binnen(x) && x.a === r.sleutel)),
    ],
  };
}

describe('figures', () => {
  it('lists months across a year boundary', () => {
    expect(maanden('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(maandTekst('2027-03')).toBe('mrt 2027');
  });

  it('lists every kern, thema and outcome, exact in one’s own kernen', () => {
    const rijen = [
      rij({ kernId: 1, activiteitId: 7, activiteitTitel: 'Wandelen', aantal: 2 }),
      rij({ maand: '2026-10', kernId: 2, activiteitId: 8, activiteitTitel: 'Koffie', uitkomst: 'vol', aantal: 6 }),
    ];
    const o = overzicht(rijen, lijsten, [1, 2, 3]);
    expect(cijferTekst(o.totaal.cijfer)).toBe('8');
    expect(o.perKern.map((r) => [r.label, cijferTekst(r.cijfer)])).toEqual([
      ['Een', '2'],
      ['Twee', '6'],
      ['Drie', '0'],
    ]);
    expect(o.perThema.map((r) => cijferTekst(r.cijfer))).toEqual(['8', '0']);
    expect(o.perActiviteit.map((r) => [r.label, cijferTekst(r.cijfer)])).toEqual([
      ['Koffie', '6'],
      ['Wandelen', '2'],
    ]);
  });

  it('does not let the hidden Een be worked out from total 8, Twee 6, Drie 0', () => {
    const rijen = [
      rij({ kernId: 1, activiteitId: 7, activiteitTitel: 'Wandelen', aantal: 2 }),
      rij({ maand: '2026-10', kernId: 2, activiteitId: 8, activiteitTitel: 'Koffie', uitkomst: 'vol', aantal: 6 }),
    ];
    const o = overzicht(rijen, lijsten, []);
    const tekst = (x: Rij) => cijferTekst(x.cijfer);
    expect(tekst(o.perKern[0])).toBe('minder dan 5');
    // Not all three of "8", "6" and "0" may stand: 8 − 6 − 0 would give Een away.
    expect([tekst(o.totaal), tekst(o.perKern[1]), tekst(o.perKern[2])]).not.toEqual(['8', '6', '0']);
    const a = figuren(o, rijen);
    expect(valAan(a.atomen, a.figuren, a.waarden).filter((u) => u.herleid)).toEqual([]);
  });

  it('puts hidden activities after the shown ones by name, so the order tells nothing', () => {
    const rijen = [
      rij({ activiteitId: 1, activiteitTitel: 'Zwemmen', aantal: 3, kernId: 1 }),
      rij({ activiteitId: 2, activiteitTitel: 'Bingo', aantal: 4, kernId: 2 }),
      rij({ activiteitId: 3, activiteitTitel: 'Koor', aantal: 30, kernId: 2 }),
      rij({ activiteitId: 4, activiteitTitel: 'Dans', aantal: 40, kernId: 1 }),
    ];
    const o = overzicht(rijen, lijsten, []);
    const getoond = o.perActiviteit.filter((r) => r.cijfer.toon === 'getal');
    const verborgen = o.perActiviteit.filter((r) => r.cijfer.toon !== 'getal');
    expect(o.perActiviteit).toEqual([...getoond, ...verborgen]);
    expect(getoond.map((r) => r.cijfer.aantal)).toEqual(getoond.map((r) => r.cijfer.aantal).sort((a, b) => b - a));
    expect(verborgen.map((r) => r.label)).toEqual(verborgen.map((r) => r.label).sort());
    expect(verborgen.map((r) => r.label)).toContain('Bingo');
  });
});

/** Deterministic referrals: a few per month, kern, thema, outcome and activity. */
function willekeurig(zaad: number): TelRij[] {
  let s = zaad * 104729;
  const kies = <T>(lijst: T[]) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return lijst[Math.floor((s / 2147483648) * lijst.length)];
  };
  const aantal = 6 + (zaad % 5) * 8;
  return Array.from({ length: aantal }, () => {
    const activiteitId = kies([1, 2, 3, 4, 5]);
    return rij({
      maand: kies(lijsten.maanden),
      kernId: kies([1, 2, 3]),
      thema: kies(['a', 'b']),
      uitkomst: kies(['aangekomen', 'vol', 'gestart'] as const),
      activiteitId,
      activiteitTitel: `Activiteit ${activiteitId}`,
    });
  });
}

describe('the attacker on the cijfers page', () => {
  const gevallen = Array.from({ length: 24 }, (_, i) => ({
    naam: `zaad ${i}${i % 3 === 1 ? ', maand gekozen' : ''}${i % 3 === 2 ? ', eigen kern exact' : ''}`,
    rijen: willekeurig(i + 1),
    maand: i % 3 === 1 ? '2026-11' : undefined,
    exacteKernen: i % 3 === 2 ? [3] : [],
  }));

  it.each(gevallen)('recovers no hidden count: $naam', ({ rijen, maand, exacteKernen }) => {
    const o = overzicht(rijen, { ...lijsten, maand }, exacteKernen);
    const a = figuren(o, rijen, maand);
    for (const f of a.figuren)
      if (f.cijfer.toon === 'getal')
        expect(
          f.atomen.reduce((s, j) => s + a.waarden[j], 0),
          f.naam,
        ).toBe(f.cijfer.aantal);
    expect(valAan(a.atomen, a.figuren, a.waarden).filter((u) => u.herleid)).toEqual([]);
  });
});
