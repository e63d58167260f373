import type { Fouten, Velden } from '../../lib/portaal/formulier/velden.ts';

/** Shared props and ids of form components: the id is derived from the field name. */
export type VeldProps = {
  naam: string;
  label: string;
  velden: Velden;
  fouten: Fouten;
  omschrijving?: string;
  verplicht?: boolean;
};

export const veldId = (naam: string) => `veld-${naam.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export function beschrijving(naam: string, omschrijving: string | undefined, fout: string | undefined): string | undefined {
  const ids = [omschrijving ? `${veldId(naam)}-uitleg` : '', fout ? `${veldId(naam)}-fout` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
