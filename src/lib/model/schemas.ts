import { z } from 'zod';
import { slugSchema, type GemeenteConfig } from '../config/schema.ts';
import { roosterSchema, datumSchema } from '../rooster/schema.ts';
import {
  adresSchema,
  optioneelEmail,
  optioneelTelefoon,
  optioneleTekst,
  optioneleWebsite,
  statusSchema,
  tekst,
  telefoonSchema,
} from './velden.ts';

export const KOSTEN_SOORTEN = ['gratis', 'bedrag', 'vrijwillige-bijdrage'] as const;
export const KOSTEN_PER = ['keer', 'maand', 'jaar', 'seizoen', 'cursus'] as const;
export const AANMELDEN = ['vrije-inloop', 'aanmelden'] as const;
export const CAPACITEIT = ['plaatsen-vrij', 'bijna-vol', 'vol', 'wachtlijst'] as const;
export const ACTIVITEIT_STATUS = ['gepubliceerd', 'concept', 'gepauzeerd'] as const;

/** Cost with "gratis" as a value of its own, not an amount of zero. */
export const kostenSchema = z.discriminatedUnion('soort', [
  z.object({ soort: z.literal('gratis'), toelichting: optioneleTekst(200) }),
  z.object({ soort: z.literal('vrijwillige-bijdrage'), toelichting: optioneleTekst(200) }),
  z.object({
    soort: z.literal('bedrag'),
    /** Euro cents, so that € 2,50 stays exact. */
    bedragCent: z
      .int({ error: 'vul een bedrag in cijfers in, bijvoorbeeld 2,50' })
      .min(1, { error: 'vul een bedrag in, of kies "gratis"' })
      .max(1_000_000),
    per: z.enum(KOSTEN_PER, { error: 'kies waar het bedrag voor is' }),
    toelichting: optioneleTekst(200),
  }),
]);
export type Kosten = z.infer<typeof kostenSchema>;

export const aanmeldenSchema = z
  .object({
    soort: z.enum(AANMELDEN, { error: 'kies vrije inloop of aanmelden' }),
    hoe: optioneleTekst(300),
  })
  .refine((a) => a.soort === 'vrije-inloop' || (a.hoe ?? '') !== '', {
    error: 'schrijf hoe mensen zich kunnen aanmelden',
    path: ['hoe'],
  });

export const contactpersoonSchema = z
  .object({
    /** Optional, as the form says ("mag leeg blijven"): a phone number or address is enough. */
    naam: optioneleTekst(100),
    telefoon: optioneelTelefoon,
    email: optioneelEmail,
  })
  .refine((c) => c.telefoon || c.email, {
    error: 'vul een telefoonnummer of e-mailadres van de contactpersoon in',
    path: ['telefoon'],
  });

function uitLijst(slugs: string[], wat: string) {
  return slugSchema.refine((s) => slugs.includes(s), { error: `kies een ${wat} uit de lijst` });
}

/** Items in one list (kernen, thema's, doelgroepen): every choice of a gemeente's list fits. */
export const MAX_LIJST = 50;

function uniek<T extends z.ZodType<string>>(item: T, minimaal: number, fout: string) {
  return z
    .array(item)
    .min(minimaal, { error: fout })
    .max(MAX_LIJST, { error: `kies hoogstens ${MAX_LIJST}` })
    .transform((a) => [...new Set(a)]);
}

const gemaakt = new WeakMap<GemeenteConfig, ReturnType<typeof bouwSchemas>>();

/**
 * Data schemas that depend on the gemeente's lists (kernen, soorten, thema's, doelgroepen).
 * Built once per config: building zod schemas costs more than using them.
 */
export function maakSchemas(config: GemeenteConfig) {
  let schemas = gemaakt.get(config);
  if (!schemas) {
    schemas = bouwSchemas(config);
    gemaakt.set(config, schemas);
  }
  return schemas;
}

