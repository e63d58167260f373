import { createHmac, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { verwerkStraks, zetInWachtrij } from '../mail/wachtrij.ts';
import { type Account, partnersVan } from '../portaal/accounts.ts';
import { Limiet } from '../portaal/limiet.ts';
import { log } from '../portaal/logboek.ts';
import { HONINGPOT, maakTerugmeldSchema, SOORT_LABEL, type TerugmeldSoort } from './schema.ts';
import { magTerugmeldingAfwijzen, magTerugmeldingZien } from './toegang.ts';

/**
 * "Klopt er iets niet?": an inwoner tells that a listing is wrong. The report goes to the
 * listing's partners (e-mail) and to the queue of the beheerder and the kernondersteuner of its
 * kern; it closes when the listing is confirmed or changed after it, or when a reviewer dismisses
 * it. Nothing about the sender is stored; the client address only counts towards a limit, in
 * memory and as a keyed hash.
 */

/** Reports "bestaat niet meer" about one listing from which the beheerder is warned. */
export const GESTOPT_VANAF = 3;

const perAdres = new Limiet(Number(process.env.SK_TERUGMELD_LIMIET ?? 10), 60 * 60_000);
const adresSleutel = randomBytes(32);

/** A report allowed for this address now? The address itself is never kept, only an HMAC in memory. */
export function magTerugmelden(ip: string, limiet: Limiet = perAdres, nu = Date.now()): boolean {
  return limiet.magDoor(createHmac('sha256', adresSleutel).update(ip).digest('base64url'), nu);
}

export type Doel = {
  soort: 'organisatie' | 'activiteit';
  organisatieId: number;
  activiteitId: number | null;
  naam: string;
  /** Public page of the listing. */
  pad: string;
  uuid: string;
};

/** The published listing a public form names by its UUID. */
export function vindDoel(db: DbOfTx, velden: { organisatie?: string; activiteit?: string }): Doel | undefined {
  if (velden.activiteit) {
    const a = db
      .select({
        id: t.activiteit.id,
        titel: t.activiteit.titel,
        slug: t.activiteit.slug,
        uuid: t.activiteit.uuid,
        org: t.activiteit.organisatieId,
      })
      .from(t.activiteit)
      .where(
        and(eq(t.activiteit.uuid, velden.activiteit.slice(0, 64)), inArray(t.activiteit.status, ['gepubliceerd', 'gepauzeerd'])),
      )
      .get();
    return (
      a && {
        soort: 'activiteit',
        organisatieId: a.org,
        activiteitId: a.id,
        naam: a.titel,
        pad: `/aanbod/${a.slug}/`,
        uuid: a.uuid,
      }
    );
  }
  if (velden.organisatie) {
    const o = db
      .select({ id: t.organisatie.id, naam: t.organisatie.naam, slug: t.organisatie.slug, uuid: t.organisatie.uuid })
      .from(t.organisatie)
      .where(and(eq(t.organisatie.uuid, velden.organisatie.slice(0, 64)), eq(t.organisatie.status, 'gepubliceerd')))
      .get();
    return (
      o && {
        soort: 'organisatie',
        organisatieId: o.id,
        activiteitId: null,
        naam: o.naam,
        pad: `/organisaties/${o.slug}/`,
        uuid: o.uuid,
      }
    );
  }
  return undefined;
}

export type MeldUitkomst =
  | { soort: 'fouten'; fouten: Record<string, string> }
  | { soort: 'ontvangen'; id?: number; partnersGemaild: number };

/**
 * Stores a report and mails the listing's partners. A filled-in honeypot is answered the same
 * but stores nothing. The text must pass the privacy guard of signalen.
 */
export function meldTerug(
  db: DbOfTx,
  config: GemeenteConfig,
  doel: Doel,
  velden: Record<string, string | undefined>,
  portaalUrl: string,
  opties: { nu?: Date; verstuurStraks?: (db: DbOfTx) => void } = {},
): MeldUitkomst {
  const nu = opties.nu ?? new Date();
  const r = maakTerugmeldSchema(config).safeParse({ soort: velden.soort, tekst: velden.tekst });
  if (!r.success) {
    const fouten: Record<string, string> = {};
    for (const i of r.error.issues) fouten[String(i.path[0] ?? 'soort')] ??= i.message;
    return { soort: 'fouten', fouten };
  }
  if ((velden[HONINGPOT] ?? '').trim() !== '') return { soort: 'ontvangen', partnersGemaild: 0 };
  const rij = db
    .insert(t.terugmelding)
    .values({
      organisatieId: doel.organisatieId,
      activiteitId: doel.activiteitId,
      soort: r.data.soort,
      tekst: r.data.tekst ?? null,
      aangemaaktOp: nu.toISOString(),
    })
    .returning({ id: t.terugmelding.id })
    .get();
  const partners = partnersVan(db, [doel.organisatieId]);
  const bewerk = new URL(
    doel.activiteitId ? `/partners/activiteiten/${doel.activiteitId}/` : `/partners/organisaties/${doel.organisatieId}/`,
    portaalUrl,
  ).href;
  for (const p of partners) {
    zetInWachtrij(
      db,
      {
        aan: p.email,
        onderwerp: `Klopt er iets niet bij ${doel.naam}?`,
        tekst: [
          `Goedendag ${p.naam},`,
          '',
          `Een inwoner laat via de sociale kaart weten dat er iets niet klopt bij ${doel.naam}:`,
          `${SOORT_LABEL[r.data.soort]}.`,
          ...(r.data.tekst ? ['', `Toelichting: "${r.data.tekst}"`] : []),
          '',
          'Wilt u het nakijken? Is er iets veranderd, pas het dan aan. Klopt alles toch, klik dan op "Alles klopt nog".',
          bewerk,
          '',
          'We weten niet wie dit meldde: de inwoner gaf geen naam of e-mailadres.',
        ].join('\n'),
      },
      nu,
    );
  }
  if (partners.length > 0) (opties.verstuurStraks ?? verwerkStraks)(db);
  return { soort: 'ontvangen', id: rij.id, partnersGemaild: partners.length };
}

/** Kernen a report is about: its activity's kern, or the organisation's kernen. */
function kernenVan(db: DbOfTx, m: { organisatieId: number; activiteitId: number | null }): number[] {
  if (m.activiteitId) {
    const a = db.select({ k: t.activiteit.kernId }).from(t.activiteit).where(eq(t.activiteit.id, m.activiteitId)).get();
    if (a) return [a.k];
  }
  return db
    .select({ k: t.organisatieKern.kernId })
    .from(t.organisatieKern)
    .where(eq(t.organisatieKern.organisatieId, m.organisatieId))
    .all()
    .map((r) => r.k);
}

/**
 * Closes open reports whose listing was confirmed or changed after them: a revision that is live
 * (direct or approved) of the organisation, or of the reported activity. Run before reading.
 */
export function sluitAfgehandeld(db: DbOfTx, nu = new Date()): number {
  const open = db.select().from(t.terugmelding).where(isNull(t.terugmelding.geslotenOp)).all();
  let gesloten = 0;
  for (const m of open) {
    const rev = db
      .select({ actie: t.revisie.actie, auteurId: t.revisie.auteurId, beoordeeldDoor: t.revisie.beoordeeldDoor })
      .from(t.revisie)
      .where(
        and(
          eq(t.revisie.organisatieId, m.organisatieId),
          // The first version, recorded just before a listing's first portal change, answers nothing.
          ne(t.revisie.actie, 'origineel'),
          or(
            and(eq(t.revisie.status, 'direct'), sql`${t.revisie.aangemaaktOp} > ${m.aangemaaktOp}`),
            and(eq(t.revisie.status, 'goedgekeurd'), sql`${t.revisie.beoordeeldOp} > ${m.aangemaaktOp}`),
          ),
          // A change of another activity of the organisation does not answer this report.
          m.activiteitId
            ? or(eq(t.revisie.soort, 'organisatie'), eq(t.revisie.entiteitId, m.activiteitId))
            : eq(t.revisie.soort, 'organisatie'),
        ),
      )
      .orderBy(asc(t.revisie.id))
      .get();
    if (!rev) continue;
    db.update(t.terugmelding)
      .set({
        geslotenOp: nu.toISOString(),
        sluitreden: rev.actie === 'controleren' ? 'bevestigd' : 'gewijzigd',
        geslotenDoor: rev.auteurId,
      })
      .where(and(eq(t.terugmelding.id, m.id), isNull(t.terugmelding.geslotenOp)))
      .run();
    gesloten++;
  }
  return gesloten;
}

export type Terugmelding = typeof t.terugmelding.$inferSelect & {
  organisatieNaam: string;
  activiteitTitel: string | null;
  kernIds: number[];
};

function lees(db: DbOfTx, waar: ReturnType<typeof and>): Terugmelding[] {
  return db
    .select({ m: t.terugmelding, organisatieNaam: t.organisatie.naam, activiteitTitel: t.activiteit.titel })
    .from(t.terugmelding)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.terugmelding.organisatieId))
    .leftJoin(t.activiteit, eq(t.activiteit.id, t.terugmelding.activiteitId))
    .where(waar)
    .orderBy(desc(t.terugmelding.id))
    .all()
    .map(({ m, organisatieNaam, activiteitTitel }) => ({ ...m, organisatieNaam, activiteitTitel, kernIds: kernenVan(db, m) }));
}

