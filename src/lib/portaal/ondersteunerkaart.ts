import { and, desc, eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { maakSchemas } from '../model/schemas.ts';
import type { Account } from './accounts.ts';
import { foutenPerVeld, optioneel, waarde, type Fouten, type Velden } from './formulier/velden.ts';
import { type Basis, type Keuze, leesBasis } from './gelijktijdig.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';
import { legVast, type Revisie, WijzigingsConflict } from './revisies.ts';
import { gelijk, pasKeuzesToe, voegSamen } from './samenvoegen.ts';
import { isBeheerder } from './toegang.ts';

/**
 * The kernondersteuner's card on the kern page (issue 14), edited in the portal with the same
 * machinery as organisations and activities: a revision per change (soort 'kernondersteuner',
 * without an organisation), a first version, a three-way merge and putting a version back.
 *
 * The card publishes directly: the kernondersteuner already approves the changes of partners in
 * their kern, so they count as a trusted editor, and the card changes nobody's access (the rule
 * that makes even a trusted organisation wait). Spreekuren are not in the form and stay as they are.
 */

export type KaartData = { naam: string; telefoon: string; email?: string; bereikbaar: string };
export const KAART_VELDEN = ['naam', 'telefoon', 'email', 'bereikbaar'] as const;
export const KAART_LABELS: Record<(typeof KAART_VELDEN)[number], string> = {
  naam: 'Naam',
  telefoon: 'Telefoonnummer',
  email: 'E-mailadres',
  bereikbaar: 'Wanneer bereikbaar',
};

/** The card rules are the kernondersteuner data rules (one rule in one place). */
function kaartSchema(config: GemeenteConfig) {
  return maakSchemas(config).kernondersteuner.pick({ naam: true, telefoon: true, email: true, bereikbaar: true });
}

export type Kaart = { id: number; kernId: number; kernSlug: string; versie: number; data: KaartData };

export function leesKaart(db: DbOfTx, kernId: number): Kaart | undefined {
  const rij = db
    .select({ k: t.kernondersteuner, kernSlug: t.kern.slug })
    .from(t.kernondersteuner)
    .innerJoin(t.kern, eq(t.kern.id, t.kernondersteuner.kernId))
    .where(eq(t.kernondersteuner.kernId, kernId))
    .get();
  if (!rij) return undefined;
  const k = rij.k;
  const data: KaartData = { naam: k.naam, telefoon: k.telefoon, bereikbaar: k.bereikbaar };
  if (k.email) data.email = k.email;
  return { id: k.id, kernId: k.kernId, kernSlug: rij.kernSlug, versie: k.versie, data };
}

/** The kernondersteuner of the kern edits its card; the beheerder edits every card. */
export function magKaartBewerken(a: Account, kernId: number): boolean {
  return isBeheerder(a) || (a.actief && a.kernen.includes(kernId));
}

/** The card as it was before any portal change, recorded once (like legEersteVersieVast). */
export function legEersteKaartVast(db: DbOfTx, k: Kaart): void {
  const heeft = db
    .select({ id: t.revisie.id })
    .from(t.revisie)
    .where(and(eq(t.revisie.soort, 'kernondersteuner'), eq(t.revisie.entiteitId, k.id)))
    .get();
  if (heeft) return;
  const sinds = db
    .select({ op: t.kernondersteuner.gewijzigdOp })
    .from(t.kernondersteuner)
    .where(eq(t.kernondersteuner.id, k.id))
    .get()?.op;
  db.insert(t.revisie)
    .values({
      soort: 'kernondersteuner',
      entiteitId: k.id,
      organisatieId: null,
      actie: 'origineel',
      data: k.data,
      basisVersie: k.versie,
      status: 'direct',
      auteurId: null,
      ...(sinds ? { aangemaaktOp: sinds } : {}),
    })
    .run();
}

/** Writes the card as a new version; refused when someone else saved since `versie`. */
function schrijf(db: DbOfTx, k: Kaart, data: KaartData): void {
  const r = db
    .update(t.kernondersteuner)
    .set({
      naam: data.naam,
      telefoon: data.telefoon,
      email: data.email ?? null,
      bereikbaar: data.bereikbaar,
      versie: k.versie + 1,
      gewijzigdOp: new Date().toISOString(),
    })
    .where(and(eq(t.kernondersteuner.id, k.id), eq(t.kernondersteuner.versie, k.versie)))
    .run();
  if (r.changes === 0) throw new WijzigingsConflict('Iemand anders heeft deze kaart net gewijzigd. Probeer het opnieuw.');
}

export type KaartUitkomst =
  | { soort: 'fouten'; fouten: Fouten }
  | (Samengevoegd & { ander: { naam: string; op: string } })
  | { soort: 'opgeslagen' };
type Samengevoegd = { soort: 'conflict'; melding: string; keuzes: Keuze[]; data: KaartData; basis: Basis };

const tekstVan = (d: Record<string, unknown>, veld: string) => (typeof d[veld] === 'string' ? (d[veld] as string) : '(leeg)');

function keuzesVoor(velden: string[], mijn: KaartData, hun: KaartData, gekozen: Record<string, 'mijn' | 'hun'> = {}): Keuze[] {
  return velden.map((veld) => ({
    veld,
    label: KAART_LABELS[veld as keyof typeof KAART_LABELS] ?? veld,
    mijn: tekstVan(mijn, veld),
    hun: tekstVan(hun, veld),
    gekozen: gekozen[veld],
  }));
}

/**
 * Merges what was saved with the card as it is now: without a change since the form was opened,
 * the choices of a merge screen apply; otherwise fields only one person changed are both kept and
 * a field both changed differently is asked about (samenvoegen.ts, as for organisations).
 */
export function voegKaartSamen(
  mijn: KaartData,
  b: Basis,
  nu: Kaart,
  velden: Velden,
): { soort: 'klaar'; data: KaartData } | Samengevoegd {
  const hun = nu.data;
  const basis = (conflicten: string[]): Basis => ({ versie: nu.versie, data: hun, conflicten });
  if (b.versie === nu.versie) {
    const gekozen: Record<string, 'mijn' | 'hun'> = {};
    for (const veld of b.conflicten) {
      const k = waarde(velden, `keuze.${veld}`);
      if (k === 'mijn' || k === 'hun') gekozen[veld] = k;
    }
    const open = b.conflicten.filter((v) => !gekozen[v] && !gelijk(mijn[v as keyof KaartData], hun[v as keyof KaartData]));
    if (open.length > 0) {
      const melding = 'Kies bij elk onderdeel hieronder welke versie u wilt houden.';
      return {
        soort: 'conflict',
        melding,
        keuzes: keuzesVoor(b.conflicten, mijn, hun, gekozen),
        data: mijn,
        basis: basis(b.conflicten),
      };
    }
    return { soort: 'klaar', data: pasKeuzesToe(mijn, hun, gekozen) };
  }
  const s = voegSamen(b.data, mijn, hun);
  if (s.conflicten.length === 0) return { soort: 'klaar', data: s.data };
  const namen = s.conflicten.map((c) => c.veld);
  return {
    soort: 'conflict',
    melding:
      'Iemand anders heeft deze kaart ook veranderd terwijl u bezig was. Wat u allebei op een andere plek veranderde, is samengevoegd. Kies hieronder bij elk onderdeel welke versie u wilt houden.',
    keuzes: keuzesVoor(namen, s.data, hun),
    data: s.data,
    basis: basis(namen),
  };
}

/** The form as card data, unchecked (for showing it again). */
export function kaartUitVelden(velden: Velden): KaartData {
  const d: KaartData = {
    naam: waarde(velden, 'naam'),
    telefoon: waarde(velden, 'telefoon'),
    bereikbaar: waarde(velden, 'bereikbaar'),
  };
  const email = optioneel(velden, 'email');
  if (email) d.email = email;
  return d;
}

/** Saves the card form: checked, merged with a change made meanwhile, published directly. */
export function bewaarKaart(
  db: DbOfTx,
  config: GemeenteConfig,
  account: Account,
  kernId: number,
  velden: Velden,
  publiceren: Publiceren,
): KaartUitkomst {
  const r = kaartSchema(config).safeParse(kaartUitVelden(velden));
  if (!r.success) return { soort: 'fouten', fouten: foutenPerVeld(r.error.issues) };
  const uitkomst = db.transaction((tx): KaartUitkomst => {
    const nu = leesKaart(tx, kernId);
    if (!nu) return { soort: 'fouten', fouten: { naam: 'deze kern heeft geen kernondersteuner meer' } };
    const samen = voegKaartSamen(r.data, leesBasis(velden), nu, velden);
    if (samen.soort === 'conflict') return { ...samen, ander: laatsteKaartWijziging(tx, nu.id) };
    legEersteKaartVast(tx, nu);
    schrijf(tx, nu, samen.data);
    legVast(tx, {
      soort: 'kernondersteuner',
      entiteitId: nu.id,
      organisatieId: null,
      actie: 'wijzigen',
      data: samen.data,
      auteurId: account.id,
    });
    log(tx, account.id, 'kaart kernondersteuner gewijzigd', `${samen.data.naam} (kern ${kernId})`);
    return { soort: 'opgeslagen' };
  });
  if (uitkomst.soort === 'opgeslagen') publiceren.vraagAan('Gewijzigd: kaart van de kernondersteuner');
  return uitkomst;
}

/** Who changed the card last, for the merge screen. */
function laatsteKaartWijziging(db: DbOfTx, kaartId: number): { naam: string; op: string } {
  const r = kaartGeschiedenis(db, kaartId).find((x) => x.r.actie !== 'origineel');
  return { naam: r?.auteurNaam ?? 'iemand anders', op: r?.r.aangemaaktOp ?? new Date().toISOString() };
}

/** Every version of the card, newest first, with who made it. */
export function kaartGeschiedenis(db: DbOfTx, kaartId: number) {
  return db
    .select({ r: t.revisie, auteurNaam: t.account.naam })
    .from(t.revisie)
    .leftJoin(t.account, eq(t.account.id, t.revisie.auteurId))
    .where(and(eq(t.revisie.soort, 'kernondersteuner'), eq(t.revisie.entiteitId, kaartId)))
    .orderBy(desc(t.revisie.id))
    .all();
}

/** Puts an earlier version of the card back; recorded as a new revision. */
export function zetKaartTerug(db: DbOfTx, account: Account, kernId: number, revisieId: number, publiceren: Publiceren): Revisie {
  const terug = db.transaction((tx) => {
    const nu = leesKaart(tx, kernId);
    const oud = tx.select().from(t.revisie).where(eq(t.revisie.id, revisieId)).get();
    if (!nu || oud?.soort !== 'kernondersteuner' || oud.entiteitId !== nu.id || !oud.data) {
      throw new WijzigingsConflict('Van deze wijziging is geen versie om terug te zetten.');
    }
    schrijf(tx, nu, oud.data as KaartData);
    log(tx, account.id, 'teruggezet', `kaart kernondersteuner (kern ${kernId}) naar revisie ${oud.id}`);
    return legVast(tx, {
      soort: 'kernondersteuner',
      entiteitId: nu.id,
      organisatieId: null,
      actie: 'terugzetten',
      data: oud.data,
      auteurId: account.id,
    });
  });
  publiceren.vraagAan('Teruggezet: kaart van de kernondersteuner');
  return terug;
}

/** The cards this account may edit, for links from the overview (own kernen) and beheer (all). */
export function kaartenVoor(db: DbOfTx, a: Account): { kernId: number; kern: string }[] {
  const alle = db
    .select({ kernId: t.kern.id, kern: t.kern.naam })
    .from(t.kernondersteuner)
    .innerJoin(t.kern, eq(t.kern.id, t.kernondersteuner.kernId))
    .orderBy(t.kern.naam)
    .all();
  return alle.filter((k) => magKaartBewerken(a, k.kernId));
}
