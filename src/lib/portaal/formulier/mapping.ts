import type { ActiviteitData, OrganisatieData } from '../../model/schemas.ts';
import type { Adres } from '../../model/velden.ts';
import { datumUitTekst } from '../../rooster/datum.ts';
import { MAX_NIET_OP, MAX_REGELS } from '../../rooster/schema.ts';
import type { z } from 'zod';
import { alsVelden, type Fouten, foutenPerVeld, optioneel, waarde, waarden, type Velden } from './velden.ts';

/** From posted form fields to the shape the zod schemas check, and back for prefilling. */

/** "2,50", "2.50", "€ 2" → cents; anything else → NaN, which the schema reports at the field. */
export function euroNaarCent(tekst: string): number {
  const schoon = tekst.replace(/[€\s]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(schoon)) return Number.NaN;
  return Math.round(Number(schoon) * 100);
}

export function centNaarEuro(cent: number): string {
  return cent % 100 === 0 ? String(cent / 100) : (cent / 100).toFixed(2).replace('.', ',');
}

export function datumAlsTekst(iso: string): string {
  const [j, m, d] = iso.split('-');
  return `${d}-${m}-${j}`;
}

const REGEL_VELD = /^rooster\.regels\.(\d{1,6})\.(.+)$/;

/** Indices of the schedule rules in the form, in order. */
export function regelIndices(v: Velden): number[] {
  const indices = new Set<number>();
  for (const naam of v.keys()) {
    const m = REGEL_VELD.exec(naam);
    if (m) indices.add(Number(m[1]));
  }
  return [...indices].sort((a, b) => a - b);
}

function regelUitVelden(v: Velden, i: number) {
  const p = `rooster.regels.${i}`;
  const basis = { type: waarde(v, `${p}.type`), van: waarde(v, `${p}.van`), tot: waarde(v, `${p}.tot`) };
  switch (basis.type) {
    case 'wekelijks':
      return {
        ...basis,
        dagen: waarden(v, `${p}.dagen`),
        interval: Number(waarde(v, `${p}.interval`) || 1),
        vanafWeek: optioneel(v, `${p}.vanafWeek`) && datumUitTekst(waarde(v, `${p}.vanafWeek`)),
      };
    case 'maandelijks':
      return { ...basis, week: Number(waarde(v, `${p}.week`)), dag: waarde(v, `${p}.dag`) };
    case 'eenmalig':
      return { ...basis, datum: datumUitTekst(waarde(v, `${p}.datum`)) };
    default:
      return basis;
  }
}

const REGEL_INVOER = ['dagen', 'van', 'tot', 'week', 'dag', 'datum', 'vanafWeek'];

/**
 * The rules to read: a block added last and left untouched is ignored, unless it is the only one
 * (then its fields say what is missing). Only trailing blocks, so messages stay at their block.
 */
function ingevuldeRegels(v: Velden): number[] {
  const indices = regelIndices(v);
  const leeg = (i: number) => REGEL_INVOER.every((k) => waarden(v, `rooster.regels.${i}.${k}`).length === 0);
  const opAfspraak = waarde(v, 'rooster.opAfspraak') === 'ja';
  while (indices.length > (opAfspraak ? 0 : 1) && leeg(indices.at(-1)!)) indices.pop();
  return indices;
}

export function roosterUitVelden(v: Velden) {
  const van = optioneel(v, 'rooster.seizoen.vanMaand');
  const tot = optioneel(v, 'rooster.seizoen.totMaand');
  const periodeVan = optioneel(v, 'rooster.periode.van');
  const periodeTot = optioneel(v, 'rooster.periode.tot');
  return {
    // After renumbering, errors and fields line up again: regels.0, regels.1, …
    regels: ingevuldeRegels(v).map((i) => regelUitVelden(v, i)),
    opAfspraak: waarde(v, 'rooster.opAfspraak') === 'ja',
    seizoen: van || tot ? { vanMaand: Number(van), totMaand: Number(tot) } : undefined,
    periode:
      periodeVan || periodeTot
        ? { van: periodeVan && datumUitTekst(periodeVan), tot: periodeTot && datumUitTekst(periodeTot) }
        : undefined,
    // One past the limit is enough for the schema to say so at the field; the rest is not parsed.
    nietOp: waarde(v, 'rooster.nietOp')
      .split(/[\n,;]+/)
      .map((r) => r.trim())
      .filter(Boolean)
      .slice(0, MAX_NIET_OP + 1)
      .map(datumUitTekst),
    // Absent when not ticked, so a listing saved before these fields existed reads back unchanged.
    nietInMaanden: waarden(v, 'rooster.nietInMaanden').length
      ? waarden(v, 'rooster.nietInMaanden').slice(0, 12).map(Number)
      : undefined,
    nietOpFeestdagen: waarde(v, 'rooster.nietOpFeestdagen') === 'ja' ? (true as const) : undefined,
    toelichting: optioneel(v, 'rooster.toelichting'),
  };
}

