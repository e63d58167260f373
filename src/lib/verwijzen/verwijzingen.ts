import { and, desc, eq, inArray, isNotNull, lte, notInArray, or } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { log } from '../portaal/logboek.ts';
import { maakCode } from './code.ts';
import { contactSchema, type Contact, type VerwijsInvoer } from './formulier.ts';
import { ontsleutel, versleutel, type Sleutels } from './sleutel.ts';
import { CONTACT_BEWAARD_DAGEN, isOpen, isTekort, OPEN, type Reden, type VerwijsStatus } from './status.ts';
import { antwoordenVoor } from './toegang.ts';
import { plusDagen } from '../rooster/kalender.ts';

/** Referrals in the database. Access is decided by the page (toegang.ts) before calling these. */

export type Verwijzing = typeof t.verwijzing.$inferSelect;

export class VerwijsFout extends Error {}

/** Kernen served by these organisations: where a partner with the flag may refer. */
export function kernenVanOrganisaties(db: DbOfTx, organisatieIds: number[]): number[] {
  if (organisatieIds.length === 0) return [];
  const rijen = db
    .select({ kernId: t.organisatieKern.kernId })
    .from(t.organisatieKern)
    .where(inArray(t.organisatieKern.organisatieId, organisatieIds))
    .all();
  return [...new Set(rijen.map((r) => r.kernId))];
}

export function maakVerwijzing(
  db: DbOfTx,
  account: Account,
  activiteitId: number,
  invoer: VerwijsInvoer,
  opties: { vandaag: string; sleutels: () => Sleutels },
): { id: number; code: string } {
  const act = db
    .select({
      id: t.activiteit.id,
      titel: t.activiteit.titel,
      organisatieId: t.activiteit.organisatieId,
      kernId: t.activiteit.kernId,
    })
    .from(t.activiteit)
    .where(eq(t.activiteit.id, activiteitId))
    .get();
  if (!act) throw new VerwijsFout('Deze activiteit bestaat niet meer.');
  const nu = new Date().toISOString();
  for (let poging = 0; poging < 10; poging++) {
    const code = maakCode();
    const contact = invoer.contact && JSON.stringify(invoer.contact);
    try {
      const id = db.transaction((tx) => {
        const rij = tx
          .insert(t.verwijzing)
          .values({
            code,
            activiteitId: act.id,
            activiteitTitel: act.titel,
            organisatieId: act.organisatieId,
            kernId: act.kernId,
            thema: invoer.thema,
            verwijzerId: account.id,
            verwijzerNaam: invoer.verwijzer.naam,
            verwijzerTelefoon: invoer.verwijzer.telefoon ?? null,
            verwijzerEmail: invoer.verwijzer.email ?? null,
            datum: opties.vandaag,
            toestemmingOp: contact ? nu : null,
            contactVersleuteld: contact ? versleutel(contact, code, opties.sleutels().huidig) : null,
            aangemaaktOp: nu,
          })
          .returning({ id: t.verwijzing.id })
          .get();
        tx.insert(t.verwijzingStatus)
          .values({ verwijzingId: rij.id, status: 'verwezen', accountId: account.id, moment: nu })
          .run();
        return rij.id;
      });
      log(
        db,
        account.id,
        'verwezen',
        `Verwijzing ${id} naar activiteit ${act.id}${contact ? ' (met toestemming voor contact)' : ''}`,
      );
      return { id, code };
    } catch (e) {
      // Another referral already has this code: draw a new one.
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
    }
  }
  throw new VerwijsFout('Er kon geen vrije code worden gemaakt. Probeer het opnieuw.');
}

export function leesVerwijzing(db: DbOfTx, id: number): Verwijzing | undefined {
  return db.select().from(t.verwijzing).where(eq(t.verwijzing.id, id)).get();
}

export function zoekOpCode(db: DbOfTx, code: string): Verwijzing | undefined {
  return db.select().from(t.verwijzing).where(eq(t.verwijzing.code, code)).get();
}

export function geschiedenisVan(db: DbOfTx, id: number) {
  return db
    .select({
      status: t.verwijzingStatus.status,
      reden: t.verwijzingStatus.reden,
      moment: t.verwijzingStatus.moment,
      organisatie: t.organisatie.naam,
      door: t.account.naam,
    })
    .from(t.verwijzingStatus)
    .leftJoin(t.organisatie, eq(t.organisatie.id, t.verwijzingStatus.organisatieId))
    .leftJoin(t.account, eq(t.account.id, t.verwijzingStatus.accountId))
    .where(eq(t.verwijzingStatus.verwijzingId, id))
    .orderBy(t.verwijzingStatus.id)
    .all();
}

/**
 * Records an answer. Closing answers delete the contact detail in the same transaction; "vol"
 * and "past niet" are counted as a gap. Refused when the referral changed in the meantime.
 */
