import { z } from 'zod';

/** A slug as used in URLs and data: lowercase letters, digits and single hyphens. */
export const slugSchema = z.string({ error: 'moet tekst zijn' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: 'mag alleen kleine letters, cijfers en losse streepjes bevatten (bijvoorbeeld "den-ham")',
});

export const coordinaatSchema = z.object({
  lat: z.number({ error: 'moet een getal zijn' }).min(-90).max(90),
  lon: z.number({ error: 'moet een getal zijn' }).min(-180).max(180),
});

const lijstItemSchema = z.object({
  slug: slugSchema,
  label: z.string().min(1, { error: 'mag niet leeg zijn' }),
  omschrijving: z.string().optional(),
});

/** A list whose slugs must be unique. */
function lijst(naam: string) {
  return z
    .array(lijstItemSchema)
    .min(1, { error: `${naam} mag niet leeg zijn` })
    .superRefine((items, ctx) => {
      const gezien = new Set<string>();
      items.forEach((item, i) => {
        if (gezien.has(item.slug)) {
          ctx.addIssue({ code: 'custom', path: [i, 'slug'], message: `"${item.slug}" staat er twee keer in` });
        }
        gezien.add(item.slug);
      });
    });
}

export const kernConfigSchema = z.object({
  slug: slugSchema,
  naam: z.string().min(1),
  centrum: coordinaatSchema,
  omschrijving: z.string().min(1, { error: 'schrijf een korte omschrijving van de kern' }),
});

/** The PDOK BRT-Achtergrondkaart as vector tiles (OGC API), in its standard style. */
export const PDOK_STIJL = 'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=json';

/** A path on our own site, so a self-hosted basemap can never point to a third party by accident. */
const eigenPad = z.string().regex(/^\/[^/]/, { error: 'moet een pad op deze site zijn, zoals /kaart/twenterand.pmtiles' });

const kaartGemeenschappelijk = {
  /** GeoJSON with the outlines of the kernen (polygons with property "kern"), relative to the project root. */
  omlijningen: z.string().min(1).default('content/kaart/kernen.geojson'),
};

/**
 * Which basemap the map shows. `none` makes no request outside the site; `pdok` loads the
 * government basemap from PDOK; `pmtiles` a basemap file served by our own server.
 */
export const kaartConfigSchema = z.discriminatedUnion('ondergrond', [
  z.object({ ondergrond: z.literal('none'), ...kaartGemeenschappelijk }),
  z.object({
    ondergrond: z.literal('pdok'),
    ...kaartGemeenschappelijk,
    /** Style JSON (MapLibre style spec); the PDOK standard style unless a gemeente picks another PDOK style. */
    stijl: z.url({ protocol: /^https$/, error: 'moet een https-adres van een kaartstijl zijn' }).default(PDOK_STIJL),
    /** Extra hosts the style loads tiles, fonts or symbols from, e.g. https://service.pdok.nl. */
    bronnen: z.array(z.url({ protocol: /^https$/ })).default([]),
  }),
  z.object({
    ondergrond: z.literal('pmtiles'),
    ...kaartGemeenschappelijk,
    /** The .pmtiles file on our own server (Protomaps basemap schema unless `stijl` says otherwise). */
    bestand: eigenPad,
    /** Glyphs URL template on our own server, e.g. /kaart/fonts/{fontstack}/{range}.pbf. */
    glyphs: eigenPad.refine((s) => s.includes('{fontstack}') && s.includes('{range}'), {
      error: 'moet {fontstack} en {range} bevatten, zoals /kaart/fonts/{fontstack}/{range}.pbf',
    }),
    /** Sprite on our own server, without extension, e.g. /kaart/sprites/light. */
    sprite: eigenPad,
    /** Optional own style JSON on our server; its "pmtiles://" source may use the placeholder {bestand}. */
    stijl: eigenPad.optional(),
    /** Font for place names; must exist in the glyphs folder. */
    lettertype: z.string().min(1).default('Noto Sans Regular'),
    attributie: z.string().min(1).default('© OpenStreetMap-bijdragers'),
  }),
]);

