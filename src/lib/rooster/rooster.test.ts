import { describe, expect, it } from 'vitest';
import { isoMetOffset, lokaal, naarMoment, weekVanMaand } from './kalender.ts';
import { isVoorbij, volgendeKeren } from './keren.ts';
import { roosterSchema, type RegelInvoer, type RoosterInvoer } from './schema.ts';
import { keerTekst, momentTekst, roosterSamenvatting, roosterTekst } from './tekst.ts';

const rooster = (invoer: RoosterInvoer) => roosterSchema.parse(invoer);
const dinsdagOchtend: RegelInvoer = { type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '12:00' };

describe('roosterTekst', () => {
  it('says weekly rules as people speak', () => {
    expect(roosterTekst(rooster({ regels: [dinsdagOchtend] }))).toEqual(['Elke dinsdag, 10.00–12.00 uur']);
    expect(roosterTekst(rooster({ regels: [{ type: 'wekelijks', dagen: ['do', 'ma'], van: '09:00', tot: '11:30' }] }))).toEqual([
      'Elke maandag en donderdag, 9.00–11.30 uur',
    ]);
  });

  it('says every other week and every three weeks', () => {
    const om: RegelInvoer & { type: 'wekelijks' } = {
      type: 'wekelijks',
      dagen: ['do'],
      interval: 2,
      vanafWeek: '2026-11-26',
      van: '19:30',
      tot: '21:00',
    };
    expect(roosterTekst(rooster({ regels: [om] }))).toEqual(['Om de week op donderdag, 19.30–21.00 uur']);
    expect(roosterTekst(rooster({ regels: [{ ...om, interval: 3 }] }))).toEqual([
      'Eens in de drie weken op donderdag, 19.30–21.00 uur',
    ]);
  });

  it('says monthly rules with the ordinal, including the last one', () => {
    expect(roosterTekst(rooster({ regels: [{ type: 'maandelijks', week: 1, dag: 'wo', van: '14:00', tot: '16:00' }] }))).toEqual([
      'Elke eerste woensdag van de maand, 14.00–16.00 uur',
    ]);
    expect(roosterTekst(rooster({ regels: [{ type: 'maandelijks', week: -1, dag: 'vr', van: '20:00', tot: '23:00' }] }))).toEqual(
      ['Elke laatste vrijdag van de maand, 20.00–23.00 uur'],
    );
  });

  it('says single dates, seasons, periods, exceptions and appointments', () => {
    expect(
      roosterTekst(
        rooster({
          regels: [
            { type: 'eenmalig', datum: '2026-12-19', van: '10:00', tot: '15:00' },
            { type: 'eenmalig', datum: '2026-12-12', van: '10:00', tot: '15:00' },
          ],
        }),
      ),
    ).toEqual(['Zaterdag 12 december 2026, 10.00–15.00 uur', 'Zaterdag 19 december 2026, 10.00–15.00 uur']);
    expect(
      roosterTekst(
        rooster({
          regels: [dinsdagOchtend],
          seizoen: { vanMaand: 9, totMaand: 5 },
          periode: { tot: '2027-06-30' },
          nietOp: ['2026-12-29', '2026-12-22'],
        }),
      ),
    ).toEqual([
      'Elke dinsdag, 10.00–12.00 uur',
      'Van september tot en met mei.',
      'Tot en met 30 juni 2027.',
      'Niet op 22 december 2026 en 29 december 2026.',
    ]);
    expect(roosterTekst(rooster({ opAfspraak: true }))).toEqual(['Op afspraak.']);
  });

  it('formats an occurrence without the current year', () => {
    expect(keerTekst({ datum: '2026-11-24', van: '10:00', tot: '12:00' }, '2026')).toBe('Dinsdag 24 november, 10.00–12.00 uur');
    expect(keerTekst({ datum: '2027-01-05', van: '09:30', tot: '12:00' }, '2026')).toBe('Dinsdag 5 januari 2027, 9.30–12.00 uur');
  });
});

describe('momentTekst', () => {
  it('says a stored UTC moment in Dutch local time, in winter and in summer', () => {
    expect(momentTekst('2026-12-03T13:05:00.000Z')).toBe('3 december 2026 om 14.05 uur');
    expect(momentTekst(new Date('2026-07-01T22:30:00Z'))).toBe('2 juli 2026 om 0.30 uur');
  });
});

