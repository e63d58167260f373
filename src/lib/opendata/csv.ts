/**
 * CSV that opens safely in Excel: UTF-8 with BOM, semicolons (the Dutch Excel default),
 * and cells that start like a formula are prefixed with an apostrophe (CSV injection).
 */
const FORMULE = /^[=+\-@\t\r]/;

export function csvCel(waarde: unknown): string {
  if (waarde === undefined || waarde === null) return '';
  let s = Array.isArray(waarde) ? waarde.join(', ') : String(waarde);
  if (FORMULE.test(s)) s = `'${s}`;
  return /[";\n\r,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function naarCsv(kolommen: string[], rijen: Record<string, unknown>[]): string {
  const regels = [kolommen.map(csvCel).join(';'), ...rijen.map((r) => kolommen.map((k) => csvCel(r[k])).join(';'))];
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}
