import { and, eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { leesActiviteit, leesOrganisatie } from '../data/kaart.ts';
import type { DbOfTx } from '../db/client.ts';
import { maakSchemas, type ActiviteitData, type OrganisatieData } from '../model/schemas.ts';
import { lokaal } from '../rooster/kalender.ts';
import { momentTekst } from '../rooster/tekst.ts';
import type { Account } from './accounts.ts';
import { activiteitFouten, activiteitUitVelden, organisatieUitVelden } from './formulier/mapping.ts';
import { foutenPerVeld, type Fouten, type Velden } from './formulier/velden.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';
import {
  alsActiviteitData,
  legEersteVersieVast,
  legVast,
  leesRevisie,
  naamVan,
  slugVoorNieuweActiviteit,
  stelVoor,
  verandertToegang,
  werkversie,
  WijzigingsConflict,
  zetTerug,
} from './revisies.ts';
import { isBeheerder } from './toegang.ts';
import { basisVan, leesBasis, meldVervangen, type Samen, voegSamenMetHuidig } from './gelijktijdig.ts';

/**
 * What happens when a partner saves a form. Access is checked by the page before calling these;
 * these validate, detect conflicts, record the change and, when it is live at once, ask for a new
 * public release.
 */

export type Uitkomst =
  | { soort: 'fouten'; fouten: Fouten }
  | Extract<Samen<OrganisatieData | ActiviteitData>, { soort: 'conflict' }>
  | { soort: 'opgeslagen'; direct: boolean; entiteitId?: number; revisieId: number };

export const vandaag = () => lokaal(new Date()).datum;

/** A refusal by stelVoor (a change in the same split second): the form is shown again as a merge. */
function alsConflict(
  e: unknown,
  w: NonNullable<ReturnType<typeof werkversie>>,
  data: OrganisatieData | ActiviteitData,
): Uitkomst {
  if (!(e instanceof WijzigingsConflict)) throw e;
  return {
    soort: 'conflict',
    melding: e.message,
    keuzes: [],
    ander: { naam: 'iemand anders', op: new Date().toISOString() },
    data,
    basis: basisVan(w),
  };
}

/** Parses and validates an organisation form against the live wat. */
export function leesOrganisatieFormulier(db: DbOfTx, config: GemeenteConfig, id: number, velden: Velden) {
  const huidig = leesOrganisatie(db, id)!;
  const ruw = organisatieUitVelden(velden, { slug: huidig.slug, status: huidig.status, gecontroleerdOp: vandaag() });
  return maakSchemas(config).organisatie.safeParse(ruw);
}

export function bewaarOrganisatie(
  db: DbOfTx,
  config: GemeenteConfig,
  account: Account,
  id: number,
  velden: Velden,
  publiceren: Publiceren,
): Uitkomst {
  const r = leesOrganisatieFormulier(db, config, id, velden);
  if (!r.success) return { soort: 'fouten', fouten: foutenPerVeld(r.error.issues, { bezoekadres: 'bezoekadres.straat' }) };
  const w = werkversie(db, 'organisatie', id)!;
  const liveNaam = leesOrganisatie(db, id)!.naam;
  const samen = voegSamenMetHuidig(db, config, 'organisatie', id, r.data, leesBasis(velden), w, velden);
  if (samen.soort === 'conflict') return samen;
  // Two valid versions merged field by field are checked again as a whole.
  const geheel = maakSchemas(config).organisatie.safeParse(samen.data);
  if (!geheel.success)
    return { soort: 'fouten', fouten: foutenPerVeld(geheel.error.issues, { bezoekadres: 'bezoekadres.straat' }) };
  const data = geheel.data;
  // A trusted organisation publishes directly, except a change of its own reach.
  const direct = isBeheerder(account) || (w.vertrouwd && !verandertToegang('organisatie', w.live, data));
  try {
    const { revisie, vervangen } = stelVoor(db, {
      soort: 'organisatie',
      entiteitId: id,
      organisatieId: id,
      data,
      basisVersie: w.versie,
      basisRevisieId: w.wachtend?.id,
      auteurId: account.id,
      direct,
    });
    log(db, account.id, direct ? 'organisatie gewijzigd' : 'wijziging voorgesteld', `${data.naam} (organisatie ${id})`);
    if (vervangen)
      meldVervangen(db, config, {
        soort: 'organisatie',
        id,
        vervangen,
        nieuw: data,
        live: w.live,
        doorNaam: account.naam,
        direct,
      });
    if (direct) publiceren.vraagAan(`Gewijzigd: ${liveNaam}`);
    return { soort: 'opgeslagen', direct, entiteitId: id, revisieId: revisie.id };
  } catch (e) {
    return alsConflict(e, w, data);
  }
}

/** Parses and validates an activity form; the kern must be one the organisation serves. */
export function leesActiviteitFormulier(
  db: DbOfTx,
  config: GemeenteConfig,
  organisatieId: number,
  velden: Velden,
  bestaand?: ActiviteitData,
) {
  const org = leesOrganisatie(db, organisatieId)!;
  const ruw = activiteitUitVelden(velden, {
    organisatie: org.slug,
    slug: bestaand?.slug ?? 'nieuw',
    status: bestaand?.status ?? 'gepubliceerd',
    gecontroleerdOp: vandaag(),
  });
  const schema = maakSchemas(config).activiteit.refine((a) => org.kernen.includes(a.kern), {
    error: 'kies een kern waar uw organisatie actief is',
    path: ['kern'],
  });
  return schema.safeParse(ruw);
}

export function bewaarActiviteit(
  db: DbOfTx,
  config: GemeenteConfig,
  account: Account,
  organisatieId: number,
  activiteitId: number | undefined,
  velden: Velden,
  publiceren: Publiceren,
): Uitkomst {
  const w = activiteitId !== undefined ? werkversie(db, 'activiteit', activiteitId)! : undefined;
  const r = leesActiviteitFormulier(db, config, organisatieId, velden, w?.data as ActiviteitData | undefined);
  if (!r.success) return { soort: 'fouten', fouten: activiteitFouten(r.error.issues) };
  const org = leesOrganisatie(db, organisatieId)!;
  const direct = org.vertrouwd || isBeheerder(account);
  let data: ActiviteitData = r.data;
  if (activiteitId === undefined) {
    if (direct) data = { ...data, slug: slugVoorNieuweActiviteit(db, data.titel, data.kern) };
  } else {
    const samen = voegSamenMetHuidig(db, config, 'activiteit', activiteitId, r.data, leesBasis(velden), w!, velden);
    if (samen.soort === 'conflict') return samen;
    // Two valid versions merged field by field are checked again as a whole.
    const geheel = maakSchemas(config).activiteit.safeParse(samen.data);
    if (!geheel.success) return { soort: 'fouten', fouten: activiteitFouten(geheel.error.issues) };
    data = geheel.data;
  }
  try {
    const { revisie, entiteitId, vervangen } = stelVoor(db, {
      soort: 'activiteit',
      entiteitId: activiteitId,
      organisatieId,
      data,
      basisVersie: w?.versie,
      basisRevisieId: w?.wachtend?.id,
      auteurId: account.id,
      direct,
    });
    log(db, account.id, direct ? 'activiteit gewijzigd' : 'wijziging voorgesteld', `${data.titel} (${activiteitId ?? 'nieuw'})`);
    if (vervangen && activiteitId !== undefined) {
      meldVervangen(db, config, {
        soort: 'activiteit',
        id: activiteitId,
        vervangen,
        nieuw: data,
        live: w!.live,
        doorNaam: account.naam,
        direct,
      });
    }
    if (direct) publiceren.vraagAan(`Activiteit gewijzigd (${org.naam})`);
    return { soort: 'opgeslagen', direct, entiteitId, revisieId: revisie.id };
  } catch (e) {
    if (!w) throw e;
    return alsConflict(e, w, data);
  }
}

/** "Alles klopt nog": the organisation and its activities are checked today. No review needed. */
export function bevestigActueel(
  db: DbOfTx,
  account: Account,
  organisatieId: number,
  publiceren: Publiceren,
  datum = vandaag(),
): void {
  db.transaction((tx) => {
    legEersteVersieVast(tx, 'organisatie', organisatieId);
    tx.update(t.organisatie).set({ gecontroleerdOp: datum }).where(eq(t.organisatie.id, organisatieId)).run();
    tx.update(t.activiteit).set({ gecontroleerdOp: datum }).where(eq(t.activiteit.organisatieId, organisatieId)).run();
    legVast(tx, {
      soort: 'organisatie',
      entiteitId: organisatieId,
      organisatieId,
      actie: 'controleren',
      data: { gecontroleerdOp: datum },
      auteurId: account.id,
    });
  });
  const naam = leesOrganisatie(db, organisatieId)?.naam ?? `organisatie ${organisatieId}`;
  log(db, account.id, 'alles klopt nog', `${naam} gecontroleerd`);
  // The public pages show when a listing was last checked.
  publiceren.vraagAan(`Gecontroleerd: ${naam}`);
}

/**
 * Pausing, resuming and deleting take effect at once: they only take information away, and a
 * partner must be able to say quickly that something does not go on. Each is a revision, so the
 * beheerder can restore it.
 */
export function wijzigStatus(
  db: DbOfTx,
  account: Account,
  activiteitId: number,
  actie: 'pauzeren' | 'hervatten' | 'verwijderen',
  publiceren: Publiceren,
): void {
  const a = leesActiviteit(db, activiteitId);
  if (!a) throw new WijzigingsConflict('Deze activiteit bestaat niet meer.');
  const organisatieId = db
    .select({ id: t.activiteit.organisatieId })
    .from(t.activiteit)
    .where(eq(t.activiteit.id, activiteitId))
    .get()!.id;
  db.transaction((tx) => {
    legEersteVersieVast(tx, 'activiteit', activiteitId);
    const data = alsActiviteitData(a);
    if (actie === 'verwijderen') {
      tx.delete(t.activiteit).where(eq(t.activiteit.id, activiteitId)).run();
      // A waiting proposal for a deleted activity can no longer be approved.
      tx.update(t.revisie)
        .set({ status: 'vervangen' })
        .where(and(eq(t.revisie.soort, 'activiteit'), eq(t.revisie.entiteitId, activiteitId), eq(t.revisie.status, 'wacht')))
        .run();
    } else {
      const status = actie === 'pauzeren' ? 'gepauzeerd' : 'gepubliceerd';
      tx.update(t.activiteit)
        .set({ status, gewijzigdOp: new Date().toISOString() })
        .where(eq(t.activiteit.id, activiteitId))
        .run();
      data.status = status;
    }
    legVast(tx, {
      soort: 'activiteit',
      entiteitId: activiteitId,
      organisatieId,
      actie,
      data: data as Record<string, unknown>,
      auteurId: account.id,
    });
  });
  log(db, account.id, `activiteit ${actie}`, `${a.titel} (${activiteitId})`);
  publiceren.vraagAan(`${actie}: ${a.titel}`);
}

/**
 * The beheerder sets an earlier version of an organisation or activity live again. False when the
 * revision belongs to something else (a tampered form changes nothing); WijzigingsConflict when
 * there is no version to restore.
 */
export function zetVersieTerug(
  db: DbOfTx,
  beheerder: Account,
  wat: { soort: 'organisatie' | 'activiteit'; id: number },
  revisieId: number,
  publiceren: Publiceren,
): boolean {
  const revisie = leesRevisie(db, revisieId);
  if (!revisie || revisie.soort !== wat.soort || revisie.entiteitId !== wat.id) return false;
  zetTerug(db, revisie.id, beheerder.id);
  const lijst = `${wat.soort} "${naamVan(revisie.data)}"`;
  log(db, beheerder.id, 'teruggezet', `${lijst} naar de versie van ${momentTekst(revisie.aangemaaktOp)}`);
  publiceren.vraagAan(`Teruggezet: ${lijst}`);
  return true;
}

/**
 * Exempts a listing from the age rules (beheerder only): it stays in lists and search without the
 * "lang niet gecontroleerd" notice. The public pages change, so a release is asked for.
 */
export function zetAltijdZichtbaar(
  db: DbOfTx,
  beheerder: Account,
  organisatieId: number,
  altijdZichtbaar: boolean,
  publiceren: Publiceren,
): void {
  db.update(t.organisatie).set({ altijdZichtbaar }).where(eq(t.organisatie.id, organisatieId)).run();
  const naam = leesOrganisatie(db, organisatieId)?.naam ?? organisatieId;
  log(db, beheerder.id, 'altijd zichtbaar', `${naam}: ${altijdZichtbaar ? 'altijd zichtbaar' : 'volgt de leeftijdsregels'}`);
  publiceren.vraagAan(`Zichtbaarheid: ${naam}`);
}

/** Whether this organisation's changes go live without review (beheerder only). */
export function zetVertrouwd(db: DbOfTx, beheerder: Account, organisatieId: number, vertrouwd: boolean): void {
  db.update(t.organisatie).set({ vertrouwd }).where(eq(t.organisatie.id, organisatieId)).run();
  const naam = leesOrganisatie(db, organisatieId)?.naam ?? organisatieId;
  log(db, beheerder.id, 'vertrouwd', `${naam}: ${vertrouwd ? 'vertrouwd' : 'niet meer vertrouwd'}`);
}
