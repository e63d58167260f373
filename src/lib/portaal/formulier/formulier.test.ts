import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.ts';
import { maakSchemas } from '../../model/schemas.ts';
import { MAX_LIJST } from '../../model/schemas.ts';
import { MAX_NIET_OP, MAX_REGELS } from '../../rooster/schema.ts';
import {
  activiteitAlsVelden,
  activiteitFouten,
  activiteitUitVelden,
  ACTIVITEIT_HERNOEM,
  euroNaarCent,
  hernummerRegels,
  regelIndices,
} from './mapping.ts';
import { foutenPerVeld, leesFormulier } from './velden.ts';

const schemas = maakSchemas(loadConfig());
const vast = { organisatie: 'club', slug: 'koffie', status: 'gepubliceerd', gecontroleerdOp: '2026-11-22' };

function formulier(paren: [string, string][]) {
  return leesFormulier(paren);
}

const goed: [string, string][] = [
  ['titel', 'Koffieochtend'],
  ['omschrijving', 'Elke week koffie drinken met mensen uit het dorp.'],
  ['kern', 'sibculo'],
  ['locatie.soort', 'organisatie'],
  ['rooster.regels.0.type', 'wekelijks'],
  ['rooster.regels.0.dagen', 'di'],
  ['rooster.regels.0.dagen', 'do'],
  ['rooster.regels.0.interval', '1'],
  ['rooster.regels.0.van', '10:00'],
  ['rooster.regels.0.tot', '11:30'],
  ['rooster.nietOp', '24-12-2026\n2026-12-31'],
  ['themas', 'ontmoeting'],
  ['doelgroepen', 'ouderen'],
  ['kosten.soort', 'bedrag'],
  ['kosten.bedrag', '2,50'],
  ['kosten.per', 'keer'],
  ['aanmelden.soort', 'vrije-inloop'],
];

