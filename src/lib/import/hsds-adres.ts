import type { GemeenteConfig } from '../config/schema.ts';
import type { Rij } from '../opendata/hsds/tabellen.ts';
import type { Herkomst } from './invoer.ts';
import type { Lezer } from './hsds-lezer.ts';
import { letOp, probleem, type Melding } from '../opendata/hsds/melding.ts';

/** A HSDS location with its address as our Adres. */

const HUISNUMMER = /^(.+?)\s+([1-9][0-9]{0,4}(?: ?[a-zA-Z]{1,2}|-[0-9a-zA-Z]{1,4})?)$/;

export function kernUitNaam(config: GemeenteConfig, naam: string | undefined): string | undefined {
  const n = (naam ?? '').trim().toLowerCase();
  return config.kernen.find((k) => k.naam.toLowerCase() === n || k.slug === n)?.slug;
}

export function onbekendeKern(config: GemeenteConfig, waarde: string): string {
  return `"${waarde}" is geen kern van ${config.naam}. Kies uit: ${config.kernen.map((k) => k.naam).join(', ')}.`;
}

/**
 * `prefix` is where the address sits in our record ("bezoekadres", "spreekuren.0.plek"), so
 * that a problem with, say, the postcode points to the right row and field.
 */
export function adresUit(
  lezer: Lezer,
  config: GemeenteConfig,
  locatie: Rij,
  prefix: string,
  herkomst: Herkomst,
  meldingen: Melding[],
): Record<string, unknown> | undefined {
  const { tekst, getal, per, attributen, raak } = lezer;
  const id = tekst(locatie, 'id');
  if (tekst(locatie, 'location_type') === 'virtual') {
    meldingen.push(
      letOp({ ...locatie.plek, veld: 'location_type' }, 'Een online locatie kent de sociale kaart niet; niet overgenomen.'),
    );
    return undefined;
  }
  const adressen = per('address', 'location_id', id);
  const adres = adressen.find((a) => a.waarden.address_type !== 'postal') ?? adressen[0];
  if (!adres) {
    meldingen.push(letOp(locatie.plek, 'Deze locatie heeft geen adres; niet overgenomen.'));
    return undefined;
  }
  raak(adres, 'id', 'location_id', 'address_type');
  const veld = (model: string, rij: Rij, hsds: string) => (herkomst.velden[`${prefix}.${model}`] = { ...rij.plek, veld: hsds });

  const regel = tekst(adres, 'address_1') ?? '';
  const m = HUISNUMMER.exec(regel);
  veld('straat', adres, 'address_1');
  veld('huisnummer', adres, 'address_1');
  veld('postcode', adres, 'postal_code');
  veld('plaats', adres, 'city');
  veld('naam', locatie, 'name');
  veld('lat', locatie, 'latitude');
  veld('lon', locatie, 'longitude');

  const land = tekst(adres, 'country');
  if (land && !['nl', 'nld', 'nederland', 'the netherlands', 'netherlands'].includes(land.toLowerCase())) {
    meldingen.push(probleem({ ...adres.plek, veld: 'country' }, `Dit adres ligt niet in Nederland (${land}).`));
  }
  const regio = tekst(adres, 'region');
  if (regio && regio.toLowerCase() !== config.naam.toLowerCase()) {
    meldingen.push(letOp({ ...adres.plek, veld: 'region' }, `Regio "${regio}" is niet ${config.naam}; niet overgenomen.`));
  }
  const provincie = tekst(adres, 'state_province');
  if (provincie && config.provincie && provincie.toLowerCase() !== config.provincie.toLowerCase()) {
    meldingen.push(
      letOp({ ...adres.plek, veld: 'state_province' }, `Provincie "${provincie}" is niet ${config.provincie}; niet overgenomen.`),
    );
  }

  const plaats = tekst(adres, 'city');
  const kernAttr = attributen(id).find((a) => a.code === 'kern');
  let kern = kernAttr?.slug ?? kernUitNaam(config, plaats);
  if (kernAttr) herkomst.velden[`${prefix}.kern`] = { ...kernAttr.rij.plek, veld: 'taxonomy_term_id' };
  else {
    herkomst.velden[`${prefix}.kern`] = { ...adres.plek, veld: 'city' };
    if (!kern) {
      meldingen.push(probleem({ ...adres.plek, veld: 'city' }, `Onbekende kern: ${onbekendeKern(config, plaats ?? '')}`));
      kern = plaats ?? '';
    }
  }
  return {
    naam: tekst(locatie, 'name'),
    straat: m ? m[1] : regel,
    huisnummer: m ? m[2] : '',
    postcode: tekst(adres, 'postal_code'),
    plaats,
    kern,
    lat: getal(locatie, 'latitude'),
    lon: getal(locatie, 'longitude'),
  };
}
