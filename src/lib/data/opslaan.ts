import { and, eq, sql } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx as Db } from '../db/client.ts';
import type { ActiviteitData, KernondersteunerData, OrganisatieData } from '../model/schemas.ts';
import { nieuweUuid } from './ids.ts';

/** Someone else saved the record since it was opened; their change stays, ours is refused. */
export class VersieConflict extends Error {
  constructor(
    readonly soort: 'organisatie' | 'activiteit' | 'kernondersteuner',
    readonly id: number,
    readonly huidigeVersie: number,
  ) {
    super(`De ${soort} is intussen door iemand anders gewijzigd.`);
    this.name = 'VersieConflict';
  }
}

export class OnbekendeVerwijzing extends Error {}

const nu = () => new Date().toISOString();

/** Brings the kern table in line with the config; kernen are never deleted (data refers to them). */
export function syncKernen(db: Db, config: GemeenteConfig): void {
  db.transaction((tx) => {
    config.kernen.forEach((k, volgorde) => {
      const waarden = { naam: k.naam, omschrijving: k.omschrijving, lat: k.centrum.lat, lon: k.centrum.lon, volgorde };
      tx.insert(t.kern)
        .values({ slug: k.slug, ...waarden })
        .onConflictDoUpdate({ target: t.kern.slug, set: waarden })
        .run();
    });
  });
}

export function kernIdMap(db: Db): Map<string, number> {
  return new Map(
    db
      .select({ id: t.kern.id, slug: t.kern.slug })
      .from(t.kern)
      .all()
      .map((k) => [k.slug, k.id]),
  );
}

function kernId(kernen: Map<string, number>, slug: string): number {
  const id = kernen.get(slug);
  if (id === undefined) throw new OnbekendeVerwijzing(`Onbekende kern: ${slug}`);
  return id;
}

export function organisatieIdVoorSlug(db: Db, slug: string): number | undefined {
  return db.select({ id: t.organisatie.id }).from(t.organisatie).where(eq(t.organisatie.slug, slug)).get()?.id;
}

function organisatieKolommen(data: OrganisatieData) {
  return {
    slug: data.slug,
    naam: data.naam,
    soort: data.soort,
    omschrijving: data.omschrijving,
    telefoon: data.telefoon ?? null,
    email: data.email ?? null,
    website: data.website ?? null,
    bezoekadres: data.bezoekadres ?? null,
    themas: data.themas,
    status: data.status,
    gecontroleerdOp: data.gecontroleerdOp,
  };
}

function zetKernen(db: Db, organisatieId: number, slugs: string[]) {
  const kernen = kernIdMap(db);
  db.delete(t.organisatieKern).where(eq(t.organisatieKern.organisatieId, organisatieId)).run();
  for (const slug of slugs) {
    db.insert(t.organisatieKern)
      .values({ organisatieId, kernId: kernId(kernen, slug) })
      .run();
  }
}

/** `gewijzigdOp` keeps the moment of the last change when a record is copied from elsewhere (import). */
export type NieuwOpties = { uuid?: string; gewijzigdOp?: string };

export function voegOrganisatieToe(db: Db, data: OrganisatieData, opties: NieuwOpties = {}): number {
  return db.transaction((tx) => {
    const { id } = tx
      .insert(t.organisatie)
      .values({
        uuid: opties.uuid ?? nieuweUuid(),
        ...organisatieKolommen(data),
        ...(opties.gewijzigdOp ? { gewijzigdOp: opties.gewijzigdOp } : {}),
      })
      .returning({ id: t.organisatie.id })
      .get();
    zetKernen(tx, id, data.kernen);
    return id;
  });
}

type MetVersie = typeof t.organisatie | typeof t.activiteit | typeof t.kernondersteuner;

/**
 * Writes the columns as a new version if `versie` is still the current one, and returns the new
 * version; an edit based on an older version is refused, so the other person's change stays.
 */
function nieuweVersie(
  db: Db,
  tabel: MetVersie,
  soort: VersieConflict['soort'],
  id: number,
  versie: number,
  kolommen: object,
): number {
  const r = db
    .update(tabel as typeof t.organisatie)
    .set({ ...kolommen, versie: sql`${tabel.versie} + 1`, gewijzigdOp: nu() })
    .where(and(eq(tabel.id, id), eq(tabel.versie, versie)))
    .run();
  if (r.changes === 0) {
    const huidig = db
      .select({ versie: tabel.versie })
      .from(tabel as typeof t.organisatie)
      .where(eq(tabel.id, id))
      .get();
    throw new VersieConflict(soort, id, huidig?.versie ?? -1);
  }
  return versie + 1;
}

