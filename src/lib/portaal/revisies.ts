import { and, desc, eq, inArray, lt, ne, notExists } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import { leesActiviteit, leesOrganisatie, type Activiteit, type Organisatie } from '../data/kaart.ts';
import { maakSlug } from '../data/ids.ts';
import { kernIdMap, voegActiviteitToe, werkActiviteitBij, werkOrganisatieBij } from '../data/opslaan.ts';
import type { DbOfTx } from '../db/client.ts';
import type { ActiviteitData, OrganisatieData } from '../model/schemas.ts';
import { voegSamen } from './samenvoegen.ts';

/**
 * The change workflow. A partner's change becomes a waiting revision; the beheerder (or the
 * kernondersteuner of the kern) approves or rejects it. Changes by a trusted organisation or
 * the beheerder apply at once. Every change is a revision, so any version can be restored.
 */

export type Soort = 'organisatie' | 'activiteit';
export type Revisie = typeof t.revisie.$inferSelect;
/** A revision of an organisation or activity; a kernondersteuner's card (ondersteunerkaart.ts) is not one. */
export type LijstRevisie = Revisie & { soort: Soort; organisatieId: number };
export function isLijstRevisie(r: Revisie): r is LijstRevisie {
  return r.soort !== 'kernondersteuner' && r.organisatieId !== null;
}

/** The other person's change that makes ours a conflict; theirs stays, ours is not saved. */
export class WijzigingsConflict extends Error {
  constructor(
    message: string,
    readonly doorAnder?: Revisie,
  ) {
    super(message);
    this.name = 'WijzigingsConflict';
  }
}

export function alsOrganisatieData(o: Organisatie): OrganisatieData {
  const { id: _i, uuid: _u, vertrouwd: _v, versie: _ve, gewijzigdOp: _g, ...data } = o;
  return data;
}

export function alsActiviteitData(a: Activiteit): ActiviteitData {
  const { id: _i, uuid: _u, versie: _v, gewijzigdOp: _g, plek: _p, ...data } = a;
  return data;
}

export function wachtendeRevisie(db: DbOfTx, soort: Soort, entiteitId: number): Revisie | undefined {
  return db
    .select()
    .from(t.revisie)
    .where(and(eq(t.revisie.soort, soort), eq(t.revisie.entiteitId, entiteitId), eq(t.revisie.status, 'wacht')))
    .orderBy(desc(t.revisie.id))
    .get();
}

export function leesRevisie(db: DbOfTx, id: number): Revisie | undefined {
  return db.select().from(t.revisie).where(eq(t.revisie.id, id)).get();
}

type Live = { data: OrganisatieData | ActiviteitData; versie: number; organisatieId: number; vertrouwd: boolean };

function live(db: DbOfTx, soort: Soort, id: number): Live | undefined {
  if (soort === 'organisatie') {
    const o = leesOrganisatie(db, id);
    return o && { data: alsOrganisatieData(o), versie: o.versie, organisatieId: o.id, vertrouwd: o.vertrouwd };
  }
  const a = leesActiviteit(db, id);
  if (!a) return undefined;
  const orgId = db.select({ id: t.activiteit.organisatieId }).from(t.activiteit).where(eq(t.activiteit.id, id)).get()!.id;
  const org = db.select({ vertrouwd: t.organisatie.vertrouwd }).from(t.organisatie).where(eq(t.organisatie.id, orgId)).get()!;
  return { data: alsActiviteitData(a), versie: a.versie, organisatieId: orgId, vertrouwd: org.vertrouwd };
}

/**
 * What an editor starts from: the waiting proposal if there is one (so a second edit builds on
 * the first), otherwise the live data.
 */
export function werkversie(db: DbOfTx, soort: Soort, id: number) {
  const huidig = live(db, soort, id);
  if (!huidig) return undefined;
  const wacht = wachtendeRevisie(db, soort, id);
  return {
    data: (wacht?.data as OrganisatieData | ActiviteitData | undefined) ?? huidig.data,
    live: huidig.data,
    versie: huidig.versie,
    organisatieId: huidig.organisatieId,
    vertrouwd: huidig.vertrouwd,
    wachtend: wacht,
  };
}

