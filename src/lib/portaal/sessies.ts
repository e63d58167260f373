import { and, eq, isNull, lt } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { laadAccount, type Account } from './accounts.ts';
import { hashToken, nieuwToken } from './geheim.ts';

export const LOGIN_LINK_MINUTEN = 15;
/** The link in an invitation: the new partner may read the mail days later. */
export const UITNODIGING_DAGEN = 7;
/** A session ends after two hours without activity, and after twelve hours in any case. */
export const SESSIE_INACTIEF_MINUTEN = 120;
export const SESSIE_MAX_UREN = 12;

const plusMinuten = (nu: Date, minuten: number) => new Date(nu.getTime() + minuten * 60_000).toISOString();

/**
 * A new single-use login link token for an account; earlier unused links stay valid until they
 * expire. 15 minutes when asked for; the "Er is iets veranderd" link of a reminder lasts longer.
 */
export function maakLoginToken(
  db: DbOfTx,
  accountId: number,
  nu = new Date(),
  minuten = LOGIN_LINK_MINUTEN,
  soort: 'login' | 'uitnodiging' = 'login',
): string {
  const token = nieuwToken();
  db.insert(t.loginToken)
    .values({
      accountId,
      soort,
      hash: hashToken(token),
      verlooptOp: plusMinuten(nu, minuten),
      aangemaaktOp: nu.toISOString(),
    })
    .run();
  return token;
}

export type LinkSoort = 'login' | 'uitnodiging';
export type LinkResultaat =
  | { accountId: number; soort: LinkSoort }
  | { fout: 'onbekend' }
  | { fout: 'gebruikt' | 'verlopen' | 'geblokkeerd'; soort: LinkSoort };

/** Uses a login token: succeeds once, before it expires, for an active account. */
export function gebruikLoginToken(db: DbOfTx, token: string, nu = new Date()): LinkResultaat {
  return db.transaction((tx) => {
    const rij = tx
      .select()
      .from(t.loginToken)
      .where(eq(t.loginToken.hash, hashToken(token)))
      .get();
    if (!rij) return { fout: 'onbekend' as const };
    const soort = rij.soort;
    if (rij.gebruiktOp) return { fout: 'gebruikt' as const, soort };
    if (rij.verlooptOp <= nu.toISOString()) return { fout: 'verlopen' as const, soort };
    const r = tx
      .update(t.loginToken)
      .set({ gebruiktOp: nu.toISOString() })
      .where(and(eq(t.loginToken.id, rij.id), isNull(t.loginToken.gebruiktOp)))
      .run();
    if (r.changes !== 1) return { fout: 'gebruikt' as const, soort };
    const account = tx.select({ actief: t.account.actief }).from(t.account).where(eq(t.account.id, rij.accountId)).get();
    if (!account?.actief) return { fout: 'geblokkeerd' as const, soort };
    tx.update(t.account).set({ laatstIngelogdOp: nu.toISOString() }).where(eq(t.account.id, rij.accountId)).run();
    return { accountId: rij.accountId, soort };
  });
}

/** An invitation sent again makes the earlier one useless: only the newest mail works. */
export function vervalUitnodigingen(db: DbOfTx, accountId: number, nu = new Date()): void {
  db.update(t.loginToken)
    .set({ verlooptOp: nu.toISOString() })
    .where(and(eq(t.loginToken.accountId, accountId), eq(t.loginToken.soort, 'uitnodiging'), isNull(t.loginToken.gebruiktOp)))
    .run();
}

export type NieuweSessie = { token: string; csrf: string; verlooptOp: string };

export function maakSessie(db: DbOfTx, accountId: number, nu = new Date()): NieuweSessie {
  const token = nieuwToken();
  const csrf = nieuwToken();
  const verlooptOp = plusMinuten(nu, SESSIE_INACTIEF_MINUTEN);
  db.insert(t.sessie)
    .values({
      hash: hashToken(token),
      accountId,
      csrf,
      aangemaaktOp: nu.toISOString(),
      laatstGezienOp: nu.toISOString(),
      verlooptOp,
    })
    .run();
  return { token, csrf, verlooptOp };
}

