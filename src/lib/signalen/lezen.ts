import { aliasedTable, and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { isBeheerder } from '../portaal/toegang.ts';
import { afzenderNaam, afzenderSleutel } from './afzender.ts';
import { OPEN, STATUSSEN, type SignaalStatus } from './schema.ts';

/** Reading signalen; every query is limited to the kernen the caller passes (what the account may see). */

export type SignaalFilter = { kernIds: number[]; thema?: string; status?: SignaalStatus | 'open' };

export function leesFilter(
  params: URLSearchParams,
  kernen: { id: number; slug: string }[],
): { filter: SignaalFilter; kern?: string; onbekend: boolean } {
  const kern = params.get('kern') || undefined;
  const gekozen = kern ? kernen.find((k) => k.slug === kern) : undefined;
  const status = params.get('status') || undefined;
  return {
    kern,
    // A kern the account may not see is refused, never silently widened to "all".
    onbekend: kern !== undefined && !gekozen,
    filter: {
      kernIds: gekozen ? [gekozen.id] : kernen.map((k) => k.id),
      thema: params.get('thema') || undefined,
      status: status === 'open' || STATUSSEN.includes(status as SignaalStatus) ? (status as SignaalFilter['status']) : undefined,
    },
  };
}

const organisatieVan = aliasedTable(t.organisatie, 'melder');
const opgepakt = aliasedTable(t.organisatie, 'opgepakt');

function waar(filter: SignaalFilter): SQL | undefined {
  return and(
    inArray(t.signaal.kernId, filter.kernIds.length ? filter.kernIds : [-1]),
    filter.thema ? eq(t.signaal.thema, filter.thema) : undefined,
    filter.status === 'open'
      ? inArray(t.signaal.status, [...OPEN])
      : filter.status
        ? eq(t.signaal.status, filter.status)
        : undefined,
  );
}

/** How many organisations recognise each signal: the recorder's plus distinct others. */
function herkenningen(db: DbOfTx, ids: number[]) {
  const rijen = ids.length
    ? db
        .select({
          signaalId: t.signaalHerkenning.signaalId,
          afzender: t.signaalHerkenning.afzender,
          organisatieId: t.signaalHerkenning.organisatieId,
          rol: t.signaalHerkenning.rol,
          notitie: t.signaalHerkenning.notitie,
          aangemaaktOp: t.signaalHerkenning.aangemaaktOp,
          naam: t.organisatie.naam,
        })
        .from(t.signaalHerkenning)
        .leftJoin(t.organisatie, eq(t.organisatie.id, t.signaalHerkenning.organisatieId))
        .where(inArray(t.signaalHerkenning.signaalId, ids))
        .orderBy(asc(t.signaalHerkenning.id))
        .all()
    : [];
  return (id: number) => rijen.filter((r) => r.signaalId === id);
}

export function signalenLijst(db: DbOfTx, filter: SignaalFilter, vandaag: string) {
  const rijen = db
    .select({ s: t.signaal, kernNaam: t.kern.naam, kernSlug: t.kern.slug, organisatieNaam: organisatieVan.naam })
    .from(t.signaal)
    .innerJoin(t.kern, eq(t.kern.id, t.signaal.kernId))
    .leftJoin(organisatieVan, eq(organisatieVan.id, t.signaal.organisatieId))
    .where(waar(filter))
    .orderBy(desc(t.signaal.id))
    .all();
  const van = herkenningen(
    db,
    rijen.map((r) => r.s.id),
  );
  const lijst = rijen.map(({ s, kernNaam, kernSlug, organisatieNaam }) => {
    const sleutels = new Set([afzenderSleutel(s.organisatieId, s.rol), ...van(s.id).map((h) => h.afzender)]);
    return {
      ...s,
      kernNaam,
      kernSlug,
      organisatieNaam,
      herkend: sleutels.size,
      teControleren: s.controleerOp !== null && s.controleerOp <= vandaag,
    };
  });
  // Overdue first (oldest review date first), then new ones, then the most recently changed.
  return lijst.sort(
    (a, b) =>
      Number(b.teControleren) - Number(a.teControleren) ||
      (a.teControleren ? a.controleerOp!.localeCompare(b.controleerOp!) : 0) ||
      Number(b.status === 'nieuw') - Number(a.status === 'nieuw') ||
      b.gewijzigdOp.localeCompare(a.gewijzigdOp),
  );
}
export type SignaalRij = ReturnType<typeof signalenLijst>[number];

export function leesSignaal(db: DbOfTx, id: number, config: GemeenteConfig, vandaag: string) {
  const rij = db
    .select({ s: t.signaal, kernNaam: t.kern.naam, kernSlug: t.kern.slug, organisatieNaam: organisatieVan.naam })
    .from(t.signaal)
    .innerJoin(t.kern, eq(t.kern.id, t.signaal.kernId))
    .leftJoin(organisatieVan, eq(organisatieVan.id, t.signaal.organisatieId))
    .where(eq(t.signaal.id, id))
    .get();
  if (!rij) return undefined;
  const { s } = rij;
  const naamVan = (orgId: number | null) =>
    orgId
      ? db.select({ naam: t.organisatie.naam }).from(t.organisatie).where(eq(t.organisatie.id, orgId)).get()?.naam
      : undefined;
  const activiteit = s.activiteitId
    ? db
        .select({ id: t.activiteit.id, titel: t.activiteit.titel, slug: t.activiteit.slug, status: t.activiteit.status })
        .from(t.activiteit)
        .where(eq(t.activiteit.id, s.activiteitId))
        .get()
    : undefined;
  const groep = s.groepId
    ? {
        ...db.select().from(t.signaalGroep).where(eq(t.signaalGroep.id, s.groepId)).get()!,
        leden: db
          .select({ id: t.signaal.id, tekst: t.signaal.tekst, status: t.signaal.status })
          .from(t.signaal)
          .where(eq(t.signaal.groepId, s.groepId))
          .orderBy(asc(t.signaal.id))
          .all(),
      }
    : undefined;
  const herkend = herkenningen(db, [id])(id).map((h) => ({ ...h, naam: afzenderNaam(h.naam, h.rol, config) }));
  const tijdlijn = db
    .select({ g: t.signaalGebeurtenis, naam: t.organisatie.naam, opgepaktNaam: opgepakt.naam })
    .from(t.signaalGebeurtenis)
    .leftJoin(t.organisatie, eq(t.organisatie.id, t.signaalGebeurtenis.organisatieId))
    .leftJoin(opgepakt, eq(opgepakt.id, t.signaalGebeurtenis.opgepaktDoor))
    .where(eq(t.signaalGebeurtenis.signaalId, id))
    .orderBy(asc(t.signaalGebeurtenis.id))
    .all()
    .map(({ g, naam, opgepaktNaam }) => ({ ...g, door: afzenderNaam(naam, g.rol, config), opgepaktNaam }));
  return {
    ...s,
    kernNaam: rij.kernNaam,
    kernSlug: rij.kernSlug,
    melder: afzenderNaam(rij.organisatieNaam, s.rol, config),
    melderSleutel: afzenderSleutel(s.organisatieId, s.rol),
    opgepaktDoorNaam: naamVan(s.opgepaktDoor),
    activiteit,
    groep,
    herkend,
    aantalHerkend: new Set([afzenderSleutel(s.organisatieId, s.rol), ...herkend.map((h) => h.afzender)]).size,
    tijdlijn,
    teControleren: s.controleerOp !== null && s.controleerOp <= vandaag,
  };
}
export type SignaalDetail = NonNullable<ReturnType<typeof leesSignaal>>;

/** Organisations that can pick a signal up: those serving the kern, and its kernondersteuning. */
export function organisatiesInKern(db: DbOfTx, kernId: number) {
  const rijen = db
    .select({ id: t.organisatie.id, naam: t.organisatie.naam })
    .from(t.organisatieKern)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.organisatieKern.organisatieId))
    .where(eq(t.organisatieKern.kernId, kernId))
    .orderBy(asc(t.organisatie.naam))
    .all();
  const ko = db
    .select({ id: t.organisatie.id, naam: t.organisatie.naam })
    .from(t.kernondersteuner)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.kernondersteuner.organisatieId))
    .where(eq(t.kernondersteuner.kernId, kernId))
    .get();
  return ko && !rijen.some((r) => r.id === ko.id) ? [ko, ...rijen] : rijen;
}

