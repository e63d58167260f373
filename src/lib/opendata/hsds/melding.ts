/**
 * What reading data in tells the beheerder. A "probleem" stops `--apply` (nothing is written); a
 * "let op" is something we could not take over exactly, so it is never dropped silently.
 * It lives beside the HSDS mapping, whose table and schedule readers report with it: the import
 * (`src/lib/import/`) uses the mapping the export uses, and the mapping never needs the import.
 */
export type Ernst = 'probleem' | 'let-op';

/** Where in the input: file, row (CSV: the row number Excel shows; JSON: the path) and field. */
export type Plek = { bestand: string; rij?: string | number; veld?: string };

export type Melding = Plek & { ernst: Ernst; tekst: string };

export function probleem(plek: Plek, tekst: string, veld = plek.veld): Melding {
  return { ...plek, veld, ernst: 'probleem', tekst };
}

export function letOp(plek: Plek, tekst: string, veld = plek.veld): Melding {
  return { ...plek, veld, ernst: 'let-op', tekst };
}

/**
 * "voorbeeld.csv:7:kern: onbekende kern …" (a CSV row and its column), or for JSON the record and
 * the field as one path: "services.json:[2].organization.soort: kies de soort organisatie".
 */
export function plekTekst(m: Plek): string {
  const deel = (d: unknown) => d !== undefined && d !== '';
  if (typeof m.rij === 'string' && deel(m.rij)) return `${m.bestand}:${[m.rij, m.veld].filter(deel).join('.')}`;
  return [m.bestand, m.rij, m.veld].filter(deel).join(':');
}

export function meldingTekst(m: Melding): string {
  return `${plekTekst(m)}: ${m.tekst}`;
}