export type ActieveSessie = { id: number; account: Account; csrf: string; verlooptOp: string };

function sessieRij(db: DbOfTx, token: string) {
  return db
    .select()
    .from(t.sessie)
    .where(eq(t.sessie.hash, hashToken(token)))
    .get();
}

/** The session behind a cookie, if still valid; each use extends it, up to the maximum age. */
export function vindSessie(db: DbOfTx, token: string, nu = new Date()): ActieveSessie | undefined {
  const rij = sessieRij(db, token);
  if (!rij) return undefined;
  const max = new Date(new Date(rij.aangemaaktOp).getTime() + SESSIE_MAX_UREN * 3_600_000).toISOString();
  // An expired row stays until ruimVerlopenOp: it proves a form came from a real, recent session.
  if (rij.verlooptOp <= nu.toISOString() || max <= nu.toISOString()) return undefined;
  const account = laadAccount(db, rij.accountId);
  if (!account?.actief) return undefined;
  const verlooptOp = [plusMinuten(nu, SESSIE_INACTIEF_MINUTEN), max].sort()[0];
  // Writing on every request would make reads contend for the lock; once a minute is enough.
  if (nu.getTime() - new Date(rij.laatstGezienOp).getTime() > 60_000) {
    db.update(t.sessie).set({ laatstGezienOp: nu.toISOString(), verlooptOp }).where(eq(t.sessie.id, rij.id)).run();
  }
  return { id: rij.id, account, csrf: rij.csrf, verlooptOp };
}

/** How long an expired session still counts for keeping a form typed just before it ran out. */
const VERLOPEN_BEWAREN_MS = 86_400_000;

function einde(rij: { verlooptOp: string; aangemaaktOp: string }): number {
  const max = new Date(rij.aangemaaktOp).getTime() + SESSIE_MAX_UREN * 3_600_000;
  return Math.min(new Date(rij.verlooptOp).getTime(), max);
}

/** The active account of a session that ended (timed out, not logged out) less than a day ago. */
export function verlopenSessie(db: DbOfTx, token: string, nu = new Date()): number | undefined {
  const rij = sessieRij(db, token);
  if (!rij) return undefined;
  const eind = einde(rij);
  if (eind > nu.getTime() || nu.getTime() - eind > VERLOPEN_BEWAREN_MS) return undefined;
  return laadAccount(db, rij.accountId)?.actief ? rij.accountId : undefined;
}

export function beeindigSessie(db: DbOfTx, token: string): void {
  db.delete(t.sessie)
    .where(eq(t.sessie.hash, hashToken(token)))
    .run();
}

/** "Overal uitloggen": ends every session of the account, on every device. */
export function beeindigAlleSessies(db: DbOfTx, accountId: number): number {
  return db.delete(t.sessie).where(eq(t.sessie.accountId, accountId)).run().changes;
}

/** Removes expired sessions, login and reminder links, and kept forms; run now and then. */
export function ruimVerlopenOp(db: DbOfTx, nu = new Date()): void {
  const iso = nu.toISOString();
  const gisteren = new Date(nu.getTime() - VERLOPEN_BEWAREN_MS).toISOString();
  db.delete(t.sessie).where(lt(t.sessie.verlooptOp, gisteren)).run();
  const dag = new Date(nu.getTime() - 86_400_000).toISOString();
  db.delete(t.loginToken).where(lt(t.loginToken.verlooptOp, dag)).run();
  db.delete(t.bevestigToken).where(lt(t.bevestigToken.verlooptOp, dag)).run();
  db.delete(t.bewaardFormulier).where(lt(t.bewaardFormulier.verlooptOp, iso)).run();
}
