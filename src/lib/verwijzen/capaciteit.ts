import { eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import { leesActiviteit } from '../data/kaart.ts';
import type { DbOfTx } from '../db/client.ts';
import { CAPACITEIT } from '../model/schemas.ts';
import type { Account } from '../portaal/accounts.ts';
import { log } from '../portaal/logboek.ts';
import type { Publiceren } from '../portaal/publicatie.ts';
import { alsActiviteitData, legVast, wachtendeRevisie } from '../portaal/revisies.ts';

export type Capaciteit = (typeof CAPACITEIT)[number];

export const isCapaciteit = (s: string): s is Capaciteit => (CAPACITEIT as readonly string[]).includes(s);

/**
 * "Vol", "wachtlijst" and back take effect at once, like pausing: a provider must be able to say
 * quickly that there is no room, and it only changes one fact. Recorded as a revision. A waiting
 * proposal gets the new state too, so approving it later does not bring back the old one.
 */
export function zetCapaciteit(db: DbOfTx, account: Account, activiteitId: number, capaciteit: Capaciteit | null): void {
  db.transaction((tx) => {
    const rij = tx
      .select({ organisatieId: t.activiteit.organisatieId })
      .from(t.activiteit)
      .where(eq(t.activiteit.id, activiteitId))
      .get();
    if (!rij) throw new Error(`Activiteit ${activiteitId} bestaat niet`);
    tx.update(t.activiteit)
      .set({ capaciteit, gewijzigdOp: new Date().toISOString() })
      .where(eq(t.activiteit.id, activiteitId))
      .run();
    const wacht = wachtendeRevisie(tx, 'activiteit', activiteitId);
    if (wacht?.data) {
      const { capaciteit: _oud, ...rest } = wacht.data as Record<string, unknown>;
      tx.update(t.revisie)
        .set({ data: capaciteit ? { ...rest, capaciteit } : rest })
        .where(eq(t.revisie.id, wacht.id))
        .run();
    }
    const data = alsActiviteitData(leesActiviteit(tx, activiteitId)!);
    legVast(tx, {
      soort: 'activiteit',
      entiteitId: activiteitId,
      organisatieId: rij.organisatieId,
      actie: 'wijzigen',
      data: data as Record<string, unknown>,
      auteurId: account.id,
    });
  });
  const titel = leesActiviteit(db, activiteitId)?.titel ?? `Activiteit ${activiteitId}`;
  log(db, account.id, 'capaciteit gewijzigd', `${titel}: ${capaciteit ?? 'niet vermeld'}`);
}

/**
 * The provider's capacity form: one select per activity (`capaciteit.<id>`); only changed ones
 * are saved, and then a new release is asked for (the public pages show the capacity).
 * `activiteiten` are those the page showed, already limited to the account's own.
 */
export function bewaarCapaciteiten(
  db: DbOfTx,
  account: Account,
  activiteiten: { id: number; titel: string; capaciteit: Capaciteit | null }[],
  waardeVan: (veld: string) => string | undefined,
  publiceren: Publiceren,
): string[] {
  const gewijzigd: string[] = [];
  for (const a of activiteiten) {
    const nieuw = waardeVan(`capaciteit.${a.id}`);
    if (nieuw === undefined || (nieuw !== '' && !isCapaciteit(nieuw))) continue;
    const waarde = nieuw === '' ? null : nieuw;
    if (waarde === a.capaciteit) continue;
    zetCapaciteit(db, account, a.id, waarde);
    gewijzigd.push(a.titel);
  }
  if (gewijzigd.length > 0) publiceren.vraagAan(`Plaatsen gewijzigd: ${gewijzigd.join(', ')}`.slice(0, 200));
  return gewijzigd;
}
