import type { Account } from './accounts.ts';

/**
 * Who may do what. Every portal route asks these questions on the server for every request;
 * hiding a button is never the protection. The rules for signalen and verwijzingen build on these
 * and live beside their own domain (src/lib/signalen/toegang.ts, src/lib/verwijzen/toegang.ts).
 */

export const isBeheerder = (a: Account): boolean => a.actief && a.beheerder;

export const isKernondersteuner = (a: Account): boolean => a.actief && a.kernen.length > 0;

export const isPartner = (a: Account): boolean => a.actief && a.organisaties.length > 0;

/** Partners edit the organisations they belong to; the beheerder edits all. */
export function magOrganisatieBewerken(a: Account, organisatieId: number): boolean {
  return isBeheerder(a) || (a.actief && a.organisaties.includes(organisatieId));
}

/**
 * The beheerder reviews everything; a kernondersteuner reviews changes that concern one of
 * their kernen (as they are now, see kernenVan). Nobody but the beheerder approves their own
 * change, or a change of who may see what (`toegang`: an organisation's kernen).
 */
export function magBeoordelen(a: Account, wijziging: { kernIds: number[]; auteurId: number | null; toegang?: boolean }): boolean {
  if (isBeheerder(a)) return true;
  if (!a.actief || wijziging.auteurId === a.id || wijziging.toegang) return false;
  return wijziging.kernIds.some((k) => a.kernen.includes(k));
}

/**
 * A link from the reminder confirms only the organisations it was sent for, and only while its
 * account is still their partner (also a beheerder confirms by link only as partner).
 */
export function magBevestigenMetLink(a: Account, organisatieIds: number[]): boolean {
  return a.actief && organisatieIds.length > 0 && organisatieIds.every((id) => a.organisaties.includes(id));
}

export function magBeheren(a: Account): boolean {
  return isBeheerder(a);
}

/** Whether anything in the portal is for this account at all. */
export function heeftToegang(a: Account): boolean {
  return isBeheerder(a) || isKernondersteuner(a) || isPartner(a);
}