/** The reports this account may see: open ones, and the last closed ones. */
export function terugmeldingenVoor(db: DbOfTx, account: Account, nu = new Date()) {
  sluitAfgehandeld(db, nu);
  const mag = (m: Terugmelding) => magTerugmeldingZien(account, m);
  const open = lees(db, isNull(t.terugmelding.geslotenOp)).filter(mag);
  const gesloten = lees(db, sql`${t.terugmelding.geslotenOp} is not null`).filter(mag).slice(0, 20);
  return { open, gesloten, gestopt: mogelijkGestopt(open) };
}

/** Listings with several open "bestaat niet meer" reports: the beheerder looks at them first. */
export function mogelijkGestopt(
  open: Terugmelding[],
): { organisatieId: number; activiteitId: number | null; naam: string; aantal: number }[] {
  const tel = new Map<string, { organisatieId: number; activiteitId: number | null; naam: string; aantal: number }>();
  for (const m of open.filter((x) => x.soort === 'bestaat-niet')) {
    const sleutel = `${m.organisatieId}:${m.activiteitId ?? ''}`;
    const v = tel.get(sleutel) ?? {
      organisatieId: m.organisatieId,
      activiteitId: m.activiteitId,
      naam: m.activiteitTitel ?? m.organisatieNaam,
      aantal: 0,
    };
    v.aantal++;
    tel.set(sleutel, v);
  }
  return [...tel.values()].filter((v) => v.aantal >= GESTOPT_VANAF).sort((a, b) => b.aantal - a.aantal);
}

/** A reviewer (beheerder, or kernondersteuner of the kern) closes a report without change. */
export function wijsTerugmeldingAf(db: DbOfTx, account: Account, id: number, nu = new Date()): boolean {
  const m = lees(db, eq(t.terugmelding.id, id))[0];
  if (!m || m.geslotenOp || !magTerugmeldingAfwijzen(account, m)) return false;
  db.update(t.terugmelding)
    .set({ geslotenOp: nu.toISOString(), sluitreden: 'afgewezen', geslotenDoor: account.id })
    .where(and(eq(t.terugmelding.id, id), isNull(t.terugmelding.geslotenOp)))
    .run();
  log(db, account.id, 'melding afgewezen', `Melding ${id} over organisatie ${m.organisatieId}`);
  return true;
}

export const SLUITREDEN_LABEL: Record<string, string> = {
  bevestigd: 'Gecontroleerd: alles klopt nog',
  gewijzigd: 'De gegevens zijn aangepast',
  afgewezen: 'Afgesloten zonder wijziging',
};

export { SOORT_LABEL, type TerugmeldSoort };