function pasToe(db: DbOfTx, soort: Soort, id: number, data: OrganisatieData | ActiviteitData, versie: number): number {
  return soort === 'organisatie'
    ? werkOrganisatieBij(db, id, data as OrganisatieData, versie)
    : werkActiviteitBij(db, id, data as ActiviteitData, versie);
}

/**
 * The first version of a listing: its state before any portal change, so it can always be put
 * back. Recorded once, when the listing has no revision yet (seed, import, start, or just before
 * its first change in the portal).
 */
export function legEersteVersieVast(db: DbOfTx, soort: Soort, entiteitId: number): void {
  const heeft = db
    .select({ id: t.revisie.id })
    .from(t.revisie)
    .where(and(eq(t.revisie.soort, soort), eq(t.revisie.entiteitId, entiteitId)))
    .limit(1)
    .get();
  if (heeft) return;
  const huidig = live(db, soort, entiteitId);
  if (!huidig) return;
  const tabel = soort === 'organisatie' ? t.organisatie : t.activiteit;
  const sinds = db.select({ op: tabel.gewijzigdOp }).from(tabel).where(eq(tabel.id, entiteitId)).get()?.op;
  db.insert(t.revisie)
    .values({
      soort,
      entiteitId,
      organisatieId: huidig.organisatieId,
      actie: 'origineel',
      data: huidig.data as Record<string, unknown>,
      basisVersie: huidig.versie,
      status: 'direct',
      auteurId: null,
      aangemaaktOp: sinds ?? nu(),
    })
    .run();
}

/** Data step (npm start, seed, import): a first version for every listing that has none. Returns how many. */
export function legEersteVersiesVast(db: DbOfTx): number {
  return db.transaction((tx) => {
    let n = 0;
    for (const soort of ['organisatie', 'activiteit'] as const) {
      const tabel = soort === 'organisatie' ? t.organisatie : t.activiteit;
      const zonder = tx
        .select({ id: tabel.id })
        .from(tabel)
        .where(
          notExists(
            tx
              .select({ id: t.revisie.id })
              .from(t.revisie)
              .where(and(eq(t.revisie.soort, soort), eq(t.revisie.entiteitId, tabel.id))),
          ),
        )
        .all();
      for (const { id } of zonder) {
        legEersteVersieVast(tx, soort, id);
        n++;
      }
    }
    return n;
  });
}

/** A slug for a new activity that no other activity has. */
function vrijeSlug(db: DbOfTx, basis: string): string {
  const bezet = (s: string) =>
    db.select({ id: t.activiteit.id }).from(t.activiteit).where(eq(t.activiteit.slug, s)).get() !== undefined;
  let slug = basis;
  for (let n = 2; bezet(slug); n++) slug = `${basis}-${n}`;
  return slug;
}

export function slugVoorNieuweActiviteit(db: DbOfTx, titel: string, kern: string): string {
  return vrijeSlug(db, maakSlug(`${titel} ${kern}`) || 'activiteit');
}

const nu = () => new Date().toISOString();

export type Voorstel = {
  soort: Soort;
  /** Absent for a new activity. */
  entiteitId?: number;
  organisatieId: number;
  data: OrganisatieData | ActiviteitData;
  /** Version and waiting revision the editor started from (hidden fields in the form). */
  basisVersie?: number;
  basisRevisieId?: number;
  /** Null: made by the server (a connected agenda whose account is gone). */
  auteurId: number | null;
  /** Apply at once: trusted organisation or beheerder. */
  direct: boolean;
};

/**
 * Saves a change. Refused with a WijzigingsConflict when someone else changed the listing or
 * proposed a change since the editor opened it.
 */
