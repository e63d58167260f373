import { woorden } from '../config/woorden.ts';
import type { GemeenteConfig, KernConfig } from '../config/schema.ts';
import type { OrganisatieInvoer } from '../model/schemas.ts';
import type { Bouwstenen, KernOrganisatie, OrganisatieSjabloon } from './bouwstenen.ts';
import { toevalVoor, type Toeval } from './prng.ts';
import { plusDagen } from './roosters.ts';
import { emailNaam, maakDomein, maakOmschrijving, type SlugRegister, type Telefoonboek, vulIn } from './teksten.ts';

/** Like the model's address, but with plain types: its zod input type leaves `naam` unknown. */
export interface Adres {
  naam?: string;
  straat: string;
  huisnummer: string;
  postcode: string;
  plaats: string;
  kern: string;
  lat: number;
  lon: number;
}

export interface Plek {
  adres: Adres;
  toegankelijkheid?: string;
}

export interface Persoon {
  naam: string;
  voornaam: string;
  telefoon?: string;
  email?: string;
}

export interface ActiviteitPlan {
  sjabloon: string;
  kern: string;
  kans: number;
  plek?: string[];
}

/** The organisation's own contact details, typed (the zod input type leaves them `unknown`). */
export interface Bereikbaarheid {
  telefoon?: string;
  email?: string;
  website?: string;
}

export interface GemaakteOrganisatie {
  invoer: OrganisatieInvoer;
  contact: Bereikbaarheid;
  sleutel: string;
  gemeentebreed: boolean;
  concept: boolean;
  /** Its own places per kern: the visiting address and any branches. */
  plekken: Map<string, Plek>;
  personen: Persoon[];
  plannen: ActiviteitPlan[];
}

/** Shared state while building: uniqueness of slugs, phone numbers and name parts. */
export interface Werkplaats {
  config: GemeenteConfig;
  b: Bouwstenen;
  ref: string;
  basis: string;
  telefoonboek: Telefoonboek;
  orgSlugs: SlugRegister;
  domeinen: SlugRegister;
  naamdelen: Map<string, Set<string>>;
  /** kern → organisation key (template or gemeente-wide key) → place; the first one wins. */
  plekken: Map<string, Map<string, Plek>>;
}

/** About one in ten listings was checked more than six months ago, as on any real social map. */
export function controleDatum(ref: string, toeval: Toeval): string {
  const oud = toeval.kans(0.1);
  const dagen = oud ? toeval.tussen(190, 275) : toeval.tussen(25, 175);
  return plusDagen(ref, -dagen);
}

const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRTVWXZ';
const KM_PER_GRAAD = 111.32;

/** A point at most `km` from the centre, spread evenly over the disc. */
function verschuif(lat: number, lon: number, km: number, toeval: Toeval): { lat: number; lon: number } {
  const r = km * Math.sqrt(toeval.getal());
  const hoek = toeval.getal() * 2 * Math.PI;
  return {
    lat: lat + (r * Math.cos(hoek)) / KM_PER_GRAAD,
    lon: lon + (r * Math.sin(hoek)) / (KM_PER_GRAAD * Math.cos((lat * Math.PI) / 180)),
  };
}

/** Addresses on one street lie close together; the street itself lies within ~1 km of the centre. */
export function maakAdres(w: Werkplaats, kern: KernConfig, toeval: Toeval, naam?: string): Adres {
  const bouwsteen = w.b.kernen[kern.slug];
  const straat = toeval.kies(bouwsteen.straten);
  const huisnummer = `${toeval.tussen(1, 140)}${toeval.kans(0.1) ? toeval.kies(['a', 'b']) : ''}`;
  const postcode = `${toeval.kies(bouwsteen.postcodes)} ${toeval.kies([...POSTCODE_LETTERS])}${toeval.kies([...POSTCODE_LETTERS])}`;
  const straatPunt = verschuif(kern.centrum.lat, kern.centrum.lon, 0.95, toevalVoor(w.basis, 'straat', kern.slug, straat));
  const punt = verschuif(straatPunt.lat, straatPunt.lon, 0.12, toeval);
  return {
    ...(naam ? { naam } : {}),
    straat,
    huisnummer,
    postcode,
    plaats: kern.naam,
    kern: kern.slug,
    lat: Math.round(punt.lat * 1e5) / 1e5,
    lon: Math.round(punt.lon * 1e5) / 1e5,
  };
}

