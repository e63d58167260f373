import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { verstuur } from '../mail/mail.ts';
import { partnersVan } from '../portaal/accounts.ts';
import { log } from '../portaal/logboek.ts';
import { datumTekst } from '../rooster/tekst.ts';
import { aandacht, OPEN, type Aandacht } from './status.ts';
import { wisVerlopenContact } from './verwijzingen.ts';

/** What runs every day in the server (scripts/start.ts): forget, remind and reduce to counts. */

/** The date twelve months before `vandaag` (29 February → 28 February). */
export function jaarTerug(vandaag: string): string {
  const [j, m, d] = vandaag.split('-');
  const jaar = String(Number(j) - 1);
  const dag = m === '02' && d === '29' ? '28' : d;
  return `${jaar}-${m}-${dag}`;
}

/**
 * Referrals older than 12 months become anonymous counts per month, kern, thema, activity and
 * outcome; the referral rows (and their history) are deleted. Returns how many were reduced.
 */
export function archiveer(db: DbOfTx, vandaag: string): number {
  const grens = jaarTerug(vandaag);
  return db.transaction((tx) => {
    const oud = tx.select().from(t.verwijzing).where(lt(t.verwijzing.datum, grens)).all();
    if (oud.length === 0) return 0;
    const tellingen = new Map<string, typeof t.verwijzingTelling.$inferInsert>();
    for (const v of oud) {
      const rij = {
        maand: v.datum.slice(0, 7),
        kernId: v.kernId,
        thema: v.thema,
        activiteitId: v.activiteitId ?? 0,
        activiteitTitel: v.activiteitTitel,
        uitkomst: v.status,
        aantal: 0,
      };
      const sleutel = [rij.maand, rij.kernId, rij.thema, rij.activiteitId, rij.uitkomst].join('|');
      const telling = tellingen.get(sleutel) ?? rij;
      telling.aantal++;
      tellingen.set(sleutel, telling);
    }
    for (const telling of tellingen.values()) {
      tx.insert(t.verwijzingTelling)
        .values(telling)
        .onConflictDoUpdate({
          target: [
            t.verwijzingTelling.maand,
            t.verwijzingTelling.kernId,
            t.verwijzingTelling.thema,
            t.verwijzingTelling.activiteitId,
            t.verwijzingTelling.uitkomst,
          ],
          set: { aantal: sql`${t.verwijzingTelling.aantal} + excluded.aantal` },
        })
        .run();
    }
    const ids = oud.map((v) => v.id);
    for (let i = 0; i < ids.length; i += 500)
      tx.delete(t.verwijzing)
        .where(inArray(t.verwijzing.id, ids.slice(i, i + 500)))
        .run();
    return oud.length;
  });
}

const MAIL_TEKST: Record<Aandacht['soort'], string> = {
  'geen-antwoord': 'heeft na 14 dagen nog geen antwoord van de aanbieder',
  'doet-nog-mee': 'is zes weken geleden gestart. Doet de inwoner nog mee?',
};

/**
 * One e-mail per person with the referrals that need attention, each only once. The e-mail names
 * the activity and links to the portal; nothing about the inwoner, not even the code.
 */
export async function stuurSignaleringen(db: DbOfTx, vandaag: string, portaalUrl: string): Promise<number> {
  const open = db.select().from(t.verwijzing).where(inArray(t.verwijzing.status, OPEN)).all();
  const perId = new Map(open.map((v) => [v.id, v]));
  const post = new Map<string, { naam: string; regels: string[] }>();
  const zet = (email: string, naam: string, regel: string) => {
    const m = post.get(email) ?? { naam, regels: [] };
    if (!m.regels.includes(regel)) m.regels.push(regel);
    post.set(email, m);
  };
  const gemeld: Aandacht[] = [];
  for (const a of aandacht(open, vandaag)) {
    const v = perId.get(a.id)!;
    if ((a.soort === 'geen-antwoord' ? v.gemeldGeenAntwoordOp : v.gemeldDoetNogMeeOp) !== null) continue;
    const regel = `- De verwijzing naar "${v.activiteitTitel}" van ${datumTekst(v.datum)} ${MAIL_TEKST[a.soort]}\n  ${new URL(`/partners/verwijzingen/${v.id}/`, portaalUrl).href}`;
    const verwijzer = v.verwijzerId
      ? db
          .select()
          .from(t.account)
          .where(and(eq(t.account.id, v.verwijzerId), eq(t.account.actief, true)))
          .get()
      : undefined;
    if (verwijzer) zet(verwijzer.email, verwijzer.naam, regel);
    for (const p of v.organisatieId ? partnersVan(db, [v.organisatieId]) : []) zet(p.email, p.naam, regel);
    gemeld.push(a);
  }
  for (const [aan, { naam, regels }] of post) {
    await verstuur({
      aan,
      onderwerp: regels.length === 1 ? 'Een verwijzing vraagt uw aandacht' : `${regels.length} verwijzingen vragen uw aandacht`,
      tekst: [`Goedendag ${naam},`, '', ...regels, '', 'U kunt het antwoord invullen in het partnerportaal.'].join('\n'),
    });
  }
  for (const a of gemeld) {
    db.update(t.verwijzing)
      .set(a.soort === 'geen-antwoord' ? { gemeldGeenAntwoordOp: vandaag } : { gemeldDoetNogMeeOp: vandaag })
      .where(eq(t.verwijzing.id, a.id))
      .run();
  }
  return post.size;
}

/** The daily run. Returns what it did, for the server log. */
export async function onderhoudVerwijzingen(db: DbOfTx, vandaag: string, portaalUrl: string) {
  const gewist = wisVerlopenContact(db, vandaag);
  const mails = await stuurSignaleringen(db, vandaag, portaalUrl);
  const gearchiveerd = archiveer(db, vandaag);
  if (gewist || gearchiveerd)
    log(
      db,
      null,
      'verwijzingen opgeruimd',
      `${gewist} contactgegevens gewist, ${gearchiveerd} verwijzingen geteld en verwijderd`,
    );
  return { gewist, mails, gearchiveerd };
}
