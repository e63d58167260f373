import type { Activiteit, Organisatie } from '../data/kaart.ts';
import type { Adres } from '../model/velden.ts';
import { roosterTekst } from '../rooster/tekst.ts';
import { jsonInDelen } from './stroom.ts';
import type { SiteData } from '../site/sitedata.ts';
import { kostenTekst } from '../site/weergave.ts';
import { naarCsv } from './csv.ts';

/**
 * The open-data download of everything published. The field lists below are the single source
 * for the CSV columns, the JSON keys and the documentation on /open-data/.
 */

export type Veld = { naam: string; uitleg: string };

const ADRES_VELDEN: Veld[] = [
  { naam: 'adres_naam', uitleg: 'Naam van de plek, bijvoorbeeld het dorpshuis (mag leeg zijn).' },
  { naam: 'straat', uitleg: 'Straatnaam.' },
  { naam: 'huisnummer', uitleg: 'Huisnummer met eventuele toevoeging.' },
  { naam: 'postcode', uitleg: 'Postcode, als 1234 AB.' },
  { naam: 'plaats', uitleg: 'Plaatsnaam.' },
  { naam: 'lat', uitleg: 'Breedtegraad (WGS84).' },
  { naam: 'lon', uitleg: 'Lengtegraad (WGS84).' },
];

export const ORGANISATIE_VELDEN: Veld[] = [
  { naam: 'id', uitleg: 'Vaste identificatie (UUID). Verandert nooit, ook niet als de naam verandert.' },
  { naam: 'slug', uitleg: 'Korte naam in het webadres.' },
  { naam: 'naam', uitleg: 'Naam van de organisatie.' },
  { naam: 'soort', uitleg: 'Soort organisatie (vaste lijst, zie hieronder).' },
  { naam: 'omschrijving', uitleg: 'Wat de organisatie doet, in eenvoudige taal.' },
  { naam: 'telefoon', uitleg: 'Telefoonnummer.' },
  { naam: 'email', uitleg: 'E-mailadres.' },
  { naam: 'website', uitleg: 'Website.' },
  ...ADRES_VELDEN,
  { naam: 'kernen', uitleg: 'Kernen waar de organisatie actief is (slugs, gescheiden door komma’s).' },
  { naam: 'themas', uitleg: "Thema's (slugs)." },
  { naam: 'gecontroleerd_op', uitleg: 'Datum waarop de gegevens voor het laatst zijn gecontroleerd (jjjj-mm-dd).' },
  { naam: 'url', uitleg: 'Pagina op de sociale kaart.' },
];

export const ACTIVITEIT_VELDEN: Veld[] = [
  { naam: 'id', uitleg: 'Vaste identificatie (UUID).' },
  { naam: 'slug', uitleg: 'Korte naam in het webadres.' },
  { naam: 'titel', uitleg: 'Naam van de activiteit.' },
  { naam: 'omschrijving', uitleg: 'Wat er gebeurt, in eenvoudige taal.' },
  { naam: 'organisatie_id', uitleg: 'id van de organisatie die de activiteit organiseert.' },
  { naam: 'kern', uitleg: 'Kern waar de activiteit is (slug).' },
  { naam: 'status', uitleg: 'gepubliceerd, of gepauzeerd als de activiteit tijdelijk niet doorgaat.' },
  { naam: 'wanneer', uitleg: 'Het rooster zoals het op de site staat. In JSON staat ook het rooster als gegevens.' },
  { naam: 'themas', uitleg: "Thema's (slugs)." },
  { naam: 'doelgroepen', uitleg: 'Voor wie (slugs).' },
  { naam: 'kosten_soort', uitleg: 'gratis, vrijwillige-bijdrage of bedrag.' },
  { naam: 'kosten_bedrag', uitleg: 'Bedrag in euro, als kosten_soort "bedrag" is.' },
  { naam: 'kosten_per', uitleg: 'keer, maand, jaar, seizoen of cursus.' },
  { naam: 'kosten', uitleg: 'De kosten zoals ze op de site staan.' },
  { naam: 'aanmelden', uitleg: 'vrije-inloop of aanmelden.' },
  { naam: 'aanmelden_hoe', uitleg: 'Hoe u zich aanmeldt.' },
  { naam: 'toegankelijkheid', uitleg: 'Toegankelijkheid van de plek.' },
  { naam: 'capaciteit', uitleg: 'plaatsen-vrij, bijna-vol, vol of wachtlijst (mag leeg zijn).' },
  { naam: 'contact_naam', uitleg: 'Contactpersoon.' },
  { naam: 'contact_telefoon', uitleg: 'Telefoon van de contactpersoon.' },
  { naam: 'contact_email', uitleg: 'E-mail van de contactpersoon.' },
  ...ADRES_VELDEN,
  { naam: 'gecontroleerd_op', uitleg: 'Datum waarop de gegevens voor het laatst zijn gecontroleerd.' },
  { naam: 'url', uitleg: 'Pagina op de sociale kaart.' },
];