export function stelVoor(db: DbOfTx, v: Voorstel): { revisie: Revisie; entiteitId?: number; vervangen?: Revisie } {
  return db.transaction((tx) => {
    let entiteitId = v.entiteitId;
    if (entiteitId !== undefined) legEersteVersieVast(tx, v.soort, entiteitId);
    const eerder = entiteitId !== undefined ? wachtendeRevisie(tx, v.soort, entiteitId) : undefined;
    if (entiteitId !== undefined) {
      const huidig = live(tx, v.soort, entiteitId);
      if (!huidig) throw new WijzigingsConflict('Deze gegevens bestaan niet meer. Misschien zijn ze net verwijderd.');
      if (huidig.versie !== v.basisVersie) {
        throw new WijzigingsConflict('Iemand anders heeft deze gegevens net gewijzigd. Uw wijziging is nog niet opgeslagen.');
      }
      if (eerder && eerder.id !== v.basisRevisieId) {
        throw new WijzigingsConflict(
          'Iemand anders heeft net een wijziging voorgesteld. Uw wijziging is nog niet opgeslagen.',
          eerder,
        );
      }
    }
    let status: Revisie['status'] = 'wacht';
    if (v.direct) {
      if (entiteitId !== undefined) pasToe(tx, v.soort, entiteitId, v.data, v.basisVersie!);
      else entiteitId = voegActiviteitToe(tx, v.data as ActiviteitData);
      status = 'direct';
    }
    if (eerder) tx.update(t.revisie).set({ status: 'vervangen' }).where(eq(t.revisie.id, eerder.id)).run();
    const revisie = tx
      .insert(t.revisie)
      .values({
        soort: v.soort,
        entiteitId: entiteitId ?? null,
        organisatieId: v.organisatieId,
        actie: v.entiteitId === undefined ? 'nieuw' : 'wijzigen',
        data: v.data as Record<string, unknown>,
        basisVersie: v.basisVersie ?? null,
        status,
        auteurId: v.auteurId,
        aangemaaktOp: nu(),
      })
      .returning()
      .get();
    // Someone else's waiting change that this one replaces: its author is told (acties.ts).
    const vervangen = eerder && eerder.auteurId !== v.auteurId ? eerder : undefined;
    return { revisie, entiteitId, vervangen };
  });
}

/** Who made the version an editor now sees, and when: the waiting change, else the last applied one. */
export function laatsteWijziging(db: DbOfTx, soort: Soort, entiteitId: number): { naam: string; op: string } | undefined {
  const rij = db
    .select({ naam: t.account.naam, op: t.revisie.aangemaaktOp })
    .from(t.revisie)
    .leftJoin(t.account, eq(t.account.id, t.revisie.auteurId))
    .where(
      and(
        eq(t.revisie.soort, soort),
        eq(t.revisie.entiteitId, entiteitId),
        inArray(t.revisie.status, ['wacht', 'goedgekeurd', 'direct']),
        ne(t.revisie.actie, 'controleren'),
        ne(t.revisie.actie, 'origineel'),
      ),
    )
    .orderBy(desc(t.revisie.id))
    .get();
  return rij && { naam: rij.naam ?? 'iemand anders', op: rij.op };
}

/** Applies a waiting revision. A conflict when the listing changed after the proposal was made. */
export function keurGoed(db: DbOfTx, revisieId: number, beoordelaarId: number): Revisie {
  return db.transaction((tx) => {
    const r = leesRevisie(tx, revisieId);
    if (r?.status !== 'wacht' || !isLijstRevisie(r))
      throw new WijzigingsConflict('Deze wijziging is al beoordeeld of vervangen.');
    let data = { ...(r.data as OrganisatieData | ActiviteitData), gecontroleerdOp: nu().slice(0, 10) };
    let entiteitId = r.entiteitId;
    if (entiteitId === null) {
      const act = data as ActiviteitData;
      entiteitId = voegActiviteitToe(tx, { ...act, slug: slugVoorNieuweActiviteit(tx, act.titel, act.kern) });
    } else {
      const huidig = live(tx, r.soort, entiteitId);
      if (!huidig) throw new WijzigingsConflict('Deze gegevens bestaan niet meer.');
      if (huidig.versie !== r.basisVersie) {
        // Changed since the proposal (e.g. an earlier version put back): merged like two edits.
        const s = voegSamen(versieVoor(tx, r), data as Record<string, unknown>, huidig.data as Record<string, unknown>);
        if (s.conflicten.length > 0) {
          throw new WijzigingsConflict(
            `De gegevens zijn gewijzigd nadat dit voorstel is gedaan, op dezelfde plek (${s.conflicten.map((c) => c.veld).join(', ')}). Wijs het voorstel af en schrijf dat erbij: de partner kan dan verder met zijn wijziging.`,
          );
        }
        data = s.data as typeof data;
      }
      pasToe(tx, r.soort, entiteitId, data, huidig.versie);
    }
    return tx
      .update(t.revisie)
      .set({ status: 'goedgekeurd', entiteitId, beoordeeldDoor: beoordelaarId, beoordeeldOp: nu(), data })
      .where(eq(t.revisie.id, r.id))
      .returning()
      .get();
  });
}

