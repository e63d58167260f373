import type { ActiviteitInvoer } from '../model/schemas.ts';
import type { RoosterRecept } from './bouwstenen.ts';
import { woorden } from '../config/woorden.ts';
import { controleDatum, type GemaakteOrganisatie, type Plek, type Werkplaats } from './organisaties.ts';
import { toevalVoor, type Toeval } from './prng.ts';
import { bouwRooster, dagenInWoorden } from './roosters.ts';
import type { Weekdag } from '../rooster/schema.ts';
import {
  maakOmschrijving,
  maakSlug,
  plaatshouders,
  type SlugRegister,
  tijdInWoorden,
  vulIn,
  type Variabelen,
} from './teksten.ts';

const WEEKNAMEN: Record<number, string> = { 1: 'eerste', 2: 'tweede', 3: 'derde', 4: 'vierde', [-1]: 'laatste' };

/** "elke dinsdag", "om de week op vrijdag", … for texts that say when something happens. */
function wanneerInWoorden(recept: RoosterRecept, dagen: Weekdag[], week: number | undefined): string {
  const d = dagenInWoorden(dagen);
  switch (recept.soort) {
    case 'wekelijks':
      return `elke ${d}`;
    case 'om-de-week':
      return `om de week op ${d}`;
    case 'om-de-drie-weken':
      return `eens in de drie weken op ${d}`;
    case 'maandelijks':
      return `elke ${WEEKNAMEN[week ?? 1]} ${d} van de maand`;
    case 'eenmalig':
      return `op ${d}`;
    case 'reeks':
      return `een paar keer op ${d}`;
    case 'cursus':
      return `een aantal weken op ${d}`;
    case 'op-afspraak':
      return 'op afspraak';
  }
}

/** Where an activity happens: `undefined` means at the organisation's own visiting address. */
function kiesPlek(w: Werkplaats, org: GemaakteOrganisatie, kern: string, voorkeur?: string[]): { plek?: Plek; eigen: boolean } {
  const ketting = voorkeur ?? (org.gemeentebreed ? ['eigen', 'dorpshuis'] : ['eigen']);
  const thuis = org.invoer.bezoekadres?.kern;
  for (const sleutel of ketting) {
    if (sleutel === 'eigen' || sleutel === org.sleutel) {
      if (thuis === kern) return { plek: org.plekken.get(kern), eigen: true };
      const vestiging = org.plekken.get(kern);
      if (vestiging) return { plek: vestiging, eigen: false };
      continue;
    }
    const plek = w.plekken.get(kern)?.get(sleutel);
    if (plek) return { plek, eigen: false };
  }
  // No address at all (a telephone service): then the activity has no place either.
  if (!org.invoer.bezoekadres && ketting.includes('eigen')) return { eigen: true };
  const dorpshuis = w.plekken.get(kern)?.get('dorpshuis');
  if (!dorpshuis) throw new Error(`kern "${kern}" heeft geen dorpshuis in kernen.yaml`);
  return { plek: dorpshuis, eigen: false };
}

/** Drafts and paused activities are a small minority; a one-off event is never "paused". */
function kiesStatus(org: GemaakteOrganisatie, recept: RoosterRecept, toeval: Toeval): ActiviteitInvoer['status'] {
  const worp = toeval.getal();
  if (org.concept || worp < 0.02) return 'concept';
  if (worp < 0.045 && recept.soort !== 'eenmalig' && recept.soort !== 'reeks') return 'gepauzeerd';
  return 'gepubliceerd';
}

