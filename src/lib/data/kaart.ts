import { asc, eq, inArray } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { ActiviteitData, KernondersteunerData, OrganisatieData } from '../model/schemas.ts';
import type { Adres } from '../model/velden.ts';
import { leesMeta } from './opslaan.ts';

/** Everything the public site shows, read from the database in one go for a build. */

export type Kern = { id: number; slug: string; naam: string; omschrijving: string; centrum: { lat: number; lon: number } };
export type Organisatie = OrganisatieData & {
  id: number;
  uuid: string;
  vertrouwd: boolean;
  /** Exempt from the age rules (src/lib/site/versheid.ts); only present when true. */
  altijdZichtbaar?: boolean;
  versie: number;
  gewijzigdOp: string;
};
export type Activiteit = ActiviteitData & {
  id: number;
  uuid: string;
  versie: number;
  gewijzigdOp: string;
  /** Where it happens: its own location, or else the organisation's visiting address. */
  plek?: Adres;
};
export type Kernondersteuner = KernondersteunerData & { id: number; uuid: string; versie: number };

export type Kaart = {
  kernen: Kern[];
  organisaties: Organisatie[];
  activiteiten: Activiteit[];
  kernondersteuners: Kernondersteuner[];
  /** Demo data is loaded: the site says so on every page. */
  demo: boolean;
};

function schoon<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

type OrganisatieRij = typeof t.organisatie.$inferSelect;
type ActiviteitRij = typeof t.activiteit.$inferSelect;

function naarOrganisatie(o: OrganisatieRij, kernen: string[]): Organisatie {
  return schoon({
    id: o.id,
    uuid: o.uuid,
    slug: o.slug,
    naam: o.naam,
    soort: o.soort,
    omschrijving: o.omschrijving,
    telefoon: o.telefoon,
    email: o.email,
    website: o.website,
    bezoekadres: o.bezoekadres,
    kernen,
    themas: o.themas,
    status: o.status,
    gecontroleerdOp: o.gecontroleerdOp,
    vertrouwd: o.vertrouwd,
    altijdZichtbaar: o.altijdZichtbaar || undefined,
    versie: o.versie,
    gewijzigdOp: o.gewijzigdOp,
  }) as Organisatie;
}

function naarActiviteit(a: ActiviteitRij, org: { slug: string; bezoekadres?: Adres }, kern: string): Activiteit {
  return schoon({
    id: a.id,
    uuid: a.uuid,
    slug: a.slug,
    titel: a.titel,
    omschrijving: a.omschrijving,
    organisatie: org.slug,
    kern,
    locatie: a.locatie,
    plek: a.locatie ?? org.bezoekadres,
    rooster: a.rooster,
    themas: a.themas,
    doelgroepen: a.doelgroepen,
    kosten: a.kosten,
    aanmelden: a.aanmelden,
    toegankelijkheid: a.toegankelijkheid,
    contact: a.contact,
    capaciteit: a.capaciteit,
    status: a.status,
    gecontroleerdOp: a.gecontroleerdOp,
    versie: a.versie,
    gewijzigdOp: a.gewijzigdOp,
  }) as Activiteit;
}

function kernSlugs(db: DbOfTx): Map<number, string> {
  return new Map(
    db
      .select({ id: t.kern.id, slug: t.kern.slug })
      .from(t.kern)
      .all()
      .map((k) => [k.id, k.slug]),
  );
}

/** One organisation, also a draft, with the kernen it serves in config order. */
export function leesOrganisatie(db: DbOfTx, id: number): Organisatie | undefined {
  const o = db.select().from(t.organisatie).where(eq(t.organisatie.id, id)).get();
  if (!o) return undefined;
  const kernen = db
    .select({ slug: t.kern.slug })
    .from(t.organisatieKern)
    .innerJoin(t.kern, eq(t.kern.id, t.organisatieKern.kernId))
    .where(eq(t.organisatieKern.organisatieId, id))
    .orderBy(asc(t.kern.volgorde))
    .all()
    .map((k) => k.slug);
  return naarOrganisatie(o, kernen);
}

