import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';

/** A logged-in person with everything needed for access checks. */
export type Account = {
  id: number;
  email: string;
  naam: string;
  beheerder: boolean;
  actief: boolean;
  /** Organisations this person keeps up to date (role partner). */
  organisaties: number[];
  /** Kernen this person is kernondersteuner of. */
  kernen: number[];
  /** A partner who may refer inwoners to activities (set by the beheerder; see src/lib/verwijzen). */
  magVerwijzen?: boolean;
};

export const emailSchema = z
  .string({ error: 'vul uw e-mailadres in' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'dit is geen geldig e-mailadres; schrijf bijvoorbeeld naam@voorbeeld.nl' }).max(200));

export function laadAccount(db: DbOfTx, id: number): Account | undefined {
  const a = db.select().from(t.account).where(eq(t.account.id, id)).get();
  if (!a) return undefined;
  const organisaties = db
    .select({ id: t.accountOrganisatie.organisatieId })
    .from(t.accountOrganisatie)
    .where(eq(t.accountOrganisatie.accountId, id))
    .all()
    .map((r) => r.id);
  const kernen = db
    .select({ id: t.accountKern.kernId })
    .from(t.accountKern)
    .where(eq(t.accountKern.accountId, id))
    .all()
    .map((r) => r.id);
  const magVerwijzen = db.select().from(t.verwijsrecht).where(eq(t.verwijsrecht.accountId, id)).get() !== undefined;
  return { id: a.id, email: a.email, naam: a.naam, beheerder: a.beheerder, actief: a.actief, organisaties, kernen, magVerwijzen };
}

export function accountVoorEmail(db: DbOfTx, email: string): { id: number; actief: boolean } | undefined {
  return db
    .select({ id: t.account.id, actief: t.account.actief })
    .from(t.account)
    .where(eq(t.account.email, email.trim().toLowerCase()))
    .get();
}

export type AccountInvoer = {
  email: string;
  naam: string;
  beheerder: boolean;
  organisaties: number[];
  kernen: number[];
  /** Absent: left as it is. */
  magVerwijzen?: boolean;
};

/** Creates or updates an account with exactly these roles. */
export function bewaarAccount(db: DbOfTx, invoer: AccountInvoer, id?: number): number {
  return db.transaction((tx) => {
    const waarden = { email: invoer.email.trim().toLowerCase(), naam: invoer.naam.trim(), beheerder: invoer.beheerder };
    if (id) tx.update(t.account).set(waarden).where(eq(t.account.id, id)).run();
    const accountId = id ?? tx.insert(t.account).values(waarden).returning({ id: t.account.id }).get().id;
    tx.delete(t.accountOrganisatie).where(eq(t.accountOrganisatie.accountId, accountId)).run();
    for (const organisatieId of new Set(invoer.organisaties)) {
      tx.insert(t.accountOrganisatie).values({ accountId, organisatieId }).run();
    }
    tx.delete(t.accountKern).where(eq(t.accountKern.accountId, accountId)).run();
    for (const kernId of new Set(invoer.kernen)) tx.insert(t.accountKern).values({ accountId, kernId }).run();
    if (invoer.magVerwijzen !== undefined) {
      tx.delete(t.verwijsrecht).where(eq(t.verwijsrecht.accountId, accountId)).run();
      if (invoer.magVerwijzen) tx.insert(t.verwijsrecht).values({ accountId }).run();
    }
    return accountId;
  });
}

export function zetActief(db: DbOfTx, id: number, actief: boolean): void {
  db.update(t.account).set({ actief }).where(eq(t.account.id, id)).run();
  if (!actief) db.delete(t.sessie).where(eq(t.sessie.accountId, id)).run();
}

/** Accounts that keep an organisation up to date: who gets its reminders and review answers. */
export function partnersVan(
  db: DbOfTx,
  organisatieIds: number[],
): { id: number; email: string; naam: string; organisatieId: number }[] {
  if (organisatieIds.length === 0) return [];
  return db
    .select({ id: t.account.id, email: t.account.email, naam: t.account.naam, organisatieId: t.accountOrganisatie.organisatieId })
    .from(t.accountOrganisatie)
    .innerJoin(t.account, eq(t.account.id, t.accountOrganisatie.accountId))
    .where(and(inArray(t.accountOrganisatie.organisatieId, organisatieIds), eq(t.account.actief, true)))
    .all();
}
