import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { inhoudNaam, inhoudPad, projectRoot } from '../config/inhoud.ts';
import { ConfigError, formatZodIssues } from '../config/load.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { slugSchema } from '../config/schema.ts';
import { CAPACITEIT, kostenSchema } from '../model/schemas.ts';
import { weekdagSchema } from '../rooster/schema.ts';

/*
 * The building blocks of the demo data set live in the content folder's demo/*.yaml so that someone
 * without TypeScript can add a street, a club or an activity. Mistakes there should fail
 * loudly with the file and field, not produce a half-empty demo.
 */

const eenOfMeer = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

/** Sentence groups: one sentence is picked from each group; "" in a group means "maybe none". */
const zinnenSchema = z.array(z.array(z.string()).min(1)).min(1);

const tijdvakSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
  error: 'schrijf de tijd als 09:30-11:30',
});
const bereik = z.tuple([z.int().min(0), z.int().min(0)]);

export const ROOSTER_SOORTEN = [
  'wekelijks',
  'om-de-week',
  'om-de-drie-weken',
  'maandelijks',
  'eenmalig',
  'reeks',
  'cursus',
  'op-afspraak',
] as const;

export const roosterReceptSchema = z
  .object({
    soort: z.enum(ROOSTER_SOORTEN),
    /** One of these days is picked. */
    dag: eenOfMeer(weekdagSchema).optional(),
    /** All of these days. */
    dagen: z.array(weekdagSchema).min(1).optional(),
    week: eenOfMeer(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])).optional(),
    tijd: eenOfMeer(tijdvakSchema).optional(),
    seizoen: z.tuple([z.int().min(1).max(12), z.int().min(1).max(12)]).optional(),
    /** Days after the reference date of the first (or only) date. */
    over: bereik.optional(),
    /** Number of dates in a series, or weeks in a course. */
    aantal: bereik.optional(),
    /** Month of a yearly one-off event, such as a Christmas market in December. */
    maand: z.int().min(1).max(12).optional(),
    opAfspraak: z.boolean().optional(),
    nietOp: z.number().min(0).max(1).optional(),
    vanaf: z.boolean().optional(),
    toelichting: z.string().max(300).optional(),
  })
  .refine((r) => r.soort === 'op-afspraak' || r.dag || r.dagen, { error: 'noem een dag (dag of dagen)', path: ['dag'] })
  .refine((r) => r.soort !== 'op-afspraak' || r.toelichting, { error: 'schrijf bij op-afspraak een toelichting' });
export type RoosterRecept = z.infer<typeof roosterReceptSchema>;

const aanmeldOptie = z.object({ soort: z.enum(['vrije-inloop', 'aanmelden']), hoe: z.string().optional() });

export const activiteitSjabloonSchema = z.object({
  titel: eenOfMeer(z.string().min(1).max(100)),
  omschrijving: zinnenSchema,
  themas: z.array(slugSchema).min(1),
  doelgroepen: z.array(slugSchema).min(1),
  rooster: z.array(roosterReceptSchema).min(1),
  kosten: z
    .array(kostenSchema)
    .min(1)
    .default([{ soort: 'gratis' }]),
  aanmelden: z
    .array(aanmeldOptie)
    .min(1)
    .default([{ soort: 'vrije-inloop' }]),
  capaciteit: z.array(z.enum(CAPACITEIT)).optional(),
  /** Chance that the activity names a contact person. */
  contact: z.number().min(0).max(1).default(0.85),
});
export type ActiviteitSjabloon = z.infer<typeof activiteitSjabloonSchema>;

/** Where an activity takes place: template keys of organisations in the same kern, tried in order. */
const plekSchema = eenOfMeer(z.string().min(1));

const activiteitVerwijzing = z
  .union([z.string(), z.object({ sjabloon: z.string(), kans: z.number().min(0).max(1).default(1), plek: plekSchema.optional() })])
  .transform((v) => (typeof v === 'string' ? { sjabloon: v, kans: 1, plek: undefined } : v));

export const organisatieSjabloonSchema = z.object({
  soort: slugSchema,
  /** Used when the kern's list gives no name; {kern} and {deel:groep} are filled in. */
  naam: eenOfMeer(z.string()).optional(),
  omschrijving: zinnenSchema,
  themas: z.array(slugSchema).default([]),
  toegankelijkheid: z.array(z.string()).optional(),
  website: z.number().min(0).max(1).default(0.5),
  telefoon: z.number().min(0).max(1).default(0.8),
  /** Extra places of the organisation in other kernen, e.g. library branches. */
  vestigingen: z.array(slugSchema).default([]),
  vestigingNaam: z.string().optional(),
  activiteiten: z.array(activiteitVerwijzing).default([]),
});
export type OrganisatieSjabloon = z.infer<typeof organisatieSjabloonSchema>;

