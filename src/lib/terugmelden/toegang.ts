import type { Account } from '../portaal/accounts.ts';
import { isBeheerder } from '../portaal/toegang.ts';

/**
 * Who reads an inwoner's report about a listing: the beheerder, the kernondersteuner of the kern
 * it is about, and the partners of the organisation. Nobody else, and never the public site.
 */
export function magTerugmeldingZien(a: Account, m: { organisatieId: number; kernIds: number[] }): boolean {
  if (!a.actief) return false;
  return isBeheerder(a) || m.kernIds.some((k) => a.kernen.includes(k)) || a.organisaties.includes(m.organisatieId);
}

/** Closing a report without a change is for a reviewer: the beheerder or the kernondersteuner of the kern. */
export function magTerugmeldingAfwijzen(a: Account, m: { kernIds: number[] }): boolean {
  return a.actief && (isBeheerder(a) || m.kernIds.some((k) => a.kernen.includes(k)));
}
