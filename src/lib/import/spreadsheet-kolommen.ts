/**
 * The columns of the spreadsheet template (content/import/sjabloon.csv): the single source for
 * the reader, the template file and the documentation in the README.
 */

export type Kolom = { naam: string; voor: 'beide' | 'organisatie' | 'activiteit'; uitleg: string };

export const KOLOMMEN: Kolom[] = [
  { naam: 'type', voor: 'beide', uitleg: '`organisatie` of `activiteit`. Verplicht.' },
  { naam: 'id', voor: 'beide', uitleg: 'Vaste UUID. Mag leeg: dan maken we er een die bij de korte naam hoort.' },
  {
    naam: 'slug',
    voor: 'beide',
    uitleg: 'Korte naam in het webadres. Mag leeg: dan maken we die van de naam (bij een activiteit naam + kern).',
  },
  { naam: 'naam', voor: 'beide', uitleg: 'Naam van de organisatie of de activiteit.' },
  {
    naam: 'organisatie',
    voor: 'activiteit',
    uitleg: 'Naam of korte naam van de organisatie die de activiteit organiseert: in dit bestand of al op de kaart.',
  },
  { naam: 'omschrijving', voor: 'beide', uitleg: 'Wat de organisatie doet of wat er gebeurt, minstens 20 tekens.' },
  { naam: 'soort', voor: 'organisatie', uitleg: 'Soort organisatie: naam of korte naam uit de lijst soorten.' },
  {
    naam: 'kern',
    voor: 'beide',
    uitleg: 'Activiteit: de kern waar het is. Organisatie: de kern van het adres (leeg: de eerste van `kernen`).',
  },
  { naam: 'kernen', voor: 'organisatie', uitleg: 'Kernen waar de organisatie actief is, met komma’s ertussen.' },
  {
    naam: 'themas',
    voor: 'beide',
    uitleg: 'Thema’s (naam of korte naam), met komma’s ertussen. Een activiteit heeft er minstens één.',
  },
  { naam: 'doelgroepen', voor: 'activiteit', uitleg: 'Voor wie (naam of korte naam), met komma’s ertussen. Minstens één.' },
  { naam: 'telefoon', voor: 'organisatie', uitleg: 'Telefoonnummer, bijvoorbeeld 0546 123 456.' },
  { naam: 'email', voor: 'organisatie', uitleg: 'E-mailadres.' },
  { naam: 'website', voor: 'organisatie', uitleg: 'Website.' },
  { naam: 'adres_naam', voor: 'beide', uitleg: 'Naam van de plek, bijvoorbeeld het dorpshuis. Mag leeg.' },
  {
    naam: 'straat',
    voor: 'beide',
    uitleg: 'Organisatie: bezoekadres. Activiteit: de plek, als die anders is dan het adres van de organisatie (anders leeg).',
  },
  { naam: 'huisnummer', voor: 'beide', uitleg: 'Huisnummer met toevoeging: 12, 12a of 12-2.' },
  { naam: 'postcode', voor: 'beide', uitleg: 'Postcode, 1234 AB.' },
  { naam: 'plaats', voor: 'beide', uitleg: 'Plaatsnaam.' },
  { naam: 'lat', voor: 'beide', uitleg: 'Breedtegraad (WGS84), bijvoorbeeld 52,4089. Mag leeg.' },
  { naam: 'lon', voor: 'beide', uitleg: 'Lengtegraad (WGS84), bijvoorbeeld 6,6210. Mag leeg.' },
  {
    naam: 'rd_x',
    voor: 'beide',
    uitleg: 'RD-coördinaat x in meters (EPSG:28992), als er geen lat en lon zijn; wordt omgerekend naar WGS84.',
  },
  { naam: 'rd_y', voor: 'beide', uitleg: 'RD-coördinaat y in meters (EPSG:28992), samen met rd_x.' },
  {
    naam: 'herhaling',
    voor: 'activiteit',
    uitleg: '`wekelijks`, `om de week`, `maandelijks`, `eenmalig` of `op afspraak`. Leeg: alleen de toelichting.',
  },
  { naam: 'dagen', voor: 'activiteit', uitleg: 'Dag of dagen: `di` of `dinsdag`, meer met komma’s.' },
  { naam: 'week', voor: 'activiteit', uitleg: 'Bij maandelijks: `1`, `2`, `3`, `4` of `laatste` (meer met komma’s).' },
  { naam: 'datum', voor: 'activiteit', uitleg: 'Bij eenmalig: de datum (14-3-2027 of 2027-03-14), meer met komma’s.' },
  { naam: 'van', voor: 'activiteit', uitleg: 'Begintijd, 9:30 of 09.30.' },
  { naam: 'tot', voor: 'activiteit', uitleg: 'Eindtijd.' },
  { naam: 'interval', voor: 'activiteit', uitleg: 'Bij wekelijks: om de hoeveel weken (1 tot 4). Leeg: elke week.' },
  { naam: 'eerste_week', voor: 'activiteit', uitleg: 'Een datum waarop het is, nodig bij om de week: dan weten we welke weken.' },
  { naam: 'periode_van', voor: 'activiteit', uitleg: 'Eerste datum, als het niet altijd doorgaat.' },
  { naam: 'periode_tot', voor: 'activiteit', uitleg: 'Laatste datum.' },
  { naam: 'seizoen', voor: 'activiteit', uitleg: 'Maanden, elk jaar opnieuw: `september-mei` of `9-5`.' },
  { naam: 'niet_op', voor: 'activiteit', uitleg: 'Datums waarop het niet doorgaat, met komma’s.' },
  { naam: 'op_afspraak', voor: 'activiteit', uitleg: '`ja` als het (ook) op afspraak kan.' },
  { naam: 'rooster_toelichting', voor: 'activiteit', uitleg: 'Extra uitleg bij het rooster.' },
  { naam: 'kosten', voor: 'activiteit', uitleg: '`gratis`, `vrijwillige bijdrage` of een bedrag (2,50).' },
  { naam: 'kosten_per', voor: 'activiteit', uitleg: 'Bij een bedrag: `keer`, `maand`, `jaar`, `seizoen` of `cursus`.' },
  { naam: 'kosten_toelichting', voor: 'activiteit', uitleg: 'Extra uitleg bij de kosten.' },
  { naam: 'aanmelden', voor: 'activiteit', uitleg: '`vrije inloop` of `aanmelden`.' },
  { naam: 'aanmelden_hoe', voor: 'activiteit', uitleg: 'Hoe u zich aanmeldt (nodig bij aanmelden).' },
  { naam: 'toegankelijkheid', voor: 'activiteit', uitleg: 'Toegankelijkheid, in gewone taal.' },
  { naam: 'capaciteit', voor: 'activiteit', uitleg: '`plaatsen vrij`, `bijna vol`, `vol` of `wachtlijst`. Mag leeg.' },
  { naam: 'contact_naam', voor: 'activiteit', uitleg: 'Contactpersoon.' },
  { naam: 'contact_telefoon', voor: 'activiteit', uitleg: 'Telefoon van de contactpersoon.' },
  { naam: 'contact_email', voor: 'activiteit', uitleg: 'E-mail van de contactpersoon.' },
  {
    naam: 'gecontroleerd_op',
    voor: 'beide',
    uitleg: 'Wanneer de gegevens zijn gecontroleerd. Leeg: bij een nieuwe vandaag, anders blijft de oude datum.',
  },
];

/** The template's header line, as Excel saves it in Dutch: semicolons, UTF-8 with BOM. */
export function sjabloonKop(): string {
  return `\uFEFF${KOLOMMEN.map((k) => k.naam).join(';')}\r\n`;
}
