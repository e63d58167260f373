import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../../db/schema.ts';
import { GeenAgenda, leesAgenda, type Overgeslagen } from '../agenda/inlezen.ts';
import { haalFeedOp, OphaalFout, type OphaalOpties } from '../agenda/ophalen.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { leesActiviteit, leesOrganisatie } from '../data/kaart.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { log } from '../portaal/logboek.ts';
import { lokaal, plusDagen } from '../rooster/kalender.ts';
import { verwerk, type Telling } from './verwerken.ts';

/**
 * "Agenda koppelen" (issue 19): an organisation's own iCalendar feed, stored per organisation,
 * fetched when connected, on "Nu ophalen" and every few hours by the server. What it brings is
 * proposed for review (verwerken.ts); this module keeps the address and the outcome.
 */

export const MAX_URL = 500;
/** Events further ahead than this are left for a later refresh. */
export const VENSTER_DAGEN = 365;
/** The server fetches a feed again when its last fetch is this old. */
export const OPHALEN_NA_MS = 3 * 3_600_000;

const FOUT_ADRES = 'vul het webadres van uw agenda in, beginnend met https://, http:// of webcal://';

/** The form: one address. webcal:// (how calendars offer a subscription) means https://. */
export const koppelSchema = z.object({
  url: z
    .string({ error: FOUT_ADRES })
    .trim()
    .min(1, { error: 'vul het adres van uw agenda in' })
    .max(MAX_URL, { error: `dit adres is te lang (hoogstens ${MAX_URL} tekens)` })
    .transform((s) => s.replace(/^webcals?:\/\//i, 'https://'))
    .pipe(z.url({ protocol: /^https?$/, error: FOUT_ADRES })),
});

export type Koppeling = typeof t.agendaKoppeling.$inferSelect;

export function leesKoppeling(db: DbOfTx, organisatieId: number): Koppeling | undefined {
  return db.select().from(t.agendaKoppeling).where(eq(t.agendaKoppeling.organisatieId, organisatieId)).get();
}

/** Whether a proposal came from a connected agenda, so the reviewer knows where it is from. */
export function komtUitAgenda(db: DbOfTx, revisieId: number): boolean {
  return (
    db.select({ id: t.agendaAfspraak.id }).from(t.agendaAfspraak).where(eq(t.agendaAfspraak.revisieId, revisieId)).get() !==
    undefined
  );
}

/** Private and local addresses only when explicitly allowed (tests, development); never by default. */
export function ophaalOpties(env: NodeJS.ProcessEnv = process.env): OphaalOpties {
  return { lokaalToestaan: env.SK_AGENDA_LOKAAL === '1' };
}

/** Saves (or replaces) the address. A new address starts afresh: the next fetch compares with nothing. */
export function bewaarKoppeling(db: DbOfTx, account: Account, organisatieId: number, url: string): void {
  db.transaction((tx) => {
    const oud = leesKoppeling(tx, organisatieId);
    if (oud && oud.url !== url) tx.delete(t.agendaAfspraak).where(eq(t.agendaAfspraak.organisatieId, organisatieId)).run();
    tx.insert(t.agendaKoppeling)
      .values({ organisatieId, url, accountId: account.id })
      .onConflictDoUpdate({
        target: t.agendaKoppeling.organisatieId,
        set: { url, accountId: account.id, opgehaaldOp: null, uitkomst: null, gelukt: null },
      })
      .run();
  });
  log(db, account.id, 'agenda gekoppeld', `Organisatie ${organisatieId}`);
}

/** Removes the link. Activities it brought stay; waiting proposals stay for the reviewer. */
export function verwijderKoppeling(db: DbOfTx, account: Account, organisatieId: number): void {
  db.transaction((tx) => {
    tx.delete(t.agendaAfspraak).where(eq(t.agendaAfspraak.organisatieId, organisatieId)).run();
    tx.delete(t.agendaKoppeling).where(eq(t.agendaKoppeling.organisatieId, organisatieId)).run();
  });
  log(db, account.id, 'agenda ontkoppeld', `Organisatie ${organisatieId}`);
}

const meervoud = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;

/** "3 nieuwe, 1 gewijzigd", and what was skipped and why. */
export function uitkomstTekst(telling: Telling, overgeslagen: Overgeslagen[]): string {
  const delen = [
    telling.nieuw && `${telling.nieuw} nieuwe`,
    telling.gewijzigd && `${telling.gewijzigd} gewijzigd`,
    telling.vervallen && `${telling.vervallen} vervallen`,
  ].filter(Boolean);
  const wat = delen.length > 0 ? `${delen.join(', ')}.` : 'Niets nieuws.';
  if (overgeslagen.length === 0) return wat;
  const lijst = overgeslagen
    .slice(0, 5)
    .map((o) => `"${o.titel}" (${o.reden})`)
    .join('; ');
  return `${wat} ${meervoud(overgeslagen.length, 'afspraak', 'afspraken')} overgeslagen: ${lijst}${overgeslagen.length > 5 ? '; …' : ''}.`;
}

/** The standard fields for a new activity: those of the organisation's most recently changed one. */
function standaardVan(db: DbOfTx, organisatieId: number) {
  const rij = db
    .select({ id: t.activiteit.id })
    .from(t.activiteit)
    .where(and(eq(t.activiteit.organisatieId, organisatieId), eq(t.activiteit.status, 'gepubliceerd')))
    .orderBy(desc(t.activiteit.gewijzigdOp), desc(t.activiteit.id))
    .limit(1)
    .get();
  const a = rij && leesActiviteit(db, rij.id);
  return a && { themas: a.themas, doelgroepen: a.doelgroepen, kosten: a.kosten, aanmelden: a.aanmelden };
}

/**
 * Fetches one organisation's feed and proposes what changed. Never throws for a bad feed: the
 * outcome (also a failure, in Dutch) is stored and returned for the page.
 */
export async function haalAgendaOp(
  db: DbOfTx,
  config: GemeenteConfig,
  organisatieId: number,
  opties: OphaalOpties = ophaalOpties(),
  nu = new Date(),
): Promise<{ gelukt: boolean; uitkomst: string }> {
  const koppeling = leesKoppeling(db, organisatieId);
  const org = leesOrganisatie(db, organisatieId);
  if (!koppeling || !org) return { gelukt: false, uitkomst: 'Er is geen agenda gekoppeld.' };
  let resultaat: { gelukt: boolean; uitkomst: string };
  try {
    const tekst = await haalFeedOp(koppeling.url, opties);
    const vandaag = lokaal(nu).datum;
    const { afspraken, overgeslagen } = leesAgenda(tekst, vandaag, plusDagen(vandaag, VENSTER_DAGEN));
    const telling = verwerk(db, config, {
      org,
      auteurId: koppeling.accountId,
      afspraken,
      standaard: standaardVan(db, organisatieId),
      vandaag,
    });
    if (telling.nieuw + telling.gewijzigd + telling.vervallen > 0)
      log(db, koppeling.accountId, 'agenda opgehaald', `${org.naam}: ${uitkomstTekst(telling, [])}`);
    resultaat = { gelukt: true, uitkomst: uitkomstTekst(telling, [...overgeslagen, ...telling.overgeslagen]) };
  } catch (e) {
    if (!(e instanceof OphaalFout || e instanceof GeenAgenda)) console.error(`Agenda van ${org.naam} ophalen mislukt:`, e);
    const reden = e instanceof OphaalFout || e instanceof GeenAgenda ? e.message : 'er ging iets mis bij het verwerken';
    resultaat = { gelukt: false, uitkomst: `De agenda kon niet worden opgehaald: ${reden}.` };
  }
  db.update(t.agendaKoppeling)
    .set({ opgehaaldOp: nu.toISOString(), uitkomst: resultaat.uitkomst.slice(0, 1000), gelukt: resultaat.gelukt })
    .where(eq(t.agendaKoppeling.organisatieId, organisatieId))
    .run();
  return resultaat;
}

/** The server's periodic job: every feed whose last fetch is older than OPHALEN_NA_MS, one at a time. */
export async function haalAgendasOp(db: DbOfTx, config: GemeenteConfig, nu = new Date()): Promise<number> {
  const grens = new Date(nu.getTime() - OPHALEN_NA_MS).toISOString();
  const te = db
    .select()
    .from(t.agendaKoppeling)
    .all()
    .filter((k) => !k.opgehaaldOp || k.opgehaaldOp <= grens);
  for (const k of te) await haalAgendaOp(db, config, k.organisatieId, ophaalOpties(), nu);
  return te.length;
}
