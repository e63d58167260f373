import type { Account } from './accounts.ts';
import { VOLGENDE_STATUS, type SignaalStatus } from '../signalen/schema.ts';

/**
 * Who may do what. Every portal route asks these questions on the server for every request;
 * hiding a button is never the protection.
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

export function magBeheren(a: Account): boolean {
  return isBeheerder(a);
}

/** Whether anything in the portal is for this account at all. */
export function heeftToegang(a: Account): boolean {
  return isBeheerder(a) || isKernondersteuner(a) || isPartner(a);
}

// Signalen -------------------------------------------------------------------------------------
// "Partners active in a kern" are accounts whose organisations serve that kern (organisatie_kern):
// pages pass those kernen in as `partnerKernen` (src/lib/signalen/afzender.ts reads them).

/** Kernen whose signalen an account may see: as partner, as kernondersteuner, or all (beheerder). */
export function signaalKernen(a: Account, partnerKernen: number[], alleKernen: number[]): number[] {
  if (isBeheerder(a)) return alleKernen;
  if (!a.actief) return [];
  return alleKernen.filter((k) => a.kernen.includes(k) || partnerKernen.includes(k));
}

export function magSignaalZien(a: Account, kernId: number, partnerKernen: number[]): boolean {
  return isBeheerder(a) || (a.actief && (a.kernen.includes(kernId) || partnerKernen.includes(kernId)));
}

/** Discussing, grouping and closing any signal of a kern: its kernondersteuner and the beheerder. */
export function magSignaalOpvolgen(a: Account, kernId: number): boolean {
  return isBeheerder(a) || (a.actief && a.kernen.includes(kernId));
}

/**
 * The steps this account may take now. Partners pick a signal up for their own organisation and
 * close what their organisation picked up; everything else is for the kernondersteuner.
 */
export function toegestaneStappen(
  a: Account,
  s: { kernId: number; status: SignaalStatus; opgepaktDoor: number | null },
  partnerKernen: number[],
): SignaalStatus[] {
  const volgende = VOLGENDE_STATUS[s.status];
  if (magSignaalOpvolgen(a, s.kernId)) return volgende;
  if (!magSignaalZien(a, s.kernId, partnerKernen)) return [];
  const eigen = s.opgepaktDoor !== null && a.organisaties.includes(s.opgepaktDoor);
  return volgende.filter((st) => st === 'opgepakt' || (eigen && (st === 'afgerond' || st === 'geen-actie')));
}

/**
 * Small-number rule: counts are exact only for a figure about exactly one kern, shown to a partner
 * or the kernondersteuner of that kern. Anything else (the beheerder's view, any figure over more
 * than one kern) is a figure that may travel beyond the kern: 1–4 then reads "minder dan 5".
 */
export function exacteAantallen(a: Account, kernIds: number[], partnerKernen: number[]): boolean {
  return a.actief && kernIds.length === 1 && (a.kernen.includes(kernIds[0]) || partnerKernen.includes(kernIds[0]));
}