describe('volgendeKeren', () => {
  const nu = { datum: '2026-11-22', tijd: '12:00' }; // a Sunday

  it('finds the next weekly dates', () => {
    expect(volgendeKeren(rooster({ regels: [dinsdagOchtend] }), nu, { aantal: 3 }).map((k) => k.datum)).toEqual([
      '2026-11-24',
      '2026-12-01',
      '2026-12-08',
    ]);
  });

  it('counts an occurrence today until it has ended', () => {
    const zondag = rooster({ regels: [{ type: 'wekelijks', dagen: ['zo'], van: '11:00', tot: '12:30' }] });
    expect(volgendeKeren(zondag, nu, { aantal: 1 })[0].datum).toBe('2026-11-22');
    expect(volgendeKeren(zondag, { datum: '2026-11-22', tijd: '12:30' }, { aantal: 1 })[0].datum).toBe('2026-11-29');
  });

  it('keeps to the right weeks for every other week, also counting from a week in the past', () => {
    const om = rooster({
      regels: [{ type: 'wekelijks', dagen: ['do'], interval: 2, vanafWeek: '2026-01-08', van: '19:30', tot: '21:00' }],
    });
    expect(volgendeKeren(om, nu, { aantal: 3 }).map((k) => k.datum)).toEqual(['2026-11-26', '2026-12-10', '2026-12-24']);
  });

  it('finds the first Tuesday and the last Friday of the month', () => {
    const eerste = rooster({ regels: [{ type: 'maandelijks', week: 1, dag: 'di', van: '14:00', tot: '16:00' }] });
    expect(volgendeKeren(eerste, nu, { aantal: 3 }).map((k) => k.datum)).toEqual(['2026-12-01', '2027-01-05', '2027-02-02']);
    const laatste = rooster({ regels: [{ type: 'maandelijks', week: -1, dag: 'vr', van: '20:00', tot: '23:00' }] });
    expect(volgendeKeren(laatste, nu, { aantal: 3 }).map((k) => k.datum)).toEqual(['2026-11-27', '2026-12-25', '2027-01-29']);
    expect(weekVanMaand('2027-01-29')).toEqual({ nummer: 5, laatste: true });
  });

  it('stops at the end date and skips exceptions', () => {
    const cursus = rooster({
      regels: [dinsdagOchtend],
      periode: { van: '2026-11-01', tot: '2026-12-15' },
      nietOp: ['2026-12-01'],
    });
    expect(volgendeKeren(cursus, nu, { aantal: 10 }).map((k) => k.datum)).toEqual(['2026-11-24', '2026-12-08', '2026-12-15']);
    expect(isVoorbij(cursus, { datum: '2026-12-15', tijd: '12:00' })).toBe(true);
    expect(isVoorbij(cursus, { datum: '2026-12-15', tijd: '11:59' })).toBe(false);
  });

  it('starts a period in the future at its first day', () => {
    const later = rooster({ regels: [dinsdagOchtend], periode: { van: '2027-01-12' } });
    expect(volgendeKeren(later, nu, { aantal: 1 })[0].datum).toBe('2027-01-12');
  });

  it('follows a season across the new year', () => {
    const koor = rooster({
      regels: [{ type: 'maandelijks', week: 2, dag: 'ma', van: '19:30', tot: '21:30' }],
      seizoen: { vanMaand: 9, totMaand: 5 },
    });
    const data = volgendeKeren(koor, { datum: '2027-04-20', tijd: '09:00' }, { aantal: 3 }).map((k) => k.datum);
    expect(data).toEqual(['2027-05-10', '2027-09-13', '2027-10-11']);
  });

  it('gives nothing for appointments only, and nothing after a single date', () => {
    expect(volgendeKeren(rooster({ opAfspraak: true }), nu)).toEqual([]);
    const markt = rooster({ regels: [{ type: 'eenmalig', datum: '2026-11-21', van: '10:00', tot: '15:00' }] });
    expect(volgendeKeren(markt, nu)).toEqual([]);
    expect(isVoorbij(markt, nu)).toBe(true);
  });
});