export function beantwoord(
  db: DbOfTx,
  account: Account,
  v: Verwijzing,
  status: VerwijsStatus,
  opties: { vandaag: string; reden?: Reden },
): void {
  if (!antwoordenVoor(account, v).includes(status)) throw new VerwijsFout('Dit antwoord kan nu niet (meer) worden gegeven.');
  const nu = new Date().toISOString();
  const sluit = !isOpen(status);
  const reden = status === 'past-niet' ? (opties.reden ?? 'anders') : null;
  const alsAanbieder = v.organisatieId !== null && account.organisaties.includes(v.organisatieId) && status !== 'afgerond';
  db.transaction((tx) => {
    const r = tx
      .update(t.verwijzing)
      .set({
        status,
        reden,
        ...(status === 'aangekomen' || status === 'gestart' ? { startDatum: v.startDatum ?? opties.vandaag } : {}),
        ...(sluit ? { geslotenOp: nu, contactVersleuteld: null } : {}),
      })
      .where(and(eq(t.verwijzing.id, v.id), eq(t.verwijzing.status, v.status)))
      .run();
    if (r.changes !== 1) throw new VerwijsFout('Iemand anders heeft deze verwijzing net beantwoord. Bekijk de nieuwe status.');
    tx.insert(t.verwijzingStatus)
      .values({
        verwijzingId: v.id,
        status,
        reden,
        moment: nu,
        accountId: account.id,
        organisatieId: alsAanbieder ? v.organisatieId : null,
      })
      .run();
    if (isTekort(status)) {
      tx.insert(t.tekort)
        .values({
          soort: status,
          kernId: v.kernId,
          thema: v.thema,
          reden,
          activiteitId: v.activiteitId,
          verwijzingId: v.id,
          datum: opties.vandaag,
          accountId: account.id,
        })
        .run();
    }
  });
  log(db, account.id, 'verwijzing beantwoord', `Verwijzing ${v.id}: ${status}${sluit ? ' (gesloten)' : ''}`);
}

export type ContactUitkomst = { soort: 'geen' } | { soort: 'onleesbaar' } | { soort: 'contact'; contact: Contact };

/** The decrypted detail; the page checks magContactZien first. */
export function contactVan(v: Pick<Verwijzing, 'code' | 'contactVersleuteld'>, sleutels: () => Sleutels): ContactUitkomst {
  if (!v.contactVersleuteld) return { soort: 'geen' };
  const tekst = ontsleutel(v.contactVersleuteld, v.code, sleutels());
  const r = tekst ? contactSchema.safeParse(JSON.parse(tekst)) : undefined;
  return r?.success ? { soort: 'contact', contact: r.data } : { soort: 'onleesbaar' };
}

/**
 * Deletes contact details kept longer than six weeks, also of referrals still open: the
 * provider has had time to call. Returns how many were deleted.
 */
export function wisVerlopenContact(db: DbOfTx, vandaag: string): number {
  return db
    .update(t.verwijzing)
    .set({ contactVersleuteld: null })
    .where(and(isNotNull(t.verwijzing.contactVersleuteld), lte(t.verwijzing.datum, plusDagen(vandaag, -CONTACT_BEWAARD_DAGEN))))
    .run().changes;
}

const LIJST = {
  id: t.verwijzing.id,
  code: t.verwijzing.code,
  activiteitId: t.verwijzing.activiteitId,
  activiteitTitel: t.verwijzing.activiteitTitel,
  organisatieId: t.verwijzing.organisatieId,
  kernId: t.verwijzing.kernId,
  thema: t.verwijzing.thema,
  verwijzerId: t.verwijzing.verwijzerId,
  verwijzerNaam: t.verwijzing.verwijzerNaam,
  status: t.verwijzing.status,
  reden: t.verwijzing.reden,
  datum: t.verwijzing.datum,
  startDatum: t.verwijzing.startDatum,
  toestemmingOp: t.verwijzing.toestemmingOp,
  organisatieNaam: t.organisatie.naam,
};
/**
 * Referrals this account made or receives for its organisations: all open ones, then the last
 * `gesloten` closed ones, each newest first.
 */
export function verwijzingenVan(db: DbOfTx, account: Account, opties: { gesloten?: number } = {}) {
  const wie = account.organisaties.length
    ? or(eq(t.verwijzing.verwijzerId, account.id), inArray(t.verwijzing.organisatieId, account.organisaties))
    : eq(t.verwijzing.verwijzerId, account.id);
  const lijst = (open: boolean) =>
    db
      .select(LIJST)
      .from(t.verwijzing)
      .leftJoin(t.organisatie, eq(t.organisatie.id, t.verwijzing.organisatieId))
      .where(and(wie, open ? inArray(t.verwijzing.status, OPEN) : notInArray(t.verwijzing.status, OPEN)))
      .orderBy(desc(t.verwijzing.datum), desc(t.verwijzing.id));
  const gesloten = opties.gesloten ?? 50;
  return [...lijst(true).all(), ...(gesloten > 0 ? lijst(false).limit(gesloten).all() : [])];
}
export type VerwijzingInLijst = ReturnType<typeof verwijzingenVan>[number];
