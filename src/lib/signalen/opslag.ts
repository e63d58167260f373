import { and, eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { dagenInMaand } from '../rooster/kalender.ts';
import type { Account } from '../portaal/accounts.ts';
import { log } from '../portaal/logboek.ts';
import { CONTROLE_MAANDEN, isOpen, type Afzender, type SignaalInvoer, type StatusInvoer } from './schema.ts';

/**
 * Changes to signalen. Pages check access first (toegang.ts); these record the change, its place
 * in the timeline and the audit log. The log names the signal by number only: free texts about
 * a kern stay out of the log.
 */

/** The "speelt dit nog?" date: CONTROLE_MAANDEN after a change, on the same day of the month. */
export function controleDatum(vandaag: string, maanden = CONTROLE_MAANDEN): string {
  const [j, m, d] = vandaag.split('-').map(Number);
  const doel = new Date(Date.UTC(j, m - 1 + maanden, 1));
  const dag = Math.min(d, dagenInMaand(doel.getUTCFullYear(), doel.getUTCMonth() + 1));
  return `${doel.toISOString().slice(0, 8)}${String(dag).padStart(2, '0')}`;
}

const nu = () => new Date().toISOString();

function gebeurtenis(
  db: DbOfTx,
  account: Account,
  afzender: Afzender,
  signaalId: number,
  soort: (typeof t.signaalGebeurtenis.$inferInsert)['soort'],
  extra: { status?: StatusInvoer['status']; toelichting?: string; opgepaktDoor?: number } = {},
) {
  db.insert(t.signaalGebeurtenis)
    .values({
      signaalId,
      soort,
      organisatieId: afzender.organisatieId,
      rol: afzender.rol,
      accountId: account.id,
      moment: nu(),
      ...extra,
    })
    .run();
}

export function meldSignaal(db: DbOfTx, account: Account, invoer: SignaalInvoer, vandaag: string): number {
  return db.transaction((tx) => {
    const { id } = tx
      .insert(t.signaal)
      .values({
        kernId: invoer.kernId,
        thema: invoer.thema ?? null,
        doelgroep: invoer.doelgroep ?? null,
        tekst: invoer.tekst,
        omvang: invoer.omvang,
        sinds: invoer.sinds,
        basis: invoer.basis,
        accountId: account.id,
        organisatieId: invoer.afzender.organisatieId,
        rol: invoer.afzender.rol,
        controleerOp: controleDatum(vandaag),
        aangemaaktOp: nu(),
        gewijzigdOp: nu(),
      })
      .returning({ id: t.signaal.id })
      .get();
    gebeurtenis(tx, account, invoer.afzender, id, 'gemeld', { status: 'nieuw' });
    log(tx, account.id, 'signaal gemeld', `Signaal ${id} (kern ${invoer.kern})`);
    return id;
  });
}

/** Moves the review date of an open signal: something happened, so it plays for now. */
function bijgewerkt(db: DbOfTx, signaalId: number, vandaag: string) {
  const s = db.select({ status: t.signaal.status }).from(t.signaal).where(eq(t.signaal.id, signaalId)).get()!;
  db.update(t.signaal)
    .set({ gewijzigdOp: nu(), controleerOp: isOpen(s.status) ? controleDatum(vandaag) : null })
    .where(eq(t.signaal.id, signaalId))
    .run();
}

/** "Wij zien dit ook". False when this organisation already recognised it (or recorded it). */
export function herken(
  db: DbOfTx,
  account: Account,
  signaalId: number,
  afzender: Afzender,
  notitie: string | undefined,
  vandaag: string,
): boolean {
  return db.transaction((tx) => {
    const s = tx
      .select({ organisatieId: t.signaal.organisatieId, rol: t.signaal.rol })
      .from(t.signaal)
      .where(eq(t.signaal.id, signaalId))
      .get();
    if (!s) return false;
    const eigen = (s.organisatieId ? `org-${s.organisatieId}` : s.rol) === afzender.waarde;
    const al = tx
      .select({ id: t.signaalHerkenning.id })
      .from(t.signaalHerkenning)
      .where(and(eq(t.signaalHerkenning.signaalId, signaalId), eq(t.signaalHerkenning.afzender, afzender.waarde)))
      .get();
    if (eigen || al) return false;
    tx.insert(t.signaalHerkenning)
      .values({
        signaalId,
        afzender: afzender.waarde,
        organisatieId: afzender.organisatieId,
        rol: afzender.rol,
        accountId: account.id,
        notitie: notitie ?? null,
        aangemaaktOp: nu(),
      })
      .run();
    gebeurtenis(tx, account, afzender, signaalId, 'herkend', { toelichting: notitie });
    bijgewerkt(tx, signaalId, vandaag);
    log(tx, account.id, 'signaal herkend', `Signaal ${signaalId}`);
    return true;
  });
}

export function zetStatus(
  db: DbOfTx,
  account: Account,
  signaalId: number,
  afzender: Afzender,
  invoer: StatusInvoer,
  vandaag: string,
): void {
  db.transaction((tx) => {
    const open = isOpen(invoer.status);
    tx.update(t.signaal)
      .set({
        status: invoer.status,
        // Who picked it up stays visible after closing; reopening starts over.
        opgepaktDoor: invoer.status === 'opgepakt' ? invoer.opgepaktDoor! : invoer.status === 'besproken' ? null : undefined,
        uitkomst: open ? null : (invoer.uitkomst ?? null),
        activiteitId: invoer.status === 'afgerond' ? (invoer.activiteit ?? null) : null,
        controleerOp: open ? controleDatum(vandaag) : null,
        gewijzigdOp: nu(),
      })
      .where(eq(t.signaal.id, signaalId))
      .run();
    gebeurtenis(tx, account, afzender, signaalId, 'status', {
      status: invoer.status,
      toelichting: invoer.uitkomst,
      opgepaktDoor: invoer.status === 'opgepakt' ? invoer.opgepaktDoor : undefined,
    });
    log(tx, account.id, 'signaal opgevolgd', `Signaal ${signaalId}: ${invoer.status}`);
  });
}

export function speeltNog(db: DbOfTx, account: Account, signaalId: number, afzender: Afzender, vandaag: string): void {
  db.transaction((tx) => {
    gebeurtenis(tx, account, afzender, signaalId, 'speelt-nog');
    bijgewerkt(tx, signaalId, vandaag);
    log(tx, account.id, 'signaal speelt nog', `Signaal ${signaalId}`);
  });
}

/**
 * Puts two signals of the same kern in one group (joining an existing group of either). Grouping
 * never deletes or merges signals: each keeps its own text, reactions and timeline.
 */
export function groepeer(
  db: DbOfTx,
  account: Account,
  afzender: Afzender,
  signaalId: number,
  metId: number,
  naam: string | undefined,
): number {
  return db.transaction((tx) => {
    const [a, b] = [signaalId, metId].map((id) =>
      tx
        .select({ id: t.signaal.id, kernId: t.signaal.kernId, groepId: t.signaal.groepId })
        .from(t.signaal)
        .where(eq(t.signaal.id, id))
        .get(),
    );
    if (!a || !b || a.kernId !== b.kernId || a.id === b.id)
      throw new Error('Alleen twee verschillende signalen uit dezelfde kern kunnen een groep vormen.');
    const groepId =
      b.groepId ??
      a.groepId ??
      tx
        .insert(t.signaalGroep)
        .values({ kernId: a.kernId, naam: naam ?? `Groep rond signaal ${b.id}`, aangemaaktOp: nu() })
        .returning({ id: t.signaalGroep.id })
        .get().id;
    if (naam) tx.update(t.signaalGroep).set({ naam }).where(eq(t.signaalGroep.id, groepId)).run();
    for (const s of [a, b]) {
      if (s.groepId === groepId) continue;
      tx.update(t.signaal).set({ groepId }).where(eq(t.signaal.id, s.id)).run();
      gebeurtenis(tx, account, afzender, s.id, 'gegroepeerd', { toelichting: naam });
    }
    log(tx, account.id, 'signalen gegroepeerd', `Signaal ${a.id} en ${b.id} in groep ${groepId}`);
    return groepId;
  });
}

export function haalUitGroep(db: DbOfTx, account: Account, afzender: Afzender, signaalId: number): void {
  db.transaction((tx) => {
    tx.update(t.signaal).set({ groepId: null }).where(eq(t.signaal.id, signaalId)).run();
    gebeurtenis(tx, account, afzender, signaalId, 'uit-groep');
    log(tx, account.id, 'signaal uit groep', `Signaal ${signaalId}`);
  });
}