function adres(a: Adres | undefined) {
  return {
    adres_naam: a?.naam,
    straat: a?.straat,
    huisnummer: a?.huisnummer,
    postcode: a?.postcode,
    plaats: a?.plaats,
    lat: a?.lat,
    lon: a?.lon,
  };
}

export function organisatieRecord(site: SiteData, o: Organisatie) {
  return {
    id: o.uuid,
    slug: o.slug,
    naam: o.naam,
    soort: o.soort,
    omschrijving: o.omschrijving,
    telefoon: o.telefoon,
    email: o.email,
    website: o.website,
    ...adres(o.bezoekadres),
    kernen: o.kernen,
    themas: o.themas,
    gecontroleerd_op: o.gecontroleerdOp,
    url: new URL(`/organisaties/${o.slug}/`, site.config.url).href,
  };
}

export function activiteitRecord(site: SiteData, a: Activiteit) {
  const org = site.organisatie(a.organisatie)!;
  return {
    id: a.uuid,
    slug: a.slug,
    titel: a.titel,
    omschrijving: a.omschrijving,
    organisatie_id: org.uuid,
    kern: a.kern,
    status: a.status,
    wanneer: roosterTekst(a.rooster).join(' '),
    themas: a.themas,
    doelgroepen: a.doelgroepen,
    kosten_soort: a.kosten.soort,
    kosten_bedrag: a.kosten.soort === 'bedrag' ? (a.kosten.bedragCent / 100).toFixed(2) : undefined,
    kosten_per: a.kosten.soort === 'bedrag' ? a.kosten.per : undefined,
    kosten: kostenTekst(a.kosten),
    aanmelden: a.aanmelden.soort,
    aanmelden_hoe: a.aanmelden.hoe,
    toegankelijkheid: a.toegankelijkheid,
    capaciteit: a.capaciteit,
    contact_naam: a.contact?.naam,
    contact_telefoon: a.contact?.telefoon,
    contact_email: a.contact?.email,
    ...adres(a.plek),
    gecontroleerd_op: a.gecontroleerdOp,
    url: new URL(`/aanbod/${a.slug}/`, site.config.url).href,
  };
}

export const OPEN_DATA_BESTANDEN = ['sociale-kaart.json', 'organisaties.csv', 'activiteiten.csv'] as const;
export type OpenDataBestand = (typeof OPEN_DATA_BESTANDEN)[number];

/** A download, in parts (stroom.ts): sociale-kaart.json is 22 MB at 20,000 records. */
export function openDataBestand(site: SiteData, bestand: OpenDataBestand): Iterable<string> {
  const activiteiten = site.kaart.activiteiten.filter((a) => a.status === 'gepubliceerd' || a.status === 'gepauzeerd');
  switch (bestand) {
    case 'organisaties.csv':
      return [
        naarCsv(
          ORGANISATIE_VELDEN.map((v) => v.naam),
          site.kaart.organisaties.map((o) => organisatieRecord(site, o)),
        ),
      ];
    case 'activiteiten.csv':
      return [
        naarCsv(
          ACTIVITEIT_VELDEN.map((v) => v.naam),
          activiteiten.map((a) => activiteitRecord(site, a)),
        ),
      ];
    case 'sociale-kaart.json':
      // Undefined values are left out, so the JSON is stable and compact.
      return jsonInDelen({
        bron: site.config.sitenaam,
        url: site.config.url,
        licentie: 'CC0-1.0',
        bijgewerkt_op: site.nu.datum,
        kernen: site.kernen.map((k) => ({ slug: k.slug, naam: k.naam, lat: k.centrum.lat, lon: k.centrum.lon })),
        soorten: site.config.soorten.map(({ slug, label }) => ({ slug, label })),
        themas: site.config.themas.map(({ slug, label }) => ({ slug, label })),
        doelgroepen: site.config.doelgroepen.map(({ slug, label }) => ({ slug, label })),
        organisaties: site.kaart.organisaties.map((o) => organisatieRecord(site, o)),
        activiteiten: activiteiten.map((a) => ({ ...activiteitRecord(site, a), rooster: a.rooster })),
      });
  }
}
