import { letOp, type Melding, type Plek } from './melding.ts';
import { lokaal, weekdag } from '../../rooster/kalender.ts';
import { WEEKDAGEN, type Regel, type Rooster, type RoosterInvoer, type Weekdag } from '../../rooster/schema.ts';
import { regelTekst, roosterTekst } from '../../rooster/tekst.ts';
import type { Veld } from './taxonomie.ts';

/**
 * Our schedules as HSDS schedule rows (RFC 5545 RRULE parts) and back. One row per rule; what a
 * rooster says about all its rules (period, season, exceptions, "op afspraak", remarks) is
 * repeated on every row, the parts HSDS has no field for as attributes. A rooster without rules
 * is one row without `freq`. Times are local time in Europe/Amsterdam.
 */

const RRULE_DAG: Record<Weekdag, string> = { ma: 'MO', di: 'TU', wo: 'WE', do: 'TH', vr: 'FR', za: 'SA', zo: 'SU' };
const ONZE_DAG = Object.fromEntries(Object.entries(RRULE_DAG).map(([k, v]) => [v, k])) as Record<string, Weekdag>;

export type ScheduleDeel = {
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  count?: number;
  wkst?: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  description: string;
  opens_at?: string;
  closes_at?: string;
  notes?: string;
  velden: { veld: Veld; waarde: string }[];
};

const metSeconden = (tijd: string) => `${tijd}:00`;

function regelDeel(regel: Regel): Partial<ScheduleDeel> {
  const tijden = { opens_at: metSeconden(regel.van), closes_at: metSeconden(regel.tot) };
  switch (regel.type) {
    case 'wekelijks':
      return {
        dtstart: regel.vanafWeek,
        wkst: regel.interval > 1 ? 'MO' : undefined,
        freq: 'WEEKLY',
        interval: regel.interval,
        byday: WEEKDAGEN.filter((d) => regel.dagen.includes(d))
          .map((d) => RRULE_DAG[d])
          .join(','),
        ...tijden,
      };
    case 'maandelijks':
      return { freq: 'MONTHLY', interval: 1, byday: `${regel.week}${RRULE_DAG[regel.dag]}`, ...tijden };
    case 'eenmalig':
      return { dtstart: regel.datum, count: 1, freq: 'WEEKLY', byday: RRULE_DAG[weekdag(regel.datum)], ...tijden };
  }
}

export function roosterNaarSchedules(rooster: Rooster): ScheduleDeel[] {
  const extra = roosterTekst({ ...rooster, regels: [] });
  const velden: ScheduleDeel['velden'] = [];
  if (rooster.seizoen) velden.push({ veld: 'seizoen', waarde: `${rooster.seizoen.vanMaand}-${rooster.seizoen.totMaand}` });
  if (rooster.nietOp.length > 0) velden.push({ veld: 'niet-op', waarde: [...rooster.nietOp].sort().join(' ') });
  if (rooster.opAfspraak) velden.push({ veld: 'op-afspraak', waarde: 'ja' });
  if (rooster.nietInMaanden?.length) {
    velden.push({ veld: 'niet-in-maanden', waarde: [...rooster.nietInMaanden].sort((a, b) => a - b).join(' ') });
  }
  if (rooster.nietOpFeestdagen) velden.push({ veld: 'niet-op-feestdagen', waarde: 'ja' });
  const basis = { valid_from: rooster.periode?.van, valid_to: rooster.periode?.tot, notes: rooster.toelichting, velden };
  if (rooster.regels.length === 0) return [{ ...basis, description: extra.join(' ') }];
  return rooster.regels.map((regel) => ({
    ...basis,
    ...regelDeel(regel),
    description: [`${regelTekst(regel)}.`, ...extra].join(' '),
  }));
}

/** One schedule row as read from a file. */
export type ScheduleRij = {
  plek: Plek;
  waarden: Record<string, unknown>;
  velden: Partial<Record<Veld, string>>;
};

const ROOSTER_VELDEN = new Set(['valid_from', 'valid_to', 'notes']);
const BEGRIPEN = new Set([
  ...ROOSTER_VELDEN,
  'dtstart',
  'count',
  'wkst',
  'freq',
  'interval',
  'byday',
  'description',
  'opens_at',
  'closes_at',
  'until',
]);

/** "10:00", "10:00:00"; with "Z" or an offset it is converted to Amsterdam time on `datum`. */
export function leesTijd(waarde: string, datum: string): { tijd?: string; omgerekend?: boolean } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/.exec(waarde.trim());
  if (!m || (m[3] && m[3] !== '00')) return {};
  if (!m[4]) return { tijd: `${m[1]}:${m[2]}` };
  const offset = m[4] === 'Z' ? 0 : (m[4][0] === '-' ? -1 : 1) * (Number(m[4].slice(1, 3)) * 60 + Number(m[4].slice(-2)));
  const [j, mnd, d] = datum.split('-').map(Number);
  const moment = Date.UTC(j, mnd - 1, d, Number(m[1]), Number(m[2])) - offset * 60_000;
  return { tijd: lokaal(new Date(moment)).tijd, omgerekend: true };
}