const gemeentebreedSchema = organisatieSjabloonSchema.extend({
  naam: z.string().min(1),
  /** "alle" or a list of kernen. */
  kernen: z.union([z.literal('alle'), z.array(slugSchema).min(1)]),
  /** Kern of the visiting address; "geen" for telephone or online services. */
  thuis: z.union([z.literal('geen'), slugSchema]),
  activiteiten: z
    .array(
      z.object({
        sjabloon: z.string(),
        kernen: z.union([z.literal('alle'), z.array(slugSchema).min(1)]),
        plek: plekSchema.optional(),
      }),
    )
    .default([]),
});
export type GemeentebreedSjabloon = z.infer<typeof gemeentebreedSchema>;

const kernOrganisatie = z
  .union([
    z.string(),
    z
      .record(
        z.string(),
        z.union([
          z.string(),
          z.object({ naam: z.string().optional(), concept: z.boolean().default(false), ook: z.array(slugSchema).default([]) }),
        ]),
      )
      .refine((r) => Object.keys(r).length === 1, { error: 'schrijf één organisatie per regel: "sjabloon: Naam"' }),
  ])
  .transform((v) => {
    if (typeof v === 'string') return { sjabloon: v, naam: undefined, concept: false, ook: [] as string[] };
    const [sjabloon, rest] = Object.entries(v)[0];
    return typeof rest === 'string' ? { sjabloon, naam: rest, concept: false, ook: [] as string[] } : { sjabloon, ...rest };
  });
export type KernOrganisatie = z.output<typeof kernOrganisatie>;

const kernBouwsteenSchema = z.object({
  postcodes: z.array(z.int().min(1000).max(9999)).min(1),
  straten: z.array(z.string().min(1)).min(3),
  organisaties: z.array(kernOrganisatie).min(3),
});
export type KernBouwsteen = z.infer<typeof kernBouwsteenSchema>;

const namenSchema = z.object({
  voornamen: z.array(z.string()).min(20),
  achternamen: z.array(z.string()).min(20),
  naamdelen: z.record(z.string(), z.array(z.string()).min(1)),
});

const kernondersteuningSchema = z.object({
  organisatie: slugSchema,
  bereikbaar: z.array(z.string().min(1).max(300)).min(1),
  spreekuur: z.array(z.object({ omschrijving: z.string().min(1).max(200), rooster: roosterReceptSchema })).min(1),
  /** Extra spreekuur in the biggest kernen, e.g. in the library. */
  extra: z.record(slugSchema, z.object({ omschrijving: z.string(), plek: plekSchema, rooster: roosterReceptSchema })).default({}),
});

const tekstenSchema = z.object({
  /** Put in front of the description of a paused activity. */
  gepauzeerd: z.array(z.string().min(1)).min(1),
  /** After every invented name and title, e.g. " (demo)", so nobody takes an example for real. */
  achtervoegsel: z.string().max(20).optional(),
  /** Area code of the invented phone numbers (four digits, e.g. "0416"). */
  netnummer: z
    .string()
    .regex(/^0[1-9]\d{2}$/, { error: 'moet een netnummer van vier cijfers zijn, zoals "0416"' })
    .default('0546'),
});

export interface Bouwstenen {
  teksten: z.infer<typeof tekstenSchema>;
  kernen: Record<string, KernBouwsteen>;
  namen: z.infer<typeof namenSchema>;
  organisaties: Record<string, OrganisatieSjabloon>;
  gemeentebreed: Record<string, GemeentebreedSjabloon>;
  activiteiten: Record<string, ActiviteitSjabloon>;
  kernondersteuning: z.infer<typeof kernondersteuningSchema>;
}

/**
 * A gemeente's demo folder needs only what is its own (kernen, gemeente-wide organisations,
 * names, the local contact). Files it lacks come from the default content/demo: the templates
 * for clubs and activities are the same everywhere. For a family of files (activiteiten-*.yaml)
 * the gemeente's own ones replace all default ones.
 */
function demoMap(bestand: string | ((b: string) => boolean)): { map: string; naam: string } {
  const eigen = { map: inhoudPad('demo'), naam: inhoudNaam('demo') };
  const standaard = { map: path.resolve(projectRoot(), 'content/demo'), naam: 'content/demo' };
  const heeft = (map: string) =>
    existsSync(map) && readdirSync(map).some((b) => (typeof bestand === 'string' ? b === bestand : bestand(b)));
  return heeft(eigen.map) || !heeft(standaard.map) ? eigen : standaard;
}

/** Whether this content folder has demo data of its own (demo/kernen.yaml: the demo is per kern). */
export function heeftDemo(): boolean {
  return existsSync(inhoudPad('demo', 'kernen.yaml'));
}