function bouwSchemas(config: GemeenteConfig) {
  const kern = uitLijst(
    config.kernen.map((k) => k.slug),
    'kern',
  );
  const soort = uitLijst(
    config.soorten.map((s) => s.slug),
    'soort',
  );
  const thema = uitLijst(
    config.themas.map((t) => t.slug),
    'thema',
  );
  const doelgroep = uitLijst(
    config.doelgroepen.map((d) => d.slug),
    'doelgroep',
  );
  const adres = adresSchema.extend({ kern });

  const organisatie = z.object({
    slug: slugSchema,
    naam: tekst({ max: 120, leeg: 'vul de naam van de organisatie in' }),
    soort,
    omschrijving: tekst({ min: 20, max: 3000, leeg: 'schrijf in een paar zinnen wat u doet (minstens 20 tekens)' }),
    telefoon: optioneelTelefoon,
    email: optioneelEmail,
    website: optioneleWebsite,
    bezoekadres: adres.optional(),
    kernen: uniek(kern, 1, 'kies minstens één kern waar u actief bent'),
    themas: uniek(thema, 0, ''),
    status: statusSchema.default('gepubliceerd'),
    gecontroleerdOp: datumSchema,
  });

  const activiteit = z
    .object({
      slug: slugSchema,
      titel: tekst({ max: 120, leeg: 'geef de activiteit een naam' }),
      omschrijving: tekst({ min: 20, max: 3000, leeg: 'schrijf in een paar zinnen wat er gebeurt (minstens 20 tekens)' }),
      organisatie: slugSchema,
      kern,
      /** Where it takes place; absent means at the organisation's visiting address. */
      locatie: adres.optional(),
      rooster: roosterSchema,
      themas: uniek(thema, 1, 'kies minstens één thema'),
      doelgroepen: uniek(doelgroep, 1, 'kies voor wie de activiteit is'),
      kosten: kostenSchema,
      aanmelden: aanmeldenSchema,
      toegankelijkheid: optioneleTekst(500),
      contact: contactpersoonSchema.optional(),
      capaciteit: z.enum(CAPACITEIT).optional(),
      status: z.enum(ACTIVITEIT_STATUS).default('gepubliceerd'),
      gecontroleerdOp: datumSchema,
    })
    // "Alleen op afspraak" and "U kunt zo binnenlopen" cannot both be true (issue #14): said at the field.
    // Defensive: aanvullen.ts loosens fields of this schema for imports that still miss them.
    .refine((a) => !(a.rooster?.opAfspraak && (a.rooster.regels ?? []).length === 0 && a.aanmelden?.soort === 'vrije-inloop'), {
      path: ['aanmelden', 'soort'],
      error:
        'het is alleen op afspraak, dus mensen kunnen niet zomaar binnenlopen: kies "aanmelden" en schrijf hoe ze een afspraak maken',
    });

  const spreekuur = z.object({
    omschrijving: tekst({ max: 200, leeg: 'schrijf wat voor spreekuur het is, bijvoorbeeld "Inloop"' }),
    plek: adres,
    rooster: roosterSchema,
  });

  const kernondersteuner = z.object({
    kern,
    naam: tekst({ max: 100, leeg: 'vul de naam in' }),
    /** Path under /public, e.g. /fotos/anna.jpg; absent shows initials. */
    foto: optioneleTekst(200),
    telefoon: telefoonSchema,
    email: optioneelEmail,
    organisatie: slugSchema.optional(),
    /** When by phone, in plain words: "Maandag tot en met donderdag van 9.00 tot 17.00 uur". */
    bereikbaar: tekst({ max: 300, leeg: 'schrijf wanneer mensen kunnen bellen' }),
    spreekuren: z.array(spreekuur).default([]),
  });

  return { kern, soort, thema, doelgroep, adres, organisatie, activiteit, kernondersteuner, spreekuur };
}

export type Schemas = ReturnType<typeof bouwSchemas>;
export type OrganisatieData = z.infer<Schemas['organisatie']>;
export type ActiviteitData = z.infer<Schemas['activiteit']>;
export type KernondersteunerData = z.infer<Schemas['kernondersteuner']>;
export type OrganisatieInvoer = z.input<Schemas['organisatie']>;
export type ActiviteitInvoer = z.input<Schemas['activiteit']>;
export type KernondersteunerInvoer = z.input<Schemas['kernondersteuner']>;