/** Saves a new version if `versie` is still the current one; returns the new version. */
export function werkOrganisatieBij(db: Db, id: number, data: OrganisatieData, versie: number): number {
  return db.transaction((tx) => {
    const nieuw = nieuweVersie(tx, t.organisatie, 'organisatie', id, versie, organisatieKolommen(data));
    zetKernen(tx, id, data.kernen);
    return nieuw;
  });
}

function activiteitKolommen(db: Db, data: ActiviteitData) {
  const organisatieId = organisatieIdVoorSlug(db, data.organisatie);
  if (organisatieId === undefined) throw new OnbekendeVerwijzing(`Onbekende organisatie: ${data.organisatie}`);
  return {
    slug: data.slug,
    titel: data.titel,
    omschrijving: data.omschrijving,
    organisatieId,
    kernId: kernId(kernIdMap(db), data.kern),
    locatie: data.locatie ?? null,
    rooster: data.rooster,
    themas: data.themas,
    doelgroepen: data.doelgroepen,
    kosten: data.kosten,
    aanmelden: data.aanmelden,
    toegankelijkheid: data.toegankelijkheid ?? null,
    contact: data.contact ?? null,
    capaciteit: data.capaciteit ?? null,
    status: data.status,
    gecontroleerdOp: data.gecontroleerdOp,
  };
}

export function voegActiviteitToe(db: Db, data: ActiviteitData, opties: NieuwOpties = {}): number {
  return db
    .insert(t.activiteit)
    .values({
      uuid: opties.uuid ?? nieuweUuid(),
      ...activiteitKolommen(db, data),
      ...(opties.gewijzigdOp ? { gewijzigdOp: opties.gewijzigdOp } : {}),
    })
    .returning({ id: t.activiteit.id })
    .get().id;
}

export function werkActiviteitBij(db: Db, id: number, data: ActiviteitData, versie: number): number {
  return db.transaction((tx) => nieuweVersie(tx, t.activiteit, 'activiteit', id, versie, activiteitKolommen(tx, data)));
}

function kernondersteunerKolommen(db: Db, data: KernondersteunerData) {
  const organisatieId = data.organisatie ? organisatieIdVoorSlug(db, data.organisatie) : undefined;
  if (data.organisatie && organisatieId === undefined) {
    throw new OnbekendeVerwijzing(`Onbekende organisatie: ${data.organisatie}`);
  }
  return {
    kernId: kernId(kernIdMap(db), data.kern),
    naam: data.naam,
    foto: data.foto ?? null,
    telefoon: data.telefoon,
    email: data.email ?? null,
    organisatieId: organisatieId ?? null,
    bereikbaar: data.bereikbaar,
    spreekuren: data.spreekuren,
  };
}

export function voegKernondersteunerToe(db: Db, data: KernondersteunerData, opties: NieuwOpties = {}): number {
  return db
    .insert(t.kernondersteuner)
    .values({
      uuid: opties.uuid ?? nieuweUuid(),
      ...kernondersteunerKolommen(db, data),
      ...(opties.gewijzigdOp ? { gewijzigdOp: opties.gewijzigdOp } : {}),
    })
    .returning({ id: t.kernondersteuner.id })
    .get().id;
}

export function werkKernondersteunerBij(db: Db, id: number, data: KernondersteunerData, versie: number): number {
  return db.transaction((tx) =>
    nieuweVersie(tx, t.kernondersteuner, 'kernondersteuner', id, versie, kernondersteunerKolommen(tx, data)),
  );
}

export function zetMeta(db: Db, sleutel: string, waarde: string): void {
  db.insert(t.meta).values({ sleutel, waarde }).onConflictDoUpdate({ target: t.meta.sleutel, set: { waarde } }).run();
}

export function leesMeta(db: Db, sleutel: string): string | undefined {
  return db.select().from(t.meta).where(eq(t.meta.sleutel, sleutel)).get()?.waarde;
}
