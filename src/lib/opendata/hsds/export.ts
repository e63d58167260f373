import type { Activiteit, Kernondersteuner, Organisatie } from '../../data/kaart.ts';
import { naamUuid } from '../../data/ids.ts';
import type { Kosten } from '../../model/schemas.ts';
import type { Adres } from '../../model/velden.ts';
import type { Rooster } from '../../rooster/schema.ts';
import type { SiteData } from '../../site/sitedata.ts';
import { kostenTekst } from '../../site/weergave.ts';
import { roosterNaarSchedules } from './rooster.ts';
import { hsdsTaxonomieen, termId, type AanbodSoort, type HsdsTerm, type TaxonomieCode, type Veld } from './taxonomie.ts';

/**
 * Everything published, as Open Referral HSDS 3.0: organizations, and services for our
 * activities, for each organisation's general work and for the kernondersteuners. Ids of
 * organisations, activities and kernondersteuners are their stable UUIDs; every other id is
 * derived from them with a name-based UUID, so the same data always gives the same file.
 */

type O = Record<string, unknown>;
export const KOSTEN_PER_TEKST: Record<string, string> = {
  keer: 'per keer',
  maand: 'per maand',
  jaar: 'per jaar',
  seizoen: 'per seizoen',
  cursus: 'per cursus',
};
export const KOSTEN_SOORT_TEKST = { gratis: 'gratis', 'vrijwillige-bijdrage': 'vrijwillige bijdrage' } as const;

export const id = (soort: string, sleutel: string) => naamUuid(`hsds-${soort}`, sleutel);
export const orgLocatieId = (orgUuid: string) => id('locatie', `organisatie:${orgUuid}`);
export const plekLocatieId = (a: Adres) =>
  id('locatie', `plek:${JSON.stringify([a.naam, a.straat, a.huisnummer, a.postcode, a.plaats, a.kern, a.lat, a.lon])}`);
export const orgDienstId = (orgUuid: string) => id('dienst', orgUuid);
/** The gemeente as organisation, for a kernondersteuner without (published) organisation: HSDS needs one. */
export const gemeenteOrgId = (gemeente: string) => id('gemeente', gemeente);

/** Leaves out empty values, so the JSON carries no nulls and no empty lists. */
function schoon<T extends O>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

