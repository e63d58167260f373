import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Account, laadAccount } from '../portaal/accounts.ts';
import { vandaag as vandaagNu } from '../portaal/acties.ts';
import { log } from '../portaal/logboek.ts';
import { verouderdGrens } from '../portaal/overzicht.ts';
import type { Publiceren } from '../portaal/publicatie.ts';
import { legVast } from '../portaal/revisies.ts';
import { isBeheerder } from '../portaal/toegang.ts';
import { uitleg, vindPersoonsgegevens } from '../signalen/privacy.ts';
import { plusDagen } from '../rooster/kalender.ts';
import { privacyOpties } from '../signalen/schema.ts';

/**
 * Listings nobody looks after (issue #15): organisations without an active partner account get
 * no reminder, so once they are six months unchecked they go on the call list of the
 * kernondersteuner of their kern, and so do listings whose partner did not answer two reminders
 * (GEEN_ANTWOORD_DAGEN). The kernondersteuner (or the beheerder) confirms on their
 * behalf with a short note ("gebeld met de secretaris"), recorded as a revision with that note.
 */

export const MAX_NOTITIE = 200;
/**
 * A partner who did not answer two monthly reminders: 40 days after the listing became due it is
 * on the call list as well (the second reminder comes after 30 days).
 */
export const GEEN_ANTWOORD_DAGEN = 40;

const zonderPartner = sql`not exists (select 1 from ${t.accountOrganisatie} ao join ${t.account} a on a.id = ao.account_id
  where ao.organisatie_id = ${t.organisatie.id} and a.actief = 1)`;

export type BelItem = {
  id: number;
  naam: string;
  telefoon: string | null;
  email: string | null;
  gecontroleerdOp: string;
  kernIds: number[];
  /** Why it is on the list: nobody in the portal, or the partner did not answer the reminders. */
  reden: 'geen-partner' | 'geen-antwoord';
};

/** The kernen of each organisation. */
export function kernenVan(db: DbOfTx, ids: number[]): Map<number, number[]> {
  const m = new Map<number, number[]>();
  if (ids.length === 0) return m;
  for (const r of db.select().from(t.organisatieKern).where(inArray(t.organisatieKern.organisatieId, ids)).all()) {
    m.set(r.organisatieId, [...(m.get(r.organisatieId) ?? []), r.kernId]);
  }
  return m;
}

/**
 * Every organisation due for a call, oldest first, with its kernen: without a partner and due for
 * a check, or with a partner who left two reminders unanswered.
 */
export function alleBelItems(db: DbOfTx, vandaag: string): BelItem[] {
  const grens = verouderdGrens(vandaag);
  const rijen = db
    .select({
      id: t.organisatie.id,
      naam: t.organisatie.naam,
      telefoon: t.organisatie.telefoon,
      email: t.organisatie.email,
      gecontroleerdOp: t.organisatie.gecontroleerdOp,
      reden: sql<'geen-partner' | 'geen-antwoord'>`case when ${zonderPartner} then 'geen-partner' else 'geen-antwoord' end`,
    })
    .from(t.organisatie)
    .where(
      and(
        eq(t.organisatie.status, 'gepubliceerd'),
        or(
          and(lt(t.organisatie.gecontroleerdOp, grens), zonderPartner),
          lt(t.organisatie.gecontroleerdOp, plusDagen(grens, -GEEN_ANTWOORD_DAGEN)),
        ),
      ),
    )
    .orderBy(asc(t.organisatie.gecontroleerdOp), asc(t.organisatie.naam))
    .all();
  const kernen = kernenVan(
    db,
    rijen.map((r) => r.id),
  );
  return rijen.map((r) => ({ ...r, kernIds: kernen.get(r.id) ?? [] }));
}

/** May this account confirm for an organisation without partner? Beheerder, or kernondersteuner of one of its kernen. */
export function magNamensBevestigen(a: Account, kernIds: number[]): boolean {
  return a.actief && (isBeheerder(a) || kernIds.some((k) => a.kernen.includes(k)));
}

/** The call list of this account: the beheerder sees all, a kernondersteuner those of their kernen. */
export function belLijst(db: DbOfTx, account: Account, vandaag: string): BelItem[] {
  return alleBelItems(db, vandaag).filter((o) => magNamensBevestigen(account, o.kernIds));
}

/** Accounts that would call for this organisation: active kernondersteuners of its kernen. */
export function bellersVoor(db: DbOfTx, kernIds: number[]): { id: number; naam: string }[] {
  if (kernIds.length === 0) return [];
  return db
    .selectDistinct({ id: t.account.id, naam: t.account.naam })
    .from(t.accountKern)
    .innerJoin(t.account, eq(t.account.id, t.accountKern.accountId))
    .where(and(inArray(t.accountKern.kernId, kernIds), eq(t.account.actief, true)))
    .all();
}

/** The note of a confirmation on someone's behalf: required, short, and no name or number (the privacy guard). */
export function notitieFout(config: GemeenteConfig, notitie: string): string | undefined {
  if (notitie.length < 3) return 'Schrijf kort hoe u het weet, bijvoorbeeld "gebeld met de secretaris".';
  if (notitie.length > MAX_NOTITIE) return `Schrijf het korter: hooguit ${MAX_NOTITIE} tekens.`;
  const gevonden = vindPersoonsgegevens(notitie, privacyOpties(config));
  if (gevonden.length > 0) {
    return `${gevonden.slice(0, 3).map(uitleg).join(' ')} Noem de rol, niet de naam: bijvoorbeeld "de secretaris".`;
  }
  return undefined;
}

export type NamensUitkomst = { fout: string } | { gecontroleerdOp: string };

/**
 * Confirms an organisation (and its activities) on its behalf. The note is required, short, and
 * passes the privacy guard (write the role, not the name: "de secretaris", not "mevrouw Jansen").
 */
export function bevestigNamens(
  db: DbOfTx,
  config: GemeenteConfig,
  accountId: number,
  organisatieId: number,
  notitieRuw: string,
  publiceren: Publiceren,
  datum = vandaagNu(),
): NamensUitkomst {
  const account = laadAccount(db, accountId);
  const kernIds = kernenVan(db, [organisatieId]).get(organisatieId) ?? [];
  if (!account || !magNamensBevestigen(account, kernIds)) return { fout: 'U mag deze organisatie niet namens hen bevestigen.' };
  const notitie = notitieRuw.trim();
  const fout = notitieFout(config, notitie);
  if (fout) return { fout };
  db.transaction((tx) => {
    tx.update(t.organisatie).set({ gecontroleerdOp: datum }).where(eq(t.organisatie.id, organisatieId)).run();
    tx.update(t.activiteit).set({ gecontroleerdOp: datum }).where(eq(t.activiteit.organisatieId, organisatieId)).run();
    const r = legVast(tx, {
      soort: 'organisatie',
      entiteitId: organisatieId,
      organisatieId,
      actie: 'controleren',
      data: { gecontroleerdOp: datum, namens: true },
      auteurId: account.id,
    });
    tx.update(t.revisie).set({ reden: notitie }).where(eq(t.revisie.id, r.id)).run();
  });
  const naam =
    db.select({ naam: t.organisatie.naam }).from(t.organisatie).where(eq(t.organisatie.id, organisatieId)).get()?.naam ??
    `organisatie ${organisatieId}`;
  log(db, account.id, 'namens gecontroleerd', `${naam} gecontroleerd namens de organisatie`);
  publiceren.vraagAan(`Gecontroleerd namens ${naam}`);
  return { gecontroleerdOp: datum };
}
