import type { Account } from '../portaal/accounts.ts';
import { isBeheerder } from '../portaal/toegang.ts';
import { VOLGENDE_STATUS, type SignaalStatus } from './schema.ts';

/**
 * Who may see and follow up which signal. Pure: "partners active in a kern" are accounts whose
 * organisations serve that kern (organisatie_kern); pages pass those kernen in as `partnerKernen`
 * (afzender.ts reads them). Beside the signals so that the portal core never depends on them.
 */

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