describe('Europe/Amsterdam', () => {
  it('uses the summer offset from the last Sunday of March', () => {
    expect(isoMetOffset('2027-03-27', '10:00')).toBe('2027-03-27T10:00:00+01:00');
    expect(isoMetOffset('2027-03-28', '10:00')).toBe('2027-03-28T10:00:00+02:00');
    expect(isoMetOffset('2027-03-28', '01:30')).toBe('2027-03-28T01:30:00+01:00');
  });

  it('goes back to winter time on the last Sunday of October', () => {
    expect(isoMetOffset('2026-10-24', '20:00')).toBe('2026-10-24T20:00:00+02:00');
    expect(isoMetOffset('2026-10-25', '20:00')).toBe('2026-10-25T20:00:00+01:00');
  });

  it('reads the skipped hour as the time after the jump', () => {
    expect(naarMoment('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('turns every quarter of an hour of both DST days into an instant and back', () => {
    for (const datum of ['2027-03-28', '2026-10-25', '2026-10-24', '2027-03-29']) {
      for (let kwartier = 0; kwartier < 96; kwartier++) {
        const tijd = `${String(Math.floor(kwartier / 4)).padStart(2, '0')}:${String((kwartier % 4) * 15).padStart(2, '0')}`;
        // The skipped hour does not exist; naarMoment reads it as the hour after (above).
        if (datum === '2027-03-28' && tijd.startsWith('02:')) continue;
        expect(lokaal(naarMoment(datum, tijd)), `${datum} ${tijd}`).toEqual({ datum, tijd });
      }
    }
  });

  it('gives the local date of an instant around midnight', () => {
    expect(lokaal(new Date('2026-11-22T23:30:00Z'))).toEqual({ datum: '2026-11-23', tijd: '00:30' });
    expect(lokaal(new Date('2026-07-01T22:30:00Z'))).toEqual({ datum: '2026-07-02', tijd: '00:30' });
  });

  it('keeps weekly dates on the same weekday across a DST change', () => {
    const r = rooster({ regels: [{ type: 'wekelijks', dagen: ['zo'], van: '10:00', tot: '11:00' }] });
    const keren = volgendeKeren(r, { datum: '2027-03-20', tijd: '12:00' }, { aantal: 2 });
    expect(keren.map((k) => isoMetOffset(k.datum, k.van))).toEqual(['2027-03-21T10:00:00+01:00', '2027-03-28T10:00:00+02:00']);
  });
});

describe('roosterSchema', () => {
  it('refuses an end time before the start time, in Dutch, at the field', () => {
    const r = roosterSchema.safeParse({ regels: [{ ...dinsdagOchtend, tot: '09:00' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['regels', 0, 'tot'], message: 'de eindtijd moet na de begintijd liggen' });
  });

  it('needs a week to count from for every other week', () => {
    const r = roosterSchema.safeParse({ regels: [{ ...dinsdagOchtend, interval: 2 }] });
    expect(r.error?.issues[0].path).toEqual(['regels', 0, 'vanafWeek']);
  });

  it('refuses dates that do not exist and an empty schedule', () => {
    expect(
      roosterSchema.safeParse({ regels: [{ type: 'eenmalig', datum: '2027-02-30', van: '10:00', tot: '11:00' }] }).error
        ?.issues[0].message,
    ).toBe('deze datum bestaat niet');
    expect(roosterSchema.safeParse({ regels: [] }).error?.issues[0].message).toBe(
      'geef aan wanneer de activiteit is, of kies "op afspraak"',
    );
  });
});

describe('skipped months and public holidays (issue 14)', () => {
  const maandag: RegelInvoer = { type: 'wekelijks', dagen: ['ma'], van: '10:00', tot: '12:00' };

  it('skips the ticked months in the next dates and says so', () => {
    const r = rooster({ regels: [maandag], nietInMaanden: [8, 7] });
    const keren = volgendeKeren(r, { datum: '2027-06-20', tijd: '12:00' }, { aantal: 3 });
    expect(keren.map((k) => k.datum)).toEqual(['2027-06-21', '2027-06-28', '2027-09-06']);
    expect(roosterTekst(r)).toEqual(['Elke maandag, 10.00–12.00 uur', 'Niet in juli en augustus.']);
  });

  it('skips public holidays when ticked, and names them when not', () => {
    const nu = { datum: '2027-03-27', tijd: '12:00' };
    const met = rooster({ regels: [maandag], nietOpFeestdagen: true });
    expect(volgendeKeren(met, nu, { aantal: 2 }).map((k) => k.datum)).toEqual(['2027-04-05', '2027-04-12']);
    const zonder = rooster({ regels: [maandag] });
    const [paasmaandag] = volgendeKeren(zonder, nu, { aantal: 1 });
    expect(keerTekst(paasmaandag, '2027')).toBe('Maandag 29 maart (2e Paasdag), 10.00–12.00 uur');
    expect(roosterTekst(met)).toEqual(['Elke maandag, 10.00–12.00 uur', 'Niet op feestdagen.']);
  });

  it('refuses skipping every month', () => {
    const r = roosterSchema.safeParse({ regels: [maandag], nietInMaanden: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(r.success).toBe(false);
  });
});

describe('roosterSamenvatting: one line for lists, search and print', () => {
  const dinsdag: RegelInvoer = { type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '12:00' };
  it('adds the season, skipped months, period and holidays to the first rule', () => {
    const r = rooster({
      regels: [
        { type: 'wekelijks', dagen: ['di'], van: '10:00', tot: '12:00' },
        { type: 'wekelijks', dagen: ['do'], van: '19:00', tot: '21:00' },
      ],
      seizoen: { vanMaand: 5, totMaand: 9 },
      nietOp: ['2027-05-04'],
      toelichting: 'Bij regen binnen.',
    });
    expect(roosterSamenvatting(r)).toBe('Elke dinsdag, 10.00–12.00 uur. Van mei tot en met september.');
    expect(roosterSamenvatting(rooster({ regels: [dinsdag] }))).toBe('Elke dinsdag, 10.00–12.00 uur');
    expect(roosterSamenvatting(rooster({ regels: [], opAfspraak: true, periode: { tot: '2027-06-30' } }))).toBe(
      'Op afspraak. Tot en met 30 juni 2027.',
    );
    expect(
      roosterSamenvatting(rooster({ regels: [], toelichting: 'Zie de website.', seizoen: { vanMaand: 9, totMaand: 5 } })),
    ).toBe('Van september tot en met mei.');
  });
});
