/**
 * CSV in two dialects.
 * - "excel" (our own downloads): UTF-8 with BOM, semicolons (the Dutch Excel default), and cells that
 *   start like a formula are prefixed with an apostrophe (CSV injection).
 * - "rfc4180" (the HSDS package, read by machines): commas, no BOM, values exactly as they are,
 *   because an apostrophe in front of "+31…" would change the data.
 */
const FORMULE = /^[=+\-@\t\r]/;

function quote(s: string): string {
  return /[";\n\r,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvCel(waarde: unknown): string {
  if (waarde === undefined || waarde === null) return '';
  let s = Array.isArray(waarde) ? waarde.join(', ') : String(waarde);
  if (FORMULE.test(s)) s = `'${s}`;
  return quote(s);
}

export function naarCsv(kolommen: string[], rijen: Record<string, unknown>[]): string {
  const regels = [kolommen.map(csvCel).join(';'), ...rijen.map((r) => kolommen.map((k) => csvCel(r[k])).join(';'))];
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}

export function rfcCel(waarde: unknown): string {
  if (waarde === undefined || waarde === null) return '';
  return quote(String(waarde));
}

export function naarRfcCsv(kolommen: string[], rijen: Record<string, unknown>[]): string {
  return [...rfcCsvDelen(kolommen, rijen)].join('');
}

/** naarRfcCsv in parts of `per` rows, so a table of 20 MB is never one string (bestanden.ts streams it). */
export function* rfcCsvDelen(kolommen: string[], rijen: Record<string, unknown>[], per = 1000): Generator<string> {
  const regel = (cellen: string[]) => `${cellen.join(',')}\r\n`;
  yield regel(kolommen.map(rfcCel));
  for (let i = 0; i < rijen.length; i += per) {
    yield rijen
      .slice(i, i + per)
      .map((r) => regel(kolommen.map((k) => rfcCel(r[k]))))
      .join('');
  }
}

export type CsvRecord = {
  /** 1-based record number with the header as 1: the row number Excel shows. */
  rij: number;
  cellen: string[];
};

export type CsvTabel = { scheiding: string; kolommen: string[]; records: CsvRecord[] };

/** The separator used in the header line: the one that occurs most outside quotes. */
export function raadScheiding(tekst: string): string {
  const tellers: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (const teken of tekst) {
    if (teken === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (teken === '\n' || teken === '\r')) break;
    else if (!inQuotes && teken in tellers) tellers[teken]++;
  }
  const [meest, aantal] = Object.entries(tellers).sort((a, b) => b[1] - a[1])[0];
  return aantal > 0 ? meest : ',';
}

/**
 * Reads CSV as Excel and RFC 4180 write it: quoted fields may hold separators, quotes ("") and
 * newlines; CRLF, LF and CR end a record; a BOM is skipped; empty lines are left out but still
 * counted, so row numbers match what Excel shows.
 */
export function leesCsv(invoer: string, scheiding = raadScheiding(invoer.replace(/^\uFEFF/, ''))): CsvTabel {
  const tekst = invoer.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cellen: string[] = [];
  let cel = '';
  let inQuotes = false;
  let nummer = 0;
  const sluitRecord = () => {
    cellen.push(cel);
    nummer++;
    if (cellen.length > 1 || cellen[0] !== '') records.push({ rij: nummer, cellen });
    cellen = [];
    cel = '';
  };
  for (let i = 0; i < tekst.length; i++) {
    const teken = tekst[i];
    if (inQuotes) {
      if (teken === '"') {
        if (tekst[i + 1] === '"') {
          cel += '"';
          i++;
        } else inQuotes = false;
      } else cel += teken;
    } else if (teken === '"' && cel === '') inQuotes = true;
    else if (teken === scheiding) {
      cellen.push(cel);
      cel = '';
    } else if (teken === '\r' || teken === '\n') {
      if (teken === '\r' && tekst[i + 1] === '\n') i++;
      sluitRecord();
    } else cel += teken;
  }
  if (cel !== '' || cellen.length > 0) sluitRecord();
  const [kop, ...rest] = records;
  return { scheiding, kolommen: (kop?.cellen ?? []).map((k) => k.trim()), records: rest };
}
