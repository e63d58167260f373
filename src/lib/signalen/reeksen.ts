import { and, eq, gte, inArray } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import { lokaal, plusDagen } from '../rooster/kalender.ts';
import type { DbOfTx } from '../db/client.ts';
import { type OverzichtFilter, registreerReeks, type Telling } from './overzicht.ts';

/**
 * The series on the signalen overview: new signals, and the gaps in the offer that referrals
 * reveal. A series added with `registreerReeks` appears in the chart, the tables and the CSV.
 */

registreerReeks({
  sleutel: 'signalen',
  label: 'Nieuwe signalen',
  tellingen: (db, filter): Telling[] => [...levend(db, filter), ...geteld(db, filter)],
});

function levend(db: DbOfTx, filter: OverzichtFilter): Telling[] {
  return db
    .select({ kernId: t.signaal.kernId, thema: t.signaal.thema, aangemaaktOp: t.signaal.aangemaaktOp })
    .from(t.signaal)
    .where(
      and(
        inArray(t.signaal.kernId, filter.kernIds.length ? filter.kernIds : [-1]),
        filter.thema ? eq(t.signaal.thema, filter.thema) : undefined,
        // A day early in UTC, so a signal recorded just after local midnight is not missed.
        gte(t.signaal.aangemaaktOp, plusDagen(filter.van, -1)),
      ),
    )
    .all()
    .map((s) => ({ kernId: s.kernId, thema: s.thema, datum: lokaal(new Date(s.aangemaaktOp)).datum }));
}

/** Closed signals past their keeping time, kept only as counts per month (wissen.ts). */
function geteld(db: DbOfTx, filter: OverzichtFilter): Telling[] {
  return db
    .select()
    .from(t.signaalTelling)
    .where(
      and(
        inArray(t.signaalTelling.kernId, filter.kernIds.length ? filter.kernIds : [-1]),
        filter.thema ? eq(t.signaalTelling.thema, filter.thema) : undefined,
        gte(t.signaalTelling.maand, filter.van.slice(0, 7)),
      ),
    )
    .all()
    .flatMap((r) =>
      Array.from({ length: r.aantal }, () => ({ kernId: r.kernId, thema: r.thema || null, datum: `${r.maand}-01` })),
    );
}

/** Gaps from verwijzen: a referral answered "vol" or "past niet", or nothing fitting found. */
registreerReeks({
  sleutel: 'aanbod-ontbreekt',
  label: 'Aanbod ontbreekt',
  tellingen: (db, filter): Telling[] =>
    db
      .select({ kernId: t.tekort.kernId, thema: t.tekort.thema, datum: t.tekort.datum })
      .from(t.tekort)
      .where(
        and(
          inArray(t.tekort.kernId, filter.kernIds.length ? filter.kernIds : [-1]),
          filter.thema ? eq(t.tekort.thema, filter.thema) : undefined,
          gte(t.tekort.datum, filter.van),
        ),
      )
      .all(),
});

export { reeksBronnen } from './overzicht.ts';
