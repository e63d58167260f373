import type { Melding, Plek } from '../opendata/hsds/melding.ts';
import type { Voorstel } from './koppeling.ts';

/**
 * What a reader (HSDS JSON, HSDS CSV, spreadsheet) makes of a file: records in the shape of our
 * model, not yet validated, each with where its fields came from, so that a problem found later
 * by the zod schemas still points to file, row and field.
 */

export type Herkomst = {
  /** The record as a whole. */
  plek: Plek;
  /** Field path in our model ("titel", "rooster.regels.0") → where it came from. */
  velden: Record<string, Plek>;
};

/**
 * The input's place for a zod issue path: the longest known prefix, else the record with our
 * field path, so a message always names a field (`[2].organization.soort`), never only a record.
 */
export function plekVoor(herkomst: Herkomst, pad: ReadonlyArray<PropertyKey>): Plek {
  for (let n = pad.length; n > 0; n--) {
    const sleutel = pad.slice(0, n).map(String).join('.');
    if (herkomst.velden[sleutel]) return herkomst.velden[sleutel];
  }
  return pad.length > 0 && !herkomst.plek.veld ? { ...herkomst.plek, veld: pad.map(String).join('.') } : herkomst.plek;
}

type Basis = {
  herkomst: Herkomst;
  /** Id from the file (HSDS); absent in a spreadsheet without id column. */
  uuid?: string;
  /** Slug from the file; otherwise made from the name. */
  slug?: string;
  /** Last change according to the file (HSDS last_modified), kept for new records. */
  gewijzigdOp?: string;
};

export type OrganisatieBron = Basis & {
  data: Record<string, unknown>;
};

/** How an activity names its organisation in the file. */
export type OrganisatieVerwijzing = { uuid?: string; slug?: string; naam?: string; plek: Plek };

export type ActiviteitBron = Basis & {
  data: Record<string, unknown>;
  organisatie: OrganisatieVerwijzing;
  /** Status the file gives, used with --publish. */
  status: 'gepubliceerd' | 'gepauzeerd' | 'concept';
};

export type KernondersteunerBron = Basis & {
  data: Record<string, unknown>;
  organisatie?: OrganisatieVerwijzing;
};

export type Invoer = {
  soort: 'hsds-json' | 'hsds-csv' | 'spreadsheet';
  bestanden: string[];
  organisaties: OrganisatieBron[];
  activiteiten: ActiviteitBron[];
  kernondersteuners: KernondersteunerBron[];
  meldingen: Melding[];
  /** Taxonomy terms of another system without a place in our lists, with a suggestion from the name. */
  onbekendeTermen?: Map<string, Voorstel | undefined>;
};
