import type { GemeenteConfig, LijstItem } from '../config/schema.ts';
import type { ActiviteitData, OrganisatieData } from '../model/schemas.ts';
import type { Adres } from '../model/velden.ts';
import { roosterTekst } from '../rooster/tekst.ts';
import { aanmeldenTekst, adresTekst, CAPACITEIT_TEKST, kostenTekst } from '../site/weergave.ts';

/** A field-by-field comparison of two versions, in the words the public site uses. */
export type Verschil = { veld: string; label: string; oud: string; nieuw: string };

type Data = Partial<Omit<OrganisatieData, 'status'> & Omit<ActiviteitData, 'status'>> & { status?: string };
type Veld = { veld: keyof Data; label: string; toon: (d: Data) => string };

function labels(lijst: LijstItem[], slugs: string[] | undefined): string {
  return (slugs ?? []).map((s) => lijst.find((i) => i.slug === s)?.label ?? s).join(', ');
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
      { veld: 'kernen', label: 'Actief in', toon: (d) => (d.kernen ?? []).map(kern).join(', ') },
      { veld: 'themas', label: "Thema's", toon: (d) => labels(config.themas, d.themas) },
      { veld: 'status', label: 'Status', toon: (d) => d.status ?? '' },
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
      { veld: 'status', label: 'Status', toon: (d) => d.status ?? '' },
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

/** Only the fields that differ; an absent `oud` (a new activity) shows every filled field. */
export function verschillen(
  config: GemeenteConfig,
  soort: 'organisatie' | 'activiteit',
  oud: Data | null | undefined,
  nieuw: Data | null | undefined,
): Verschil[] {
  return velden(config)
    [soort].map((v) => ({ veld: String(v.veld), label: v.label, oud: oud ? v.toon(oud) : '', nieuw: nieuw ? v.toon(nieuw) : '' }))
    .filter((v) => v.oud !== v.nieuw);
}
