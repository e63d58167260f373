import type { GemeenteConfig, LijstItem } from '../config/schema.ts';
import type { ActiviteitData, OrganisatieData } from '../model/schemas.ts';
import type { Adres } from '../model/velden.ts';
import { roosterTekst } from '../rooster/tekst.ts';
import { aanmeldenTekst, adresTekst, CAPACITEIT_TEKST, kostenTekst } from '../site/weergave.ts';

/** A field-by-field comparison of two versions, in the words the public site uses. */
export type Verschil = { veld: string; label: string; oud: string; nieuw: string };

type Data = Partial<Omit<OrganisatieData, 'status'> & Omit<ActiviteitData, 'status'>> & { status?: string };
type Veld = { veld: keyof Data; label: string; toon: (d: Data) => string };

/** Labels of a list in the order of the configuration: a new order of the same items is no change. */
function labels(lijst: LijstItem[], slugs: string[] | undefined): string {
  const volgorde = (s: string) => {
    const i = lijst.findIndex((x) => x.slug === s);
    return i < 0 ? lijst.length : i;
  };
  return [...(slugs ?? [])]
    .sort((a, b) => volgorde(a) - volgorde(b) || a.localeCompare(b))
    .map((s) => lijst.find((i) => i.slug === s)?.label ?? s)
    .join(', ');
}

/** Status in plain words. */
function statusTekst(status: string | undefined): string {
  const TEKST: Record<string, string> = {
    gepubliceerd: 'Staat op de kaart',
    gepauzeerd: 'Tijdelijk gestopt (pauze)',
    concept: 'Nog niet zichtbaar',
  };
  return status ? (TEKST[status] ?? status) : '';
}

function adres(a: Adres | undefined): string {
  return a ? adresTekst(a) : '';
}

function velden(config: GemeenteConfig): Record<'organisatie' | 'activiteit', Veld[]> {
  const kern = (s: string | undefined) => config.kernen.find((k) => k.slug === s)?.naam ?? s ?? '';
  return {
    organisatie: [
      { veld: 'naam', label: 'Naam', toon: (d) => d.naam ?? '' },
      { veld: 'soort', label: 'Soort', toon: (d) => labels(config.soorten, d.soort ? [d.soort] : []) },
      { veld: 'omschrijving', label: 'Omschrijving', toon: (d) => d.omschrijving ?? '' },
      { veld: 'telefoon', label: 'Telefoon', toon: (d) => d.telefoon ?? '' },
      { veld: 'email', label: 'E-mail', toon: (d) => d.email ?? '' },
      { veld: 'website', label: 'Website', toon: (d) => d.website ?? '' },
      { veld: 'bezoekadres', label: 'Bezoekadres', toon: (d) => adres(d.bezoekadres) },
      { veld: 'kernen', label: 'Actief in', toon: (d) => [...(d.kernen ?? [])].sort().map(kern).join(', ') },
      { veld: 'themas', label: "Thema's", toon: (d) => labels(config.themas, d.themas) },
      { veld: 'status', label: 'Op de sociale kaart', toon: (d) => statusTekst(d.status) },
    ],
    activiteit: [
      { veld: 'titel', label: 'Naam', toon: (d) => d.titel ?? '' },
      { veld: 'omschrijving', label: 'Omschrijving', toon: (d) => d.omschrijving ?? '' },
      { veld: 'kern', label: 'Kern', toon: (d) => kern(d.kern) },
      { veld: 'locatie', label: 'Waar', toon: (d) => adres(d.locatie) || 'Op het adres van de organisatie' },
      { veld: 'rooster', label: 'Wanneer', toon: (d) => (d.rooster ? roosterTekst(d.rooster).join(' ') : '') },
      { veld: 'themas', label: "Thema's", toon: (d) => labels(config.themas, d.themas) },
      { veld: 'doelgroepen', label: 'Voor wie', toon: (d) => labels(config.doelgroepen, d.doelgroepen) },
      { veld: 'kosten', label: 'Kosten', toon: (d) => (d.kosten ? kostenTekst(d.kosten) : '') },
      { veld: 'aanmelden', label: 'Meedoen', toon: (d) => (d.aanmelden ? aanmeldenTekst(d.aanmelden) : '') },
      { veld: 'toegankelijkheid', label: 'Toegankelijkheid', toon: (d) => d.toegankelijkheid ?? '' },
      {
        veld: 'contact',
        label: 'Contactpersoon',
        toon: (d) => (d.contact ? [d.contact.naam, d.contact.telefoon, d.contact.email].filter(Boolean).join(', ') : ''),
      },
      { veld: 'capaciteit', label: 'Plaatsen', toon: (d) => (d.capaciteit ? CAPACITEIT_TEKST[d.capaciteit] : '') },
      { veld: 'status', label: 'Op de sociale kaart', toon: (d) => statusTekst(d.status) },
    ],
  };
}

