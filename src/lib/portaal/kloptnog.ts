import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Account, laadAccount } from './accounts.ts';
import { bevestigActueel, vandaag } from './acties.ts';
import { hashToken, nieuwToken } from './geheim.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';
import { magBevestigenMetLink } from './toegang.ts';

/**
 * "Alles klopt nog" straight from the reminder e-mail, without logging in. A link carries a random
 * token (256 bits; only its SHA-256 is stored, so a changed or made-up token matches nothing). It is
 * bound to one account and to the organisations named in that mail, does one thing (confirm those
 * organisations), works once and for 30 days. Opening it shows a button: a mail scanner that
 * follows links confirms nothing. The confirmation is recorded under the partner's name.
 */

export const BEVESTIG_LINK_DAGEN = 30;

export type BevestigFout = 'onbekend' | 'gebruikt' | 'verlopen' | 'geblokkeerd' | 'geen-partner';

export const BEVESTIG_FOUTEN: Record<BevestigFout, string> = {
  onbekend: 'Deze link klopt niet. Misschien is hij niet helemaal overgenomen uit de e-mail.',
  gebruikt: 'Deze link is al gebruikt. Een link uit de herinnering werkt maar één keer.',
  verlopen: `Deze link is verlopen. Een link uit de herinnering werkt ${BEVESTIG_LINK_DAGEN} dagen.`,
  geblokkeerd: 'Uw account staat uit. Neem contact op met de gemeente.',
  'geen-partner': 'U bent geen partner meer van deze organisatie. Daarom kunt u met deze link niets bevestigen.',
};

export type BevestigOrganisatie = {
  id: number;
  naam: string;
  gecontroleerdOp: string;
  activiteiten: { id: number; titel: string; status: string }[];
};

export type BevestigInhoud = { accountId: number; naam: string; organisaties: BevestigOrganisatie[] };

const plusDagenIso = (nu: Date, dagen: number) => new Date(nu.getTime() + dagen * 86_400_000).toISOString();

type Doel = (typeof t.bevestigToken.$inferSelect)['doel'];
type TokenRij = typeof t.bevestigToken.$inferSelect;

/**
 * A new single-purpose link for this account: its `doel` says what it may do, and a link made for
 * one purpose is unknown to the page of another.
 */
export function maakToken(
  db: DbOfTx,
  v: { accountId: number; organisaties: number[]; doel: Doel; activiteitId?: number; seizoenStart?: string },
  nu = new Date(),
): string {
  if (v.organisaties.length === 0) throw new Error('Een bevestiglink hoort bij minstens één organisatie.');
  const token = nieuwToken();
  db.insert(t.bevestigToken)
    .values({
      ...v,
      hash: hashToken(token),
      organisaties: [...new Set(v.organisaties)],
      verlooptOp: plusDagenIso(nu, BEVESTIG_LINK_DAGEN),
      aangemaaktOp: nu.toISOString(),
    })
    .run();
  return token;
}

/** A new link for this account and these organisations (one, or all of the mail at once). */
export function maakBevestigToken(db: DbOfTx, accountId: number, organisatieIds: number[], nu = new Date()): string {
  return maakToken(db, { accountId, organisaties: organisatieIds, doel: 'klopt-nog' }, nu);
}

/** The stored link for this token and purpose; a changed token or one of another purpose finds nothing. */
export function leesToken(db: DbOfTx, token: string, doel: Doel): TokenRij | undefined {
  if (!token) return undefined;
  return db
    .select()
    .from(t.bevestigToken)
    .where(and(eq(t.bevestigToken.hash, hashToken(token)), eq(t.bevestigToken.doel, doel)))
    .get();
}

