import type { GemeenteConfig, LijstItem } from '../config/schema.ts';
import { woorden } from '../config/woorden.ts';
import type { Activiteit, Kaart, Kern, Kernondersteuner, Organisatie } from '../data/kaart.ts';
import { plusDagen } from '../rooster/kalender.ts';
import { volgendeKeren, type Keer } from '../rooster/keren.ts';
import { type Leeftijd, leeftijd } from './versheid.ts';
import { groepeerPer, sorteerNl } from './weergave.ts';

/** Lookups and derived lists for the public pages, computed once per build. */

export type Nu = { datum: string; tijd: string };
export type KomendeKeer = Keer & { activiteit: Activiteit };

export type SiteData = ReturnType<typeof maakSiteData>;

function label(lijst: LijstItem[], slug: string): string {
  return lijst.find((i) => i.slug === slug)?.label ?? slug;
}

export function maakSiteData(config: GemeenteConfig, kaart: Kaart, nu: Nu) {
  const kernPerSlug = new Map(kaart.kernen.map((k) => [k.slug, k]));
  const orgPerSlug = new Map(kaart.organisaties.map((o) => [o.slug, o]));
  const actPerSlug = new Map(kaart.activiteiten.map((a) => [a.slug, a]));
  const ondersteunerPerKern = new Map(kaart.kernondersteuners.map((k) => [k.kern, k]));

  const volgendeCache = new Map<number, Keer[]>();
  /** The next occurrences (at most 5, within a year) from build time. */
  const volgende = (a: Activiteit): Keer[] => {
    let keren = volgendeCache.get(a.id);
    if (!keren) {
      keren = a.status === 'gepubliceerd' ? volgendeKeren(a.rooster, nu, { aantal: 5, horizonDagen: 366 }) : [];
      volgendeCache.set(a.id, keren);
    }
    return keren;
  };

  /** How old "gecontroleerd op" is (src/lib/site/versheid.ts); an activity follows its organisation's exemption. */
  const leeftijdVan = (item: Organisatie | Activiteit): Leeftijd => {
    const org = 'organisatie' in item ? orgPerSlug.get(item.organisatie) : item;
    return leeftijd(item.gecontroleerdOp, nu.datum, config.versheid, org?.altijdZichtbaar ?? false);
  };
  const inLijsten = (item: Organisatie | Activiteit): boolean => leeftijdVan(item) !== 'verborgen';

  /** Published, and not an event that is over (its page says so). */
  const isGepland = (a: Activiteit): boolean =>
    a.status === 'gepubliceerd' && (a.rooster.regels.length === 0 || volgende(a).length > 0);
  /** Shown in lists and search: planned, and checked recently enough. */
  const isActueel = (a: Activiteit): boolean => isGepland(a) && inLijsten(a);
  const zichtbareOrganisaties = kaart.organisaties.filter(inLijsten);

  const actueel = kaart.activiteiten.filter(isActueel);
  const actPerKern = groepeerPer(actueel, (a) => [a.kern]);
  const actPerOrg = groepeerPer(kaart.activiteiten, (a) => [a.organisatie]);
  const actPerThema = groepeerPer(actueel, (a) => a.themas);
  const orgPerKern = groepeerPer(zichtbareOrganisaties, (o) => o.kernen);
  /** An organisation belongs to a thema by its own choice or through its activities. */
  const themasVan = (o: Organisatie): string[] => [
    ...new Set([...o.themas, ...(actPerOrg.get(o.slug) ?? []).filter(isActueel).flatMap((a) => a.themas)]),
  ];
  const orgPerThema = groepeerPer(zichtbareOrganisaties, themasVan);

  /** Occurrences of all current activities in a kern in the coming `dagen` days, by date. */
  function komendeKeren(kern: string, dagen = 21): KomendeKeer[] {
    const tot = plusDagen(nu.datum, dagen);
    return (actPerKern.get(kern) ?? [])
      .flatMap((activiteit) =>
        volgendeKeren(activiteit.rooster, nu, { aantal: 10, tot }).map((keer) => ({ ...keer, activiteit })),
      )
      .sort(
        (a, b) =>
          a.datum.localeCompare(b.datum) || a.van.localeCompare(b.van) || sorteerNl(a.activiteit.titel, b.activiteit.titel),
      );
  }

  return {
    config,
    /** The gemeente's words for its local contact (kernondersteuner, Sterk Lokaal Team). */
    woorden: woorden(config),
    kaart,
    nu,
    demo: kaart.demo,
    kernen: kaart.kernen,
    kern: (slug: string): Kern | undefined => kernPerSlug.get(slug),
    organisatie: (slug: string): Organisatie | undefined => orgPerSlug.get(slug),
    activiteit: (slug: string): Activiteit | undefined => actPerSlug.get(slug),
    ondersteuner: (kern: string): Kernondersteuner | undefined => ondersteunerPerKern.get(kern),
    volgende,
    isGepland,
    isActueel,
    leeftijdVan,
    inLijsten,
    /** Organisations in lists and search (A–Z, kern, thema); their pages exist for all. */
    zichtbareOrganisaties,
    komendeKeren,
    organisatiesIn: (kern: string): Organisatie[] => orgPerKern.get(kern) ?? [],
    activiteitenIn: (kern: string): Activiteit[] => actPerKern.get(kern) ?? [],
    activiteitenVan: (org: string): Activiteit[] => actPerOrg.get(org) ?? [],
    activiteitenOver: (thema: string): Activiteit[] => actPerThema.get(thema) ?? [],
    organisatiesOver: (thema: string): Organisatie[] => orgPerThema.get(thema) ?? [],
    themasVan,
    soortLabel: (slug: string) => label(config.soorten, slug),
    themaLabel: (slug: string) => label(config.themas, slug),
    doelgroepLabel: (slug: string) => label(config.doelgroepen, slug),
    kernNaam: (slug: string) => kernPerSlug.get(slug)?.naam ?? slug,
  };
}
