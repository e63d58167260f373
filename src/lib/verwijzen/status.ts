import type { VERWIJS_STATUS } from '../../../db/schema.ts';
import { plusDagen } from '../rooster/kalender.ts';

/** The life of a referral: what each answer means, who may give it, and when to ask again. */

export type VerwijsStatus = (typeof VERWIJS_STATUS)[number];

export const STATUS_TEKST: Record<VerwijsStatus, string> = {
  verwezen: 'Verwezen, nog geen antwoord',
  aangekomen: 'Aangekomen',
  gestart: 'Gestart',
  'niet-gekomen': 'Niet gekomen',
  'past-niet': 'Past niet',
  vol: 'Vol',
  'doet-mee': 'Doet nog mee',
  gestopt: 'Gestopt',
  afgerond: 'Afgesloten door de verwijzer',
};

/** Answers the provider gives, by the current status. Closed referrals take no more answers. */
const AANBIEDER: Partial<Record<VerwijsStatus, VerwijsStatus[]>> = {
  verwezen: ['aangekomen', 'gestart', 'niet-gekomen', 'past-niet', 'vol'],
  aangekomen: ['gestart', 'past-niet', 'doet-mee', 'gestopt'],
  gestart: ['doet-mee', 'gestopt'],
};

export const OPEN: VerwijsStatus[] = ['verwezen', 'aangekomen', 'gestart'];

export const isOpen = (s: VerwijsStatus): boolean => OPEN.includes(s);

/** Answers that show the offer falls short: counted as a gap for that kern and thema. */
export const isTekort = (s: VerwijsStatus): s is 'vol' | 'past-niet' => s === 'vol' || s === 'past-niet';

export function antwoordenVoorAanbieder(huidig: VerwijsStatus): VerwijsStatus[] {
  return AANBIEDER[huidig] ?? [];
}

/** The referrer can only close an open referral (the inwoner found something else, moved …). */
export function antwoordenVoorVerwijzer(huidig: VerwijsStatus): VerwijsStatus[] {
  return isOpen(huidig) ? ['afgerond'] : [];
}

/** Why it does not fit: a fixed list, so no free text about a person ends up here. */
export const REDENEN = {
  doelgroep: 'Past niet bij de groep (leeftijd, taal, interesse)',
  tijd: 'De dag of tijd past niet',
  vervoer: 'Niet te bereiken (vervoer)',
  kosten: 'Te duur',
  toegankelijkheid: 'Niet toegankelijk genoeg',
  zwaar: 'Vraagt meer hulp dan wij kunnen bieden',
  anders: 'Een andere reden',
} as const;
export type Reden = keyof typeof REDENEN;
export const isReden = (r: string): r is Reden => r in REDENEN;

export const GEEN_ANTWOORD_NA_DAGEN = 14;
export const DOET_NOG_MEE_NA_DAGEN = 42;
/** The consented contact detail is not kept longer than this, also when the referral is still open. */
export const CONTACT_BEWAARD_DAGEN = 42;

export type Aandacht = { id: number; soort: 'geen-antwoord' | 'doet-nog-mee'; sinds: string };

/**
 * Referrals that need someone to look: no answer 14 days after referring (both parties are told),
 * and a "doet nog mee?" check six weeks after the start.
 */
export function aandacht(
  verwijzingen: { id: number; status: VerwijsStatus; datum: string; startDatum: string | null }[],
  vandaag: string,
): Aandacht[] {
  const uit: Aandacht[] = [];
  for (const v of verwijzingen) {
    if (v.status === 'verwezen' && v.datum <= plusDagen(vandaag, -GEEN_ANTWOORD_NA_DAGEN)) {
      uit.push({ id: v.id, soort: 'geen-antwoord', sinds: plusDagen(v.datum, GEEN_ANTWOORD_NA_DAGEN) });
    }
    const start = v.startDatum ?? v.datum;
    if ((v.status === 'aangekomen' || v.status === 'gestart') && start <= plusDagen(vandaag, -DOET_NOG_MEE_NA_DAGEN)) {
      uit.push({ id: v.id, soort: 'doet-nog-mee', sinds: plusDagen(start, DOET_NOG_MEE_NA_DAGEN) });
    }
  }
  return uit;
}

export const AANDACHT_TEKST: Record<Aandacht['soort'], string> = {
  'geen-antwoord': 'Na 14 dagen nog geen antwoord van de aanbieder',
  'doet-nog-mee': 'Zes weken gestart: doet de inwoner nog mee?',
};