const tekst = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));

/** A row we cannot express as a rule keeps its description as remark, with a notice. */
function nietTeVertalen(rij: ScheduleRij, veld: string, reden: string, meldingen: Melding[], toelichting: string[]) {
  const omschrijving = tekst(rij.waarden.description);
  if (omschrijving) toelichting.push(omschrijving);
  meldingen.push(
    letOp(
      { ...rij.plek, veld },
      `${reden} Dit deel van het rooster kunnen we niet als gegevens overnemen; ${
        omschrijving ? `de omschrijving "${omschrijving}" komt in de toelichting` : 'er is geen omschrijving om over te nemen'
      }.`,
    ),
  );
}

function regelUit(rij: ScheduleRij, meldingen: Melding[], toelichting: string[]): Regel[] | undefined {
  const w = rij.waarden;
  const freq = tekst(w.freq);
  const dtstart = tekst(w.dtstart);
  const weg = (veld: string, reden: string) => {
    nietTeVertalen(rij, veld, reden, meldingen, toelichting);
    return undefined;
  };
  for (const veld of ['byweekno', 'bymonthday', 'byyearday', 'timezone']) {
    if (tekst(w[veld]) !== undefined) return weg(veld, `${veld} kent ons rooster niet.`);
  }
  if (!freq) {
    if (!tekst(w.opens_at) && !tekst(w.byday) && !dtstart) return undefined;
    if (!dtstart) return weg('freq', 'Er staat geen herhaling (freq) en geen datum (dtstart).');
  }
  const refDatum = dtstart ?? tekst(w.valid_from) ?? lokaal(new Date()).datum;
  const van = leesTijd(tekst(w.opens_at) ?? '', refDatum);
  const tot = leesTijd(tekst(w.closes_at) ?? '', refDatum);
  if (!van.tijd) return weg('opens_at', `Begintijd "${tekst(w.opens_at) ?? ''}" is geen tijd als 10:00.`);
  if (!tot.tijd) return weg('closes_at', `Eindtijd "${tekst(w.closes_at) ?? ''}" is geen tijd als 12:00.`);
  if (van.omgerekend || tot.omgerekend) {
    meldingen.push(
      letOp({ ...rij.plek, veld: 'opens_at' }, `Tijd met tijdzone omgerekend naar Nederlandse tijd: ${van.tijd}–${tot.tijd}.`),
    );
  }
  const tijd = { van: van.tijd, tot: tot.tijd };
  const dagen = (tekst(w.byday) ?? '')
    .split(',')
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean);
  const count = w.count === undefined || w.count === '' ? undefined : Number(w.count);
  const interval = w.interval === undefined || w.interval === '' ? 1 : Number(w.interval);

  if (count === 1 || (!freq && dtstart)) {
    if (!dtstart) return weg('dtstart', 'Eén keer (count 1) zonder datum (dtstart).');
    if (dagen.length > 0 && (dagen.length !== 1 || ONZE_DAG[dagen[0]] !== weekdag(dtstart))) {
      meldingen.push(
        letOp(
          { ...rij.plek, veld: 'byday' },
          `byday "${dagen.join(',')}" past niet bij de datum ${dtstart}; we gaan uit van de datum.`,
        ),
      );
    }
    return [{ type: 'eenmalig', datum: dtstart, ...tijd }];
  }
  if (count !== undefined) return weg('count', `Een vast aantal keren (count ${count}) kent ons rooster niet.`);
  if (dagen.length === 0) return weg('byday', 'Er staat niet op welke dag (byday).');
  if (freq === 'WEEKLY') {
    if (dagen.some((d) => !ONZE_DAG[d])) return weg('byday', `"${dagen.join(',')}" zijn geen dagen als MO,TU.`);
    if (!Number.isInteger(interval) || interval < 1 || interval > 4)
      return weg('interval', `Om de ${interval} weken kent ons rooster niet (1 tot 4).`);
    if (interval > 1 && !dtstart)
      return weg('dtstart', 'Om de paar weken, maar zonder eerste datum (dtstart) weten we niet welke weken.');
    if (interval > 1 && tekst(w.wkst) && tekst(w.wkst) !== 'MO') {
      meldingen.push(letOp({ ...rij.plek, veld: 'wkst' }, 'De week begint bij ons op maandag; de weken kunnen anders uitkomen.'));
    }
    return [{ type: 'wekelijks', dagen: dagen.map((d) => ONZE_DAG[d]), interval, vanafWeek: dtstart, ...tijd }];
  }
  if (freq === 'MONTHLY') {
    if (interval !== 1) return weg('interval', `Om de ${interval} maanden kent ons rooster niet.`);
    const regels: Regel[] = [];
    for (const d of dagen) {
      const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
      if (!m)
        return weg(
          'byday',
          `"${d}" kent ons rooster niet; wel de 1e tot 4e of laatste (-1) dag van de maand, zoals 1TU of -1FR.`,
        );
      regels.push({ type: 'maandelijks', week: Number(m[1]) as 1 | 2 | 3 | 4 | -1, dag: ONZE_DAG[m[2]], ...tijd });
    }
    return regels;
  }
  return weg('freq', `Herhaling "${freq}" kent ons rooster niet (alleen WEEKLY en MONTHLY).`);
}

