import type { Kosten, KOSTEN_PER } from '../model/schemas.ts';
import { telefoonCijfers, type Adres } from '../model/velden.ts';
import { datumTekst } from '../rooster/tekst.ts';

/** How values read on the public site, in plain Dutch. */

/** What an amount is for, as it reads after the amount (also the choices in the portal form). */
export const KOSTEN_PER_TEKST: Record<(typeof KOSTEN_PER)[number], string> = {
  keer: 'per keer',
  maand: 'per maand',
  jaar: 'per jaar',
  seizoen: 'per seizoen',
  cursus: 'voor de hele cursus',
};

/** 250 → "€ 2,50"; 1500 → "€ 15". */
export function euro(cent: number): string {
  const euros = Math.floor(cent / 100);
  const rest = cent % 100;
  return rest === 0 ? `€ ${euros}` : `€ ${euros},${String(rest).padStart(2, '0')}`;
}

export function kostenTekst(kosten: Kosten): string {
  const toelichting = kosten.toelichting ? ` ${kosten.toelichting}` : '';
  switch (kosten.soort) {
    case 'gratis':
      return `Gratis.${toelichting}`;
    case 'vrijwillige-bijdrage':
      return `Vrijwillige bijdrage: u geeft wat u kunt missen.${toelichting}`;
    case 'bedrag':
      return `${euro(kosten.bedragCent)} ${KOSTEN_PER_TEKST[kosten.per]}.${toelichting}`;
  }
}

/** Short form for a badge in a list. */
export function kostenKort(kosten: Kosten): string {
  switch (kosten.soort) {
    case 'gratis':
      return 'Gratis';
    case 'vrijwillige-bijdrage':
      return 'Vrijwillige bijdrage';
    case 'bedrag':
      return `${euro(kosten.bedragCent)} ${KOSTEN_PER_TEKST[kosten.per]}`;
  }
}

export function aanmeldenTekst(aanmelden: { soort: 'vrije-inloop' | 'aanmelden'; hoe?: string }): string {
  if (aanmelden.soort === 'vrije-inloop') {
    return aanmelden.hoe ? `U kunt zo binnenlopen. ${aanmelden.hoe}` : 'U kunt zo binnenlopen. Aanmelden hoeft niet.';
  }
  return `Aanmelden is nodig. ${aanmelden.hoe ?? ''}`.trim();
}

export const CAPACITEIT_TEKST: Record<string, string> = {
  'plaatsen-vrij': 'Er zijn plaatsen vrij',
  'bijna-vol': 'Bijna vol',
  vol: 'Vol',
  wachtlijst: 'Er is een wachtlijst',
};

/** "tel:+31546012345": international form, so it works from every phone. */
export function telefoonHref(telefoon: string): string {
  const cijfers = telefoonCijfers(telefoon);
  if (cijfers.startsWith('+')) return `tel:${cijfers}`;
  if (cijfers.startsWith('00')) return `tel:+${cijfers.slice(2)}`;
  if (/^0[1-9]/.test(cijfers) && cijfers.length === 10) return `tel:+31${cijfers.slice(1)}`;
  return `tel:${cijfers}`;
}

export function adresRegels(adres: Adres): string[] {
  return [adres.naam, `${adres.straat} ${adres.huisnummer}`, `${adres.postcode} ${adres.plaats}`].filter((r): r is string =>
    Boolean(r),
  );
}

export function adresTekst(adres: Adres): string {
  return adresRegels(adres).join(', ');
}

export function websiteTekst(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** "Anna de Vries" → "AV": shown when there is no photo. */
export function initialen(naam: string): string {
  const delen = naam.split(/\s+/).filter((d) => /^[A-ZÀ-Ý]/.test(d));
  return ((delen[0]?.[0] ?? '') + (delen.length > 1 ? delen.at(-1)![0] : '')).toUpperCase();
}

export function gecontroleerdTekst(datum: string): string {
  return `Gecontroleerd op ${datumTekst(datum)}`;
}

/** In lists and search results, quietly: "Gecontroleerd 8 maart 2026" (checked, not changed). */
export function gecontroleerdKort(datum: string): string {
  return `Gecontroleerd ${datumTekst(datum)}`;
}

/** "'t Hooge Huus" sorts under H, as in a phone book. */
function zonderLidwoord(naam: string): string {
  return naam.replace(/^['‘’]t\s+/i, '');
}

/** Grouping letter for the A–Z list: digits and accents fold into letters or "#". */
export function beginletter(naam: string): string {
  const eerste = zonderLidwoord(naam)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(eerste) ? eerste : '#';
}

/** Dutch sort order that ignores accents and case. */
export const sorteerNl = new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare;

export function sorteerOpNaam(a: string, b: string): number {
  return sorteerNl(zonderLidwoord(a), zonderLidwoord(b));
}

/** Groups in order of first appearance; an item can be in several groups. */
export function groepeerPer<T, K>(items: T[], sleutels: (t: T) => K[]): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const item of items) {
    for (const k of sleutels(item)) {
      const lijst = m.get(k);
      if (lijst) lijst.push(item);
      else m.set(k, [item]);
    }
  }
  return m;
}
