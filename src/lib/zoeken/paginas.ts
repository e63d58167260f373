import type { LijstItem } from '../config/schema.ts';
import type { Activiteit, Kern, Organisatie } from '../data/kaart.ts';
import { weekdag } from '../rooster/kalender.ts';
import { WEEKDAGEN, type Weekdag } from '../rooster/schema.ts';
import { inSeizoen } from '../rooster/keren.ts';
import { MAANDEN } from '../rooster/schema.ts';
import { datumTekst, keerTekst, roosterSamenvatting } from '../rooster/tekst.ts';
import type { SiteData } from '../site/sitedata.ts';
import { gecontroleerdKort } from '../site/weergave.ts';
import type { FilterNaam, RangFilter } from './staat.ts';
import { laadSynoniemen, type Synoniemen } from './synoniemen.ts';
import { STOPWOORDEN, woorden } from './tekst.ts';
import type { ZonderJsIndex, ZonderJsPagina } from './zonderjs.ts';
import { trefwoorden, Woordenboek } from './woordenboek.ts';

/**
 * What Pagefind stores about each public page besides its text: meta for the result list
 * (type, kern, next date), filters (kern, soort, thema, doelgroep, gratis, dag) and hidden
 * keywords from the synonym file. Rendered by src/components/Zoekgegevens.astro.
 */

export type Zoektype = 'organisatie' | 'activiteit' | 'kern' | 'thema';
export const TYPE_LABEL: Record<Zoektype, string> = {
  organisatie: 'Organisatie',
  activiteit: 'Activiteit',
  kern: 'Kern',
  thema: 'Thema',
};

export type Zoekgegevens = {
  meta: Record<string, string>;
  filters: Partial<Record<FilterNaam | RangFilter, string[]>>;
  /** Hidden keywords: from the page's own words, and (weaker) from its thema's. */
  trefwoorden: { eigen: string; thema: string };
};

/** The page's words as text (see Paginawoorden). */
type Bron = { tekst: string[]; labels: string[]; themas: string[] };

const labels = (lijst: LijstItem[], slugs: string[]) => slugs.map((s) => lijst.find((i) => i.slug === s)?.label ?? s);

/** Weekdays on which an activity takes place; one-off dates only when still to come. */
export function dagenVan(a: Activiteit, vandaag: string): Weekdag[] {
  const dagen = new Set<Weekdag>();
  for (const r of a.rooster.regels) {
    if (r.type === 'wekelijks') for (const d of r.dagen) dagen.add(d);
    else if (r.type === 'maandelijks') dagen.add(r.dag);
    else if (r.datum >= vandaag) dagen.add(weekdag(r.datum));
  }
  return WEEKDAGEN.filter((d) => dagen.has(d));
}

/** Coordinates as Pagefind meta, so "dichtbij mij" can sort search results in the browser. */
export function plekMeta(plek: { lat?: number; lon?: number } | undefined): Record<string, string> {
  return plek?.lat !== undefined && plek.lon !== undefined ? { lat: String(plek.lat), lon: String(plek.lon) } : {};
}

/**
 * Where an activity stands today, for ranking: "gestopt" (paused or over) never ranks above a
 * current one; "later" (outside its season, or not begun) ranks lower and says when it starts.
 */
export function standVan(a: Activiteit, vandaag: string, actueel: boolean): { stand?: 'gestopt' | 'later'; weer?: string } {
  if (a.status !== 'gepubliceerd' || !actueel) return { stand: 'gestopt' };
  const { seizoen, periode } = a.rooster;
  if (seizoen && !inSeizoen(seizoen, vandaag))
    return { stand: 'later', weer: `Nu buiten het seizoen, weer vanaf ${MAANDEN[seizoen.vanMaand - 1]}.` };
  if (periode?.van && periode.van > vandaag)
    return { stand: 'later', weer: `Begint op ${datumTekst(periode.van, { metDag: true })}.` };
  return {};
}

/**
 * Results of one index kept for the next, in a resident render process: a publish computes the
 * words of the few records that changed, not of all 20,000 (1.8 s there). An index sees only the
 * results of the index before it, and only if that was made from the same inputs (`invoer`).
 */
class Bewaard<T> {
  private vorige = new Map<string, T>();
  private nu = new Map<string, T>();
  private invoer: string | undefined;

  /** Starts an index: its reader and keeper of results, by a key of the record's own inputs. */
  voor(invoer: string): (sleutel: string, maak: () => T) => T {
    if (invoer !== this.invoer) this.vorige = new Map();
    else if (this.nu.size > 0) this.vorige = this.nu;
    this.nu = new Map();
    this.invoer = invoer;
    const { nu, vorige } = this;
    return (sleutel, maak) => {
      let waarde = nu.get(sleutel) ?? vorige.get(sleutel);
      if (waarde === undefined) waarde = maak();
      nu.set(sleutel, waarde);
      return waarde;
    };
  }
}
const bewaard = {
  paginaWoorden: new Bewaard<string[]>(),
  trefwoorden: new Bewaard<{ eigen: string; thema: string }>(),
};