function seizoenUit(waarde: string | undefined, plek: Plek, meldingen: Melding[]): RoosterInvoer['seizoen'] {
  if (waarde === undefined) return undefined;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(waarde.trim());
  if (m) return { vanMaand: Number(m[1]), totMaand: Number(m[2]) };
  meldingen.push(
    letOp({ ...plek, veld: 'attributes' }, `Seizoen "${waarde}" is niet als "9-5" (maand-maand) geschreven; niet overgenomen.`),
  );
  return undefined;
}

/**
 * The rows of one service (or one spreekuur) back into a rooster. Rows must agree on what
 * applies to the whole rooster; where they do not, the first row counts and the rest is reported.
 */
export function schedulesNaarRooster(rijen: ScheduleRij[]): { rooster: RoosterInvoer; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const toelichting: string[] = [];
  const regels: Regel[] = [];
  const eerste = rijen[0];
  for (const rij of rijen) {
    for (const veld of Object.keys(rij.waarden)) {
      if (
        !BEGRIPEN.has(veld) &&
        !['byweekno', 'bymonthday', 'byyearday', 'timezone'].includes(veld) &&
        tekst(rij.waarden[veld])
      ) {
        meldingen.push(letOp({ ...rij.plek, veld }, `Veld ${veld} van het rooster kennen we niet; niet overgenomen.`));
      }
    }
    for (const veld of ROOSTER_VELDEN) {
      if (tekst(rij.waarden[veld]) !== tekst(eerste.waarden[veld])) {
        meldingen.push(
          letOp(
            { ...rij.plek, veld },
            `Wijkt af van de eerste regel van het rooster ("${tekst(eerste.waarden[veld]) ?? ''}"); ons rooster kent dit één keer, we nemen de eerste.`,
          ),
        );
      }
    }
    for (const veld of ['seizoen', 'niet-op', 'op-afspraak', 'niet-in-maanden', 'niet-op-feestdagen'] as const) {
      if (rij.velden[veld] !== eerste.velden[veld]) {
        meldingen.push(
          letOp({ ...rij.plek, veld: 'attributes' }, `${veld} wijkt af van de eerste regel van het rooster; we nemen de eerste.`),
        );
      }
    }
    const until = tekst(rij.waarden.until);
    if (until && until !== tekst(eerste.waarden.valid_to)) {
      meldingen.push(
        letOp(
          { ...rij.plek, veld: 'until' },
          `Einddatum (until) ${until} nemen we niet over; gebruik valid_to voor het hele rooster.`,
        ),
      );
    }
    regels.push(...(regelUit(rij, meldingen, toelichting) ?? []));
  }
  const w = eerste?.waarden ?? {};
  const notes = [tekst(w.notes), ...toelichting].filter((t): t is string => t !== undefined);
  const rooster: RoosterInvoer = {
    regels,
    opAfspraak: eerste?.velden['op-afspraak'] === 'ja',
    seizoen: eerste ? seizoenUit(eerste.velden.seizoen, eerste.plek, meldingen) : undefined,
    periode: tekst(w.valid_from) || tekst(w.valid_to) ? { van: tekst(w.valid_from), tot: tekst(w.valid_to) } : undefined,
    nietOp: (eerste?.velden['niet-op'] ?? '').split(/[\s,]+/).filter(Boolean),
    nietInMaanden: eerste?.velden['niet-in-maanden']
      ?.split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
    nietOpFeestdagen: eerste?.velden['niet-op-feestdagen'] === 'ja' ? true : undefined,
    toelichting: notes.length > 0 ? notes.join(' ') : undefined,
  };
  if (!rooster.periode) delete rooster.periode;
  if (!rooster.seizoen) delete rooster.seizoen;
  if (!rooster.nietInMaanden?.length) delete rooster.nietInMaanden;
  if (!rooster.nietOpFeestdagen) delete rooster.nietOpFeestdagen;
  if (!rooster.toelichting) delete rooster.toelichting;
  return { rooster, meldingen };
}
