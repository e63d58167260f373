import { eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { verwerkStraks, zetInWachtrij } from '../mail/wachtrij.ts';
import { portaalAdres } from './portaalurl.ts';
import type { Account } from './accounts.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';
import { keurGoed, naamVan, verderPad, wijsAf, WijzigingsConflict } from './revisies.ts';

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
      const r = keurGoed(db, revisieId, beoordelaar.id);
      // The listing's name, not "wijziging 2": the logboek and publicaties are read by people.
      log(db, beoordelaar.id, 'goedgekeurd', `Wijziging van "${naamVan(r.data)}"`);
      publiceren.vraagAan(`Goedgekeurd: "${naamVan(r.data)}"`);
      return { soort: 'klaar', publiceren: true };
    }
    const schoon = reden.trim();
    if (schoon.length < 5)
      return { soort: 'fout', melding: 'schrijf waarom u de wijziging afwijst, zodat de partner weet wat er beter moet' };
    const r = wijsAf(db, revisieId, beoordelaar.id, schoon.slice(0, 1000));
    log(db, beoordelaar.id, 'afgewezen', `Wijziging van "${naamVan(r.data)}"`);
    const auteur = r.auteurId ? db.select().from(t.account).where(eq(t.account.id, r.auteurId)).get() : undefined;
    if (auteur?.actief) {
      const naam = naamVan(r.data);
      zetInWachtrij(db, {
        aan: auteur.email,
        onderwerp: `Uw wijziging van "${naam}" is niet doorgevoerd`,
        tekst: [
          `Goedendag ${auteur.naam},`,
          '',
          `Uw wijziging van "${naam}" is niet doorgevoerd op de sociale kaart. De reden:`,
          '',
          schoon,
          '',
          'Wat u had ingevuld, is bewaard. Met deze link gaat u verder waar u was gebleven:',
          new URL(verderPad(r), portaalAdres()).href,
        ].join('\n'),
      });
      verwerkStraks(db);
    }
    return { soort: 'klaar', publiceren: false };
  } catch (e) {
    if (e instanceof WijzigingsConflict) return { soort: 'conflict', melding: e.message };
    throw e;
  }
}