export function maakZoekindex(site: SiteData, synoniemen: Synoniemen = laadSynoniemen(site.config)) {
  const bewaardeWoorden = bewaard.paginaWoorden.voor('');
  const { config } = site;
  const alleKernen = site.kernen.length;
  const kernTekst = (slugs: string[]) =>
    slugs.length === alleKernen && alleKernen > 1 ? `Heel ${config.naam}` : slugs.map(site.kernNaam).join(', ');
  const doelgroepenVan = (o: Organisatie) => [
    ...new Set(
      site
        .activiteitenVan(o.slug)
        .filter(site.isActueel)
        .flatMap((a) => a.doelgroepen),
    ),
  ];

  /** Each record's Bron and search words once per index: the pages and search without JavaScript share them. */
  const eenmaal = <T extends object, U>(maak: (x: T) => U) => {
    const gezien = new WeakMap<T, U>();
    return (x: T): U => {
      if (!gezien.has(x)) gezien.set(x, maak(x));
      return gezien.get(x)!;
    };
  };
  const bronnen = {
    organisatie: eenmaal((o: Organisatie): Bron => {
      const themas = site.themasVan(o);
      return { tekst: [o.naam, o.omschrijving], labels: [site.soortLabel(o.soort)], themas };
    }),
    activiteit: eenmaal(
      (a: Activiteit): Bron => ({
        tekst: [a.titel, a.omschrijving, site.organisatie(a.organisatie)?.naam ?? '', a.toegankelijkheid ?? ''],
        labels: labels(config.doelgroepen, a.doelgroepen),
        themas: a.themas,
      }),
    ),
    kern: eenmaal(
      (k: Kern): Bron => ({
        tekst: [k.naam, k.omschrijving, site.woorden.ondersteuner, site.ondersteuner(k.slug)?.naam ?? ''],
        labels: [],
        themas: [],
      }),
    ),
    thema: eenmaal((t: LijstItem): Bron => ({ tekst: [t.label, t.omschrijving ?? ''], labels: [], themas: [t.slug] })),
  };

  const sleutelVan = eenmaal((b: Bron) => JSON.stringify(b));
  const paginaWoorden = eenmaal((b: Bron) =>
    bewaardeWoorden(sleutelVan(b), () => woorden([...b.tekst, ...b.labels, ...labels(config.themas, b.themas)].join(' '))),
  );
  const alleBronnen = [
    ...site.zichtbareOrganisaties.map(bronnen.organisatie),
    ...site.kaart.activiteiten.filter(site.isActueel).map(bronnen.activiteit),
    ...site.kernen.map(bronnen.kern),
    ...config.themas.map(bronnen.thema),
  ];
  const synoniemWoorden = [...synoniemen.themas.values(), ...synoniemen.groepen.map((g) => g.alle)].flat(2);
  const boek = new Woordenboek([...alleBronnen.map(paginaWoorden), synoniemWoorden]);
  // A page's keywords depend on its words, the synonyms and the site's vocabulary (compounds are
  // split by it): with the same vocabulary they are those of the previous index.
  const invoer = JSON.stringify([synoniemen.groepen, [...synoniemen.themas], config.themas]);
  const bewaardeTrefwoorden = bewaard.trefwoorden.voor(`${invoer}\n${[...boek.aantal.keys()].sort().join(' ')}`);
  const woordenVan = eenmaal((b: Bron) =>
    bewaardeTrefwoorden(sleutelVan(b), () => {
      const w = trefwoorden(
        {
          tekst: woorden(b.tekst.join(' ')),
          labels: woorden(b.labels.join(' ')),
          themaLabels: woorden(labels(config.themas, b.themas).join(' ')),
          themas: b.themas,
        },
        synoniemen,
        boek,
      );
      return { eigen: w.eigen.join(' '), thema: w.thema.join(' ') };
    }),
  );

  return {
    boek,
    organisatie(o: Organisatie): Zoekgegevens {
      return {
        meta: {
          type: TYPE_LABEL.organisatie,
          kern: kernTekst(o.kernen),
          gecontroleerd: gecontroleerdKort(o.gecontroleerdOp),
          ...plekMeta(o.bezoekadres),
        },
        filters: {
          kern: o.kernen,
          soort: [o.soort],
          thema: site.themasVan(o),
          doelgroep: doelgroepenVan(o),
          type: ['organisatie'],
        },
        trefwoorden: woordenVan(bronnen.organisatie(o)),
      };
    },
    activiteit(a: Activiteit): Zoekgegevens {
      const volgende = site.volgende(a)[0];
      const meta: Record<string, string> = { type: TYPE_LABEL.activiteit, kern: site.kernNaam(a.kern), ...plekMeta(a.plek) };
      const wanneer = roosterSamenvatting(a.rooster);
      if (wanneer) meta.wanneer = wanneer;
      if (volgende) meta.volgende = keerTekst(volgende, site.nu.datum.slice(0, 4));
      if (a.status === 'gepauzeerd') meta.status = 'Tijdelijk gestopt';
      meta.gecontroleerd = gecontroleerdKort(a.gecontroleerdOp);
      const { stand, weer } = standVan(a, site.nu.datum, site.isActueel(a));
      if (weer) meta.weer = weer;
      const org = site.organisatie(a.organisatie);
      return {
        meta,
        filters: {
          kern: [a.kern],
          soort: org ? [org.soort] : [],
          thema: a.themas,
          doelgroep: a.doelgroepen,
          dag: dagenVan(a, site.nu.datum),
          gratis: a.kosten.soort === 'gratis' ? ['ja'] : [],
          type: ['activiteit'],
          stand: stand ? [stand] : [],
        },
        trefwoorden: woordenVan(bronnen.activiteit(a)),
      };
    },
    kern(k: Kern): Zoekgegevens {
      return {
        meta: { type: TYPE_LABEL.kern, kern: k.naam, ...plekMeta(k.centrum) },
        filters: { kern: [k.slug], type: ['kern'] },
        trefwoorden: woordenVan(bronnen.kern(k)),
      };
    },
    thema(t: LijstItem): Zoekgegevens {
      return {
        meta: { type: TYPE_LABEL.thema },
        filters: { thema: [t.slug], type: ['thema'] },
        trefwoorden: woordenVan(bronnen.thema(t)),
      };
    },
    /**
     * The pages for search without JavaScript (src/lib/zoeken/zonderjs.ts, answered by our own
     * server): name, address, type, kernen, and the words to match, names apart.
     */
    zonderJsJson(): ZonderJsIndex {
      const pagina = (u: string, t: string, type: Zoektype, ks: string[], b: Bron): ZonderJsPagina => {
        const w = woordenVan(b);
        const naam = new Set(woorden(t));
        const nieuw = (x: string) => !naam.has(x) && !STOPWOORDEN.has(x);
        const eigen = new Set([...paginaWoorden(b), ...woorden(w.eigen)].filter(nieuw));
        const thema = new Set(woorden(w.thema).filter((x) => nieuw(x) && !eigen.has(x)));
        return {
          u,
          t,
          s: TYPE_LABEL[type],
          k: kernTekst(ks),
          ks,
          n: [...naam].join(' '),
          w: [...eigen].join(' '),
          z: [...thema].join(' '),
        };
      };
      return {
        paginas: [
          ...site.kaart.organisaties.map((o) =>
            pagina(`/organisaties/${o.slug}/`, o.naam, 'organisatie', o.kernen, bronnen.organisatie(o)),
          ),
          ...site.kaart.activiteiten
            .filter(site.isActueel)
            .map((a) => pagina(`/aanbod/${a.slug}/`, a.titel, 'activiteit', [a.kern], bronnen.activiteit(a))),
          ...site.kernen.map((k) => pagina(`/kernen/${k.slug}/`, k.naam, 'kern', [k.slug], bronnen.kern(k))),
          ...config.themas.map((t) => pagina(`/themas/${t.slug}/`, t.label, 'thema', [], bronnen.thema(t))),
        ],
      };
    },
    /** The vocabulary the browser corrects typos against, with the kernen to recognise in a query. */
    woordenJson() {
      return {
        ...boek.naarJson(),
        kernen: site.kernen.map((k) => ({ slug: k.slug, naam: k.naam })),
        doelgroepen: Object.fromEntries(synoniemen.doelgroepen),
      };
    },
  };
}

export type Zoekindex = ReturnType<typeof maakZoekindex>;

/** On globalThis for the same reason as siteData's cache (src/lib/site/laden.ts): one per SiteData in a process. */
const g = globalThis as typeof globalThis & { __socialeKaartZoekindex?: WeakMap<SiteData, Zoekindex> };
const cache = (g.__socialeKaartZoekindex ??= new WeakMap());

/** One index per build (per SiteData), shared by all pages. */
export function zoekindex(site: SiteData): Zoekindex {
  let z = cache.get(site);
  if (!z) {
    z = maakZoekindex(site);
    cache.set(site, z);
  }
  return z;
}