export function wijsAf(db: DbOfTx, revisieId: number, beoordelaarId: number, reden: string): Revisie {
  return db.transaction((tx) => {
    const r = leesRevisie(tx, revisieId);
    if (r?.status !== 'wacht') throw new WijzigingsConflict('Deze wijziging is al beoordeeld of vervangen.');
    return tx
      .update(t.revisie)
      .set({ status: 'afgewezen', beoordeeldDoor: beoordelaarId, beoordeeldOp: nu(), reden })
      .where(eq(t.revisie.id, r.id))
      .returning()
      .get();
  });
}

/** A change that applies at once and is only recorded: pause, resume, delete, restore, "alles klopt nog". */
export function legVast(
  db: DbOfTx,
  r: {
    soort: Revisie['soort'];
    entiteitId: number;
    /** Null only for a kernondersteuner's card. */
    organisatieId: number | null;
    actie: Revisie['actie'];
    data: Record<string, unknown> | null;
    auteurId: number;
  },
): Revisie {
  return db
    .insert(t.revisie)
    .values({ ...r, status: 'direct', aangemaaktOp: nu() })
    .returning()
    .get();
}

/** A revision that is a whole version of the listing, which was live at some time. */
export function isVersie(r: Revisie): boolean {
  return r.data !== null && (r.status === 'goedgekeurd' || r.status === 'direct') && r.actie !== 'controleren';
}

/** The version live now: the one applied last (an approved change counts from its approval). */
export function liveVersie(revisies: Revisie[]): Revisie | undefined {
  const toegepast = (r: Revisie) => (r.status === 'goedgekeurd' ? (r.beoordeeldOp ?? r.aangemaaktOp) : r.aangemaaktOp);
  const later = (a: Revisie, b: Revisie) => toegepast(a) > toegepast(b) || (toegepast(a) === toegepast(b) && a.id > b.id);
  const laatst = revisies.filter(isVersie).reduce<Revisie | undefined>((l, r) => (!l || later(r, l) ? r : l), undefined);
  // A deleted activity has no live version; its last state can still be put back.
  return laatst?.actie === 'verwijderen' ? undefined : laatst;
}

/** The name of a listing in a revision's data, for mails and lists. */
export function naamVan(data: unknown): string {
  const d = data as { titel?: string; naam?: string } | null;
  return d?.titel ?? d?.naam ?? 'uw gegevens';
}

/** Where a partner continues a rejected change: the form of the listing, filled with it. */
export function verderPad(r: Pick<Revisie, 'id' | 'soort' | 'entiteitId' | 'organisatieId'>): string {
  if (r.soort === 'organisatie') return `/partners/organisaties/${r.organisatieId}/?verder=${r.id}`;
  return r.entiteitId === null
    ? `/partners/activiteiten/nieuw/?organisatie=${r.organisatieId}&verder=${r.id}`
    : `/partners/activiteiten/${r.entiteitId}/?verder=${r.id}`;
}

/**
 * The rejected change this account can continue on this listing: one asked for by id (`?verder=`)
 * or, without it, the account's latest change of the listing when that was rejected.
 */
export function afgewezenVoorstel(
  db: DbOfTx,
  o: { soort: Soort; entiteitId: number | null; organisatieId: number; accountId: number; id?: number },
): Revisie | undefined {
  const r =
    o.id !== undefined
      ? leesRevisie(db, o.id)
      : o.entiteitId === null
        ? undefined
        : db
            .select()
            .from(t.revisie)
            .where(and(eq(t.revisie.soort, o.soort), eq(t.revisie.entiteitId, o.entiteitId), eq(t.revisie.auteurId, o.accountId)))
            .orderBy(desc(t.revisie.id))
            .get();
  const klopt =
    r?.status === 'afgewezen' &&
    r.data !== null &&
    r.soort === o.soort &&
    r.entiteitId === o.entiteitId &&
    r.organisatieId === o.organisatieId &&
    r.auteurId === o.accountId;
  return klopt ? r : undefined;
}

