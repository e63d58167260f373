import { and, asc, eq, inArray } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { leesActiviteit, leesOrganisatie, type Activiteit, type Organisatie } from '../data/kaart.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { lokaal } from '../rooster/kalender.ts';
import { isVoorbij, volgendeKeren, type Keer } from '../rooster/keren.ts';
import { roosterTekst } from '../rooster/tekst.ts';

/** What the referral pages show, read for one account. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public page links with the uuid (stable), the portal with the id. */
export function activiteitIdVoor(db: DbOfTx, param: string | null): number | undefined {
  if (!param) return undefined;
  if (/^\d{1,12}$/.test(param)) return Number(param);
  if (!UUID.test(param)) return undefined;
  return db.select({ id: t.activiteit.id }).from(t.activiteit).where(eq(t.activiteit.uuid, param.toLowerCase())).get()?.id;
}

export function kernIdVan(db: DbOfTx, activiteitId: number): number | undefined {
  return db.select({ kernId: t.activiteit.kernId }).from(t.activiteit).where(eq(t.activiteit.id, activiteitId)).get()?.kernId;
}

export type ActiviteitKeuze = {
  id: number;
  titel: string;
  organisatie: string;
  kern: string;
  kernId: number;
  wanneer: string[];
  capaciteit: string | null;
  status: string;
};

/**
 * Activities one can refer to in these kernen, optionally matching words in title, description
 * or organisation. Paused ones and ones that are over are left out: nobody should be sent there.
 */
export function zoekActiviteiten(db: DbOfTx, kernIds: number[], zoek = '', nu = lokaal(new Date())): ActiviteitKeuze[] {
  if (kernIds.length === 0) return [];
  const woorden = zoek.toLowerCase().split(/\s+/).filter(Boolean);
  return db
    .select({ a: t.activiteit, organisatie: t.organisatie.naam, kern: t.kern.naam })
    .from(t.activiteit)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.activiteit.organisatieId))
    .innerJoin(t.kern, eq(t.kern.id, t.activiteit.kernId))
    .where(
      and(
        inArray(t.activiteit.kernId, kernIds),
        eq(t.activiteit.status, 'gepubliceerd'),
        eq(t.organisatie.status, 'gepubliceerd'),
      ),
    )
    .orderBy(asc(t.kern.volgorde), asc(t.activiteit.titel))
    .all()
    .filter(({ a, organisatie }) => {
      if (isVoorbij(a.rooster, nu)) return false;
      const tekst = `${a.titel} ${a.omschrijving} ${organisatie}`.toLowerCase();
      return woorden.every((w) => tekst.includes(w));
    })
    .map(({ a, organisatie, kern }) => ({
      id: a.id,
      titel: a.titel,
      organisatie,
      kern,
      kernId: a.kernId,
      wanneer: roosterTekst(a.rooster),
      capaciteit: a.capaciteit,
      status: a.status,
    }));
}

/**
 * The referrer's own contact for the card: a kernondersteuner's public details for the kern, or
 * else the account's name and e-mail with the organisation's phone. The form lets them change it.
 */
export function verwijzerStandaard(
  db: DbOfTx,
  account: Account,
  kernId: number,
): { naam: string; telefoon: string; email: string } {
  const ko = account.kernen.includes(kernId)
    ? db.select().from(t.kernondersteuner).where(eq(t.kernondersteuner.kernId, kernId)).get()
    : undefined;
  if (ko) return { naam: account.naam, telefoon: ko.telefoon, email: account.email };
  const org = account.organisaties.length ? leesOrganisatie(db, account.organisaties[0]) : undefined;
  return { naam: account.naam, telefoon: org?.telefoon ?? '', email: account.email };
}

export type KaartjeInhoud = {
  activiteit: Activiteit;
  organisatie: Organisatie;
  kernNaam: string;
  wanneer: string[];
  volgende: Keer[];
};

/** The live activity behind a referral, for the card; undefined when it was deleted. */
export function kaartjeInhoud(db: DbOfTx, activiteitId: number | null, nu = lokaal(new Date())): KaartjeInhoud | undefined {
  const activiteit = activiteitId !== null ? leesActiviteit(db, activiteitId) : undefined;
  if (!activiteit) return undefined;
  const organisatieId = db
    .select({ id: t.activiteit.organisatieId })
    .from(t.activiteit)
    .where(eq(t.activiteit.id, activiteit.id))
    .get()!.id;
  const kern = db.select({ naam: t.kern.naam }).from(t.kern).where(eq(t.kern.slug, activiteit.kern)).get();
  return {
    activiteit,
    organisatie: leesOrganisatie(db, organisatieId)!,
    kernNaam: kern?.naam ?? activiteit.kern,
    wanneer: roosterTekst(activiteit.rooster),
    volgende: activiteit.status === 'gepubliceerd' ? volgendeKeren(activiteit.rooster, nu, { aantal: 3 }) : [],
  };
}

/** The activities of the account's organisations, for the capacity controls. */
export function eigenActiviteiten(db: DbOfTx, account: Account) {
  if (account.organisaties.length === 0) return [];
  return db
    .select({
      id: t.activiteit.id,
      titel: t.activiteit.titel,
      kern: t.kern.naam,
      capaciteit: t.activiteit.capaciteit,
      organisatieId: t.activiteit.organisatieId,
      status: t.activiteit.status,
    })
    .from(t.activiteit)
    .innerJoin(t.kern, eq(t.kern.id, t.activiteit.kernId))
    .where(
      and(
        inArray(t.activiteit.organisatieId, account.organisaties),
        inArray(t.activiteit.status, ['gepubliceerd', 'gepauzeerd']),
      ),
    )
    .orderBy(asc(t.activiteit.titel), asc(t.kern.volgorde))
    .all();
}

/** All kernen in the gemeente's order. */
export function kernenMetNaam(db: DbOfTx): { id: number; slug: string; naam: string }[] {
  return db.select({ id: t.kern.id, slug: t.kern.slug, naam: t.kern.naam }).from(t.kern).orderBy(asc(t.kern.volgorde)).all();
}

export function themaLabel(config: GemeenteConfig, slug: string): string {
  return config.themas.find((th) => th.slug === slug)?.label ?? slug;
}
