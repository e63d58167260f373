import { asc, eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { verouderdGrens } from '../portaal/overzicht.ts';

/**
 * The freshness overview for the beheerder (issue #15): per kern, how many published
 * organisations serving it were checked in the last six months. An organisation of several kernen
 * counts in each; the total counts it once.
 */
/** `kernId` 0: all kernen together. */
export const ALLE_KERNEN = 0;

export type KernVersheid = { kernId: number; kern: string; vers: number; totaal: number; aandeel: number };

export function versheidPerKern(db: DbOfTx, vandaag: string): { kernen: KernVersheid[]; totaal: KernVersheid } {
  const grens = verouderdGrens(vandaag);
  const orgs = db
    .select({ id: t.organisatie.id, gecontroleerdOp: t.organisatie.gecontroleerdOp })
    .from(t.organisatie)
    .where(eq(t.organisatie.status, 'gepubliceerd'))
    .all();
  const vers = new Set(orgs.filter((o) => o.gecontroleerdOp >= grens).map((o) => o.id));
  const gepubliceerd = new Set(orgs.map((o) => o.id));
  const koppels = db.select().from(t.organisatieKern).all();
  const kernen = db.select({ id: t.kern.id, naam: t.kern.naam }).from(t.kern).orderBy(asc(t.kern.volgorde)).all();
  const rij = (kernId: number, kern: string, ids: number[]): KernVersheid => {
    const n = ids.filter((id) => vers.has(id)).length;
    return { kernId, kern, vers: n, totaal: ids.length, aandeel: ids.length ? n / ids.length : 1 };
  };
  return {
    kernen: kernen.map((k) =>
      rij(
        k.id,
        k.naam,
        koppels.filter((x) => x.kernId === k.id && gepubliceerd.has(x.organisatieId)).map((x) => x.organisatieId),
      ),
    ),
    totaal: rij(ALLE_KERNEN, 'Alle kernen', [...gepubliceerd]),
  };
}
