import { and, eq, gte, inArray } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import { lokaal, plusDagen } from '../rooster/kalender.ts';
import { registreerReeks, type Telling } from './overzicht.ts';

/**
 * The series on the signalen overview. Add one with `registreerReeks` here (for example the
 * "aanbod ontbreekt" gaps from verwijzen: { sleutel: 'aanbod-ontbreekt', label: 'Aanbod ontbreekt',
 * tellingen: (db, filter) => … }) and it appears in the chart, the tables and the CSV.
 */

registreerReeks({
  sleutel: 'signalen',
  label: 'Nieuwe signalen',
  tellingen: (db, filter): Telling[] =>
    db
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
      .map((s) => ({ kernId: s.kernId, thema: s.thema, datum: lokaal(new Date(s.aangemaaktOp)).datum })),
});

export { reeksBronnen } from './overzicht.ts';
