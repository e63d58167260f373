import { describe, expect, it } from 'vitest';
import { meldingTekst } from './melding.ts';
import { roosterSchema, type RoosterInvoer } from '../../rooster/schema.ts';
import { leesTijd, roosterNaarSchedules, schedulesNaarRooster, type ScheduleRij } from './rooster.ts';

const plek = (i: number) => ({ bestand: 'schedules.csv', rij: i + 2 });

/** Export rows as an importer sees them: HSDS fields plus our attribute values. */
function heen(rooster: RoosterInvoer): ScheduleRij[] {
  return roosterNaarSchedules(roosterSchema.parse(rooster)).map(({ velden, ...waarden }, i) => ({
    plek: plek(i),
    waarden,
    velden: Object.fromEntries(velden.map((v) => [v.veld, v.waarde])),
  }));
}

const terug = (rijen: ScheduleRij[]) => schedulesNaarRooster(rijen);
const rij = (waarden: Record<string, unknown>, i = 0): ScheduleRij => ({ plek: plek(i), waarden, velden: {} });

describe('rooster ↔ HSDS schedule', () => {
  const voorbeelden: [string, RoosterInvoer][] = [
    ['every Tuesday and Thursday', { regels: [{ type: 'wekelijks', dagen: ['di', 'do'], van: '10:00', tot: '12:00' }] }],
    [
      'every other week with season, exceptions and remark',
      {
        regels: [{ type: 'wekelijks', dagen: ['za'], interval: 2, vanafWeek: '2026-11-28', van: '09:00', tot: '11:30' }],
        seizoen: { vanMaand: 9, totMaand: 5 },
        nietOp: ['2027-01-02', '2026-12-26'],
        toelichting: 'Bij slecht weer in de kantine.',
      },
    ],
    [
      'first and last weekday of the month',
      {
        regels: [
          { type: 'maandelijks', week: 1, dag: 'ma', van: '14:00', tot: '15:30' },
          { type: 'maandelijks', week: -1, dag: 'vr', van: '19:00', tot: '21:00' },
        ],
      },
    ],
    [
      'a series of dates in a period',
      {
        regels: [
          { type: 'eenmalig', datum: '2026-12-12', van: '14:00', tot: '18:00' },
          { type: 'eenmalig', datum: '2026-12-19', van: '14:00', tot: '18:00' },
        ],
        periode: { van: '2026-12-01', tot: '2026-12-31' },
      },
    ],
    [
      'not in July and August, not on public holidays (issue 14)',
      {
        regels: [{ type: 'wekelijks', dagen: ['ma'], van: '13:30', tot: '16:00' }],
        nietInMaanden: [7, 8],
        nietOpFeestdagen: true,
      },
    ],
    ['by appointment only', { opAfspraak: true }],
    ['only a remark', { toelichting: 'Zie de website.' }],
  ];

  for (const [naam, rooster] of voorbeelden) {
    it(`round-trips: ${naam}`, () => {
      const { rooster: uit, meldingen } = terug(heen(rooster));
      expect(meldingen.map(meldingTekst)).toEqual([]);
      const verwacht = roosterSchema.parse(rooster);
      expect(roosterSchema.parse(uit)).toEqual({ ...verwacht, nietOp: [...verwacht.nietOp].sort() });
    });
  }

  it('writes days in week order, as the site shows them', () => {
    const [r] = heen({ regels: [{ type: 'wekelijks', dagen: ['vr', 'ma'], van: '10:00', tot: '12:00' }] });
    expect(r.waarden.byday).toBe('MO,FR');
    expect(terug([r]).rooster.regels?.[0]).toMatchObject({ dagen: ['ma', 'vr'] });
  });

  it('writes RRULE parts and a Dutch description', () => {
    const [r] = heen(voorbeelden[1][1]);
    expect(r.waarden).toMatchObject({
      freq: 'WEEKLY',
      interval: 2,
      byday: 'SA',
      dtstart: '2026-11-28',
      wkst: 'MO',
      opens_at: '09:00:00',
      closes_at: '11:30:00',
    });
    expect(r.waarden.description).toBe(
      'Om de week op zaterdag, 9.00–11.30 uur. Van september tot en met mei. Niet op 26 december 2026 en 2 januari 2027. Bij slecht weer in de kantine.',
    );
    expect(r.velden).toEqual({ seizoen: '9-5', 'niet-op': '2026-12-26 2027-01-02' });
    expect(heen(voorbeelden[2][1]).map((x) => x.waarden.byday)).toEqual(['1MO', '-1FR']);
    expect(heen(voorbeelden[3][1])[0].waarden).toMatchObject({ freq: 'WEEKLY', count: 1, dtstart: '2026-12-12', byday: 'SA' });
  });

  it('reads what other systems write: MONTHLY with several days, times with seconds', () => {
    const { rooster, meldingen } = terug([rij({ freq: 'MONTHLY', byday: '2TU,4TU', opens_at: '10:00:00', closes_at: '11:00' })]);
    expect(meldingen).toEqual([]);
    expect(rooster.regels).toEqual([
      { type: 'maandelijks', week: 2, dag: 'di', van: '10:00', tot: '11:00' },
      { type: 'maandelijks', week: 4, dag: 'di', van: '10:00', tot: '11:00' },
    ]);
  });

  it('converts a UTC time to Dutch time on that date', () => {
    expect(leesTijd('09:00Z', '2027-01-12')).toEqual({ tijd: '10:00', omgerekend: true });
    expect(leesTijd('09:00Z', '2027-07-12')).toEqual({ tijd: '11:00', omgerekend: true });
    expect(leesTijd('09:00:30', '2027-01-12')).toEqual({});
  });

  it('reports what it cannot express and keeps the description as remark', () => {
    const { rooster, meldingen } = terug([
      rij({ freq: 'MONTHLY', bymonthday: '15', opens_at: '10:00', closes_at: '11:00', description: 'Elke 15e van de maand' }),
      rij(
        { freq: 'WEEKLY', interval: 2, byday: 'MO', opens_at: '10:00', closes_at: '11:00', description: 'Om de week maandag' },
        1,
      ),
      rij({ freq: 'WEEKLY', byday: 'WE', opens_at: '10:00', closes_at: '12:00', schedule_link: 'https://x.example' }, 2),
    ]);
    expect(rooster.regels).toEqual([
      { type: 'wekelijks', dagen: ['wo'], interval: 1, vanafWeek: undefined, van: '10:00', tot: '12:00' },
    ]);
    expect(rooster.toelichting).toBe('Elke 15e van de maand Om de week maandag');
    expect(meldingen.map(meldingTekst)).toEqual([
      expect.stringMatching(
        /^schedules\.csv:2:bymonthday: bymonthday kent ons rooster niet\..*"Elke 15e van de maand" komt in de toelichting/,
      ),
      expect.stringMatching(/^schedules\.csv:3:dtstart: Om de paar weken, maar zonder eerste datum/),
      'schedules.csv:4:schedule_link: Veld schedule_link van het rooster kennen we niet; niet overgenomen.',
    ]);
  });
});