export function adresSleutel(straat: string, huisnummer: string, postcode: string): string {
  return `${straat} ${huisnummer} ${postcode}`.toLowerCase().replace(/\s+/g, '');
}

function adresUitVelden(v: Velden, p: string, kern: string): Partial<Adres> | undefined {
  const velden = ['naam', 'straat', 'huisnummer', 'postcode', 'plaats'] as const;
  if (velden.every((k) => waarde(v, `${p}.${k}`).trim() === '')) return undefined;
  // Coordinates belong to the address they were found for; a changed address loses them.
  const herkomst = waarde(v, `${p}.herkomst`);
  const zelfde =
    herkomst !== '' &&
    herkomst === adresSleutel(waarde(v, `${p}.straat`), waarde(v, `${p}.huisnummer`), waarde(v, `${p}.postcode`));
  const lat = zelfde ? optioneel(v, `${p}.lat`) : undefined;
  const lon = zelfde ? optioneel(v, `${p}.lon`) : undefined;
  return {
    naam: optioneel(v, `${p}.naam`),
    straat: waarde(v, `${p}.straat`),
    huisnummer: waarde(v, `${p}.huisnummer`),
    postcode: waarde(v, `${p}.postcode`),
    plaats: waarde(v, `${p}.plaats`),
    kern,
    ...(lat && lon ? { lat: Number(lat), lon: Number(lon) } : {}),
  };
}

type Vast = { slug: string; status: string; gecontroleerdOp: string };

export function activiteitUitVelden(v: Velden, vast: Vast & { organisatie: string }) {
  const kern = waarde(v, 'kern');
  const kostenSoort = waarde(v, 'kosten.soort');
  const contact = {
    naam: optioneel(v, 'contact.naam'),
    telefoon: optioneel(v, 'contact.telefoon'),
    email: optioneel(v, 'contact.email'),
  };
  return {
    ...vast,
    titel: waarde(v, 'titel'),
    omschrijving: waarde(v, 'omschrijving'),
    kern,
    locatie: waarde(v, 'locatie.soort') === 'anders' ? (adresUitVelden(v, 'locatie', kern) ?? {}) : undefined,
    rooster: roosterUitVelden(v),
    themas: waarden(v, 'themas'),
    doelgroepen: waarden(v, 'doelgroepen'),
    kosten:
      kostenSoort === 'bedrag'
        ? {
            soort: 'bedrag',
            bedragCent: euroNaarCent(waarde(v, 'kosten.bedrag')),
            per: waarde(v, 'kosten.per'),
            toelichting: optioneel(v, 'kosten.toelichting'),
          }
        : { soort: kostenSoort, toelichting: optioneel(v, 'kosten.toelichting') },
    aanmelden: { soort: waarde(v, 'aanmelden.soort'), hoe: optioneel(v, 'aanmelden.hoe') },
    toegankelijkheid: optioneel(v, 'toegankelijkheid'),
    contact: contact.naam || contact.telefoon || contact.email ? contact : undefined,
    capaciteit: optioneel(v, 'capaciteit'),
  };
}

/** Where a validation issue is shown when the data path differs from the field name. */
export const ACTIVITEIT_HERNOEM: Record<string, string> = {
  'kosten.bedragCent': 'kosten.bedrag',
  kosten: 'kosten.soort',
  aanmelden: 'aanmelden.soort',
  'contact.naam': 'contact.naam',
  locatie: 'locatie.straat',
  'rooster.nietOp.*': 'rooster.nietOp',
  'rooster.nietInMaanden.*': 'rooster.nietInMaanden',
  'rooster.regels.*': 'rooster.regels.$1.type',
};

