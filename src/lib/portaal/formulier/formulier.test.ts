import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.ts';
import { maakSchemas } from '../../model/schemas.ts';
import { activiteitAlsVelden, activiteitUitVelden, ACTIVITEIT_HERNOEM, euroNaarCent, hernummerRegels } from './mapping.ts';
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
