import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { KaartConfig } from '../config/schema.ts';

/**
 * MapLibre styles for the three basemap settings. Plain data, no maplibre runtime, so it is
 * tested in Node and costs nothing until a map opens.
 */

/** Colours from the theme's design tokens (read from CSS custom properties in the browser). */
export type Kleuren = {
  land: string;
  water: string;
  groen: string;
  weg: string;
  gebouw: string;
  tekst: string;
  kern: string;
  kernRand: string;
};

export const STANDAARD_KLEUREN: Kleuren = {
  land: '#f3f3f3',
  water: '#c6dcef',
  groen: '#dcebd3',
  weg: '#ffffff',
  gebouw: '#e2e2e2',
  tekst: '#1a1a1a',
  kern: '#e6ddf2',
  kernRand: '#5f3e8f',
};

/** What the browser needs to know of the map config (the outline file path stays on the server). */
export type Ondergrond =
  | { ondergrond: 'none' }
  | { ondergrond: 'pdok'; stijl: string }
  | {
      ondergrond: 'pmtiles';
      bestand: string;
      glyphs: string;
      sprite: string;
      stijl?: string;
      lettertype: string;
      attributie: string;
    };

export function ondergrondVoorBrowser(kaart: KaartConfig): Ondergrond {
  switch (kaart.ondergrond) {
    case 'none':
      return { ondergrond: 'none' };
    case 'pdok':
      return { ondergrond: 'pdok', stijl: kaart.stijl };
    case 'pmtiles': {
      const { omlijningen: _, ...rest } = kaart;
      return rest;
    }
  }
}

export const PDOK_ATTRIBUTIE = 'Kaartgegevens: © Kadaster';

/** Attribution the map must show for its basemap; `none` has no third-party data. */
export function attributie(o: Ondergrond): string | undefined {
  if (o.ondergrond === 'pdok') return PDOK_ATTRIBUTIE;
  if (o.ondergrond === 'pmtiles') return o.attributie;
  return undefined;
}

const absoluut = (pad: string, origin: string) => new URL(pad, origin).href;

/** The pmtiles protocol wants an absolute URL behind its scheme. */
export function pmtilesUrl(bestand: string, origin: string): string {
  return `pmtiles://${absoluut(bestand, origin)}`;
}

/** A basemap of nothing: the background in the theme's colour; outlines and markers go on top. */
function leegStijl(k: Kleuren): StyleSpecification {
  return { version: 8, sources: {}, layers: [{ id: 'achtergrond', type: 'background', paint: { 'background-color': k.land } }] };
}

/** A compact style for a Protomaps basemap (v4 schema) PMTiles file, in the theme's colours. */
function pmtilesStijl(o: Extract<Ondergrond, { ondergrond: 'pmtiles' }>, k: Kleuren, origin: string): StyleSpecification {
  const bron = 'basis';
  const vlak = (id: string, laag: string, kleur: string, filter?: unknown): LayerSpecification =>
    ({
      id,
      type: 'fill',
      source: bron,
      'source-layer': laag,
      ...(filter ? { filter } : {}),
      paint: { 'fill-color': kleur },
    }) as LayerSpecification;
  const weg = (id: string, soorten: string[], breedte: number): LayerSpecification => ({
    id,
    type: 'line',
    source: bron,
    'source-layer': 'roads',
    filter: ['in', ['get', 'kind'], ['literal', soorten]],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': k.weg,
      'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 10, breedte / 4, 18, breedte * 6],
    },
  });
  return {
    version: 8,
    glyphs: absoluut(o.glyphs, origin).replace(/%7B/g, '{').replace(/%7D/g, '}'),
    sprite: absoluut(o.sprite, origin),
    sources: { [bron]: { type: 'vector', url: pmtilesUrl(o.bestand, origin), attribution: o.attributie } },
    layers: [
      { id: 'achtergrond', type: 'background', paint: { 'background-color': k.land } },
      vlak('aarde', 'earth', k.land),
      vlak('groen', 'landuse', k.groen, [
        'in',
        ['get', 'kind'],
        ['literal', ['park', 'forest', 'wood', 'grass', 'nature_reserve', 'meadow']],
      ]),
      vlak('water', 'water', k.water),
      vlak('gebouwen', 'buildings', k.gebouw),
      weg('paden', ['path', 'other'], 0.5),
      weg('straten', ['minor_road'], 1),
      weg('hoofdwegen', ['major_road', 'highway'], 1.6),
      {
        id: 'plaatsnamen',
        type: 'symbol',
        source: bron,
        'source-layer': 'places',
        filter: ['in', ['get', 'kind'], ['literal', ['locality', 'neighbourhood']]],
        layout: { 'text-field': ['get', 'name'], 'text-font': [o.lettertype], 'text-size': 13 },
        paint: { 'text-color': k.tekst, 'text-halo-color': k.land, 'text-halo-width': 1.5 },
      },
    ],
  };
}

/**
 * Fills in a gemeente's own style JSON: "{bestand}" in a source URL becomes our PMTiles file,
 * relative glyph and sprite paths become absolute (MapLibre requires that).
 */
export function vulStijlIn(
  stijl: StyleSpecification,
  o: Extract<Ondergrond, { ondergrond: 'pmtiles' }>,
  origin: string,
): StyleSpecification {
  const sources = Object.fromEntries(
    Object.entries(stijl.sources).map(([naam, bron]) => {
      const url =
        'url' in bron && typeof bron.url === 'string' ? bron.url.replace('{bestand}', absoluut(o.bestand, origin)) : undefined;
      return [naam, url ? { ...bron, url } : bron];
    }),
  );
  return {
    ...stijl,
    sources: sources as StyleSpecification['sources'],
    glyphs: absoluut(stijl.glyphs ?? o.glyphs, origin)
      .replace(/%7B/g, '{')
      .replace(/%7D/g, '}'),
    sprite:
      typeof stijl.sprite === 'string' || stijl.sprite === undefined ? absoluut(stijl.sprite ?? o.sprite, origin) : stijl.sprite,
  };
}

/** The style to start the map with: a style object, or the URL of a style to fetch. */
export function basisStijl(o: Ondergrond, k: Kleuren, origin: string): StyleSpecification | string {
  switch (o.ondergrond) {
    case 'none':
      return leegStijl(k);
    case 'pdok':
      return o.stijl;
    case 'pmtiles':
      return o.stijl ? absoluut(o.stijl, origin) : pmtilesStijl(o, k, origin);
  }
}

export const KERNEN_BRON = 'sk-kernen';

/**
 * Kern outlines on top of any basemap: the kern of the page stands out; on a basemap without
 * anything else (`none`) all kernen are drawn, so the markers have context.
 */
export function kernLagen(k: Kleuren, opties: { kern?: string; alleKernen: boolean }): LayerSpecification[] {
  const omlijning = ['==', ['get', 'soort'], 'omlijning'];
  const actief = opties.kern ? ['==', ['get', 'kern'], opties.kern] : false;
  const filter = opties.alleKernen ? omlijning : ['all', omlijning, actief];
  return [
    {
      id: 'kern-vlak',
      type: 'fill',
      source: KERNEN_BRON,
      filter: filter as never,
      paint: { 'fill-color': k.kern, 'fill-opacity': opties.alleKernen ? ['case', actief, 0.9, 0.55] : 0.35 } as never,
    },
    {
      id: 'kern-rand',
      type: 'line',
      source: KERNEN_BRON,
      filter: filter as never,
      paint: { 'line-color': k.kernRand, 'line-width': ['case', actief, 2.5, 1], 'line-opacity': 0.8 } as never,
    },
  ];
}