/**
 * Messages of an activity form at their fields: a schedule message names its block ("Tijd 2: kies
 * minstens één dag") and a date message shows the ways a date may be written in the portal.
 */
export function activiteitFouten(issues: z.core.$ZodIssue[]): Fouten {
  const fouten = foutenPerVeld(issues, ACTIVITEIT_HERNOEM);
  for (const [veld, melding] of Object.entries(fouten)) {
    let tekst = melding.startsWith('schrijf de datum als') ? 'schrijf de datum zoals 24-12-2026 of 24 december 2026' : melding;
    const regel = /^rooster\.regels\.(\d+)\./.exec(veld);
    if (regel) tekst = `Tijd ${Number(regel[1]) + 1}: ${tekst}`;
    fouten[veld] = tekst;
  }
  return fouten;
}

function zetHerkomst(velden: Velden, p: string, adres: Adres | undefined) {
  if (adres) velden.set(`${p}.herkomst`, [adresSleutel(adres.straat, adres.huisnummer, adres.postcode)]);
}

export function activiteitAlsVelden(data: ActiviteitData): Velden {
  const velden = alsVelden({
    ...data,
    rooster: { ...data.rooster, nietOp: undefined, opAfspraak: undefined, nietOpFeestdagen: undefined },
  });
  zetHerkomst(velden, 'locatie', data.locatie);
  velden.set('locatie.soort', [data.locatie ? 'anders' : 'organisatie']);
  if (data.kosten.soort === 'bedrag') velden.set('kosten.bedrag', [centNaarEuro(data.kosten.bedragCent)]);
  if (data.rooster.opAfspraak) velden.set('rooster.opAfspraak', ['ja']);
  if (data.rooster.nietOpFeestdagen) velden.set('rooster.nietOpFeestdagen', ['ja']);
  velden.set('rooster.nietOp', [data.rooster.nietOp.map(datumAlsTekst).join('\n')]);
  return velden;
}

export function organisatieUitVelden(v: Velden, vast: Vast) {
  return {
    ...vast,
    naam: waarde(v, 'naam'),
    soort: waarde(v, 'soort'),
    omschrijving: waarde(v, 'omschrijving'),
    telefoon: optioneel(v, 'telefoon'),
    email: optioneel(v, 'email'),
    website: optioneel(v, 'website'),
    bezoekadres: adresUitVelden(v, 'bezoekadres', waarde(v, 'bezoekadres.kern')),
    kernen: waarden(v, 'kernen'),
    themas: waarden(v, 'themas'),
  };
}

export function organisatieAlsVelden(data: OrganisatieData): Velden {
  const velden = alsVelden(data);
  zetHerkomst(velden, 'bezoekadres', data.bezoekadres);
  return velden;
}

/**
 * Rule fields renumbered 0, 1, 2 … so field names match the positions the schema reports.
 * One pass over the fields (a post with thousands of rules must not take seconds), and at most
 * one rule more than the schema allows: enough for its message at the field, no more to render.
 */
export function hernummerRegels(v: Velden, opties: { weg?: number; erbij?: boolean } = {}): Velden {
  const uit: Velden = new Map();
  const perRegel = new Map<number, [string, string[]][]>();
  for (const [naam, w] of v) {
    const m = REGEL_VELD.exec(naam);
    if (!m) {
      if (!naam.startsWith('rooster.regels.')) uit.set(naam, w);
      continue;
    }
    const i = Number(m[1]);
    const velden = perRegel.get(i) ?? [];
    velden.push([m[2], w]);
    perRegel.set(i, velden);
  }
  const indices = [...perRegel.keys()]
    .sort((a, b) => a - b)
    .filter((_, positie) => positie !== opties.weg)
    .slice(0, MAX_REGELS + 1);
  indices.forEach((oud, nieuw) => {
    for (const [rest, w] of perRegel.get(oud) ?? []) uit.set(`rooster.regels.${nieuw}.${rest}`, w);
  });
  if (indices.length <= MAX_REGELS && (opties.erbij || (indices.length === 0 && waarde(v, 'rooster.opAfspraak') !== 'ja'))) {
    uit.set(`rooster.regels.${indices.length}.type`, ['wekelijks']);
  }
  return uit;
}