/** One activity in any status. */
export function leesActiviteit(db: DbOfTx, id: number): Activiteit | undefined {
  const a = db.select().from(t.activiteit).where(eq(t.activiteit.id, id)).get();
  if (!a) return undefined;
  const org = db
    .select({ slug: t.organisatie.slug, bezoekadres: t.organisatie.bezoekadres })
    .from(t.organisatie)
    .where(eq(t.organisatie.id, a.organisatieId))
    .get()!;
  return naarActiviteit(a, { slug: org.slug, bezoekadres: org.bezoekadres ?? undefined }, kernSlugs(db).get(a.kernId)!);
}

export function laadKaart(db: DbOfTx, opties: { ookConcepten?: boolean } = {}): Kaart {
  const kernRijen = db.select().from(t.kern).orderBy(asc(t.kern.volgorde)).all();
  const kernSlug = new Map(kernRijen.map((k) => [k.id, k.slug]));
  const kernen: Kern[] = kernRijen.map((k) => ({
    id: k.id,
    slug: k.slug,
    naam: k.naam,
    omschrijving: k.omschrijving,
    centrum: { lat: k.lat, lon: k.lon },
  }));

  const orgStatus = opties.ookConcepten ? (['gepubliceerd', 'concept'] as const) : (['gepubliceerd'] as const);
  const orgRijen = db
    .select()
    .from(t.organisatie)
    .where(inArray(t.organisatie.status, [...orgStatus]))
    .orderBy(asc(t.organisatie.naam))
    .all();
  const orgKernen = new Map<number, string[]>();
  for (const ok of db.select().from(t.organisatieKern).all()) {
    const lijst = orgKernen.get(ok.organisatieId) ?? [];
    lijst.push(kernSlug.get(ok.kernId)!);
    orgKernen.set(ok.organisatieId, lijst);
  }
  const volgorde = new Map(kernen.map((k, i) => [k.slug, i]));
  const organisaties: Organisatie[] = orgRijen.map((o) =>
    naarOrganisatie(
      o,
      (orgKernen.get(o.id) ?? []).sort((a, b) => volgorde.get(a)! - volgorde.get(b)!),
    ),
  );
  const orgPerId = new Map(organisaties.map((o) => [o.id, o]));

  const actStatus = opties.ookConcepten
    ? (['gepubliceerd', 'gepauzeerd', 'concept'] as const)
    : (['gepubliceerd', 'gepauzeerd'] as const);
  const activiteiten: Activiteit[] = db
    .select()
    .from(t.activiteit)
    .where(inArray(t.activiteit.status, [...actStatus]))
    .orderBy(asc(t.activiteit.titel))
    .all()
    .filter((a) => orgPerId.has(a.organisatieId))
    .map((a) => naarActiviteit(a, orgPerId.get(a.organisatieId)!, kernSlug.get(a.kernId)!));

  const orgSlug = new Map(organisaties.map((o) => [o.id, o.slug]));
  const kernondersteuners: Kernondersteuner[] = db
    .select()
    .from(t.kernondersteuner)
    .all()
    .map(
      (k) =>
        schoon({
          id: k.id,
          uuid: k.uuid,
          kern: kernSlug.get(k.kernId)!,
          naam: k.naam,
          foto: k.foto,
          telefoon: k.telefoon,
          email: k.email,
          organisatie: k.organisatieId ? orgSlug.get(k.organisatieId) : undefined,
          bereikbaar: k.bereikbaar,
          spreekuren: k.spreekuren,
          versie: k.versie,
        }) as Kernondersteuner,
    );

  return { kernen, organisaties, activiteiten, kernondersteuners, demo: leesMeta(db, 'demo') === 'ja' };
}
