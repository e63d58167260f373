import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { type Woorden, woorden } from '../config/woorden.ts';
import type { DbOfTx } from '../db/client.ts';
import { tekst } from '../model/velden.ts';
import { bewaarAccount, emailSchema, laadAccount, type Account } from './accounts.ts';
import { foutenPerVeld, waarde, waarden, type Fouten, type Velden } from './formulier/velden.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';
import { stuurUitnodiging } from './uitnodigen.ts';

const accountSchema = z.object({
  naam: tekst({ min: 2, max: 100, leeg: 'vul de naam in' }),
  email: emailSchema,
  beheerder: z.boolean(),
  organisaties: z.array(z.number().int().positive()),
  kernen: z.array(z.number().int().positive()),
  magVerwijzen: z.boolean(),
});

/** An account without a role could only log in to an empty portal: refused at the field. */
export const GEEN_ROL = 'kies minstens één rol: een organisatie die deze persoon bijhoudt, een kern of beheerder';

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
  const geenRol = !waarde(velden, 'beheerder') && !waarden(velden, 'kernen').length && !waarden(velden, 'organisaties').length;
  // Both at once, so a beheerder who forgot the role and mistyped the address fixes it in one go.
  if (!r.success || geenRol) {
    return { fouten: { ...(r.success ? {} : foutenPerVeld(r.error.issues)), ...(geenRol ? { organisaties: GEEN_ROL } : {}) } };
  }
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
  if (!opties.id) stuurUitnodiging(db, account, opties.portaalUrl);
  return { id };
}

/** "Uitnodiging opnieuw sturen": a new seven-day link; the earlier invitation stops working. */
export function stuurUitnodigingOpnieuw(db: DbOfTx, beheerder: Account, ander: Account, portaalUrl: string): void {
  stuurUitnodiging(db, ander, portaalUrl);
  log(db, beheerder.id, 'uitnodiging opnieuw', ander.email);
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

export type OrganisatieGroep = { kern: string; organisaties: { id: number; naam: string }[] };

/**
 * Organisations grouped per kern for the account form. One working in several kernen is listed
 * once, under "In meer kernen" with its kernen named: the same checkbox twice could not be unticked.
 */
export function organisatiesPerKern(db: DbOfTx): OrganisatieGroep[] {
  const kernen = db.select({ id: t.kern.id, naam: t.kern.naam }).from(t.kern).orderBy(asc(t.kern.volgorde)).all();
  const kernNaam = new Map(kernen.map((k) => [k.id, k.naam]));
  const perOrg = new Map<number, number[]>();
  for (const r of db.select().from(t.organisatieKern).all())
    perOrg.set(r.organisatieId, [...(perOrg.get(r.organisatieId) ?? []), r.kernId]);
  const namen = [...kernen.map((k) => k.naam), 'In meer kernen', 'Zonder kern'];
  const groepen = new Map<string, OrganisatieGroep>(namen.map((naam) => [naam, { kern: naam, organisaties: [] }]));
  const groep = (naam: string) => groepen.get(naam)!;
  const organisaties = db
    .select({ id: t.organisatie.id, naam: t.organisatie.naam })
    .from(t.organisatie)
    .orderBy(asc(t.organisatie.naam))
    .all();
  for (const o of organisaties) {
    const ids = perOrg.get(o.id) ?? [];
    if (ids.length === 1) groep(kernNaam.get(ids[0])!).organisaties.push(o);
    else if (ids.length === 0) groep('Zonder kern').organisaties.push(o);
    else
      groep('In meer kernen').organisaties.push({ id: o.id, naam: `${o.naam} (${ids.map((k) => kernNaam.get(k)).join(', ')})` });
  }
  return [...groepen.values()].filter((g) => g.organisaties.length > 0);
}
