import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { vandaag } from '../portaal/acties.ts';
import type { Account } from '../portaal/accounts.ts';
import type { Velden } from '../portaal/formulier/velden.ts';
import { exacteAantallen } from './toegang.ts';
import { afzenders, signaalRechten } from './afzender.ts';
import { leesFilter } from './lezen.ts';
import { laatsteKwartalen, overzicht } from './overzicht.ts';
import './reeksen.ts';

/** What every signalen page starts with: the kernen this account may see and who it speaks for. */
export function signaalOmgeving(db: DbOfTx, account: Account, config: GemeenteConfig) {
  const rechten = signaalRechten(db, account);
  const zichtbaar = new Set(rechten.kernen.map((k) => k.id));
  return {
    ...rechten,
    afzenders: afzenders(db, account, config).filter((a) => a.kernIds.some((k) => zichtbaar.has(k))),
    vandaag: vandaag(),
  };
}

/** Single-valued form fields as an object for a zod schema. */
export function alsObject(velden: Velden): Record<string, string> {
  return Object.fromEntries([...velden].map(([k, w]) => [k, w[0] ?? '']));
}

/** Labels of the gemeente's lists, for showing a slug. */
export function labelVan(lijst: { slug: string; label: string }[], slug: string | null | undefined): string | undefined {
  return slug ? (lijst.find((x) => x.slug === slug)?.label ?? slug) : undefined;
}

export const PERIODEN = [4, 8, 12];

/**
 * The overview as the page and the CSV both show it: filtered on what the account may see, with
 * exact counts only where the small-number rule allows (exacteAantallen in toegang.ts).
 */
export function overzichtVoor(
  db: DbOfTx,
  account: Account,
  omgeving: ReturnType<typeof signaalOmgeving>,
  params: URLSearchParams,
  config: GemeenteConfig,
) {
  const { filter, onbekend } = leesFilter(params, omgeving.kernen);
  if (omgeving.kernen.length === 0 || onbekend) return undefined;
  const periode = PERIODEN.includes(Number(params.get('periode'))) ? Number(params.get('periode')) : PERIODEN[1];
  const exact = exacteAantallen(account, filter.kernIds, omgeving.partnerKernen);
  const o = overzicht(
    db,
    { kernIds: filter.kernIds, thema: filter.thema },
    { kwartalen: laatsteKwartalen(omgeving.vandaag, periode), themas: config.themas.map((t) => t.slug), exact },
  );
  return { ...o, filter, periode };
}

/** The start of a signal's text, for link texts and lists. */
export function kortTekst(tekst: string, max: number): string {
  return tekst.length > max ? `${tekst.slice(0, max - 3)}…` : tekst;
}