describe('activity form', () => {
  it('turns posted fields into valid data, and back into the same fields', () => {
    const data = schemas.activiteit.parse(activiteitUitVelden(formulier(goed), vast));
    expect(data.rooster.regels[0]).toMatchObject({ type: 'wekelijks', dagen: ['di', 'do'], interval: 1 });
    expect(data.rooster.nietOp).toEqual(['2026-12-24', '2026-12-31']);
    expect(data.kosten).toEqual({ soort: 'bedrag', bedragCent: 250, per: 'keer' });
    expect(data.locatie).toBeUndefined();
    const terug = schemas.activiteit.parse(activiteitUitVelden(activiteitAlsVelden(data), vast));
    expect(terug).toEqual(data);
  });

  it('puts each problem at its field, in Dutch', () => {
    const fout = formulier([
      ...goed.filter(([k]) => !['kosten.bedrag', 'rooster.regels.0.tot', 'themas', 'rooster.nietOp'].includes(k)),
      ['kosten.bedrag', 'twee euro'],
      ['rooster.regels.0.tot', '09:00'],
      ['rooster.nietOp', '31-02-2027'],
    ]);
    const r = schemas.activiteit.safeParse(activiteitUitVelden(fout, vast));
    expect(r.success).toBe(false);
    expect(foutenPerVeld(r.error!.issues, ACTIVITEIT_HERNOEM)).toEqual({
      'kosten.bedrag': 'vul een bedrag in cijfers in, bijvoorbeeld 2,50',
      'rooster.regels.0.tot': 'de eindtijd moet na de begintijd liggen',
      'rooster.nietOp': 'deze datum bestaat niet',
      themas: 'kies minstens één thema',
    });
  });

  it('adds and removes schedule rules without losing the others', () => {
    const twee = hernummerRegels(formulier(goed), { erbij: true });
    expect(twee.get('rooster.regels.1.type')).toEqual(['wekelijks']);
    const zonderEerste = hernummerRegels(twee, { weg: 0 });
    expect(zonderEerste.get('rooster.regels.0.type')).toEqual(['wekelijks']);
    expect(zonderEerste.get('rooster.regels.0.dagen')).toBeUndefined();
    expect(zonderEerste.has('rooster.regels.1.type')).toBe(false);
    expect(zonderEerste.get('titel')).toEqual(['Koffieochtend']);
  });

  /** The audit's attack: one post to "voorbeeld" with thousands of schedule rules froze the server. */
  function regels(n: number): [string, string][] {
    const paren: [string, string][] = goed.filter(([k]) => !k.startsWith('rooster.regels.'));
    for (let i = 0; i < n; i++) {
      paren.push([`rooster.regels.${i}.type`, 'wekelijks'], [`rooster.regels.${i}.dagen`, 'di']);
      paren.push([`rooster.regels.${i}.van`, '10:00'], [`rooster.regels.${i}.tot`, '11:00']);
    }
    return paren;
  }

  it('refuses "only by appointment" together with walking in, at the field of Meedoen', () => {
    const velden = goed.filter(([k]) => !k.startsWith('rooster.regels.')).concat([['rooster.opAfspraak', 'ja']]);
    const r = schemas.activiteit.safeParse(activiteitUitVelden(formulier(velden), vast));
    expect(foutenPerVeld(r.error!.issues, ACTIVITEIT_HERNOEM)).toEqual({
      'aanmelden.soort':
        'het is alleen op afspraak, dus mensen kunnen niet zomaar binnenlopen: kies "aanmelden" en schrijf hoe ze een afspraak maken',
    });
    const metTijden = goed.concat([['rooster.opAfspraak', 'ja']]);
    expect(schemas.activiteit.safeParse(activiteitUitVelden(formulier(metTijden), vast)).success).toBe(true);
  });

  it.each([5_000, 20_000])('refuses %i schedule rules with a message at the field, keeping 21 to show', (n) => {
    const velden = hernummerRegels(formulier(regels(n)), { erbij: true });
    expect(regelIndices(velden)).toHaveLength(MAX_REGELS + 1);
    expect(velden.get(`rooster.regels.${MAX_REGELS}.van`)).toEqual(['10:00']);
    const r = schemas.activiteit.safeParse(activiteitUitVelden(velden, vast));
    expect(foutenPerVeld(r.error!.issues, ACTIVITEIT_HERNOEM)).toEqual({
      'rooster.regels': `een rooster heeft hoogstens ${MAX_REGELS} regels; zet wat niet past in de toelichting`,
    });
  });

  it(`accepts ${MAX_REGELS} rules, and "regel erbij" then shows the message instead of a 21st empty rule`, () => {
    const velden = hernummerRegels(formulier(regels(MAX_REGELS)));
    expect(schemas.activiteit.safeParse(activiteitUitVelden(velden, vast)).success).toBe(true);
    const erbij = hernummerRegels(formulier(regels(MAX_REGELS)), { erbij: true });
    expect(regelIndices(erbij)).toHaveLength(MAX_REGELS + 1);
  });

  it.each([
    [
      'rooster.nietOp',
      () => [['rooster.nietOp', Array.from({ length: 5000 }, () => '24-12-2026').join('\n')]],
      `vul hoogstens ${MAX_NIET_OP} datums in waarop het niet doorgaat`,
    ],
    ['themas', () => Array.from({ length: 5000 }, () => ['themas', 'ontmoeting']), `kies hoogstens ${MAX_LIJST}`],
    ['doelgroepen', () => Array.from({ length: 5000 }, () => ['doelgroepen', 'ouderen']), `kies hoogstens ${MAX_LIJST}`],
    ['rooster.regels.0.dagen', () => Array.from({ length: 5000 }, () => ['rooster.regels.0.dagen', 'di']), undefined],
  ] as [string, () => [string, string][], string | undefined][])(
    'caps the list %s with a message at the field',
    (veld, extra, melding) => {
      const velden = hernummerRegels(formulier([...goed.filter(([k]) => k !== veld), ...extra()]));
      const r = schemas.activiteit.safeParse(activiteitUitVelden(velden, vast));
      if (melding) expect(foutenPerVeld(r.error!.issues, ACTIVITEIT_HERNOEM)).toEqual({ [veld]: melding });
      // Repeating a day is harmless: duplicates are merged by the schema.
      else expect(r.success).toBe(true);
    },
  );

  it('renumbers gaps and odd indices in one pass, and ignores fields that only look like rules', () => {
    const velden = hernummerRegels(
      formulier([
        ['rooster.regels.7.type', 'eenmalig'],
        ['rooster.regels.007.datum', '1-1-2027'],
        ['rooster.regels.3.type', 'wekelijks'],
        ['rooster.regels.x.type', 'kapot'],
        ['rooster.regels.99999999.type', 'te lang'],
      ]),
    );
    expect([...velden]).toEqual([
      ['rooster.regels.0.type', ['wekelijks']],
      ['rooster.regels.1.type', ['eenmalig']],
      ['rooster.regels.1.datum', ['1-1-2027']],
    ]);
  });

  it('reads amounts as people type them', () => {
    expect([euroNaarCent('2,50'), euroNaarCent('€ 3'), euroNaarCent('0.75'), euroNaarCent('2,505'), euroNaarCent('')]).toEqual([
      250,
      300,
      75,
      NaN,
      NaN,
    ]);
  });
});