export const gemeenteConfigSchema = z
  .object({
    naam: z.string().min(1),
    /** Province, for addresses in the open data (HSDS asks for it). */
    provincie: z.string().min(1).optional(),
    sitenaam: z.string().min(1),
    /** Public address of the site, used for absolute links in the sitemap and JSON-LD. */
    url: z.url({ error: 'moet een volledig webadres zijn, zoals https://socialekaart.example.nl' }),
    contact: z.object({
      telefoon: z.string().min(1),
      email: z.email({ error: 'is geen geldig e-mailadres' }),
      tekst: z.string().min(1),
    }),
    kernen: z.array(kernConfigSchema).min(1, { error: 'noem minstens één kern' }),
    soorten: lijst('soorten'),
    themas: lijst("thema's"),
    doelgroepen: lijst('doelgroepen'),
    huisstijl: z
      .object({
        /** CSS file with design tokens, relative to the project root, or "voorbeeld". */
        tokens: z.string().min(1).default('voorbeeld'),
        /**
         * Optional CSS file (relative to the project root) with the gemeente's own values for some
         * tokens, e.g. its colours on top of the voorbeeld tokens; it comes after the tokens file.
         */
        aanvulling: z
          .string()
          .regex(/\.css$/, { error: 'moet een CSS-bestand zijn, zoals content/huisstijl/kleuren.css' })
          .optional(),
        /** Class on <html> that activates the tokens. */
        klasse: z
          .string()
          .regex(/^[a-z][a-z0-9-]*$/)
          .default('voorbeeld-theme'),
      })
      .prefault({}),
    kaart: kaartConfigSchema.prefault({ ondergrond: 'none' }),
    /**
     * The gemeente's own words for what users see. Twenterand has a kernondersteuner per kern;
     * Loon op Zand has its Sterk Lokaal Team. Internal names (the role, tables) stay the same.
     */
    woorden: z
      .object({
        ondersteuner: z
          .object({
            enkelvoud: z.string().trim().min(1).max(60).default('kernondersteuner'),
            meervoud: z.string().trim().min(1).max(60).default('kernondersteuners'),
            /** "de kernondersteuner", "het Sterk Lokaal Team". */
            lidwoord: z.enum(['de', 'het'], { error: 'kies "de" of "het"' }).default('de'),
          })
          .prefault({}),
      })
      .prefault({}),
    /**
     * How old "gecontroleerd op" may get (issue #15): after `melding_na_maanden` the page says the
     * details may be outdated; after `verbergen_na_maanden` the listing leaves lists and search
     * (its page stays, with the notice). The beheerder can exempt a listing.
     */
    versheid: z
      .object({
        melding_na_maanden: z.int().min(1).max(120).default(12),
        verbergen_na_maanden: z.int().min(1).max(240).default(18),
        /** Weeks before a seasonal activity's season starts that its partners are asked "Gaat het weer door?". */
        seizoen_vooraf_weken: z.int().min(1).max(12).default(3),
      })
      .refine((v) => v.verbergen_na_maanden >= v.melding_na_maanden, {
        error: 'verbergen_na_maanden mag niet kleiner zijn dan melding_na_maanden',
        path: ['verbergen_na_maanden'],
      })
      .prefault({}),
    /** What the DCAT-AP-NL description of the open data says (data.overheid.nl harvests it). */
    opendata: z
      .object({
        /** Licence of the data, as a URI. */
        licentie: z.url().default('http://creativecommons.org/publicdomain/zero/1.0/deed.nl'),
        /** The publisher as a TOOI URI, e.g. https://identifier.overheid.nl/tooi/id/gemeente/gm1700; absent: by name. */
        uitgever: z.url().optional(),
        /** Name of the publisher; default "Gemeente <naam>". */
        uitgeverNaam: z.string().min(1).optional(),
        /** Update frequency from the EU list (publications.europa.eu/resource/authority/frequency). */
        frequentie: z
          .enum(['UPDATE_CONT', 'DAILY', 'WEEKLY', 'MONTHLY', 'IRREG'], {
            error: 'kies UPDATE_CONT, DAILY, WEEKLY, MONTHLY of IRREG',
          })
          .default('UPDATE_CONT'),
      })
      .prefault({}),
  })
  .superRefine((cfg, ctx) => {
    const slugs = new Set<string>();
    cfg.kernen.forEach((kern, i) => {
      if (slugs.has(kern.slug)) {
        ctx.addIssue({ code: 'custom', path: ['kernen', i, 'slug'], message: `"${kern.slug}" staat er twee keer in` });
      }
      slugs.add(kern.slug);
    });
  });

export type GemeenteConfig = z.infer<typeof gemeenteConfigSchema>;
export type KernConfig = z.infer<typeof kernConfigSchema>;
export type LijstItem = z.infer<typeof lijstItemSchema>;
export type KaartConfig = z.infer<typeof kaartConfigSchema>;
