import { eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { verstuur } from '../mail/mail.ts';
import { plusDagen } from '../rooster/kalender.ts';
import { datumTekst } from '../rooster/tekst.ts';
import { partnersVan } from './accounts.ts';
import { verouderdeOrganisaties } from './overzicht.ts';

const OPNIEUW_NA_DAGEN = 30;

/**
 * Reminds the partners of listings not checked for six months; at most once a month per
 * organisation. Returns the number of e-mails sent.
 */
export async function stuurHerinneringen(db: DbOfTx, vandaag: string, portaalUrl: string): Promise<number> {
  let verstuurd = 0;
  for (const org of verouderdeOrganisaties(db, vandaag)) {
    const vorige = db.select().from(t.herinnering).where(eq(t.herinnering.organisatieId, org.id)).get();
    if (vorige && vorige.verstuurdOp > plusDagen(vandaag, -OPNIEUW_NA_DAGEN)) continue;
    const partners = partnersVan(db, [org.id]);
    if (partners.length === 0) continue;
    for (const partner of partners) {
      await verstuur({
        aan: partner.email,
        onderwerp: `Klopt alles nog van ${org.naam}?`,
        tekst: [
          `Goedendag ${partner.naam},`,
          '',
          `De gegevens van ${org.naam} op de sociale kaart zijn voor het laatst gecontroleerd op ${datumTekst(org.gecontroleerdOp)}.`,
          'Wilt u even kijken of alles nog klopt? Klopt alles, dan is één klik op "Alles klopt nog" genoeg.',
          '',
          new URL('/partners/', portaalUrl).href,
        ].join('\n'),
      });
      verstuurd++;
    }
    db.insert(t.herinnering)
      .values({ organisatieId: org.id, verstuurdOp: vandaag })
      .onConflictDoUpdate({ target: t.herinnering.organisatieId, set: { verstuurdOp: vandaag } })
      .run();
  }
  return verstuurd;
}