export function maakHsdsBouwer(site: SiteData) {
  const { config } = site;
  const { taxonomies, terms } = hsdsTaxonomieen(config);
  const termPerId = new Map<string, HsdsTerm>(terms.map((t) => [t.id, t]));
  const pagina = (pad: string) => new URL(pad, config.url).href;

  function attribuut(linkId: string, entiteit: string, code: TaxonomieCode, slug: string, waarde?: string): O {
    const term = termPerId.get(termId(code, slug));
    if (!term) throw new Error(`Onbekende term ${code}:${slug}`);
    return schoon({
      id: id('attribuut', `${linkId}:${code}:${slug}`),
      link_id: linkId,
      taxonomy_term_id: term.id,
      link_type: code,
      link_entity: entiteit,
      value: waarde,
    });
  }
  const veld = (linkId: string, entiteit: string, naam: Veld, waarde: string | undefined) =>
    waarde === undefined || waarde === '' ? undefined : attribuut(linkId, entiteit, 'veld', naam, waarde);
  const lijst = (...a: (O | undefined)[]) => a.filter((x): x is O => x !== undefined);

  function locatie(adres: Adres, locatieId: string, orgUuid?: string): O {
    return schoon({
      id: locatieId,
      location_type: 'physical',
      organization_id: orgUuid,
      name: adres.naam,
      latitude: adres.lat,
      longitude: adres.lon,
      addresses: [
        schoon({
          id: id('adres', locatieId),
          location_id: locatieId,
          address_1: `${adres.straat} ${adres.huisnummer}`,
          city: adres.plaats,
          region: config.naam,
          state_province: config.provincie,
          postal_code: adres.postcode,
          country: 'NL',
          address_type: 'physical',
        }),
      ],
      attributes: [attribuut(locatieId, 'location', 'kern', adres.kern)],
    });
  }

  const telefoon = (koppeling: string, eigenaar: string, nummer: string | undefined, omschrijving?: string) =>
    nummer ? [schoon({ id: id('telefoon', eigenaar), [koppeling]: eigenaar, number: nummer, description: omschrijving })] : [];
  const taal = (serviceId: string) => [{ id: id('taal', serviceId), service_id: serviceId, name: 'Nederlands', code: 'nl' }];
  const werkgebied = (serviceId: string, kernen: string[]) =>
    kernen.map((kern) =>
      schoon({
        id: id('werkgebied', `${serviceId}:${kern}`),
        service_id: serviceId,
        name: site.kernNaam(kern),
        description: `De kern ${site.kernNaam(kern)} in de gemeente ${config.naam}.`,
        attributes: [attribuut(id('werkgebied', `${serviceId}:${kern}`), 'service_area', 'kern', kern)],
      }),
    );
  const schedules = (rooster: Rooster, koppeling: O, sleutel: string) =>
    roosterNaarSchedules(rooster).map(({ velden, ...deel }, i) => {
      const scheduleId = id('rooster', `${sleutel}:${i}`);
      return schoon({
        id: scheduleId,
        ...koppeling,
        ...deel,
        attributes: velden.map((v) => attribuut(scheduleId, 'schedule', 'veld', v.veld, v.waarde)),
      });
    });
  const dienstOpLocatie = (serviceId: string, i: number, loc: O, extra: O = {}) =>
    schoon({
      id: id('dienst-op-locatie', `${serviceId}:${i}`),
      service_id: serviceId,
      location_id: loc.id,
      ...extra,
      location: loc,
    });

  function kostenOpties(serviceId: string, kosten: Kosten): O[] {
    const basis = { id: id('kosten', serviceId), service_id: serviceId, option: kosten.toelichting };
    switch (kosten.soort) {
      case 'gratis':
        return [schoon({ ...basis, currency: 'EUR', amount: 0, amount_description: KOSTEN_SOORT_TEKST.gratis })];
      case 'vrijwillige-bijdrage':
        return [schoon({ ...basis, amount_description: KOSTEN_SOORT_TEKST['vrijwillige-bijdrage'] })];
      case 'bedrag':
        return [
          schoon({
            ...basis,
            currency: 'EUR',
            amount: kosten.bedragCent / 100,
            amount_description: KOSTEN_PER_TEKST[kosten.per],
          }),
        ];
    }
  }

  const aanbod = (serviceId: string, soort: AanbodSoort) => attribuut(serviceId, 'service', 'aanbod', soort);

  function organisatie(o: Organisatie): O {
    return schoon({
      id: o.uuid,
      name: o.naam,
      description: o.omschrijving,
      email: o.email,
      website: o.website,
      phones: telefoon('organization_id', o.uuid, o.telefoon),
      locations: o.bezoekadres ? [locatie(o.bezoekadres, orgLocatieId(o.uuid), o.uuid)] : [],
      attributes: lijst(
        attribuut(o.uuid, 'organization', 'soort', o.soort),
        ...o.kernen.map((k) => attribuut(o.uuid, 'organization', 'kern', k)),
        ...o.themas.map((t) => attribuut(o.uuid, 'organization', 'thema', t)),
        veld(o.uuid, 'organization', 'slug', o.slug),
        veld(o.uuid, 'organization', 'gecontroleerd-op', o.gecontroleerdOp),
      ),
    });
  }

  /** The organisation's general work as a service, so that service-based tools find it too. */
  function organisatieDienst(o: Organisatie): O {
    const sid = orgDienstId(o.uuid);
    return schoon({
      id: sid,
      organization_id: o.uuid,
      name: o.naam,
      description: o.omschrijving,
      url: o.website,
      email: o.email,
      status: 'active',
      assured_date: o.gecontroleerdOp,
      last_modified: o.gewijzigdOp,
      phones: telefoon('service_id', sid, o.telefoon),
      service_areas: werkgebied(sid, o.kernen),
      service_at_locations: o.bezoekadres ? [dienstOpLocatie(sid, 0, locatie(o.bezoekadres, orgLocatieId(o.uuid), o.uuid))] : [],
      languages: taal(sid),
      attributes: [aanbod(sid, 'organisatie'), ...o.themas.map((t) => attribuut(sid, 'service', 'thema', t))],
    });
  }

  function activiteitDienst(a: Activiteit): O {
    const org = site.organisatie(a.organisatie)!;
    const sid = a.uuid;
    const loc = a.locatie
      ? locatie(a.locatie, plekLocatieId(a.locatie))
      : org.bezoekadres
        ? locatie(org.bezoekadres, orgLocatieId(org.uuid), org.uuid)
        : undefined;
    const contactId = id('contact', sid);
    return schoon({
      id: sid,
      organization_id: org.uuid,
      name: a.titel,
      description: a.omschrijving,
      url: pagina(`/aanbod/${a.slug}/`),
      status: a.status === 'gepauzeerd' ? 'temporarily closed' : 'active',
      application_process: a.aanmelden.hoe,
      fees_description: kostenTekst(a.kosten),
      assured_date: a.gecontroleerdOp,
      last_modified: a.gewijzigdOp,
      schedules: schedules(a.rooster, { service_id: sid }, sid),
      service_areas: werkgebied(sid, [a.kern]),
      service_at_locations: loc ? [dienstOpLocatie(sid, 0, loc)] : [],
      languages: taal(sid),
      cost_options: kostenOpties(sid, a.kosten),
      contacts: a.contact
        ? [
            schoon({
              id: contactId,
              service_id: sid,
              name: a.contact.naam,
              email: a.contact.email,
              phones: telefoon('contact_id', contactId, a.contact.telefoon),
            }),
          ]
        : [],
      attributes: lijst(
        aanbod(sid, 'activiteit'),
        ...a.themas.map((t) => attribuut(sid, 'service', 'thema', t)),
        ...a.doelgroepen.map((d) => attribuut(sid, 'service', 'doelgroep', d)),
        attribuut(sid, 'service', 'aanmelden', a.aanmelden.soort),
        a.capaciteit ? attribuut(sid, 'service', 'capaciteit', a.capaciteit) : undefined,
        veld(sid, 'service', 'slug', a.slug),
        veld(sid, 'service', 'toegankelijkheid', a.toegankelijkheid),
      ),
    });
  }

  function kernondersteunerDienst(k: Kernondersteuner): O {
    const sid = k.uuid;
    const org = k.organisatie ? site.organisatie(k.organisatie) : undefined;
    const contactId = id('contact', sid);
    return schoon({
      id: sid,
      organization_id: org?.uuid ?? gemeenteOrgId(config.naam),
      name: `${site.woorden.Ondersteuner} ${site.kernNaam(k.kern)}`,
      description:
        config.soorten.find((s) => s.slug === 'kernondersteuning')?.omschrijving ??
        `Het vaste aanspreekpunt in ${site.kernNaam(k.kern)}.`,
      status: 'active',
      service_areas: werkgebied(sid, [k.kern]),
      service_at_locations: k.spreekuren.map((s, i) => {
        const loc = locatie(s.plek, plekLocatieId(s.plek));
        const salId = id('dienst-op-locatie', `${sid}:${i}`);
        return dienstOpLocatie(sid, i, loc, {
          description: s.omschrijving,
          schedules: schedules(s.rooster, { service_at_location_id: salId }, salId),
        });
      }),
      languages: taal(sid),
      contacts: [
        schoon({
          id: contactId,
          service_id: sid,
          name: k.naam,
          email: k.email,
          phones: telefoon('contact_id', contactId, k.telefoon, k.bereikbaar),
        }),
      ],
      attributes: lijst(aanbod(sid, 'kernondersteuning'), veld(sid, 'service', 'foto', k.foto)),
    });
  }

  function gemeente(): O {
    const gid = gemeenteOrgId(config.naam);
    return schoon({
      id: gid,
      name: `Gemeente ${config.naam}`,
      description: config.contact.tekst,
      email: config.contact.email,
      website: config.url,
      phones: telefoon('organization_id', gid, config.contact.telefoon),
    });
  }

  return { taxonomies, terms, organisatie, organisatieDienst, activiteitDienst, kernondersteunerDienst, gemeente };
}

