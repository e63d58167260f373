import type { GemeenteConfig } from '../../config/schema.ts';
import { naamUuid } from '../../data/ids.ts';
import { CAPACITEIT_TEKST } from '../../site/weergave.ts';

/**
 * Our fixed lists as HSDS taxonomies. A value that HSDS has no field for (the slug, the season
 * of a schedule, …) is an attribute with a term from the "veld" taxonomy and the value in
 * `value`: that is how HSDS 3.0 carries extra fields, and it keeps the export lossless.
 */

export const TAXONOMIE_CODES = ['soort', 'thema', 'doelgroep', 'kern', 'aanbod', 'aanmelden', 'capaciteit', 'veld'] as const;
export type TaxonomieCode = (typeof TAXONOMIE_CODES)[number];

type Term = { slug: string; label: string; omschrijving?: string };
export type Taxonomie = { code: TaxonomieCode; naam: string; omschrijving: string; termen: Term[] };

/** What a service is in our model. */
export const AANBOD = {
  activiteit: 'Activiteit',
  organisatie: 'Organisatie (algemeen)',
  kernondersteuning: 'Kernondersteuner',
} as const;
export type AanbodSoort = keyof typeof AANBOD;

/** Extra fields: slug of the attribute term → explanation of its value. */
export const VELDEN = {
  slug: 'Korte naam in het webadres op de sociale kaart.',
  'gecontroleerd-op': 'Datum waarop de gegevens voor het laatst zijn gecontroleerd (jjjj-mm-dd).',
  toegankelijkheid: 'Toegankelijkheid van de activiteit of de plek, in gewone taal.',
  foto: 'Pad van de foto van het vaste aanspreekpunt in de kern op de sociale kaart.',
  seizoen: 'De maanden waarin het rooster geldt, elk jaar opnieuw: "9-5" is september tot en met mei.',
  'niet-op': 'Datums waarop het niet doorgaat (jjjj-mm-dd, gescheiden door spaties).',
  'op-afspraak': '"ja": ook of alleen op afspraak.',
  'niet-in-maanden':
    'Maanden waarin het niet doorgaat, elk jaar (nummers, gescheiden door spaties): "7 8" is niet in juli en augustus.',
  'niet-op-feestdagen':
    '"ja": niet op de Nederlandse feestdagen (Nieuwjaarsdag, Pasen, Koningsdag, Bevrijdingsdag, Hemelvaart, Pinksteren, Kerst).',
} as const;
export type Veld = keyof typeof VELDEN;

export function taxonomieen(config: GemeenteConfig): Taxonomie[] {
  return [
    {
      code: 'soort',
      naam: 'Soort organisatie',
      omschrijving: `Soorten organisaties op de sociale kaart van ${config.naam}.`,
      termen: config.soorten,
    },
    { code: 'thema', naam: "Thema's", omschrijving: 'Waar kunt u hulp bij krijgen of wat kunt u doen?', termen: config.themas },
    { code: 'doelgroep', naam: 'Doelgroepen', omschrijving: 'Voor wie een activiteit is.', termen: config.doelgroepen },
    {
      code: 'kern',
      naam: `Kernen van ${config.naam}`,
      omschrijving: `De dorpen (kernen) van de gemeente ${config.naam}.`,
      termen: config.kernen.map((k) => ({ slug: k.slug, label: k.naam, omschrijving: k.omschrijving })),
    },
    {
      code: 'aanbod',
      naam: 'Soort aanbod',
      omschrijving: 'Wat een dienst (service) op de sociale kaart is.',
      termen: Object.entries(AANBOD).map(([slug, label]) => ({ slug, label })),
    },
    {
      code: 'aanmelden',
      naam: 'Aanmelden',
      omschrijving: 'Of u zich moet aanmelden.',
      termen: [
        { slug: 'vrije-inloop', label: 'Vrije inloop', omschrijving: 'U kunt zo binnenlopen.' },
        {
          slug: 'aanmelden',
          label: 'Aanmelden nodig',
          omschrijving: 'U meldt zich eerst aan; hoe staat bij application_process.',
        },
      ],
    },
    {
      code: 'capaciteit',
      naam: 'Plaatsen',
      omschrijving: 'Of er nog plek is.',
      termen: Object.entries(CAPACITEIT_TEKST).map(([slug, label]) => ({ slug, label })),
    },
    {
      code: 'veld',
      naam: 'Velden van de sociale kaart',
      omschrijving: 'Gegevens waar HSDS geen eigen veld voor heeft. De waarde staat in value.',
      termen: Object.entries(VELDEN).map(([slug, omschrijving]) => ({ slug, label: slug, omschrijving })),
    },
  ];
}

export const taxonomieId = (code: TaxonomieCode) => naamUuid('hsds-taxonomie', code);
export const termId = (code: TaxonomieCode, slug: string) => naamUuid('hsds-term', `${code}:${slug}`);
export const termCode = (code: TaxonomieCode, slug: string) => `${code}:${slug}`;

export type HsdsTaxonomie = { id: string; name: string; description: string; version: string };
export type HsdsTerm = {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
};

export function hsdsTaxonomieen(config: GemeenteConfig): { taxonomies: HsdsTaxonomie[]; terms: HsdsTerm[] } {
  const lijst = taxonomieen(config);
  return {
    taxonomies: lijst.map((t) => ({ id: taxonomieId(t.code), name: t.naam, description: t.omschrijving, version: '1' })),
    terms: lijst.flatMap((t) =>
      t.termen.map((term) => ({
        id: termId(t.code, term.slug),
        code: termCode(t.code, term.slug),
        name: term.label,
        description: term.omschrijving ?? term.label,
        taxonomy: t.naam,
        taxonomy_id: taxonomieId(t.code),
        language: 'nl',
      })),
    ),
  };
}

/**
 * Finds our taxonomy and slug for a term from a file: by our own id or code, else by a name or
 * code that matches a slug or label of one of the lists (`voorkeur` first, from link_type).
 */
export function herkenTerm(
  config: GemeenteConfig,
  term: { id?: string; code?: string; name?: string },
  voorkeur?: string,
): { code: TaxonomieCode; slug: string } | undefined {
  const lijst = taxonomieen(config);
  for (const t of lijst) {
    for (const item of t.termen) {
      if (term.id === termId(t.code, item.slug) || term.code === termCode(t.code, item.slug))
        return { code: t.code, slug: item.slug };
    }
  }
  const gewoon = (s?: string) => (s ?? '').trim().toLowerCase();
  const kandidaten = lijst
    .filter((t) => ['soort', 'thema', 'doelgroep', 'kern'].includes(t.code))
    .flatMap((t) =>
      t.termen
        .filter((i) => [i.slug, i.label.toLowerCase()].some((w) => w === gewoon(term.code) || w === gewoon(term.name)))
        .map((i) => ({ code: t.code, slug: i.slug })),
    );
  return kandidaten.find((k) => k.code === voorkeur) ?? (kandidaten.length === 1 ? kandidaten[0] : undefined);
}
