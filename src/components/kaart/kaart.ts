import {
  AttributionControl,
  LngLatBounds,
  Map as MlMap,
  Marker,
  NavigationControl,
  Popup,
  setWorkerUrl,
  type GeoJSONSourceSpecification,
  type LngLatLike,
  type StyleSpecification,
} from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { clusterIndexen, clusterVakken, grenzenVan, groepSleutel } from '../../lib/kaart/cluster.ts';
import type { KernenGeoJson } from '../../lib/kaart/omlijningen.ts';
import type { KaartPlek } from '../../lib/kaart/plekken.ts';
import {
  attributie,
  basisStijl,
  kernLagen,
  KERNEN_BRON,
  STANDAARD_KLEUREN,
  vulStijlIn,
  type Kleuren,
} from '../../lib/kaart/stijl.ts';
import kaartCss from './kaart.css?url';
import { aantal, beschrijf, element, labelMaat, popupInhoud } from './dom.ts';
import type { KaartInstellingen } from './lezen.ts';

/**
 * The map itself: MapLibre with HTML markers (real buttons, so they are reachable by keyboard and
 * need no glyphs), screen-space clustering and popups with links. Loaded only when a map opens.
 */

// The bundler gives the worker its own hashed file; MapLibre would otherwise look next to this chunk.
setWorkerUrl(workerUrl);

/** Markers closer than this many pixels become one cluster. */
const STRAAL = 34;
const MAX_ZOOM = 18;

function nederlands(naam: string): Record<string, string> {
  return {
    'Map.Title': naam,
    'NavigationControl.ZoomIn': 'Inzoomen',
    'NavigationControl.ZoomOut': 'Uitzoomen',
    'NavigationControl.ResetBearing': 'Draai de kaart terug naar het noorden',
    'Popup.Close': 'Sluiten',
    'Marker.Title': 'Plek op de kaart',
    'AttributionControl.ToggleAttribution': 'Bronvermelding tonen of verbergen',
    'AttributionControl.MapFeedback': 'Meld een fout in de kaart',
    'LogoControl.Title': 'MapLibre-logo',
    'CooperativeGesturesHandler.WindowsHelpText': 'Houd Ctrl ingedrukt en scrol om in of uit te zoomen',
    'CooperativeGesturesHandler.MacHelpText': 'Houd ⌘ ingedrukt en scrol om in of uit te zoomen',
    'CooperativeGesturesHandler.MobileHelpText': 'Gebruik twee vingers om de kaart te verschuiven',
  };
}

/** A theme colour from a CSS custom property, normalised by the canvas so MapLibre can parse it. */
function leesKleuren(el: HTMLElement): Kleuren {
  const stijl = getComputedStyle(el);
  const ctx = document.createElement('canvas').getContext('2d');
  const kleur = (eigenschap: string, standaard: string) => {
    const waarde = stijl.getPropertyValue(eigenschap).trim();
    if (!waarde || !ctx) return standaard;
    ctx.fillStyle = standaard;
    ctx.fillStyle = waarde;
    return ctx.fillStyle;
  };
  const s = STANDAARD_KLEUREN;
  return {
    land: kleur('--sk-kaart-land', s.land),
    water: kleur('--sk-kaart-water', s.water),
    groen: kleur('--sk-kaart-groen', s.groen),
    weg: kleur('--sk-kaart-weg', s.weg),
    gebouw: kleur('--sk-kaart-gebouw', s.gebouw),
    tekst: kleur('--sk-kaart-tekst', s.tekst),
    kern: kleur('--sk-kaart-kern', s.kern),
    kernRand: kleur('--sk-kaart-kern-rand', s.kernRand),
  };
}

/**
 * Stylesheets as files, linked when the map opens: a plain CSS import would make Astro put them
 * in the <head> of every page with a map, loaded before anyone asks for it.
 */
function laadCss(href: string): Promise<void> {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return Promise.resolve();
  return new Promise((klaar, fout) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => klaar();
    link.onerror = () => fout(new Error(`${href} laadde niet`));
    document.head.append(link);
  });
}

async function laadKernen(): Promise<KernenGeoJson | undefined> {
  try {
    const r = await fetch('/kaart/kernen.geojson');
    return r.ok ? ((await r.json()) as KernenGeoJson) : undefined;
  } catch {
    return undefined;
  }
}

async function stijlVoor(inst: KaartInstellingen, kleuren: Kleuren): Promise<StyleSpecification | string> {
  const o = inst.ondergrond;
  const stijl = basisStijl(o, kleuren, location.origin);
  if (o.ondergrond !== 'pmtiles') return stijl;
  const { Protocol } = await import('pmtiles');
  const { addProtocol } = await import('maplibre-gl');
  addProtocol('pmtiles', new Protocol().tile);
  if (typeof stijl !== 'string') return stijl;
  return vulStijlIn((await (await fetch(stijl)).json()) as StyleSpecification, o, location.origin);
}