/** One field of a version as the public site would show it, with its label (for the merge screen). */
export function veldTekst(
  config: GemeenteConfig,
  soort: 'organisatie' | 'activiteit',
  veld: string,
  data: Data | null | undefined,
): { label: string; tekst: string } {
  const v = velden(config)[soort].find((x) => x.veld === veld);
  if (!v) return { label: veld, tekst: data ? String((data as Record<string, unknown>)[veld] ?? '') : '' };
  return { label: v.label, tekst: data ? v.toon(data) : '' };
}

/**
 * Only the fields that differ; an absent `oud` (a new activity) shows every filled field, except its
 * status (a new listing is of course not on the map yet).
 */
export function verschillen(
  config: GemeenteConfig,
  soort: 'organisatie' | 'activiteit',
  oud: Data | null | undefined,
  nieuw: Data | null | undefined,
): Verschil[] {
  return velden(config)
    [soort].filter((v) => oud || v.veld !== 'status')
    .map((v) => ({ veld: String(v.veld), label: v.label, oud: oud ? v.toon(oud) : '', nieuw: nieuw ? v.toon(nieuw) : '' }))
    .filter((v) => v.oud !== v.nieuw);
}

export type Woorddeel = { tekst: string; anders: boolean };

/** Texts longer than this are compared word by word, so a reviewer need not reread both. */
export const LANGE_TEKST = 60;
const MAX_WOORDEN = 1500;

/**
 * A word-level comparison (longest common subsequence over words and spaces): the old text with
 * the removed words marked, the new text with the added words marked. Very long texts are marked
 * as a whole (the comparison grows with the square of their length).
 */
export function woordVerschil(oud: string, nieuw: string): { oud: Woorddeel[]; nieuw: Woorddeel[] } {
  const a = oud.split(/(\s+)/).filter(Boolean);
  const b = nieuw.split(/(\s+)/).filter(Boolean);
  if (a.length > MAX_WOORDEN || b.length > MAX_WOORDEN) {
    return { oud: [{ tekst: oud, anders: true }], nieuw: [{ tekst: nieuw, anders: true }] };
  }
  const lcs: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const uitOud: Woorddeel[] = [];
  const uitNieuw: Woorddeel[] = [];
  const voeg = (lijst: Woorddeel[], tekst: string, anders: boolean) => {
    const laatste = lijst.at(-1);
    // A space between two changed words belongs to the change: one mark instead of many.
    if (laatste && (laatste.anders === anders || (/^\s+$/.test(tekst) && laatste.anders))) laatste.tekst += tekst;
    else lijst.push({ tekst, anders });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      voeg(uitOud, a[i++], false);
      voeg(uitNieuw, b[j++], false);
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) voeg(uitNieuw, b[j++], true);
    else voeg(uitOud, a[i++], true);
  }
  return { oud: uitOud, nieuw: uitNieuw };
}
