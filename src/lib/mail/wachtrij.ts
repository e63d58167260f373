import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Bericht, verstuur } from './mail.ts';

/**
 * Mails that must not hold up a page (login links) wait here. The page answers at once, the
 * same for every address; sending happens after, and a failure is retried with back-off.
 * Works across processes: a mail is claimed by moving its next attempt forward (a lease).
 */

/** Attempts before giving up: 30 s, 1, 2, 4, 8, 16, 32 min apart, about an hour in all. */
export const MAX_POGINGEN = 8;
const EERSTE_WACHT_MS = 30_000;
/** How long a claimed mail is left to one sender before another may try it. */
const LEASE_MS = 2 * 60_000;

export function zetInWachtrij(db: DbOfTx, bericht: Bericht, nu = new Date()): void {
  db.insert(t.mailWachtrij)
    .values({ ...bericht, volgendePogingOp: nu.toISOString(), aangemaaktOp: nu.toISOString() })
    .run();
}

type Verstuur = (b: Bericht) => Promise<void>;

function claim(db: DbOfTx, nu: Date) {
  const rij = db
    .select()
    .from(t.mailWachtrij)
    .where(and(isNull(t.mailWachtrij.opgegevenOp), lte(t.mailWachtrij.volgendePogingOp, nu.toISOString())))
    .orderBy(asc(t.mailWachtrij.volgendePogingOp))
    .limit(1)
    .get();
  if (!rij) return undefined;
  const r = db
    .update(t.mailWachtrij)
    .set({ volgendePogingOp: new Date(nu.getTime() + LEASE_MS).toISOString() })
    .where(and(eq(t.mailWachtrij.id, rij.id), eq(t.mailWachtrij.volgendePogingOp, rij.volgendePogingOp)))
    .run();
  return r.changes === 1 ? rij : undefined;
}

function mislukt(db: DbOfTx, rij: typeof t.mailWachtrij.$inferSelect, fout: unknown, nu: Date) {
  const pogingen = rij.pogingen + 1;
  const melding = (fout instanceof Error ? fout.message : String(fout)).slice(0, 300);
  const opgeven = pogingen >= MAX_POGINGEN;
  db.update(t.mailWachtrij)
    .set({
      pogingen,
      laatsteFout: melding,
      volgendePogingOp: new Date(nu.getTime() + EERSTE_WACHT_MS * 2 ** (pogingen - 1)).toISOString(),
      // A mail given up keeps no text: it may hold a login link.
      ...(opgeven ? { opgegevenOp: nu.toISOString(), tekst: '' } : {}),
    })
    .where(eq(t.mailWachtrij.id, rij.id))
    .run();
}

/** Sends every mail that is due; a sent mail is deleted, a failed one waits for its next attempt. */
export async function verwerkWachtrij(
  db: DbOfTx,
  opties: { verstuur?: Verstuur; nu?: () => Date } = {},
): Promise<{ verzonden: number; mislukt: number }> {
  const stuur = opties.verstuur ?? ((b: Bericht) => verstuur(b));
  const klok = opties.nu ?? (() => new Date());
  const uitkomst = { verzonden: 0, mislukt: 0 };
  ruimOp(db, klok());
  for (let rij = claim(db, klok()); rij; rij = claim(db, klok())) {
    try {
      await stuur({ aan: rij.aan, onderwerp: rij.onderwerp, tekst: rij.tekst });
      db.delete(t.mailWachtrij).where(eq(t.mailWachtrij.id, rij.id)).run();
      uitkomst.verzonden++;
    } catch (e) {
      mislukt(db, rij, e, klok());
      uitkomst.mislukt++;
    }
  }
  return uitkomst;
}

const g = globalThis as typeof globalThis & { __skWachtrij?: Promise<unknown> };

/** Starts sending in the background, after the current request has its answer. */
export function verwerkStraks(db: DbOfTx): void {
  setImmediate(() => {
    g.__skWachtrij = (g.__skWachtrij ?? Promise.resolve())
      .then(() => verwerkWachtrij(db))
      .catch((e) => console.error('Mail versturen mislukt:', e instanceof Error ? e.message : e));
  });
}

export type WachtrijStand = { wachtend: number; opgegeven: number; laatsteFout?: string };

const WEEK_MS = 7 * 86_400_000;

/** For the beheerder: what waits to be sent, what was given up in the last week, and why. */
export function wachtrijStand(db: DbOfTx, nu = new Date()): WachtrijStand {
  const week = new Date(nu.getTime() - WEEK_MS).toISOString();
  const tel = (waar: ReturnType<typeof and>) => db.select({ n: count() }).from(t.mailWachtrij).where(waar).get()?.n ?? 0;
  const laatste = db
    .select({ fout: t.mailWachtrij.laatsteFout })
    .from(t.mailWachtrij)
    .where(isNotNull(t.mailWachtrij.laatsteFout))
    .orderBy(desc(t.mailWachtrij.id))
    .limit(1)
    .get();
  return {
    wachtend: tel(isNull(t.mailWachtrij.opgegevenOp)),
    opgegeven: tel(and(isNotNull(t.mailWachtrij.opgegevenOp), gte(t.mailWachtrij.opgegevenOp, week))),
    laatsteFout: laatste?.fout ?? undefined,
  };
}

/** Forgets mails given up more than a week ago. */
function ruimOp(db: DbOfTx, nu: Date) {
  const week = new Date(nu.getTime() - WEEK_MS).toISOString();
  db.delete(t.mailWachtrij)
    .where(and(isNotNull(t.mailWachtrij.opgegevenOp), lt(t.mailWachtrij.opgegevenOp, week)))
    .run();
}
