import { and, eq, isNull } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Account, laadAccount } from '../portaal/accounts.ts';
import { vandaag as vandaagNu } from '../portaal/acties.ts';
import { type BevestigFout, controleerToken, leesToken, neemToken } from '../portaal/kloptnog.ts';
import { log } from '../portaal/logboek.ts';
import type { Publiceren } from '../portaal/publicatie.ts';
import { legEersteVersieVast, legVast } from '../portaal/revisies.ts';
import { datumTekst } from '../rooster/tekst.ts';
import { magNamensBevestigen, notitieFout } from './bellijst.ts';
import { type OpenSeizoenVraag, openSeizoenVragen, openVraag } from './seizoen.ts';

/**
 * Answering "Gaat het weer door?": by the partner through the link in the mail (no login; the
 * page shows a button, only the click confirms), or by the kernondersteuner on behalf of an
 * activity without partner, with a note. Either way the activity is checked today, the history
 * says "gaat weer door" and the question is answered.
 */

export type SeizoenInhoud = {
  accountId: number;
  naam: string;
  activiteit: { id: number; titel: string; organisatie: string; gecontroleerdOp: string };
  seizoenStart: string;
};

function activiteitVan(db: DbOfTx, id: number) {
  return db
    .select({
      id: t.activiteit.id,
      titel: t.activiteit.titel,
      organisatieId: t.activiteit.organisatieId,
      kernId: t.activiteit.kernId,
      organisatie: t.organisatie.naam,
      gecontroleerdOp: t.activiteit.gecontroleerdOp,
    })
    .from(t.activiteit)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.activiteit.organisatieId))
    .where(eq(t.activiteit.id, id))
    .get();
}

function controleer(db: DbOfTx, token: string, nu: Date) {
  const rij = leesToken(db, token, 'seizoen');
  const c = controleerToken(db, rij, nu);
  if ('fout' in c) return c;
  const a = rij?.activiteitId ? activiteitVan(db, rij.activiteitId) : undefined;
  // The activity must still be of the organisation the link was made for.
  if (!rij?.seizoenStart || !a || rij.organisaties[0] !== a.organisatieId) return { fout: 'onbekend' as const };
  const { organisatieId: _o, kernId: _k, ...activiteit } = a;
  return { rij, inhoud: { accountId: c.account.id, naam: c.account.naam, activiteit, seizoenStart: rij.seizoenStart } };
}

/** What the link would confirm; changes nothing (what a GET shows). */
export function bekijkSeizoenToken(db: DbOfTx, token: string, nu = new Date()): SeizoenInhoud | { fout: BevestigFout } {
  const c = controleer(db, token, nu);
  return 'fout' in c ? c : c.inhoud;
}

/** Records that the activity goes on this season: checked today, a revision, the question answered. */
export function bevestigSeizoen(
  db: DbOfTx,
  auteur: Account,
  activiteitId: number,
  seizoenStart: string,
  publiceren: Publiceren,
  opties: { datum?: string; notitie?: string } = {},
): void {
  const datum = opties.datum ?? vandaagNu();
  const a = activiteitVan(db, activiteitId);
  if (!a) return;
  db.transaction((tx) => {
    legEersteVersieVast(tx, 'activiteit', activiteitId);
    tx.update(t.activiteit).set({ gecontroleerdOp: datum }).where(eq(t.activiteit.id, activiteitId)).run();
    const r = legVast(tx, {
      soort: 'activiteit',
      entiteitId: activiteitId,
      organisatieId: a.organisatieId,
      actie: 'controleren',
      data: { gecontroleerdOp: datum, titel: a.titel, gaatDoorVanaf: seizoenStart, ...(opties.notitie ? { namens: true } : {}) },
      auteurId: auteur.id,
    });
    if (opties.notitie) tx.update(t.revisie).set({ reden: opties.notitie }).where(eq(t.revisie.id, r.id)).run();
    tx.update(t.seizoenVraag)
      .set({ beantwoordOp: datum, beantwoordDoor: auteur.id })
      .where(and(eq(t.seizoenVraag.activiteitId, activiteitId), isNull(t.seizoenVraag.beantwoordOp)))
      .run();
  });
  log(
    db,
    auteur.id,
    'gaat weer door',
    `${a.titel} (${activiteitId}) vanaf ${seizoenStart}${opties.notitie ? ', namens de organisatie' : ''}`,
  );
  publiceren.vraagAan(`Gaat weer door: ${a.titel}`);
}

/** Uses the link: once, within its days, by its own still-active partner. */
export function gebruikSeizoenToken(
  db: DbOfTx,
  token: string,
  publiceren: Publiceren,
  nu = new Date(),
  datum = vandaagNu(),
): SeizoenInhoud | { fout: BevestigFout } {
  const uitkomst = db.transaction((tx) => {
    const c = controleer(tx, token, nu);
    if ('fout' in c) return c;
    return neemToken(tx, c.rij, nu) ? c.inhoud : { fout: 'gebruikt' as const };
  });
  if ('fout' in uitkomst) return uitkomst;
  bevestigSeizoen(db, laadAccount(db, uitkomst.accountId)!, uitkomst.activiteit.id, uitkomst.seizoenStart, publiceren, { datum });
  return { ...uitkomst, activiteit: { ...uitkomst.activiteit, gecontroleerdOp: datum } };
}

/** "Gaat weer door vanaf 1 september 2027": how the history names a season confirmation, or undefined. */
export function gaatDoorTekst(data: unknown): string | undefined {
  const vanaf = (data as { gaatDoorVanaf?: unknown } | null)?.gaatDoorVanaf;
  return typeof vanaf === 'string' ? `gaat weer door vanaf ${datumTekst(vanaf)}` : undefined;
}

export type SeizoenBelItem = OpenSeizoenVraag;

/** Activities without partner asked "Gaat het weer door?" and not answered, for this account (beheerder: all). */
export function seizoenBelLijst(db: DbOfTx, account: Account): SeizoenBelItem[] {
  return openSeizoenVragen(db, 'bellijst').filter((a) => magNamensBevestigen(account, [a.kernId]));
}

/** The kernondersteuner (or beheerder) answers for an activity without partner, with a note. */
export function bevestigSeizoenNamens(
  db: DbOfTx,
  config: GemeenteConfig,
  accountId: number,
  activiteitId: number,
  notitieRuw: string,
  publiceren: Publiceren,
  datum = vandaagNu(),
): { fout: string } | { gecontroleerdOp: string } {
  const account = laadAccount(db, accountId);
  const a = activiteitVan(db, activiteitId);
  if (!account || !a || !magNamensBevestigen(account, [a.kernId])) {
    return { fout: 'U mag deze activiteit niet namens de organisatie bevestigen.' };
  }
  const vraag = openVraag(db, activiteitId);
  if (!vraag) return { fout: 'Deze vraag is al beantwoord.' };
  const notitie = notitieRuw.trim();
  const fout = notitieFout(config, notitie);
  if (fout) return { fout };
  bevestigSeizoen(db, account, activiteitId, vraag.seizoenStart, publiceren, { datum, notitie });
  return { gecontroleerdOp: datum };
}
