import { and, asc, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Account, partnersVan } from '../portaal/accounts.ts';
import { verouderdGrens } from '../portaal/overzicht.ts';
import { isBeheerder, isKernondersteuner } from '../portaal/toegang.ts';
import { kernenVan } from './bellijst.ts';
import { versheidPerKern } from './overzicht.ts';
import { openSeizoenVragen } from './seizoen.ts';

/**
 * The freshness overview over time (issue #15): the periodic job measures, per kern and for all
 * kernen, the share of published organisations checked in the last six months, and keeps the last
 * measurement of each month (table versheid_maand). There is no history before the first
 * measurement: which organisations were published, and in which kernen, in an earlier month is
 * not kept anywhere, so a figure computed afterwards would not be exact.
 */

/** Records this month's figures (the last run of a month stays). */
export function meetVersheid(db: DbOfTx, vandaag: string, nu = new Date()): void {
  const { kernen, totaal } = versheidPerKern(db, vandaag);
  const maand = vandaag.slice(0, 7);
  for (const k of [...kernen, totaal]) {
    const rij = { vers: k.vers, totaal: k.totaal, gemetenOp: nu.toISOString() };
    db.insert(t.versheidMaand)
      .values({ maand, kernId: k.kernId, ...rij })
      .onConflictDoUpdate({ target: [t.versheidMaand.maand, t.versheidMaand.kernId], set: rij })
      .run();
  }
}

/** The beheerder and kernondersteuners see the overview. */
export const magVersheidZien = (a: Account): boolean => isBeheerder(a) || isKernondersteuner(a);

/**
 * The kernen this account sees: the beheerder all (and all kernen together, id 0), a
 * kernondersteuner their own. Undefined for anyone else.
 */
export function kernenVoor<K extends { id: number }>(a: Account, kernen: K[]): { kernen: K[]; alles: boolean } | undefined {
  if (isBeheerder(a)) return { kernen, alles: true };
  if (isKernondersteuner(a)) return { kernen: kernen.filter((k) => a.kernen.includes(k.id)), alles: false };
  return undefined;
}

export type Meting = { vers: number; totaal: number; procent: number };

/** Per month, per kern id (0: all kernen): the measurement, when there was one. */
export function metingenPerMaand(db: DbOfTx, maanden: string[], kernIds: number[]): Map<string, Map<number, Meting>> {
  const rijen =
    maanden.length === 0 || kernIds.length === 0
      ? []
      : db
          .select()
          .from(t.versheidMaand)
          .where(and(inArray(t.versheidMaand.maand, maanden), inArray(t.versheidMaand.kernId, kernIds)))
          .all();
  const uit = new Map(maanden.map((m) => [m, new Map<number, Meting>()]));
  for (const r of rijen) {
    const procent = r.totaal ? Math.round((r.vers / r.totaal) * 100) : 100;
    uit.get(r.maand)?.set(r.kernId, { vers: r.vers, totaal: r.totaal, procent });
  }
  return uit;
}

export type GeenAntwoord = {
  organisatieId: number;
  organisatie: string;
  gecontroleerdOp: string;
  partners: string[];
  /** Reminders sent since the listing was last checked, newest first. */
  herinneringen: string[];
};

/**
 * Published organisations, unchecked for six months, whose partners got reminders since their
 * last check and did not answer; only those in `kernIds` (undefined: all).
 */
export function nietBeantwoord(db: DbOfTx, vandaag: string, kernIds?: number[]): GeenAntwoord[] {
  const orgs = db
    .select({ id: t.organisatie.id, naam: t.organisatie.naam, gecontroleerdOp: t.organisatie.gecontroleerdOp })
    .from(t.organisatie)
    .where(and(eq(t.organisatie.status, 'gepubliceerd'), lt(t.organisatie.gecontroleerdOp, verouderdGrens(vandaag))))
    .orderBy(asc(t.organisatie.gecontroleerdOp), asc(t.organisatie.naam))
    .all();
  const kernen = kernenVan(
    db,
    orgs.map((o) => o.id),
  );
  const partners = partnersVan(
    db,
    orgs.map((o) => o.id),
  );
  return orgs
    .filter((o) => !kernIds || (kernen.get(o.id) ?? []).some((k) => kernIds.includes(k)))
    .map((o) => ({
      organisatieId: o.id,
      organisatie: o.naam,
      gecontroleerdOp: o.gecontroleerdOp,
      partners: partners.filter((p) => p.organisatieId === o.id).map((p) => p.naam),
      herinneringen: db
        .select({ op: t.herinneringVerstuurd.verstuurdOp })
        .from(t.herinneringVerstuurd)
        .where(and(eq(t.herinneringVerstuurd.organisatieId, o.id), gt(t.herinneringVerstuurd.verstuurdOp, o.gecontroleerdOp)))
        .orderBy(desc(t.herinneringVerstuurd.verstuurdOp))
        .all()
        .map((r) => r.op),
    }))
    .filter((o) => o.herinneringen.length > 0 && o.partners.length > 0);
}

export type SeizoenZonderAntwoord = {
  activiteitId: number;
  titel: string;
  organisatie: string;
  seizoenStart: string;
  gevraagdOp: string;
};

/** "Gaat het weer door?" mailed to partners and not answered (the activity not checked since). */
export function seizoenNietBeantwoord(db: DbOfTx, kernIds?: number[]): SeizoenZonderAntwoord[] {
  return openSeizoenVragen(db, 'mail')
    .filter((a) => !kernIds || kernIds.includes(a.kernId))
    .map(({ activiteitId, titel, organisatie, seizoenStart, gevraagdOp }) => ({
      activiteitId,
      titel,
      organisatie,
      seizoenStart,
      gevraagdOp,
    }));
}