/** The checks every link passes: known, unused, not expired, its account active and still partner. */
export function controleerToken(db: DbOfTx, rij: TokenRij | undefined, nu: Date): { account: Account } | { fout: BevestigFout } {
  if (!rij) return { fout: 'onbekend' };
  if (rij.gebruiktOp) return { fout: 'gebruikt' };
  if (rij.verlooptOp <= nu.toISOString()) return { fout: 'verlopen' };
  const account = laadAccount(db, rij.accountId);
  if (!account?.actief) return { fout: 'geblokkeerd' };
  // Only for the organisations of the mail, and only while the account is still their partner.
  if (!magBevestigenMetLink(account, rij.organisaties)) return { fout: 'geen-partner' };
  return { account };
}

/** Marks a link used; false when another request used it first. */
export function neemToken(db: DbOfTx, rij: TokenRij, nu: Date): boolean {
  const r = db
    .update(t.bevestigToken)
    .set({ gebruiktOp: nu.toISOString() })
    .where(and(eq(t.bevestigToken.id, rij.id), isNull(t.bevestigToken.gebruiktOp)))
    .run();
  return r.changes === 1;
}

/** The organisations with their activities, as the reminder and the confirmation page name them. */
export function organisatiesMetActiviteiten(db: DbOfTx, ids: number[]): BevestigOrganisatie[] {
  if (ids.length === 0) return [];
  const orgs = db
    .select({ id: t.organisatie.id, naam: t.organisatie.naam, gecontroleerdOp: t.organisatie.gecontroleerdOp })
    .from(t.organisatie)
    .where(inArray(t.organisatie.id, ids))
    .orderBy(asc(t.organisatie.naam))
    .all();
  const acts = db
    .select({
      id: t.activiteit.id,
      titel: t.activiteit.titel,
      status: t.activiteit.status,
      organisatieId: t.activiteit.organisatieId,
    })
    .from(t.activiteit)
    .where(inArray(t.activiteit.organisatieId, ids))
    .orderBy(asc(t.activiteit.titel))
    .all();
  return orgs.map((o) => ({
    ...o,
    activiteiten: acts.filter((a) => a.organisatieId === o.id).map(({ id, titel, status }) => ({ id, titel, status })),
  }));
}

function controleer(db: DbOfTx, rij: TokenRij | undefined, nu: Date): BevestigInhoud | { fout: BevestigFout } {
  const c = controleerToken(db, rij, nu);
  if ('fout' in c || !rij) return 'fout' in c ? c : { fout: 'onbekend' };
  const organisaties = organisatiesMetActiviteiten(db, rij.organisaties);
  if (organisaties.length !== rij.organisaties.length) return { fout: 'onbekend' };
  return { accountId: c.account.id, naam: c.account.naam, organisaties };
}

/** What a link would confirm; changes nothing (this is what a GET shows). */
export function bekijkBevestigToken(db: DbOfTx, token: string, nu = new Date()): BevestigInhoud | { fout: BevestigFout } {
  return controleer(db, leesToken(db, token, 'klopt-nog'), nu);
}

/**
 * Uses a link: once, within 30 days, by its own still-active partner. Confirms every organisation
 * of the link (and their activities) as "alles klopt nog" by that partner; returns what is now
 * confirmed, with the new date.
 */
export function gebruikBevestigToken(
  db: DbOfTx,
  token: string,
  publiceren: Publiceren,
  nu = new Date(),
  datum = vandaag(),
): BevestigInhoud | { fout: BevestigFout } {
  const uitkomst = db.transaction((tx) => {
    const rij = leesToken(tx, token, 'klopt-nog');
    const inhoud = controleer(tx, rij, nu);
    if ('fout' in inhoud || !rij) return inhoud;
    return neemToken(tx, rij, nu) ? inhoud : { fout: 'gebruikt' as const };
  });
  if ('fout' in uitkomst) return uitkomst;
  const account = laadAccount(db, uitkomst.accountId)!;
  for (const org of uitkomst.organisaties) bevestigActueel(db, account, org.id, publiceren, datum);
  log(db, account.id, 'alles klopt nog', `Via de link in de herinnering: ${uitkomst.organisaties.length} organisatie(s)`);
  return {
    ...uitkomst,
    organisaties: organisatiesMetActiviteiten(
      db,
      uitkomst.organisaties.map((o) => o.id),
    ),
  };
}
