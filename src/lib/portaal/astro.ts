import type { AstroGlobal } from 'astro';
import { desc, eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import type { Account } from './accounts.ts';
import { leesFormulier, type Velden } from './formulier/velden.ts';
import { hashToken, nieuwToken } from './geheim.ts';
import { BEWAARD_COOKIE, portaalDb, publiceerder } from './omgeving.ts';
import type { Publiceren } from './publicatie.ts';

/**
 * Glue between Astro pages and the portal modules. Access decisions are in the toegang.ts of each
 * domain and are made by each page for its own data (`portaalPagina` for a page about one record).
 */

export type Portaal = { account: Account; csrf: string; db: Db; publiceren: Publiceren };

// The process's publisher, made on first use (as when pages called it themselves).
const publiceren: Publiceren = { vraagAan: (reden, opties) => publiceerder().vraagAan(reden, opties) };

export function cookieOpties(url: URL, maxAgeSeconden?: number) {
  const lokaal = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: !lokaal,
    path: '/partners',
    ...(maxAgeSeconden ? { maxAge: maxAgeSeconden } : {}),
  };
}

/** Only paths inside the portal, so a login link cannot send someone elsewhere. */
export function veiligTerug(pad: string | null | undefined): string {
  // Printable ASCII only: a decoded `%00` or `%E3%80%82` ("。", a dot to URL parsers) would make
  // the Location header invalid (a 500) or point elsewhere; such a `terug` is simply ignored.
  return pad && /^\/partners(\/[\x21-\x5b\x5d-\x7e]*)?$/.test(pad) && !pad.includes('//') ? pad : '/partners/';
}

/**
 * The logged-in account, or a redirect to the login page. A form posted after the session
 * expired is kept (for this browser only) and filled in again after logging in, except fields
 * starting with one of `nietBewaren` (an inwoner's contact detail is never stored in plain text).
 */
export function vereisAccount(
  Astro: Pick<AstroGlobal, 'locals' | 'url' | 'request' | 'cookies' | 'redirect'>,
  opties: { nietBewaren?: string[] } = {},
): Portaal | Response {
  const sessie = Astro.locals.sessie;
  if (sessie) return { account: sessie.account, csrf: sessie.csrf, db: portaalDb(), publiceren };
  const terug = veiligTerug(Astro.url.pathname + Astro.url.search);
  const formulier = Astro.locals.formulier;
  const accountId = Astro.locals.verlopenAccountId;
  // Only a form of an account whose session just ran out is kept; an anonymous post never is.
  if (Astro.request.method === 'POST' && formulier && accountId !== undefined) {
    const sleutel = nieuwToken();
    const geheim = (k: string) => k === 'csrf' || (opties.nietBewaren ?? []).some((voorvoegsel) => k.startsWith(voorvoegsel));
    const velden = [...formulier.entries()].filter(([k, v]) => !geheim(k) && typeof v === 'string') as [string, string][];
    bewaarFormulier(portaalDb(), { accountId, sleutelHash: hashToken(sleutel), pad: Astro.url.pathname, velden });
    Astro.cookies.set(BEWAARD_COOKIE, sleutel, cookieOpties(Astro.url, 86_400));
    return Astro.redirect(`/partners/inloggen/?terug=${encodeURIComponent(terug)}&bewaard=1`);
  }
  return Astro.redirect(`/partners/inloggen/?terug=${encodeURIComponent(terug)}`);
}

/** A page about one record: with access the record, without it nothing (and status 403). */
export type PortaalPagina<T> = Portaal & ({ toegang: true; item: T } | { toegang: false; item: undefined });

/**
 * The preamble of every portal page about one record (an organisation, a referral, …): the
 * logged-in account or the redirect to log in, the id from the URL (`[id]`), the record, and the
 * access rule for it. Without access the status is 403 and the record is not handed to the page,
 * so the page cannot show what the account may not see. `nieuw` loads what a page at `…/nieuw`
 * is about (a new activity: its organisation).
 */
export function portaalPagina<T>(
  Astro: Pick<AstroGlobal, 'locals' | 'url' | 'request' | 'cookies' | 'redirect' | 'params' | 'response'>,
  regels: {
    laad: (p: Portaal, id: number) => T | undefined;
    mag: (p: Portaal, item: T) => boolean;
    nieuw?: (p: Portaal) => T | undefined;
  },
): PortaalPagina<T> | Response {
  const p = vereisAccount(Astro);
  if (p instanceof Response) return p;
  const id = Number(Astro.params.id);
  const item =
    regels.nieuw && Astro.params.id === 'nieuw' ? regels.nieuw(p) : Number.isSafeInteger(id) ? regels.laad(p, id) : undefined;
  if (item !== undefined && regels.mag(p, item)) return { ...p, toegang: true, item };
  Astro.response.status = 403;
  return { ...p, toegang: false, item: undefined };
}

/** Kept forms per account: enough for a few open tabs, never a place to pile up data. */
export const MAX_BEWAARD_PER_ACCOUNT = 5;

/** Keeps a form for a day; the account's oldest kept forms beyond the maximum are dropped. */
export function bewaarFormulier(
  db: Db,
  f: { accountId: number; sleutelHash: string; pad: string; velden: [string, string][] },
  nu = new Date(),
): void {
  db.transaction((tx) => {
    tx.insert(t.bewaardFormulier)
      .values({ ...f, verlooptOp: new Date(nu.getTime() + 86_400_000).toISOString() })
      .run();
    const teVeel = tx
      .select({ id: t.bewaardFormulier.id })
      .from(t.bewaardFormulier)
      .where(eq(t.bewaardFormulier.accountId, f.accountId))
      .orderBy(desc(t.bewaardFormulier.id))
      .all()
      .slice(MAX_BEWAARD_PER_ACCOUNT);
    for (const { id } of teVeel) tx.delete(t.bewaardFormulier).where(eq(t.bewaardFormulier.id, id)).run();
  });
}

/** The form kept for this page when the session expired, once; then it is deleted. */
export function bewaardeVelden(Astro: AstroGlobal): Velden | undefined {
  const sleutel = Astro.cookies.get(BEWAARD_COOKIE)?.value;
  if (!sleutel) return undefined;
  const db = portaalDb();
  const rij = db
    .select()
    .from(t.bewaardFormulier)
    .where(eq(t.bewaardFormulier.sleutelHash, hashToken(sleutel)))
    .get();
  if (!rij || rij.pad !== Astro.url.pathname || rij.verlooptOp < new Date().toISOString()) return undefined;
  db.delete(t.bewaardFormulier).where(eq(t.bewaardFormulier.id, rij.id)).run();
  Astro.cookies.delete(BEWAARD_COOKIE, { path: '/partners' });
  return leesFormulier(rij.velden);
}

/** The posted form as field values (read once by the middleware). */
export function gepost(Astro: AstroGlobal): Velden | undefined {
  return Astro.request.method === 'POST' && Astro.locals.formulier ? leesFormulier(Astro.locals.formulier) : undefined;
}
