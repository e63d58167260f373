import { agendaPad } from '../agenda/feeds.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { isoMetOffset } from '../rooster/kalender.ts';
import type { SiteData } from '../site/sitedata.ts';
import { OPEN_DATA_BESTANDEN } from './export.ts';
import { HSDS_JSON } from './hsds/bestanden.ts';

/**
 * A DCAT-AP-NL 3.0 description (JSON-LD) of the open data of a release, for data.overheid.nl:
 * one catalogue with one dataset, and a distribution per file: HSDS JSON, the HSDS CSV package,
 * our JSON and CSV, and the calendar feed of every kern. Licence, publisher, contact and update
 * frequency come from the configuration. Served as /open-data/dcat.jsonld.
 */

export const DCAT_PAD = '/open-data/dcat.jsonld';

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'http://www.iana.org/assignments/media-types';
const nl = (tekst: string) => ({ '@value': tekst, '@language': 'nl' });
const id = (uri: string) => ({ '@id': uri });

type Distributie = { pad: string; titel: string; beschrijving: string; type: string; formaat: string; norm?: string };

function distributies(site: SiteData): Distributie[] {
  const hsds = 'https://docs.openreferral.org/en/latest/hsds/';
  return [
    ...HSDS_JSON.map((b) => ({
      pad: `/open-data/hsds/${b}`,
      titel: `HSDS 3.0 JSON: ${b}`,
      beschrijving: `Open Referral HSDS 3.0, ${b}: alle gegevens in de internationale standaard, als JSON.`,
      type: 'application/json',
      formaat: 'JSON',
      norm: hsds,
    })),
    {
      pad: '/open-data/hsds/datapackage.json',
      titel: 'HSDS 3.0 CSV-pakket',
      beschrijving: 'Open Referral HSDS 3.0 als tabellen: datapackage.json met één CSV-bestand per tabel.',
      type: 'application/json',
      formaat: 'CSV',
      norm: hsds,
    },
    ...OPEN_DATA_BESTANDEN.map((b) => ({
      pad: `/open-data/${b}`,
      titel: b === 'sociale-kaart.json' ? 'De hele sociale kaart (JSON)' : `${b.replace('.csv', '')} (CSV)`,
      beschrijving:
        b === 'sociale-kaart.json'
          ? 'Alle kernen, lijsten, organisaties en activiteiten met hun rooster, in één JSON-bestand.'
          : `Eén rij per ${b.startsWith('org') ? 'organisatie' : 'activiteit'}, UTF-8, komma's (RFC 4180).`,
      type: b.endsWith('.csv') ? 'text/csv' : 'application/json',
      formaat: b.endsWith('.csv') ? 'CSV' : 'JSON',
    })),
    ...site.kernen.map((k) => ({
      pad: agendaPad('kernen', k.slug),
      titel: `Agenda van ${k.naam} (iCalendar)`,
      beschrijving: `Alle activiteiten in ${k.naam} als agenda (RFC 5545), met herhalingen en uitzonderingen.`,
      type: 'text/calendar',
      formaat: 'ICS',
      norm: 'https://www.rfc-editor.org/rfc/rfc5545',
    })),
  ];
}

function uitgever(config: GemeenteConfig) {
  const naam = config.opendata.uitgeverNaam ?? `Gemeente ${config.naam}`;
  return {
    ...(config.opendata.uitgever ? { '@id': config.opendata.uitgever } : {}),
    '@type': 'foaf:Agent',
    'foaf:name': nl(naam),
  };
}

export function dcatCatalogus(site: SiteData): Record<string, unknown> {
  const { config } = site;
  const abs = (pad: string) => new URL(pad, config.url).href;
  const gewijzigd = { '@value': isoMetOffset(site.nu.datum, site.nu.tijd), '@type': 'xsd:dateTime' };
  const licentie = id(config.opendata.licentie);
  const taal = id(`${EU}/language/NLD`);
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': abs(`${DCAT_PAD}#catalogus`),
    '@type': 'dcat:Catalog',
    'dct:title': nl(`Open data van ${config.sitenaam}`),
    'dct:description': nl(`De open data van ${config.sitenaam}: organisaties, activiteiten en agenda's per kern.`),
    'dct:publisher': uitgever(config),
    'foaf:homepage': id(abs('/open-data/')),
    'dct:language': taal,
    'dct:license': licentie,
    'dct:modified': gewijzigd,
    'dcat:dataset': [
      {
        '@id': abs(`${DCAT_PAD}#dataset`),
        '@type': 'dcat:Dataset',
        'dct:identifier': abs(`${DCAT_PAD}#dataset`),
        'dct:title': nl(config.sitenaam),
        'dct:description': nl(
          `Hulp en activiteiten in de kernen van de gemeente ${config.naam}: organisaties, verenigingen, ontmoetingsplekken en hun activiteiten, met wanneer, waar, voor wie, kosten en aanmelden.`,
        ),
        'dct:publisher': uitgever(config),
        'dcat:contactPoint': {
          '@type': 'vcard:Organization',
          'vcard:fn': nl(config.opendata.uitgeverNaam ?? `Gemeente ${config.naam}`),
          'vcard:hasEmail': id(`mailto:${config.contact.email}`),
          'vcard:hasTelephone': id(`tel:${config.contact.telefoon.replace(/[^\d+]/g, '')}`),
        },
        'dct:accrualPeriodicity': id(`${EU}/frequency/${config.opendata.frequentie}`),
        'dcat:theme': id(`${EU}/data-theme/SOCI`),
        'dcat:keyword': ['sociale kaart', 'welzijn', 'activiteiten', 'verenigingen', config.naam].map(nl),
        'dct:language': taal,
        'dct:license': licentie,
        'dct:accessRights': id(`${EU}/access-right/PUBLIC`),
        'dct:spatial': nl(`Gemeente ${config.naam}`),
        'dct:modified': gewijzigd,
        'dcat:landingPage': id(abs('/open-data/')),
        'dcat:distribution': distributies(site).map((d) => ({
          '@id': abs(`${d.pad}#distributie`),
          '@type': 'dcat:Distribution',
          'dct:title': nl(d.titel),
          'dct:description': nl(d.beschrijving),
          'dcat:accessURL': id(abs(d.pad)),
          'dcat:downloadURL': id(abs(d.pad)),
          'dcat:mediaType': id(`${IANA}/${d.type}`),
          'dct:format': id(`${EU}/file-type/${d.formaat}`),
          'dct:license': licentie,
          'dct:modified': gewijzigd,
          ...(d.norm ? { 'dct:conformsTo': id(d.norm) } : {}),
        })),
      },
    ],
  };
}