function kernVan(w: Werkplaats, slug: string): KernConfig {
  const kern = w.config.kernen.find((k) => k.slug === slug);
  if (!kern) throw new Error(`onbekende kern "${slug}"`);
  return kern;
}

/** {kern} and {deel:groep}; name parts are not reused while the group still has fresh ones. */
function maakNaam(w: Werkplaats, patroon: string, kern: KernConfig, toeval: Toeval): string {
  const delen: Record<string, string> = { kern: kern.naam };
  for (const ph of patroon.match(/\{deel:[a-z]+\}/g) ?? []) {
    const groep = ph.slice(6, -1);
    const lijst = w.b.namen.naamdelen[groep];
    if (!lijst) throw new Error(`naamdelen "${groep}" ontbreekt in namen.yaml`);
    const gebruikt = w.naamdelen.get(groep) ?? new Set<string>();
    w.naamdelen.set(groep, gebruikt);
    const vrij = lijst.filter((d) => !gebruikt.has(d));
    const deel = toeval.kies(vrij.length > 0 ? vrij : lijst);
    gebruikt.add(deel);
    delen[`deel:${groep}`] = deel;
  }
  return vulIn(patroon, delen);
}

function maakPersonen(w: Werkplaats, domein: string, toeval: Toeval): Persoon[] {
  return Array.from({ length: toeval.tussen(1, 3) }, () => {
    const voornaam = toeval.kies(w.b.namen.voornamen);
    const naam = `${voornaam} ${toeval.kies(w.b.namen.achternamen)}`;
    const metTelefoon = toeval.kans(0.85);
    const metEmail = !metTelefoon || toeval.kans(0.5);
    return {
      naam,
      voornaam,
      ...(metTelefoon ? { telefoon: w.telefoonboek.nieuw(toeval) } : {}),
      ...(metEmail ? { email: `${emailNaam(voornaam)}@${domein}` } : {}),
    };
  });
}

interface Basis {
  sleutel: string;
  sjabloon: Omit<OrganisatieSjabloon, 'naam' | 'activiteiten'>;
  naam: string;
  thuis?: KernConfig;
  kernen: string[];
  concept: boolean;
  gemeentebreed: boolean;
  plannen: ActiviteitPlan[];
  toeval: Toeval;
}