export function maakActiviteit(
  w: Werkplaats,
  org: GemaakteOrganisatie,
  plan: { sjabloon: string; kern: string; plek?: string[] },
  slugs: SlugRegister,
): ActiviteitInvoer {
  const sjabloon = w.b.activiteiten[plan.sjabloon];
  const toeval = toevalVoor(w.basis, 'activiteit', org.invoer.slug, plan.sjabloon, plan.kern);
  const kern = w.config.kernen.find((k) => k.slug === plan.kern)!;
  const { plek, eigen } = kiesPlek(w, org, plan.kern, plan.plek);

  const recept = toeval.kies(sjabloon.rooster);
  const { rooster, dagen } = bouwRooster(recept, w.ref, toeval);
  const eersteRegel = rooster.regels?.[0];
  const maandWeek = eersteRegel?.type === 'maandelijks' ? eersteRegel.week : undefined;

  let persoon = toeval.kans(sjabloon.contact) ? toeval.kies(org.personen) : undefined;
  // Options whose {placeholders} this organisation can fill; a website link needs a website.
  const kan = (hoe?: string) => plaatshouders(hoe ?? '').every((p) => p !== 'website' || org.contact.website);
  // Only by appointment: nobody can just walk in, so only the ways to make an appointment.
  const alleenAfspraak = rooster.opAfspraak && (rooster.regels ?? []).length === 0;
  const opties = sjabloon.aanmelden.filter((a) => kan(a.hoe) && !(alleenAfspraak && a.soort === 'vrije-inloop'));
  const aanmeldKeuze = toeval.kies(
    opties.length > 0 ? opties : [{ soort: 'aanmelden' as const, hoe: 'Bel {contact}: {telefoon}.' }],
  );
  const nodig = plaatshouders(aanmeldKeuze.hoe ?? '');
  if (nodig.includes('telefoon') && !persoon?.telefoon) persoon = org.personen.find((p) => p.telefoon) ?? persoon;
  if (nodig.includes('email') && !persoon?.email) persoon = org.personen.find((p) => p.email) ?? persoon;
  if (!persoon && nodig.includes('contact')) persoon = org.personen[0];

  const v: Variabelen = {
    kern: kern.naam,
    gemeente: w.config.naam,
    deondersteuner: woorden(w.config).deOndersteuner,
    org: org.invoer.naam,
    plek: plek?.adres.naam ?? org.invoer.naam,
    wanneer: wanneerInWoorden(recept, dagen, maandWeek),
    tijd: eersteRegel ? `van ${tijdInWoorden(eersteRegel.van)} tot ${tijdInWoorden(eersteRegel.tot)} uur` : undefined,
    contact: persoon?.voornaam,
    telefoon: persoon?.telefoon ?? org.contact.telefoon,
    email: persoon?.email ?? org.contact.email,
    website: org.contact.website,
  };
  // Only when nobody at the organisation has a phone; the number is still on the impossible block.
  if (nodig.includes('telefoon') && !v.telefoon) v.telefoon = w.telefoonboek.nieuw(toeval);
  if (nodig.includes('email') && !v.email) v.email = `info@${maakSlug(org.invoer.naam).replace(/-/g, '')}.example`;

  const titel = vulIn(toeval.kies(sjabloon.titel), v);
  const status = kiesStatus(org, recept, toeval);
  let omschrijving = maakOmschrijving(sjabloon.omschrijving, v, toeval);
  if (status === 'gepauzeerd') omschrijving = `${toeval.kies(w.b.teksten.gepauzeerd)} ${omschrijving}`;
  const metToegankelijkheid = toeval.kans(0.7);
  const capaciteit = sjabloon.capaciteit && toeval.kans(0.5) ? toeval.kies(sjabloon.capaciteit) : undefined;
  const orgKort = maakSlug(org.invoer.naam).replace(maakSlug(kern.naam), '');
  const contactpersoon = persoon
    ? {
        naam: persoon.naam,
        ...(persoon.telefoon ? { telefoon: persoon.telefoon } : {}),
        ...(persoon.email ? { email: persoon.email } : {}),
      }
    : undefined;

  return {
    slug: slugs.geef(`${titel}-${kern.slug}`, `${titel}-${orgKort}-${kern.slug}`),
    titel,
    omschrijving,
    organisatie: org.invoer.slug,
    kern: kern.slug,
    ...(plek && !eigen ? { locatie: plek.adres } : {}),
    rooster,
    themas: sjabloon.themas,
    doelgroepen: sjabloon.doelgroepen,
    kosten: toeval.kies(sjabloon.kosten),
    aanmelden: aanmeldKeuze.hoe ? { soort: aanmeldKeuze.soort, hoe: vulIn(aanmeldKeuze.hoe, v) } : { soort: aanmeldKeuze.soort },
    ...(metToegankelijkheid && plek?.toegankelijkheid ? { toegankelijkheid: plek.toegankelijkheid } : {}),
    ...(contactpersoon ? { contact: contactpersoon } : {}),
    ...(capaciteit ? { capaciteit } : {}),
    status,
    gecontroleerdOp: controleDatum(w.ref, toeval),
  };
}