export function activiteitenInKern(db: DbOfTx, kernId: number) {
  return db
    .select({ id: t.activiteit.id, titel: t.activiteit.titel })
    .from(t.activiteit)
    .where(eq(t.activiteit.kernId, kernId))
    .orderBy(asc(t.activiteit.titel))
    .all();
}

/** Other signals of the same kern to group with. */
export function anderenInKern(db: DbOfTx, kernId: number, behalve: number) {
  return db
    .select({ id: t.signaal.id, tekst: t.signaal.tekst })
    .from(t.signaal)
    .where(eq(t.signaal.kernId, kernId))
    .orderBy(desc(t.signaal.id))
    .all()
    .filter((s) => s.id !== behalve);
}

/**
 * Signals asking for this account's attention: for the kernondersteuner (and beheerder) new and
 * overdue ones in their kernen; for a partner overdue ones their organisation picked up.
 */
export function aandachtNodig(db: DbOfTx, account: Account, vandaag: string): number {
  if (!account.actief) return 0;
  const volgt = isBeheerder(account) ? undefined : account.kernen;
  const rijen = db
    .select({
      kernId: t.signaal.kernId,
      status: t.signaal.status,
      controleerOp: t.signaal.controleerOp,
      opgepaktDoor: t.signaal.opgepaktDoor,
    })
    .from(t.signaal)
    .where(inArray(t.signaal.status, [...OPEN]))
    .all();
  return rijen.filter((s) => {
    const teLaat = s.controleerOp !== null && s.controleerOp <= vandaag;
    if (!volgt || volgt.includes(s.kernId)) return s.status === 'nieuw' || teLaat;
    return teLaat && s.opgepaktDoor !== null && account.organisaties.includes(s.opgepaktDoor);
  }).length;
}