function beginGrenzen(inst: KaartInstellingen, plekken: KaartPlek[], kernen?: KernenGeoJson): LngLatBounds | undefined {
  const punten: { lat: number; lon: number }[] = plekken.map((p) => ({ lat: p.lat, lon: p.lon }));
  if (inst.soort === 'kern' && kernen) {
    for (const f of kernen.features) {
      if (f.properties.kern !== inst.kern) continue;
      const ringen =
        f.geometry.type === 'Polygon'
          ? f.geometry.coordinates
          : f.geometry.type === 'MultiPolygon'
            ? f.geometry.coordinates.flat()
            : [[f.geometry.coordinates]];
      for (const ring of ringen) for (const [lon, lat] of ring) punten.push({ lat, lon });
    }
  }
  const g = grenzenVan(punten);
  return g ? new LngLatBounds([g.west, g.zuid], [g.oost, g.noord]) : undefined;
}

type Groep = { leden: number[]; knop: HTMLButtonElement; marker: Marker; positie: [number, number] };

export async function maakKaart(
  doel: HTMLElement,
  sectie: HTMLElement,
  inst: KaartInstellingen,
  plekken: KaartPlek[],
): Promise<MlMap> {
  const kleuren = leesKleuren(sectie);
  const [kernen, stijl] = await Promise.all([laadKernen(), stijlVoor(inst, kleuren), laadCss(maplibreCss), laadCss(kaartCss)]);
  const grenzen = beginGrenzen(inst, plekken, kernen);
  const zonderOndergrond = inst.ondergrond.ondergrond === 'none';
  const bron = attributie(inst.ondergrond);

  const kaart = new MlMap({
    container: doel,
    style: stijl,
    bounds: grenzen,
    // More room on the right, where the zoom buttons are.
    fitBoundsOptions: { padding: { top: 40, bottom: 40, left: 48, right: 80 }, maxZoom: inst.soort === 'plek' ? 15 : 16 },
    center: grenzen ? undefined : [6.6, 52.45],
    zoom: grenzen ? undefined : 11,
    minZoom: 8,
    maxZoom: MAX_ZOOM,
    attributionControl: false,
    cooperativeGestures: true,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    locale: nederlands(inst.naam),
  });
  kaart.touchZoomRotate.disableRotation();
  kaart.keyboard.disableRotation();
  kaart.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  if (bron) kaart.addControl(new AttributionControl({ compact: false, customAttribution: bron }), 'bottom-right');

  // A tile that fails (a network hiccup, a basemap server that is down) leaves the rest of the map
  // working; only a style that cannot load means there is no map.
  let stijlGeladen = false;
  kaart.once('style.load', () => (stijlGeladen = true));
  await new Promise<void>((klaar, fout) => {
    kaart.once('load', () => klaar());
    kaart.on('error', (e) => {
      if (!stijlGeladen) fout(e.error);
      else console.warn('Kaart:', e.error?.message ?? e);
    });
  });

  if (kernen) {
    kaart.addSource(KERNEN_BRON, { type: 'geojson', data: kernen as GeoJSONSourceSpecification['data'] });
    for (const laag of kernLagen(kleuren, { kern: inst.kern, alleKernen: zonderOndergrond })) kaart.addLayer(laag);
    // Without a basemap the kern names are the only orientation; HTML, so no glyphs are needed.
    if (zonderOndergrond && inst.soort !== 'overzicht') {
      for (const f of kernen.features) {
        if (f.properties.soort !== 'centrum' || f.geometry.type !== 'Point') continue;
        const label = element(
          'div',
          `sk-kaartlabel${f.properties.kern === inst.kern ? ' sk-kaartlabel--actief' : ''}`,
          f.properties.naam,
        );
        label.setAttribute('aria-hidden', 'true');
        new Marker({ element: label }).setLngLat(f.geometry.coordinates).addTo(kaart);
      }
    }
  }

  let groepen = new Map<string, Groep>();
  let popup: Popup | undefined;

  const sluitPopup = () => {
    popup?.remove();
    popup = undefined;
  };

  const openPopup = (g: Groep) => {
    sluitPopup();
    const leden = g.leden.map((i) => plekken[i]);
    const p = new Popup({ closeButton: true, closeOnClick: false, offset: 16, maxWidth: '20rem', focusAfterOpen: true })
      .setLngLat(g.positie)
      .setDOMContent(popupInhoud(leden))
      .addTo(kaart);
    const el = p.getElement();
    el.setAttribute('role', 'dialog');
    el.setAttribute(
      'aria-label',
      leden.length === 1 ? (leden[0].naam ?? leden[0].items[0].naam) : aantal(leden.length, 'plek', 'plekken'),
    );
    el.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      sluitPopup();
      g.knop.focus();
    });
    p.on('close', () => {
      if (!document.activeElement || document.activeElement === document.body || el.contains(document.activeElement))
        g.knop.focus();
    });
    popup = p;
  };

  /** After zooming in on a cluster, focus moves to the marker that now holds its first place. */
  let focusNa: number | undefined;

  const kies = (g: Groep) => {
    const punten = g.leden.map((i) => plekken[i]);
    const b = grenzenVan(punten)!;
    const opEenPlek = b.oost - b.west < 1e-5 && b.noord - b.zuid < 1e-5;
    if (g.leden.length > 1 && !opEenPlek && kaart.getZoom() < MAX_ZOOM - 0.5) {
      sluitPopup();
      focusNa = g.leden[0];
      kaart.fitBounds([b.west, b.zuid, b.oost, b.noord], { padding: 64, maxZoom: MAX_ZOOM, duration: 400 });
    } else {
      openPopup(g);
    }
  };

  const maakGroep = (leden: number[]): Groep => {
    const knop = element('button', 'sk-marker');
    knop.type = 'button';
    // Which places of the list this marker stands for (list order); also what the tests check.
    knop.dataset.plekken = leden.join(' ');
    const n = leden.reduce((s, i) => s + plekken[i].items.length, 0);
    if (leden.length > 1) {
      knop.classList.add('sk-marker--cluster');
      knop.textContent = String(inst.soort === 'overzicht' ? leden.length : n);
      knop.setAttribute(
        'aria-label',
        inst.soort === 'overzicht'
          ? `${leden.length} kernen dicht bij elkaar: ${leden.map((i) => plekken[i].naam).join(', ')}. Druk om in te zoomen.`
          : `${leden.length} plekken dicht bij elkaar, ${aantal(n, 'organisatie of activiteit', 'organisaties en activiteiten')}. Druk om in te zoomen.`,
      );
    } else if (inst.soort === 'overzicht') {
      knop.classList.add('sk-marker--label');
      knop.textContent = plekken[leden[0]].naam ?? '';
    } else {
      if (n > 1) knop.textContent = String(n);
      knop.classList.add(n > 1 ? 'sk-marker--meer' : 'sk-marker--een');
      knop.setAttribute('aria-label', beschrijf(plekken[leden[0]]));
    }
    const lon = leden.reduce((s, i) => s + plekken[i].lon, 0) / leden.length;
    const lat = leden.reduce((s, i) => s + plekken[i].lat, 0) / leden.length;
    const positie: [number, number] = [lon, lat];
    const marker = new Marker({ element: knop }).setLngLat(positie as LngLatLike).addTo(kaart);
    const groep: Groep = { leden, knop, marker, positie };
    knop.addEventListener('click', (e) => {
      e.stopPropagation();
      kies(groep);
    });
    // A marker reached with Tab but outside the view is brought into view, so focus stays visible.
    knop.addEventListener('focus', () => {
      if (!kaart.getBounds().contains(positie)) kaart.panTo(positie, { duration: 300 });
    });
    return groep;
  };

  const teken = () => {
    const posities = plekken.map((p) => kaart.project([p.lon, p.lat]));
    const actief = document.activeElement;
    const nieuw = new Map<string, Groep>();
    // Kern names on the overview are wide labels: they merge when their boxes would overlap.
    const indeling =
      inst.soort === 'overzicht'
        ? clusterVakken(posities.map((p, i) => ({ x: p.x, y: p.y, ...labelMaat(plekken[i].naam ?? '') })))
        : clusterIndexen(posities, STRAAL);
    for (const leden of indeling) {
      const sleutel = groepSleutel(leden);
      nieuw.set(sleutel, groepen.get(sleutel) ?? maakGroep(leden));
    }
    let verloren: number | undefined;
    for (const [sleutel, g] of groepen) {
      if (nieuw.has(sleutel)) continue;
      if (g.knop === actief) verloren = g.leden[0];
      g.marker.remove();
    }
    groepen = nieuw;
    const volgende = focusNa ?? verloren;
    focusNa = undefined;
    if (volgende !== undefined) [...groepen.values()].find((g) => g.leden.includes(volgende))?.knop.focus();
  };

  kaart.on('moveend', teken);
  kaart.on('click', (e) => {
    if (!(e.originalEvent.target as Element | null)?.closest?.('.sk-marker, .maplibregl-popup')) sluitPopup();
  });
  teken();
  return kaart;
}