/** The version a change started from: the last version applied before it (for merging when continuing it). */
export function versieVoor(db: DbOfTx, r: Revisie): Record<string, unknown> | undefined {
  if (r.entiteitId === null) return undefined;
  const eerder = db
    .select()
    .from(t.revisie)
    .where(and(eq(t.revisie.soort, r.soort), eq(t.revisie.entiteitId, r.entiteitId), lt(t.revisie.id, r.id)))
    .all();
  return (liveVersie(eerder)?.data as Record<string, unknown> | null) ?? undefined;
}

/** Sets an earlier version live again (beheerder); recorded as a new revision. */
export function zetTerug(db: DbOfTx, revisieId: number, beheerderId: number): Revisie {
  return db.transaction((tx) => {
    const oud = leesRevisie(tx, revisieId);
    if (!oud?.data || !oud.entiteitId || !isLijstRevisie(oud))
      throw new WijzigingsConflict('Van deze wijziging is geen versie om terug te zetten.');
    const data = oud.data as OrganisatieData | ActiviteitData;
    const huidig = live(tx, oud.soort, oud.entiteitId);
    if (huidig) pasToe(tx, oud.soort, oud.entiteitId, data, huidig.versie);
    else if (oud.soort === 'activiteit') {
      const act = data as ActiviteitData;
      const nieuwId = voegActiviteitToe(tx, { ...act, slug: vrijeSlug(tx, act.slug) });
      tx.update(t.revisie)
        .set({ entiteitId: nieuwId })
        .where(and(eq(t.revisie.soort, 'activiteit'), eq(t.revisie.entiteitId, oud.entiteitId)))
        .run();
      oud.entiteitId = nieuwId;
    } else throw new WijzigingsConflict('Deze organisatie bestaat niet meer.');
    return legVast(tx, {
      soort: oud.soort,
      entiteitId: oud.entiteitId,
      organisatieId: oud.organisatieId,
      actie: 'terugzetten',
      data: oud.data,
      auteurId: beheerderId,
    });
  });
}

/**
 * Whether a change widens or narrows who may see what. An organisation's kernen decide which
 * signalen its partners read and where they may refer, so changing them always waits for the
 * beheerder, also for a trusted organisation.
 */
export function verandertToegang(soort: Soort, live: unknown, voorstel: unknown): boolean {
  if (soort !== 'organisatie' || !live) return false;
  const oud = new Set((live as OrganisatieData).kernen);
  const nieuw = new Set((voorstel as OrganisatieData | null)?.kernen ?? []);
  return oud.size !== nieuw.size || [...nieuw].some((k) => !oud.has(k));
}

/**
 * Kern ids a revision is about: who (as kernondersteuner) may review it. Always taken from the
 * live listing, never from the proposal, so a partner cannot pick their own reviewer by
 * proposing a kern. A new activity counts only with a kern its organisation serves now.
 */
export function kernenVan(db: DbOfTx, r: Revisie): number[] {
  if (!isLijstRevisie(r)) return [];
  const kernen = kernIdMap(db);
  const ids = (slugs: string[]) => slugs.map((k) => kernen.get(k)!).filter(Boolean);
  if (r.soort === 'organisatie') return ids((r.entiteitId && leesOrganisatie(db, r.entiteitId)?.kernen) || []);
  if (r.entiteitId !== null) {
    const a = leesActiviteit(db, r.entiteitId);
    return a ? ids([a.kern]) : [];
  }
  const voorgesteld = (r.data as Partial<ActiviteitData> | null)?.kern;
  const org = leesOrganisatie(db, r.organisatieId);
  return voorgesteld && org?.kernen.includes(voorgesteld) ? ids([voorgesteld]) : [];
}

/** What magBeoordelen needs to know about a waiting revision, all from the current state. */
export function beoordelingVan(db: DbOfTx, r: Revisie) {
  if (!isLijstRevisie(r)) return { kernIds: [], auteurId: r.auteurId, toegang: true };
  const huidig = r.entiteitId !== null ? live(db, r.soort, r.entiteitId) : undefined;
  return { kernIds: kernenVan(db, r), auteurId: r.auteurId, toegang: verandertToegang(r.soort, huidig?.data, r.data) };
}