function leesYaml<T extends z.ZodType>(bestand: string, schema: T, map = demoMap(bestand)): z.output<T> {
  const pad = path.join(map.map, bestand);
  const doc = parseDocument(readFileSync(pad, 'utf8'), { prettyErrors: true });
  const naam = path.join(map.naam, bestand);
  if (doc.errors.length > 0)
    throw new ConfigError(
      naam,
      doc.errors.map((e) => e.message.split('\n')[0]),
    );
  const uitkomst = schema.safeParse(doc.toJS());
  if (!uitkomst.success) throw new ConfigError(naam, formatZodIssues(uitkomst.error.issues));
  return uitkomst.data;
}

/** Files named activiteiten-*.yaml and organisaties-*.yaml are merged, so topics can be split freely. */
function leesMap<T extends z.ZodType>(voorvoegsel: string, schema: T): Record<string, z.output<T>> {
  const hoort = (b: string) => b.startsWith(voorvoegsel) && b.endsWith('.yaml');
  const map = demoMap(hoort);
  const uit: Record<string, z.output<T>> = {};
  for (const bestand of readdirSync(map.map).filter(hoort).sort()) {
    const inhoud = leesYaml(bestand, z.record(z.string(), schema), map);
    for (const [sleutel, waarde] of Object.entries(inhoud)) {
      if (sleutel in uit) throw new ConfigError(path.join(map.naam, bestand), [`"${sleutel}" staat al in een ander bestand`]);
      uit[sleutel] = waarde;
    }
  }
  return uit;
}

/** Loads the demo folder and checks every reference against the gemeente config. */
export function laadBouwstenen(config: GemeenteConfig): Bouwstenen {
  const b: Bouwstenen = {
    teksten: leesYaml('teksten.yaml', tekstenSchema),
    kernen: leesYaml('kernen.yaml', z.object({ kernen: z.record(slugSchema, kernBouwsteenSchema) })).kernen,
    namen: leesYaml('namen.yaml', namenSchema),
    organisaties: leesMap('organisaties-lokaal', organisatieSjabloonSchema),
    gemeentebreed: leesMap('organisaties-gemeentebreed', gemeentebreedSchema),
    activiteiten: leesMap('activiteiten-', activiteitSjabloonSchema),
    kernondersteuning: leesYaml('kernondersteuning.yaml', kernondersteuningSchema),
  };
  const fouten: string[] = [];
  const check = (ok: boolean, melding: string) => {
    if (!ok) fouten.push(melding);
  };
  const kernen = new Set(config.kernen.map((k) => k.slug));
  const soorten = new Set(config.soorten.map((s) => s.slug));
  const themas = new Set(config.themas.map((t) => t.slug));
  const doelgroepen = new Set(config.doelgroepen.map((d) => d.slug));
  const kernLijst = (k: 'alle' | string[]) => (k === 'alle' ? [] : k);

  for (const k of kernen) check(k in b.kernen, `kernen.yaml: kern "${k}" ontbreekt`);
  for (const [k, kern] of Object.entries(b.kernen)) {
    check(kernen.has(k), `kernen.yaml: "${k}" is geen kern in gemeente.yaml`);
    for (const o of kern.organisaties) {
      check(o.sjabloon in b.organisaties, `kernen.yaml (${k}): onbekend sjabloon "${o.sjabloon}"`);
      for (const ook of o.ook) check(kernen.has(ook), `kernen.yaml (${k}): onbekende kern "${ook}"`);
    }
  }
  const alleOrgs = { ...b.organisaties, ...b.gemeentebreed };
  for (const [sleutel, o] of Object.entries(alleOrgs)) {
    check(soorten.has(o.soort), `organisatie "${sleutel}": onbekende soort "${o.soort}"`);
    for (const t of o.themas) check(themas.has(t), `organisatie "${sleutel}": onbekend thema "${t}"`);
    for (const v of o.vestigingen) check(kernen.has(v), `organisatie "${sleutel}": onbekende kern "${v}"`);
    for (const a of o.activiteiten)
      check(a.sjabloon in b.activiteiten, `organisatie "${sleutel}": onbekende activiteit "${a.sjabloon}"`);
  }
  for (const [sleutel, o] of Object.entries(b.gemeentebreed)) {
    check(o.thuis === 'geen' || kernen.has(o.thuis), `organisatie "${sleutel}": onbekende kern "${o.thuis}"`);
    for (const k of [...kernLijst(o.kernen), ...o.activiteiten.flatMap((a) => kernLijst(a.kernen))]) {
      check(kernen.has(k), `organisatie "${sleutel}": onbekende kern "${k}"`);
    }
  }
  for (const [sleutel, a] of Object.entries(b.activiteiten)) {
    for (const t of a.themas) check(themas.has(t), `activiteit "${sleutel}": onbekend thema "${t}"`);
    for (const d of a.doelgroepen) check(doelgroepen.has(d), `activiteit "${sleutel}": onbekende doelgroep "${d}"`);
  }
  if (fouten.length > 0) throw new ConfigError(inhoudNaam('demo'), fouten);
  return b;
}
