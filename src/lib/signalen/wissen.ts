import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { log } from '../portaal/logboek.ts';
import { magSignaalOpvolgen } from './toegang.ts';
import { lokaal } from '../rooster/kalender.ts';
import type { Afzender, SignaalStatus } from './schema.ts';

/**
 * The right to correction and erasure (AVG art. 16 and 17). Old text is overwritten in place,
 * never kept in a history, and SQLite runs with secure_delete, so after a checkpoint it is gone
 * from the database file. The audit log says who did what to which signal and when, never the
 * text, the fragment or anything typed.
 */

export const WEGGEHAALD = '[weggehaald]';

export const VERWIJDER_REDENEN = {
  persoonsgegevens: 'Er staan gegevens over een persoon in',
  verzoek: 'Iemand over wie het gaat, vraagt erom',
  onjuist: 'Het klopt niet',
  dubbel: 'Het is dubbel gemeld',
} as const;
export type VerwijderReden = keyof typeof VERWIJDER_REDENEN;

export const fragmentSchema = z
  .string()
  .trim()
  .min(2, { error: 'vul het stuk tekst in dat weg moet (minstens 2 tekens)' })
  .max(200, { error: 'maximaal 200 tekens' });

export const redenSchema = z.enum(Object.keys(VERWIJDER_REDENEN) as [VerwijderReden, ...VerwijderReden[]], {
  error: 'kies waarom het signaal weg moet',
});

/** The recorder may still correct their own text while nobody has acted on it. */
export function magCorrigeren(a: Account, s: { accountId: number | null; status: SignaalStatus }): boolean {
  return a.actief && s.accountId === a.id && s.status === 'nieuw';
}

/** Redacting and deleting: the kernondersteuner of the kern and the beheerder. */
export const magWissen = (a: Account, kernId: number): boolean => magSignaalOpvolgen(a, kernId);

const nu = () => new Date().toISOString();

function stap(db: DbOfTx, account: Account, afzender: Afzender, signaalId: number, soort: 'gecorrigeerd' | 'geanonimiseerd') {
  db.insert(t.signaalGebeurtenis)
    .values({ signaalId, soort, organisatieId: afzender.organisatieId, rol: afzender.rol, accountId: account.id, moment: nu() })
    .run();
}

export function corrigeer(db: DbOfTx, account: Account, afzender: Afzender, signaalId: number, tekst: string): void {
  db.transaction((tx) => {
    tx.update(t.signaal).set({ tekst, gewijzigdOp: nu() }).where(eq(t.signaal.id, signaalId)).run();
    stap(tx, account, afzender, signaalId, 'gecorrigeerd');
    log(tx, account.id, 'signaal verbeterd', `Signaal ${signaalId}: tekst verbeterd door de melder`);
  });
}