function bouw(w: Werkplaats, o: Basis): GemaakteOrganisatie {
  const { toeval, sjabloon } = o;
  const hoofdKern = o.thuis ?? kernVan(w, o.kernen[0]);
  const slug = w.orgSlugs.geef(o.gemeentebreed ? o.sleutel : o.naam, `${o.naam}-${hoofdKern.slug}`);
  const domein = `${w.domeinen.geef(maakDomein(o.naam).replace('.example', ''), `${o.naam}-${hoofdKern.slug}`).replace(/-/g, '')}.example`;
  const metTelefoon = toeval.kans(sjabloon.telefoon);
  const metWebsite = toeval.kans(sjabloon.website);
  const metEmail = !metTelefoon || toeval.kans(0.85);
  const omschrijving = maakOmschrijving(
    sjabloon.omschrijving,
    { naam: o.naam, kern: hoofdKern.naam, gemeente: w.config.naam, deondersteuner: woorden(w.config).deOndersteuner },
    toeval,
  );
  const toegankelijkheid = sjabloon.toegankelijkheid ? toeval.kies(sjabloon.toegankelijkheid) : undefined;

  const plekken = new Map<string, Plek>();
  if (o.thuis) plekken.set(o.thuis.slug, { adres: maakAdres(w, o.thuis, toeval), toegankelijkheid });
  for (const v of sjabloon.vestigingen) {
    const kern = kernVan(w, v);
    const naam = vulIn(sjabloon.vestigingNaam ?? `${o.naam} {kern}`, { kern: kern.naam });
    plekken.set(v, { adres: maakAdres(w, kern, toeval, naam), toegankelijkheid });
  }
  for (const [kern, plek] of plekken) {
    const perKern = w.plekken.get(kern) ?? new Map<string, Plek>();
    w.plekken.set(kern, perKern);
    // Named copy: an activity held here by another organisation must say where it is.
    if (!perKern.has(o.sleutel)) perKern.set(o.sleutel, { ...plek, adres: { naam: o.naam, ...plek.adres } });
  }

  const personen = maakPersonen(w, domein, toeval);
  const bezoekadres = o.thuis ? plekken.get(o.thuis.slug)?.adres : undefined;
  const contact: Bereikbaarheid = {
    ...(metTelefoon ? { telefoon: w.telefoonboek.nieuw(toeval) } : {}),
    ...(metEmail ? { email: `${toeval.kies(['info', 'info', 'contact', 'secretariaat'])}@${domein}` } : {}),
    ...(metWebsite ? { website: `https://${domein}` } : {}),
  };
  const kernen = [...new Set([...o.kernen, ...plekken.keys(), ...o.plannen.map((p) => p.kern)])];
  const invoer: OrganisatieInvoer = {
    slug,
    naam: o.naam,
    soort: sjabloon.soort,
    omschrijving,
    ...contact,
    ...(bezoekadres ? { bezoekadres } : {}),
    kernen,
    themas: sjabloon.themas,
    status: o.concept ? 'concept' : 'gepubliceerd',
    gecontroleerdOp: controleDatum(w.ref, toeval),
  };
  return {
    invoer,
    contact,
    sleutel: o.sleutel,
    gemeentebreed: o.gemeentebreed,
    concept: o.concept,
    plekken,
    personen,
    plannen: o.plannen,
  };
}

export function maakLokaleOrganisatie(
  w: Werkplaats,
  kern: KernConfig,
  regel: KernOrganisatie,
  volgnummer: number,
): GemaakteOrganisatie {
  const sjabloon = w.b.organisaties[regel.sjabloon];
  const toeval = toevalVoor(w.basis, 'organisatie', kern.slug, String(volgnummer), regel.sjabloon);
  const patroon = regel.naam ?? toeval.kies(sjabloon.naam ?? [`{kern}`]);
  const naam = maakNaam(w, patroon, kern, toeval);
  const kernen = [kern.slug, ...regel.ook];
  const plannen = sjabloon.activiteiten.map((a) => ({ sjabloon: a.sjabloon, kern: kern.slug, kans: a.kans, plek: a.plek }));
  return bouw(w, {
    sleutel: regel.sjabloon,
    sjabloon,
    naam,
    thuis: kern,
    kernen,
    concept: regel.concept,
    gemeentebreed: false,
    plannen,
    toeval,
  });
}

export function maakGemeentebredeOrganisatie(w: Werkplaats, sleutel: string): GemaakteOrganisatie {
  const sjabloon = w.b.gemeentebreed[sleutel];
  const alle = w.config.kernen.map((k) => k.slug);
  const lijst = (k: 'alle' | string[]) => (k === 'alle' ? alle : k);
  const plannen = sjabloon.activiteiten.flatMap((a) =>
    lijst(a.kernen).map((kern) => ({ sjabloon: a.sjabloon, kern, kans: 1, plek: a.plek })),
  );
  return bouw(w, {
    sleutel,
    sjabloon,
    naam: sjabloon.naam,
    thuis: sjabloon.thuis === 'geen' ? undefined : kernVan(w, sjabloon.thuis),
    kernen: lijst(sjabloon.kernen),
    concept: false,
    gemeentebreed: true,
    plannen,
    toeval: toevalVoor(w.basis, 'organisatie', sleutel),
  });
}
