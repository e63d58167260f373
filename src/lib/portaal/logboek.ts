import { desc } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';

/** Audit log of logins and changes, for the beheerder. Never holds form contents or tokens. */
export function log(db: DbOfTx, accountId: number | null, actie: string, omschrijving: string): void {
  db.insert(t.logboek)
    .values({ accountId, actie, omschrijving: omschrijving.slice(0, 500), moment: new Date().toISOString() })
    .run();
}

export function recentLogboek(db: DbOfTx, aantal = 200) {
  return db.select().from(t.logboek).orderBy(desc(t.logboek.id)).limit(aantal).all();
}