/** Every occurrence of `fragment`, in any case, replaced by WEGGEHAALD. */
export function vervang(tekst: string, fragment: string): string {
  const patroon = new RegExp(fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  return tekst.replace(patroon, WEGGEHAALD);
}

/**
 * Takes a fragment (a name, an address) out of every text of one signal: the signal, its
 * outcome, the notes of "wij zien dit ook", the explanations in its timeline and its group's
 * name. Returns how many texts changed; 0 means the fragment was not found.
 */
export function haalWeg(db: DbOfTx, account: Account, afzender: Afzender, signaalId: number, fragment: string): number {
  return db.transaction((tx) => {
    let geraakt = 0;
    const pas = (oud: string | null, zet: (nieuw: string) => void) => {
      if (oud === null) return;
      const nieuw = vervang(oud, fragment);
      if (nieuw === oud) return;
      zet(nieuw);
      geraakt++;
    };
    const s = tx.select().from(t.signaal).where(eq(t.signaal.id, signaalId)).get();
    if (!s) return 0;
    pas(s.tekst, (tekst) => tx.update(t.signaal).set({ tekst }).where(eq(t.signaal.id, signaalId)).run());
    pas(s.uitkomst, (uitkomst) => tx.update(t.signaal).set({ uitkomst }).where(eq(t.signaal.id, signaalId)).run());
    for (const h of tx.select().from(t.signaalHerkenning).where(eq(t.signaalHerkenning.signaalId, signaalId)).all())
      pas(h.notitie, (notitie) => tx.update(t.signaalHerkenning).set({ notitie }).where(eq(t.signaalHerkenning.id, h.id)).run());
    for (const g of tx.select().from(t.signaalGebeurtenis).where(eq(t.signaalGebeurtenis.signaalId, signaalId)).all())
      pas(g.toelichting, (toelichting) =>
        tx.update(t.signaalGebeurtenis).set({ toelichting }).where(eq(t.signaalGebeurtenis.id, g.id)).run(),
      );
    if (s.groepId !== null) {
      const groep = tx.select().from(t.signaalGroep).where(eq(t.signaalGroep.id, s.groepId)).get();
      pas(groep?.naam ?? null, (naam) => tx.update(t.signaalGroep).set({ naam }).where(eq(t.signaalGroep.id, s.groepId!)).run());
    }
    if (geraakt === 0) return 0;
    tx.update(t.signaal).set({ gewijzigdOp: nu() }).where(eq(t.signaal.id, signaalId)).run();
    stap(tx, account, afzender, signaalId, 'geanonimiseerd');
    log(tx, account.id, 'signaal geanonimiseerd', `Signaal ${signaalId}: ${geraakt} tekst(en) aangepast`);
    return geraakt;
  });
}

/** Deletes a signal with its recognitions and timeline (cascade); the log keeps the number and the reason. */
export function verwijder(db: DbOfTx, account: Account, signaalId: number, reden: VerwijderReden): void {
  db.transaction((tx) => {
    const s = tx.select({ kernId: t.signaal.kernId }).from(t.signaal).where(eq(t.signaal.id, signaalId)).get();
    if (!s) return;
    tx.delete(t.signaal).where(eq(t.signaal.id, signaalId)).run();
    log(tx, account.id, 'signaal verwijderd', `Signaal ${signaalId} (kern ${s.kernId}): ${VERWIJDER_REDENEN[reden]}`);
  });
}

/** Months a closed signal is kept before it becomes a count (SK_SIGNALEN_BEWAREN_MAANDEN, default 12). */
export function bewaarMaanden(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SK_SIGNALEN_BEWAREN_MAANDEN);
  return Number.isInteger(n) && n >= 1 && n <= 120 ? n : 12;
}

/** The moment `maanden` months before `vandaag` (YYYY-MM-DD), as an ISO timestamp at midnight UTC. */
export function grensVoor(vandaag: string, maanden: number): string {
  const [j, m, d] = vandaag.split('-').map(Number);
  const doel = new Date(Date.UTC(j, m - 1 - maanden, 1));
  const laatste = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d, laatste));
  return doel.toISOString();
}

/**
 * Closed signals (afgerond, geen actie) not changed for `maanden` months become counts per
 * month, kern and thema in `signaal_telling`, which the overview still counts; the signals, their
 * recognitions and timeline are deleted. Returns how many were reduced.
 */
export function beperkBewaartijd(db: DbOfTx, vandaag: string, maanden = bewaarMaanden()): number {
  const grens = grensVoor(vandaag, maanden);
  return db.transaction((tx) => {
    const oud = tx
      .select({ id: t.signaal.id, kernId: t.signaal.kernId, thema: t.signaal.thema, aangemaaktOp: t.signaal.aangemaaktOp })
      .from(t.signaal)
      .where(and(inArray(t.signaal.status, ['afgerond', 'geen-actie']), lt(t.signaal.gewijzigdOp, grens)))
      .all();
    for (const s of oud) {
      const rij = {
        maand: lokaal(new Date(s.aangemaaktOp)).datum.slice(0, 7),
        kernId: s.kernId,
        thema: s.thema ?? '',
        aantal: 1,
      };
      tx.insert(t.signaalTelling)
        .values(rij)
        .onConflictDoUpdate({
          target: [t.signaalTelling.maand, t.signaalTelling.kernId, t.signaalTelling.thema],
          set: { aantal: sql`${t.signaalTelling.aantal} + 1` },
        })
        .run();
      tx.delete(t.signaal).where(eq(t.signaal.id, s.id)).run();
    }
    if (oud.length) log(tx, null, 'signalen geteld', `${oud.length} afgesloten signalen ouder dan ${maanden} maanden`);
    return oud.length;
  });
}
