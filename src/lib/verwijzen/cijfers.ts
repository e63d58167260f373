import { and, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import { bescherm, type Cijfer, isVerborgen } from '../cijfers/bescherm.ts';
import { maandTekst } from '../cijfers/perioden.ts';
import type { DbOfTx } from '../db/client.ts';
import type { VerwijsStatus } from './status.ts';

/**
 * Figures about referrals: counted per month, kern, thema, activity and outcome, from the open
 * referrals and from the anonymous counts of referrals older than 12 months. Small counts are
 * hidden outside the viewer's own kernen, so nobody can be recognised in them.
 */

export type TelRij = {
  maand: string;
  kernId: number;
  thema: string;
  activiteitId: number;
  activiteitTitel: string;
  uitkomst: VerwijsStatus;
  aantal: number;
};

/** All counts from `van` to `tot` (months "YYYY-MM", inclusive), optionally for some kernen. */
export function telRijen(db: DbOfTx, filter: { van: string; tot: string; kernIds?: number[] }): TelRij[] {
  const maand = sql<string>`substr(${t.verwijzing.datum}, 1, 7)`;
  const live: SQL[] = [gte(maand, filter.van), lte(maand, filter.tot)];
  const oud: SQL[] = [gte(t.verwijzingTelling.maand, filter.van), lte(t.verwijzingTelling.maand, filter.tot)];
  if (filter.kernIds) {
    live.push(inArray(t.verwijzing.kernId, filter.kernIds));
    oud.push(inArray(t.verwijzingTelling.kernId, filter.kernIds));
  }
  const activiteitId = sql<number>`coalesce(${t.verwijzing.activiteitId}, 0)`;
  const nu = db
    .select({
      maand,
      kernId: t.verwijzing.kernId,
      thema: t.verwijzing.thema,
      activiteitId,
      activiteitTitel: t.verwijzing.activiteitTitel,
      uitkomst: t.verwijzing.status,
      aantal: sql<number>`count(*)`,
    })
    .from(t.verwijzing)
    .where(and(...live))
    .groupBy(maand, t.verwijzing.kernId, t.verwijzing.thema, activiteitId, t.verwijzing.activiteitTitel, t.verwijzing.status)
    .all();
  const gearchiveerd = db
    .select()
    .from(t.verwijzingTelling)
    .where(and(...oud))
    .all();
  return [...nu, ...gearchiveerd];
}

export { maanden, maandTekst } from '../cijfers/perioden.ts';

export type Rij = { sleutel: string; label: string; cijfer: Cijfer };
export type Overzicht = {
  totaal: Rij;
  perMaand: Rij[];
  perKern: Rij[];
  perThema: Rij[];
  perUitkomst: Rij[];
  perActiviteit: Rij[];
};

type Indeling = { sleutel: (r: TelRij) => string; label: (s: string) => string; volgorde: string[] };

/** Counts per key, and whether every kern in a count is one where this viewer sees exact counts. */
function tabel(rijen: TelRij[], indeling: Indeling, exacteKernen: number[]) {
  const cellen = new Map<string, { aantal: number; exact: boolean }>();
  for (const r of rijen) {
    const k = indeling.sleutel(r);
    const cel = cellen.get(k) ?? { aantal: 0, exact: true };
    cel.aantal += r.aantal;
    cel.exact &&= exacteKernen.includes(r.kernId);
    cellen.set(k, cel);
  }
  const sleutels = [...indeling.volgorde, ...[...cellen.keys()].filter((k) => !indeling.volgorde.includes(k))];
  return sleutels.map((sleutel) => ({ sleutel, ...(cellen.get(sleutel) ?? { aantal: 0, exact: true }) }));
}

/** The tables of one set of referrals, protected together (they describe the same referrals). */
function beschermd(rijen: TelRij[], indelingen: Indeling[], exacteKernen: number[]): Rij[][] {
  const tabellen = indelingen.map((i) => tabel(rijen, i, exacteKernen));
  return bescherm(tabellen).map((cijfers, t) =>
    cijfers.map((cijfer, i) => ({ sleutel: tabellen[t][i].sleutel, label: indelingen[t].label(tabellen[t][i].sleutel), cijfer })),
  );
}

/** Shown counts largest first, hidden ones after them by name: the order must not tell a hidden count. */
function opGrootte(rijen: Rij[]): Rij[] {
  const getoond = rijen.filter((r) => !isVerborgen(r.cijfer)).sort((a, b) => b.cijfer.aantal - a.cijfer.aantal);
  const verborgen = rijen.filter((r) => isVerborgen(r.cijfer)).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return [...getoond, ...verborgen];
}

/**
 * Every figure of the cijfers page: per month over the 12 months `maandenLijst`, and the total
 * and the breakdowns per kern, thema, outcome and activity over `maand` (or all 12 months).
 * One small-number rule (src/lib/cijfers/bescherm.ts) over everything the page shows together.
 */
export function overzicht(
  rijen: TelRij[],
  lijsten: {
    maanden: string[];
    maand?: string;
    kernen: { id: number; naam: string }[];
    themas: { slug: string; label: string }[];
    uitkomsten: Record<VerwijsStatus, string>;
  },
  exacteKernen: number[],
): Overzicht {
  const kernNaam = new Map(lijsten.kernen.map((k) => [String(k.id), k.naam]));
  const themaNaam = new Map(lijsten.themas.map((th) => [th.slug, th.label]));
  const titel = new Map(rijen.map((r) => [`${r.activiteitId}|${r.activiteitTitel}`, r.activiteitTitel]));
  const totaal: Indeling = { sleutel: () => 'totaal', label: () => 'Totaal', volgorde: ['totaal'] };
  const perMaand: Indeling = { sleutel: (r) => r.maand, label: maandTekst, volgorde: lijsten.maanden };
  const delen: Indeling[] = [
    { sleutel: (r) => String(r.kernId), label: (s) => kernNaam.get(s) ?? s, volgorde: [...kernNaam.keys()] },
    { sleutel: (r) => r.thema, label: (s) => themaNaam.get(s) ?? s, volgorde: [...themaNaam.keys()] },
    {
      sleutel: (r) => r.uitkomst,
      label: (s) => lijsten.uitkomsten[s as VerwijsStatus] ?? s,
      volgorde: Object.keys(lijsten.uitkomsten),
    },
    { sleutel: (r) => `${r.activiteitId}|${r.activiteitTitel}`, label: (s) => titel.get(s) ?? s, volgorde: [] },
  ];
  let maandRijen: Rij[];
  let tabellen: Rij[][];
  if (!lijsten.maand) {
    [maandRijen, ...tabellen] = beschermd(rijen, [perMaand, totaal, ...delen], exacteKernen);
  } else {
    // The chosen month's total is also its bar in the months chart: one figure, protected with
    // the month's breakdowns. The other months share no published sum with anything.
    const maand = lijsten.maand;
    tabellen = beschermd(
      rijen.filter((r) => r.maand === maand),
      [totaal, ...delen],
      exacteKernen,
    );
    maandRijen = beschermd(rijen, [perMaand], exacteKernen)[0].map((r) =>
      r.sleutel === maand ? { ...r, cijfer: tabellen[0][0].cijfer } : r,
    );
  }
  const [[totaalRij], perKern, perThema, perUitkomst, perActiviteit] = tabellen;
  return { totaal: totaalRij, perMaand: maandRijen, perKern, perThema, perUitkomst, perActiviteit: opGrootte(perActiviteit) };
}
