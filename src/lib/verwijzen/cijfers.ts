import { and, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { VerwijsStatus } from './status.ts';

/**
 * Figures about referrals: counted per month, kern, thema, activity and outcome, from the open
 * referrals and from the anonymous counts of referrals older than 12 months. Small counts are
 * hidden outside the viewer's own kernen, so nobody can be recognised in them.
 */

export const KLEINSTE_GETOONDE = 5;

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

export type Cel = { sleutel: string; aantal: number; kernen: Set<number> };

/** Sums the rows per key, remembering which kernen contributed (for hiding small counts). */
export function groepeer(rijen: TelRij[], sleutel: (r: TelRij) => string): Map<string, Cel> {
  const cellen = new Map<string, Cel>();
  for (const r of rijen) {
    const k = sleutel(r);
    const cel = cellen.get(k) ?? { sleutel: k, aantal: 0, kernen: new Set<number>() };
    cel.aantal += r.aantal;
    cel.kernen.add(r.kernId);
    cellen.set(k, cel);
  }
  return cellen;
}

/** A count as shown: null when hidden because it is small and (partly) outside the viewer's kernen. */
export function getoond(cel: Pick<Cel, 'aantal' | 'kernen'> | undefined, exacteKernen: number[]): number | null {
  if (!cel || cel.aantal === 0) return 0;
  if (cel.aantal >= KLEINSTE_GETOONDE) return cel.aantal;
  return [...cel.kernen].every((k) => exacteKernen.includes(k)) ? cel.aantal : null;
}

export function aantalTekst(n: number | null): string {
  return n === null ? `minder dan ${KLEINSTE_GETOONDE}` : String(n);
}

/** The months from `tot` back, oldest first: maanden('2026-11', 3) → ['2026-09', '2026-10', '2026-11']. */
export function maanden(tot: string, aantal: number): string[] {
  const [j, m] = tot.split('-').map(Number);
  return Array.from({ length: aantal }, (_, i) => {
    const n = j * 12 + (m - 1) - (aantal - 1 - i);
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

const MAANDNAMEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
export function maandTekst(maand: string): string {
  return `${MAANDNAMEN[Number(maand.slice(5, 7)) - 1]} ${maand.slice(0, 4)}`;
}

export type Rij = { sleutel: string; label: string; aantal: number | null };

/**
 * One breakdown as rows to show: every key in `volgorde` (zero included, so a month or kern
 * without referrals is visible too), then any other key, largest first.
 */
export function uitsplitsing(
  rijen: TelRij[],
  sleutel: (r: TelRij) => string,
  label: (s: string) => string,
  exacteKernen: number[],
  volgorde: string[] = [],
): Rij[] {
  const cellen = groepeer(rijen, sleutel);
  const overig = [...cellen.values()].filter((c) => !volgorde.includes(c.sleutel)).sort((a, b) => b.aantal - a.aantal);
  return [...volgorde, ...overig.map((c) => c.sleutel)].map((s) => ({
    sleutel: s,
    label: label(s),
    aantal: getoond(cellen.get(s), exacteKernen),
  }));
}

export type Overzicht = { totaal: Rij; perKern: Rij[]; perThema: Rij[]; perUitkomst: Rij[]; perActiviteit: Rij[] };

/** All breakdowns of one period; kernen, thema's and outcomes are listed also when zero. */
export function overzicht(
  rijen: TelRij[],
  lijsten: {
    kernen: { id: number; naam: string }[];
    themas: { slug: string; label: string }[];
    uitkomsten: Record<VerwijsStatus, string>;
  },
  exacteKernen: number[],
): Overzicht {
  const kernNaam = new Map(lijsten.kernen.map((k) => [String(k.id), k.naam]));
  const themaNaam = new Map(lijsten.themas.map((th) => [th.slug, th.label]));
  const titel = new Map(rijen.map((r) => [`${r.activiteitId}|${r.activiteitTitel}`, r.activiteitTitel]));
  const per = (sleutel: (r: TelRij) => string, label: (s: string) => string, volgorde: string[] = []) =>
    uitsplitsing(rijen, sleutel, label, exacteKernen, volgorde);
  return {
    totaal: per(
      () => 'totaal',
      () => 'Totaal',
    )[0] ?? { sleutel: 'totaal', label: 'Totaal', aantal: 0 },
    perKern: per(
      (r) => String(r.kernId),
      (s) => kernNaam.get(s) ?? s,
      [...kernNaam.keys()],
    ),
    perThema: per(
      (r) => r.thema,
      (s) => themaNaam.get(s) ?? s,
      [...themaNaam.keys()],
    ),
    perUitkomst: per(
      (r) => r.uitkomst,
      (s) => lijsten.uitkomsten[s as VerwijsStatus] ?? s,
      Object.keys(lijsten.uitkomsten),
    ),
    perActiviteit: per(
      (r) => `${r.activiteitId}|${r.activiteitTitel}`,
      (s) => titel.get(s) ?? s,
    ),
  };
}
