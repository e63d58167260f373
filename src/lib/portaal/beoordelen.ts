import { eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { verstuur } from '../mail/mail.ts';
import type { Account } from './accounts.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';
import { keurGoed, wijsAf, WijzigingsConflict } from './revisies.ts';

export type Beoordeling =
  | { soort: 'klaar'; publiceren: boolean }
  | { soort: 'fout'; melding: string }
  | { soort: 'conflict'; melding: string };

/**
 * Approves (and asks for a new release) or rejects (with a reason the author reads, also by
 * e-mail). Access is checked by the page.
 */
export async function beoordeel(
  db: DbOfTx,
  beoordelaar: Account,
  revisieId: number,
  besluit: 'goedkeuren' | 'afwijzen',
  reden: string,
  publiceren: Publiceren,
): Promise<Beoordeling> {
  try {
    if (besluit === 'goedkeuren') {
      keurGoed(db, revisieId, beoordelaar.id);
      log(db, beoordelaar.id, 'goedgekeurd', `Wijziging ${revisieId}`);
      publiceren.vraagAan(`Goedgekeurd: wijziging ${revisieId}`);
      return { soort: 'klaar', publiceren: true };
    }
    const schoon = reden.trim();
    if (schoon.length < 5)
      return { soort: 'fout', melding: 'schrijf waarom u de wijziging afwijst, zodat de partner weet wat er beter moet' };
    const r = wijsAf(db, revisieId, beoordelaar.id, schoon.slice(0, 1000));
    log(db, beoordelaar.id, 'afgewezen', `Wijziging ${revisieId}`);
    const auteur = r.auteurId ? db.select().from(t.account).where(eq(t.account.id, r.auteurId)).get() : undefined;
    if (auteur?.actief) {
      await verstuur({
        aan: auteur.email,
        onderwerp: 'Uw wijziging op de sociale kaart is niet doorgevoerd',
        tekst: `Goedendag ${auteur.naam},\n\nUw wijziging is niet doorgevoerd. De reden:\n\n${schoon}\n\nU kunt de wijziging aanpassen in het partnerportaal.`,
      });
    }
    return { soort: 'klaar', publiceren: false };
  } catch (e) {
    if (e instanceof WijzigingsConflict) return { soort: 'conflict', melding: e.message };
    throw e;
  }
}