describe('schedule editor for volunteers (issue 14)', () => {
  it('reads months to skip and "niet op feestdagen", and shows them again', () => {
    const velden = formulier([
      ...goed,
      ['rooster.nietInMaanden', '7'],
      ['rooster.nietInMaanden', '8'],
      ['rooster.nietOpFeestdagen', 'ja'],
    ]);
    const data = schemas.activiteit.parse(activiteitUitVelden(velden, vast));
    expect(data.rooster).toMatchObject({ nietInMaanden: [7, 8], nietOpFeestdagen: true });
    const terug = activiteitAlsVelden(data);
    expect(terug.get('rooster.nietInMaanden')).toEqual(['7', '8']);
    expect(terug.get('rooster.nietOpFeestdagen')).toEqual(['ja']);
    // Not ticked: absent, so a listing saved before these fields existed reads back unchanged.
    const zonder = schemas.activiteit.parse(activiteitUitVelden(formulier(goed), vast));
    expect(JSON.stringify(zonder.rooster)).not.toMatch(/nietInMaanden|nietOpFeestdagen/);
  });

  it('leaves the contact name empty when a phone number is filled ("mag leeg blijven")', () => {
    const r = schemas.activiteit.safeParse(activiteitUitVelden(formulier([...goed, ['contact.telefoon', '0546 123 456']]), vast));
    expect(r.success && r.data.contact).toEqual({ telefoon: '0546 123 456' });
  });

  it('accepts "24 december 2026" under "Niet op deze dagen"', () => {
    const r = schemas.activiteit.safeParse(
      activiteitUitVelden(
        formulier([...goed.filter(([k]) => k !== 'rooster.nietOp'), ['rooster.nietOp', '24 december 2026']]),
        vast,
      ),
    );
    expect(r.success && r.data.rooster.nietOp).toEqual(['2026-12-24']);
  });

  it('names the block in a schedule message and shows how to write a date', () => {
    const velden = formulier([
      ...goed,
      ['rooster.regels.1.type', 'wekelijks'],
      ['rooster.regels.1.van', '14:00'],
      ['rooster.regels.1.tot', '15:00'],
      ['rooster.periode.tot', 'kerst'],
    ]);
    const r = schemas.activiteit.safeParse(activiteitUitVelden(velden, vast));
    expect(activiteitFouten(r.error!.issues)).toEqual({
      'rooster.regels.1.dagen': 'Tijd 2: kies minstens één dag',
      'rooster.periode.tot': 'schrijf de datum zoals 24-12-2026 of 24 december 2026',
    });
  });

  it('ignores a block added last and left untouched, but not the only one', () => {
    const erbij = hernummerRegels(formulier(goed), { erbij: true });
    expect(regelIndices(erbij)).toEqual([0, 1]);
    const data = schemas.activiteit.parse(activiteitUitVelden(erbij, vast));
    expect(data.rooster.regels).toHaveLength(1);
    const alleenLeeg = formulier([
      ...goed.filter(([k]) => !k.startsWith('rooster.regels.')),
      ['rooster.regels.0.type', 'wekelijks'],
    ]);
    const r = schemas.activiteit.safeParse(activiteitUitVelden(alleenLeeg, vast));
    expect(Object.keys(activiteitFouten(r.error!.issues))).toContain('rooster.regels.0.dagen');
  });
});
