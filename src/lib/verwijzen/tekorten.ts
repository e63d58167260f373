import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { waarde, type Velden } from '../portaal/formulier/velden.ts';
import { log } from '../portaal/logboek.ts';

/**
 * Gaps in the collective offer: "vol" and "past niet" answers (recorded by beantwoord) and
 * "niets passends gevonden" (recorded here by a referrer). Only kern, thema and doelgroep.
 */

export function nietsPassendSchema(config: GemeenteConfig, kernIds: number[]) {
  return z.object({
    kernId: z.number().refine((k) => kernIds.includes(k), { error: 'kies een van uw kernen' }),
    thema: z.string().refine((s) => config.themas.some((th) => th.slug === s), { error: 'kies een thema' }),
    doelgroep: z
      .string()
      .transform((s) => s || undefined)
      .refine((s) => s === undefined || config.doelgroepen.some((d) => d.slug === s), {
        error: 'kies een doelgroep uit de lijst',
      }),
  });
}

export function leesNietsPassend(velden: Velden, config: GemeenteConfig, kernIds: number[]) {
  return nietsPassendSchema(config, kernIds).safeParse({
    kernId: Number(waarde(velden, 'tekort.kernId')),
    thema: waarde(velden, 'tekort.thema'),
    doelgroep: waarde(velden, 'tekort.doelgroep'),
  });
}

export function registreerNietsPassend(
  db: DbOfTx,
  account: Account,
  tekort: z.infer<ReturnType<typeof nietsPassendSchema>>,
  vandaag: string,
): number {
  const id = db
    .insert(t.tekort)
    .values({
      soort: 'niets-passend',
      kernId: tekort.kernId,
      thema: tekort.thema,
      doelgroep: tekort.doelgroep ?? null,
      datum: vandaag,
      accountId: account.id,
    })
    .returning({ id: t.tekort.id })
    .get().id;
  log(db, account.id, 'niets passends gevonden', `Kern ${tekort.kernId}, thema ${tekort.thema}`);
  return id;
}

export type TekortPerKwartaal = {
  kernId: number;
  kern: string;
  thema: string;
  /** "2026-K4": year and quarter, sorts as text. */
  kwartaal: string;
  vol: number;
  pastNiet: number;
  nietsPassend: number;
  totaal: number;
};

/**
 * For the signalen overview ("aanbod ontbreekt"): gaps counted per kern, thema and quarter,
 * optionally only for some kernen and one thema. A pure query: reads, never writes. Ordered by
 * quarter, then kern order, then thema.
 */
export function tekortenPerKwartaal(db: DbOfTx, filter: { kernIds?: number[]; thema?: string } = {}): TekortPerKwartaal[] {
  const kwartaal = sql<string>`substr(${t.tekort.datum}, 1, 4) || '-K' || ((cast(substr(${t.tekort.datum}, 6, 2) as integer) + 2) / 3)`;
  const aantal = (soort: string) => sql<number>`sum(case when ${t.tekort.soort} = ${soort} then 1 else 0 end)`;
  const voorwaarden: SQL[] = [];
  if (filter.kernIds) voorwaarden.push(inArray(t.tekort.kernId, filter.kernIds));
  if (filter.thema) voorwaarden.push(eq(t.tekort.thema, filter.thema));
  return db
    .select({
      kernId: t.tekort.kernId,
      kern: t.kern.slug,
      thema: t.tekort.thema,
      kwartaal,
      vol: aantal('vol'),
      pastNiet: aantal('past-niet'),
      nietsPassend: aantal('niets-passend'),
      totaal: sql<number>`count(*)`,
    })
    .from(t.tekort)
    .innerJoin(t.kern, eq(t.kern.id, t.tekort.kernId))
    .where(voorwaarden.length ? and(...voorwaarden) : undefined)
    .groupBy(t.tekort.kernId, t.tekort.thema, kwartaal)
    .orderBy(asc(kwartaal), asc(t.kern.volgorde), asc(t.tekort.thema))
    .all();
}