export type HsdsExport = { services: O[]; organizations: O[]; taxonomies: O[]; taxonomy_terms: O[] };

/** Everything the public site shows: published organisations, published and paused activities. */
export function maakHsds(site: SiteData): HsdsExport {
  const bouwer = maakHsdsBouwer(site);
  const activiteiten = site.kaart.activiteiten.filter((a) => a.status === 'gepubliceerd' || a.status === 'gepauzeerd');
  const kernVolgorde = new Map(site.kernen.map((k, i) => [k.slug, i]));
  const ondersteuners = [...site.kaart.kernondersteuners].sort((a, b) => kernVolgorde.get(a.kern)! - kernVolgorde.get(b.kern)!);
  return {
    services: [
      ...activiteiten.map(bouwer.activiteitDienst),
      ...site.kaart.organisaties.map(bouwer.organisatieDienst),
      ...ondersteuners.map(bouwer.kernondersteunerDienst),
    ],
    organizations: [
      ...site.kaart.organisaties.map(bouwer.organisatie),
      ...(ondersteuners.some((k) => !k.organisatie || !site.organisatie(k.organisatie)) ? [bouwer.gemeente()] : []),
    ],
    taxonomies: bouwer.taxonomies,
    taxonomy_terms: bouwer.terms,
  };
}
