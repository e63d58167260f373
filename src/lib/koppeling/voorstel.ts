import type { Afspraak } from '../agenda/inlezen.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { Organisatie } from '../data/kaart.ts';
import { alsConcept } from '../model/aanvullen.ts';
import { type ActiviteitData, maakSchemas } from '../model/schemas.ts';
import type { Rooster } from '../rooster/schema.ts';

/**
 * One event of a partner's agenda as a one-off activity. What a feed cannot say (thema's, for whom,
 * costs, how to join) comes from the organisation's own last-changed activity; with none to go by,
 * those fields become the to-dos of "Na import nog aanvullen" (src/lib/model/aanvullen.ts), so the
 * approved activity is a concept the beheerder completes, never an unfinished public page.
 */

export type Standaard = Pick<ActiviteitData, 'themas' | 'doelgroepen' | 'kosten' | 'aanmelden'>;

export type Voorstel = { data: ActiviteitData; teDoen: string[] } | { fout: string };

/** What the feed decides about an activity: compared on every refresh to see whether it changed. */
export function vingerafdruk(a: Afspraak): string {
  return JSON.stringify([a.titel, a.omschrijving, a.datum, a.van, a.tot, a.toelichting ?? '', a.plek ?? '']);
}

export function roosterVan(a: Afspraak): Rooster {
  return {
    regels: [{ type: 'eenmalig', datum: a.datum, van: a.van, tot: a.tot }],
    opAfspraak: false,
    nietOp: [],
    ...(a.toelichting ? { toelichting: a.toelichting } : {}),
  };
}

/** The description with the place in words (the feed's LOCATION is free text, not an address). */
export function omschrijvingVan(a: Afspraak, organisatie: string): string {
  const delen = [a.omschrijving || `${a.titel}, uit de agenda van ${organisatie}.`];
  if (a.plek) delen.push(`Waar: ${a.plek}`);
  const tekst = delen.join('\n\n');
  // Our listings say a little more than a title; the schema asks for 20 characters at least.
  return tekst.length >= 20 ? tekst : `${tekst} Uit de agenda van ${organisatie}.`;
}

/** The kern named in the event's place, when the organisation serves it; otherwise its first kern. */
export function kernVan(a: Afspraak, org: Organisatie, config: GemeenteConfig): string {
  const plek = (a.plek ?? '').toLowerCase();
  const genoemd = config.kernen
    .filter((k) => org.kernen.includes(k.slug) && plek.includes(k.naam.toLowerCase()))
    .sort((x, y) => y.naam.length - x.naam.length)[0];
  return genoemd?.slug ?? org.kernen[0];
}

/** The fields of a feed event, over an existing activity (changed event) or as a new one. */
export function feedVelden(a: Afspraak, organisatie: string): Pick<ActiviteitData, 'titel' | 'omschrijving' | 'rooster'> {
  return { titel: a.titel, omschrijving: omschrijvingVan(a, organisatie), rooster: roosterVan(a) };
}

export function nieuwVoorstel(
  a: Afspraak,
  org: Organisatie,
  standaard: Standaard | undefined,
  config: GemeenteConfig,
  vandaag: string,
): Voorstel {
  const ruw: Record<string, unknown> = {
    slug: 'nieuw',
    ...feedVelden(a, org.naam),
    organisatie: org.slug,
    kern: kernVan(a, org, config),
    themas: standaard?.themas ?? org.themas,
    doelgroepen: standaard?.doelgroepen ?? [],
    kosten: standaard?.kosten ?? {},
    aanmelden: standaard?.aanmelden ?? {},
    status: 'gepubliceerd',
    gecontroleerdOp: vandaag,
  };
  const r = maakSchemas(config).activiteit.safeParse(ruw);
  if (r.success) return { data: r.data, teDoen: [] };
  const concept = alsConcept<ActiviteitData>(config, 'activiteit', ruw);
  if (concept) return { data: concept.data, teDoen: concept.teDoen };
  const eerste = r.error.issues[0];
  return { fout: `${eerste.path.join('.')}: ${eerste.message}` };
}
