import { and, asc, desc, eq, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { plusDagen } from '../rooster/kalender.ts';
import type { Account } from './accounts.ts';
import { beoordelingVan, naamVan, type Revisie } from './revisies.ts';
import { isBeheerder, magBeoordelen } from './toegang.ts';

/** What the portal pages list; each query is limited to what the account may see. */

export const VEROUDERD_NA_DAGEN = 183;

export function verouderdGrens(vandaag: string): string {
  return plusDagen(vandaag, -VEROUDERD_NA_DAGEN);
}

export function organisatiesVan(db: DbOfTx, account: Account) {
  const ids = isBeheerder(account) && account.organisaties.length === 0 ? [] : account.organisaties;
  if (ids.length === 0) return [];
  const orgs = db
    .select({
      id: t.organisatie.id,
      slug: t.organisatie.slug,
      naam: t.organisatie.naam,
      status: t.organisatie.status,
      gecontroleerdOp: t.organisatie.gecontroleerdOp,
      vertrouwd: t.organisatie.vertrouwd,
    })
    .from(t.organisatie)
    .where(inArray(t.organisatie.id, ids))
    .orderBy(asc(t.organisatie.naam))
    .all();
  const activiteiten = db
    .select({
      id: t.activiteit.id,
      slug: t.activiteit.slug,
      titel: t.activiteit.titel,
      status: t.activiteit.status,
      organisatieId: t.activiteit.organisatieId,
      capaciteit: t.activiteit.capaciteit,
    })
    .from(t.activiteit)
    .where(inArray(t.activiteit.organisatieId, ids))
    .orderBy(asc(t.activiteit.titel))
    .all();
  return orgs.map((o) => ({ ...o, activiteiten: activiteiten.filter((a) => a.organisatieId === o.id) }));
}

/** Recent revisions of the account's organisations: waiting, rejected (with reason) and approved. */
export function recenteRevisies(db: DbOfTx, organisatieIds: number[], aantal = 15) {
  if (organisatieIds.length === 0) return [];
  return db
    .select({
      id: t.revisie.id,
      soort: t.revisie.soort,
      entiteitId: t.revisie.entiteitId,
      actie: t.revisie.actie,
      status: t.revisie.status,
      reden: t.revisie.reden,
      aangemaaktOp: t.revisie.aangemaaktOp,
      beoordeeldOp: t.revisie.beoordeeldOp,
      data: t.revisie.data,
      organisatieId: t.revisie.organisatieId,
      auteurId: t.revisie.auteurId,
    })
    .from(t.revisie)
    .where(
      and(
        inArray(t.revisie.organisatieId, organisatieIds),
        notInArray(t.revisie.status, ['vervangen']),
        // The first version of a listing is not a change anyone made in the portal.
        ne(t.revisie.actie, 'origineel'),
      ),
    )
    .orderBy(desc(t.revisie.id))
    .limit(aantal)
    .all();
}

/** Waiting revisions this account may review (beheerder: all; kernondersteuner: their kernen). */
export function teBeoordelen(db: DbOfTx, account: Account): (Revisie & { organisatieNaam: string; auteurNaam: string | null })[] {
  const rijen = db
    .select({ r: t.revisie, organisatieNaam: t.organisatie.naam, auteurNaam: t.account.naam })
    .from(t.revisie)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.revisie.organisatieId))
    .leftJoin(t.account, eq(t.account.id, t.revisie.auteurId))
    .where(eq(t.revisie.status, 'wacht'))
    .orderBy(asc(t.revisie.id))
    .all();
  return rijen
    .filter(({ r }) => magBeoordelen(account, beoordelingVan(db, r)))
    .map(({ r, organisatieNaam, auteurNaam }) => ({ ...r, organisatieNaam, auteurNaam }));
}

/** Listings not checked for six months, oldest first. */
export function verouderdeOrganisaties(db: DbOfTx, vandaag: string) {
  return db
    .select({
      id: t.organisatie.id,
      naam: t.organisatie.naam,
      slug: t.organisatie.slug,
      gecontroleerdOp: t.organisatie.gecontroleerdOp,
    })
    .from(t.organisatie)
    .where(lt(t.organisatie.gecontroleerdOp, verouderdGrens(vandaag)))
    .orderBy(asc(t.organisatie.gecontroleerdOp))
    .all();
}

/** Organisations nobody keeps up to date: no active partner account. */
export function organisatiesZonderPartner(db: DbOfTx) {
  return db
    .select({
      id: t.organisatie.id,
      naam: t.organisatie.naam,
      slug: t.organisatie.slug,
      gecontroleerdOp: t.organisatie.gecontroleerdOp,
    })
    .from(t.organisatie)
    .where(
      sql`not exists (select 1 from ${t.accountOrganisatie} ao join ${t.account} a on a.id = ao.account_id
          where ao.organisatie_id = ${t.organisatie.id} and a.actief = 1)`,
    )
    .orderBy(asc(t.organisatie.naam))
    .all();
}

export function geschiedenis(db: DbOfTx, soort: 'organisatie' | 'activiteit', entiteitId: number) {
  return db
    .select({ r: t.revisie, auteurNaam: t.account.naam })
    .from(t.revisie)
    .leftJoin(t.account, eq(t.account.id, t.revisie.auteurId))
    .where(and(eq(t.revisie.soort, soort), eq(t.revisie.entiteitId, entiteitId)))
    .orderBy(desc(t.revisie.id))
    .all();
}

/** The header of a change to review: which listing of which organisation, by whom, when. */
export function overDeWijziging(db: DbOfTx, r: Revisie): { wat: string; organisatie: string; auteur: string; op: string } {
  const org = db
    .select({ naam: t.organisatie.naam })
    .from(t.organisatie)
    .where(eq(t.organisatie.id, r.organisatieId ?? 0))
    .get();
  const auteur = r.auteurId
    ? db.select({ naam: t.account.naam }).from(t.account).where(eq(t.account.id, r.auteurId)).get()
    : undefined;
  const naam = naamVan(r.data);
  const wat =
    r.soort === 'organisatie'
      ? `Organisatie: ${naam}`
      : r.entiteitId === null
        ? `Nieuwe activiteit: ${naam}`
        : `Activiteit: ${naam}`;
  return { wat, organisatie: org?.naam ?? '', auteur: auteur?.naam ?? 'onbekend', op: r.aangemaaktOp };
}
