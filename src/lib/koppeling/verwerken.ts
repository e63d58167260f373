import { and, eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { Afspraak, Overgeslagen } from '../agenda/inlezen.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { leesActiviteit, type Organisatie } from '../data/kaart.ts';
import type { DbOfTx } from '../db/client.ts';
import type { ActiviteitData } from '../model/schemas.ts';
import { meldVervangen } from '../portaal/gelijktijdig.ts';
import { leesRevisie, stelVoor, werkversie } from '../portaal/revisies.ts';
import { feedVelden, nieuwVoorstel, type Standaard, vingerafdruk } from './voorstel.ts';

/**
 * A fetched feed compared with what it brought before, event by event (keyed by UID): a new event
 * becomes a proposed new activity, a changed one a proposed change (or a fresh proposal when the
 * old one was not approved), a cancelled or vanished future one a proposal to pause its activity.
 * Everything goes through the review flow of src/lib/portaal/revisies.ts, never `direct`, also for
 * a trusted organisation: nothing from a feed is published without review. Unchanged events
 * create nothing.
 */

export type Telling = { nieuw: number; gewijzigd: number; vervallen: number; overgeslagen: Overgeslagen[] };

type Rij = typeof t.agendaAfspraak.$inferSelect;

export type Invoer = {
  org: Organisatie;
  /** Who connected the feed; null when that account is gone. */
  auteurId: number | null;
  afspraken: Afspraak[];
  standaard: Standaard | undefined;
  vandaag: string;
};

/** The activity an event became, if it was approved and still exists. */
function activiteitVan(db: DbOfTx, rij: Rij): number | undefined {
  if (rij.activiteitId !== null && leesActiviteit(db, rij.activiteitId)) return rij.activiteitId;
  const r = rij.revisieId !== null ? leesRevisie(db, rij.revisieId) : undefined;
  const toegepast = r && (r.status === 'goedgekeurd' || r.status === 'direct') && r.entiteitId !== null;
  return toegepast && leesActiviteit(db, r.entiteitId!) ? r.entiteitId! : undefined;
}

/** Approved once and deleted since by the partner: the partner chose that, the feed does not bring it back. */
function doorPartnerVerwijderd(db: DbOfTx, rij: Rij): boolean {
  const r = rij.revisieId !== null ? leesRevisie(db, rij.revisieId) : undefined;
  return (
    !!r && r.entiteitId !== null && activiteitVan(db, rij) === undefined && (r.status === 'goedgekeurd' || r.status === 'direct')
  );
}

/** A waiting proposal of a new activity that the feed overtook: withdrawn, the reviewer never sees it. */
function trekIn(db: DbOfTx, rij: Rij): boolean {
  if (rij.revisieId === null) return false;
  const r = db
    .update(t.revisie)
    .set({ status: 'vervangen' })
    .where(and(eq(t.revisie.id, rij.revisieId), eq(t.revisie.status, 'wacht')))
    .run();
  return r.changes > 0;
}

/**
 * Proposes a change of an existing activity, on top of what the editor would start from (a
 * partner's waiting change included; its author is told, as when two people edit one listing).
 */
function stelWijzigingVoor(
  db: DbOfTx,
  config: GemeenteConfig,
  invoer: Invoer,
  activiteitId: number,
  wijzig: (a: ActiviteitData) => ActiviteitData,
) {
  const w = werkversie(db, 'activiteit', activiteitId)!;
  const data = wijzig(w.data as ActiviteitData);
  const { revisie, vervangen } = stelVoor(db, {
    soort: 'activiteit',
    entiteitId: activiteitId,
    organisatieId: invoer.org.id,
    data,
    basisVersie: w.versie,
    basisRevisieId: w.wachtend?.id,
    auteurId: invoer.auteurId,
    direct: false,
  });
  if (vervangen)
    meldVervangen(db, config, {
      soort: 'activiteit',
      id: activiteitId,
      vervangen,
      nieuw: data,
      live: w.live,
      doorNaam: 'de gekoppelde agenda',
      direct: false,
    });
  return revisie.id;
}

function nieuw(db: DbOfTx, config: GemeenteConfig, invoer: Invoer, a: Afspraak, telling: Telling): number | undefined {
  const v = nieuwVoorstel(a, invoer.org, invoer.standaard, config, invoer.vandaag);
  if ('fout' in v) {
    telling.overgeslagen.push({ titel: a.titel, reden: v.fout });
    return undefined;
  }
  return stelVoor(db, {
    soort: 'activiteit',
    organisatieId: invoer.org.id,
    data: v.data,
    auteurId: invoer.auteurId,
    direct: false,
  }).revisie.id;
}

/** An event that is still (or again) on: proposed when new or changed. */
function verwerkAfspraak(
  db: DbOfTx,
  config: GemeenteConfig,
  invoer: Invoer,
  a: Afspraak,
  rij: Rij | undefined,
  telling: Telling,
) {
  const vinger = vingerafdruk(a);
  if (rij && rij.vingerafdruk === vinger && !rij.vervallen) return;
  if (rij && doorPartnerVerwijderd(db, rij)) {
    db.update(t.agendaAfspraak).set({ vingerafdruk: vinger, datum: a.datum }).where(eq(t.agendaAfspraak.id, rij.id)).run();
    return;
  }
  const activiteitId = rij ? activiteitVan(db, rij) : undefined;
  let revisieId: number | undefined;
  if (activiteitId !== undefined) {
    revisieId = stelWijzigingVoor(db, config, invoer, activiteitId, (huidig) => ({
      ...huidig,
      ...feedVelden(a, invoer.org.naam),
      status: huidig.status === 'gepauzeerd' ? 'gepubliceerd' : huidig.status,
    }));
  } else {
    if (rij) trekIn(db, rij);
    revisieId = nieuw(db, config, invoer, a, telling);
    if (revisieId === undefined) return;
  }
  if (rij) telling.gewijzigd++;
  else telling.nieuw++;
  const waarden = { vingerafdruk: vinger, datum: a.datum, revisieId, activiteitId: activiteitId ?? null, vervallen: false };
  if (rij) db.update(t.agendaAfspraak).set(waarden).where(eq(t.agendaAfspraak.id, rij.id)).run();
  else
    db.insert(t.agendaAfspraak)
      .values({ organisatieId: invoer.org.id, sleutel: a.sleutel, ...waarden })
      .run();
}

/** Cancelled in, or gone from, the feed: a waiting proposal is withdrawn, an activity proposed paused. */
function verwerkVervallen(db: DbOfTx, config: GemeenteConfig, invoer: Invoer, rij: Rij, telling: Telling) {
  if (rij.vervallen) return;
  const activiteitId = activiteitVan(db, rij);
  let revisieId = rij.revisieId;
  if (activiteitId !== undefined) {
    revisieId = stelWijzigingVoor(db, config, invoer, activiteitId, (huidig) => ({ ...huidig, status: 'gepauzeerd' }));
    telling.vervallen++;
  } else if (trekIn(db, rij)) telling.vervallen++;
  db.update(t.agendaAfspraak)
    .set({ vervallen: true, revisieId, activiteitId: activiteitId ?? null })
    .where(eq(t.agendaAfspraak.id, rij.id))
    .run();
}

export function verwerk(db: DbOfTx, config: GemeenteConfig, invoer: Invoer): Telling {
  const telling: Telling = { nieuw: 0, gewijzigd: 0, vervallen: 0, overgeslagen: [] };
  db.transaction((tx) => {
    const rijen = new Map(
      tx
        .select()
        .from(t.agendaAfspraak)
        .where(eq(t.agendaAfspraak.organisatieId, invoer.org.id))
        .all()
        .map((r) => [r.sleutel, r]),
    );
    const gezien = new Set<string>();
    for (const a of invoer.afspraken) {
      if (gezien.has(a.sleutel)) continue;
      gezien.add(a.sleutel);
      const rij = rijen.get(a.sleutel);
      if (a.geannuleerd) {
        if (rij) verwerkVervallen(tx, config, invoer, rij, telling);
      } else verwerkAfspraak(tx, config, invoer, a, rij, telling);
    }
    // Gone from the feed before its date: called off. Gone after it: it simply took place.
    for (const rij of rijen.values())
      if (!gezien.has(rij.sleutel) && rij.datum >= invoer.vandaag) verwerkVervallen(tx, config, invoer, rij, telling);
  });
  return telling;
}
