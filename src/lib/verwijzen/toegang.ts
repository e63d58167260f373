import type { Account } from '../portaal/accounts.ts';
import { isBeheerder, isKernondersteuner, isPartner } from '../portaal/toegang.ts';
import { antwoordenVoorAanbieder, antwoordenVoorVerwijzer, type VerwijsStatus } from './status.ts';

/**
 * Who may refer, who sees a referral, who answers. Pure: the pages pass what they read from the
 * database. A referral is seen only by the one who made it and by the provider of the activity;
 * the beheerder sees figures, never single referrals.
 */

export type VerwijzingRollen = { verwijzerId: number | null; organisatieId: number | null };

/**
 * Kernen in which this account may refer: a kernondersteuner in their own kernen, a partner with
 * the flag in the kernen its organisations serve (`kernenVanOrganisaties`).
 */
export function verwijsKernen(a: Account, kernenVanOrganisaties: number[]): number[] {
  if (!a.actief) return [];
  const kernen = new Set(a.kernen);
  if (a.magVerwijzen && isPartner(a)) for (const k of kernenVanOrganisaties) kernen.add(k);
  return [...kernen].sort((x, y) => x - y);
}

export function magVerwijzen(a: Account, kernenVanOrganisaties: number[]): boolean {
  return verwijsKernen(a, kernenVanOrganisaties).length > 0;
}

export function magVerwijzenNaar(a: Account, kernenVanOrganisaties: number[], activiteit: { kernId: number }): boolean {
  return verwijsKernen(a, kernenVanOrganisaties).includes(activiteit.kernId);
}

export function isVerwijzer(a: Account, v: VerwijzingRollen): boolean {
  return a.actief && v.verwijzerId === a.id;
}

/** Partners of the organisation that offers the activity. */
export function isAanbieder(a: Account, v: VerwijzingRollen): boolean {
  return a.actief && v.organisatieId !== null && a.organisaties.includes(v.organisatieId);
}

export function magVerwijzingZien(a: Account, v: VerwijzingRollen): boolean {
  return isVerwijzer(a, v) || isAanbieder(a, v);
}

/** The decrypted contact detail: the same two parties, and only when consent was recorded. */
export function magContactZien(a: Account, v: VerwijzingRollen & { toestemmingOp: string | null }): boolean {
  return v.toestemmingOp !== null && magVerwijzingZien(a, v);
}

/** The answers this account may give now: the provider's, and closing by the referrer. */
export function antwoordenVoor(a: Account, v: VerwijzingRollen & { status: VerwijsStatus }): VerwijsStatus[] {
  return [
    ...(isAanbieder(a, v) ? antwoordenVoorAanbieder(v.status) : []),
    ...(isVerwijzer(a, v) ? antwoordenVoorVerwijzer(v.status) : []),
  ];
}

/** Figures (never single referrals): the beheerder and kernondersteuners. */
export function magCijfersZien(a: Account): boolean {
  return isBeheerder(a) || isKernondersteuner(a);
}

/**
 * Kernen whose small counts this account sees exactly: a kernondersteuner's own kernen. The
 * beheerder's view is gemeente-wide, so small counts stay hidden there.
 */
export function exacteKernen(a: Account): number[] {
  return a.actief ? a.kernen : [];
}
