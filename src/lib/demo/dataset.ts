import type { GemeenteConfig, KernConfig } from '../config/schema.ts';
import type { ActiviteitInvoer, KernondersteunerInvoer, OrganisatieInvoer } from '../model/schemas.ts';
import { maakActiviteit } from './activiteiten.ts';
import { laadBouwstenen } from './bouwstenen.ts';
import {
  maakGemeentebredeOrganisatie,
  maakLokaleOrganisatie,
  type GemaakteOrganisatie,
  type Plek,
  type Werkplaats,
} from './organisaties.ts';
import { toevalVoor } from './prng.ts';
import { bouwRooster, datumNaarDag, dagNaarDatum } from './roosters.ts';
import { emailNaam, maakSlug, SlugRegister, Telefoonboek } from './teksten.ts';

export interface DemoDataset {
  organisaties: OrganisatieInvoer[];
  activiteiten: ActiviteitInvoer[];
  kernondersteuners: KernondersteunerInvoer[];
}

function plekIn(w: Werkplaats, kern: string, voorkeur: string[]): Plek {
  for (const sleutel of voorkeur) {
    const plek = w.plekken.get(kern)?.get(sleutel);
    if (plek) return plek;
  }
  const dorpshuis = w.plekken.get(kern)?.get('dorpshuis');
  if (!dorpshuis) throw new Error(`kern "${kern}" heeft geen dorpshuis in demo/kernen.yaml`);
  return dorpshuis;
}

function maakKernondersteuner(
  w: Werkplaats,
  kern: KernConfig,
  werkgever: GemaakteOrganisatie | undefined,
  gebruikteNamen: Set<string>,
): KernondersteunerInvoer {
  const ko = w.b.kernondersteuning;
  const toeval = toevalVoor(w.basis, 'kernondersteuner', kern.slug);
  // Ten different first names: inwoners of neighbouring kernen should not mix them up.
  const vrij = w.b.namen.voornamen.filter((n) => !gebruikteNamen.has(n));
  const voornaam = toeval.kies(vrij.length > 0 ? vrij : w.b.namen.voornamen);
  gebruikteNamen.add(voornaam);
  const achternaam = toeval.kies(w.b.namen.achternamen);
  const domein =
    werkgever?.contact.website?.replace(/^https?:\/\//, '') ?? `${maakSlug(ko.organisatie).replace(/-/g, '')}.example`;

  const spreekuur = toeval.kies(ko.spreekuur);
  const spreekuren = [
    {
      omschrijving: spreekuur.omschrijving,
      plek: plekIn(w, kern.slug, ['dorpshuis']).adres,
      rooster: bouwRooster(spreekuur.rooster, w.ref, toeval).rooster,
    },
  ];
  const extra = ko.extra[kern.slug];
  if (extra) {
    spreekuren.push({
      omschrijving: extra.omschrijving,
      plek: plekIn(w, kern.slug, extra.plek).adres,
      rooster: bouwRooster(extra.rooster, w.ref, toeval).rooster,
    });
  }
  return {
    kern: kern.slug,
    naam: `${voornaam} ${achternaam}`,
    telefoon: w.telefoonboek.nieuw(toeval),
    email: `${emailNaam(voornaam)}.${maakSlug(achternaam).replace(/-/g, '')}@${domein}`,
    organisatie: werkgever?.invoer.slug ?? ko.organisatie,
    bereikbaar: toeval.kies(ko.bereikbaar),
    spreekuren,
  };
}

/**
 * The demo data set: invented but believable organisations, activities and kernondersteuners
 * for every kern in the config. Same config and reference date give exactly the same data;
 * another reference date only moves the dates.
 */
export function maakDemoDataset(config: GemeenteConfig, referentieDatum: string): DemoDataset {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referentieDatum) || dagNaarDatum(datumNaarDag(referentieDatum)) !== referentieDatum) {
    throw new Error(`referentieDatum moet een bestaande datum zijn als jjjj-mm-dd, niet "${referentieDatum}"`);
  }
  const b = laadBouwstenen(config);
  const w: Werkplaats = {
    config,
    b,
    ref: referentieDatum,
    // Seeded by the gemeente, not by the date: the date may only move dates around.
    basis: `demo|${config.naam}`,
    telefoonboek: new Telefoonboek(b.teksten.netnummer),
    orgSlugs: new SlugRegister(),
    domeinen: new SlugRegister(),
    naamdelen: new Map(),
    plekken: new Map(),
  };

  // Gemeente-wide organisations first, so that they keep their short slugs.
  const organisaties: GemaakteOrganisatie[] = Object.keys(b.gemeentebreed).map((s) => maakGemeentebredeOrganisatie(w, s));
  for (const kern of config.kernen) {
    b.kernen[kern.slug].organisaties.forEach((regel, i) => {
      organisaties.push(maakLokaleOrganisatie(w, kern, regel, i));
    });
  }

  const slugs = new SlugRegister();
  const activiteiten = organisaties.flatMap((org) =>
    org.plannen
      .filter((plan) => plan.kans >= 1 || toevalVoor(w.basis, 'kans', org.invoer.slug, plan.sjabloon, plan.kern).kans(plan.kans))
      .map((plan) => maakActiviteit(w, org, plan, slugs)),
  );

  const werkgever = organisaties.find((o) => o.invoer.slug === b.kernondersteuning.organisatie);
  const namen = new Set<string>();
  const kernondersteuners = config.kernen.map((k) => maakKernondersteuner(w, k, werkgever, namen));

  return merkAlsDemo(
    { organisaties: organisaties.map((o) => o.invoer), activiteiten, kernondersteuners },
    b.teksten.achtervoegsel,
  );
}

/** Every name and title gets the suffix (" (demo)"); slugs stay as they were made from the names. */
function merkAlsDemo(data: DemoDataset, achtervoegsel: string | undefined): DemoDataset {
  if (!achtervoegsel) return data;
  return {
    organisaties: data.organisaties.map((o) => ({ ...o, naam: `${o.naam}${achtervoegsel}` })),
    activiteiten: data.activiteiten.map((a) => ({ ...a, titel: `${a.titel}${achtervoegsel}` })),
    kernondersteuners: data.kernondersteuners.map((k) => ({ ...k, naam: `${k.naam}${achtervoegsel}` })),
  };
}
