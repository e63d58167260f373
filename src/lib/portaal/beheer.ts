import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { type Woorden, woorden } from '../config/woorden.ts';
import type { DbOfTx } from '../db/client.ts';
import { verstuur } from '../mail/mail.ts';
import { tekst } from '../model/velden.ts';
import { bewaarAccount, emailSchema, laadAccount, type Account } from './accounts.ts';
import { foutenPerVeld, waarde, waarden, type Fouten, type Velden } from './formulier/velden.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';

const accountSchema = z.object({
  naam: tekst({ min: 2, max: 100, leeg: 'vul de naam in' }),
  email: emailSchema,
  beheerder: z.boolean(),
  organisaties: z.array(z.number().int().positive()),
  kernen: z.array(z.number().int().positive()),
  magVerwijzen: z.boolean(),
});

/** Creates (and invites) or updates an account from the beheer form. */
export async function bewaarAccountFormulier(
  db: DbOfTx,
  beheerder: Account,
  velden: Velden,
  opties: { id?: number; portaalUrl: string },
): Promise<{ fouten: Fouten } | { id: number }> {
  const r = accountSchema.safeParse({
    naam: waarde(velden, 'naam'),
    email: waarde(velden, 'email'),
    beheerder: waarde(velden, 'beheerder') === 'ja',
    organisaties: waarden(velden, 'organisaties').map(Number),
    kernen: waarden(velden, 'kernen').map(Number),
    magVerwijzen: waarde(velden, 'magVerwijzen') === 'ja',
  });
  if (!r.success) return { fouten: foutenPerVeld(r.error.issues) };
  const dubbel = db
    .select({ id: t.account.id })
    .from(t.account)
    .where(opties.id ? and(eq(t.account.email, r.data.email), ne(t.account.id, opties.id)) : eq(t.account.email, r.data.email))
    .get();
  if (dubbel) return { fouten: { email: 'er is al een account met dit e-mailadres' } };
  if (opties.id === beheerder.id && !r.data.beheerder) return { fouten: { beheerder: 'u kunt uzelf geen beheerder-af maken' } };
  const id = bewaarAccount(db, r.data, opties.id);
  const account = laadAccount(db, id)!;
  log(db, beheerder.id, opties.id ? 'account gewijzigd' : 'account aangemaakt', `${account.email} (${rollen(account)})`);
  if (!opties.id) {
    await verstuur({
      aan: account.email,
      onderwerp: 'Welkom bij het partnerportaal van de sociale kaart',
      tekst: [
        `Goedendag ${account.naam},`,
        '',
        'U heeft een account voor het partnerportaal van de sociale kaart. Daar houdt u de gegevens van uw organisatie bij.',
        'Inloggen gaat met een link die u per e-mail krijgt. Ga naar:',
        '',
        new URL('/partners/inloggen/', opties.portaalUrl).href,
        '',
        'en vul dit e-mailadres in.',
      ].join('\n'),
    });
  }
  return { id };
}

/** The roles of an account in words, with the gemeente's word for the local contact per kern. */
export function rollen(a: Account, w: Pick<Woorden, 'ondersteuner'> = woorden(loadConfig())): string {
  const partner = a.organisaties.length ? (a.magVerwijzen ? 'partner (mag verwijzen)' : 'partner') : '';
  return (
    [a.beheerder ? 'beheerder' : '', a.kernen.length ? w.ondersteuner : '', partner].filter(Boolean).join(', ') || 'geen rol'
  );
}

export function alleAccounts(db: DbOfTx): Account[] {
  return db
    .select({ id: t.account.id })
    .from(t.account)
    .orderBy(t.account.naam)
    .all()
    .map((a) => laadAccount(db, a.id)!);
}

/** The beheerder asks for a new release by hand (after a failed build, or to be sure). */
export function publiceerHandmatig(db: DbOfTx, beheerder: Account, publiceren: Publiceren): void {
  publiceren.vraagAan('Handmatig door de beheerder', { volledig: true });
  log(db, beheerder.id, 'publiceren', 'Handmatig publiceren gevraagd');
}
