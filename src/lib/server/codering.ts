/**
 * Whether an Accept-Encoding header accepts a coding. `q=0` means "not acceptable" (RFC 9110
 * 12.5.3), also through `*;q=0`; a coding the client names explicitly wins over `*`.
 */
export function aanvaardtCodering(accept: string, codering: string): boolean {
  let ster: number | undefined;
  for (const deel of accept.split(',')) {
    const [naam, ...parameters] = deel.split(';').map((s) => s.trim().toLowerCase());
    if (naam === '') continue;
    const q = parameters.map((p) => /^q=([0-9.]+)$/.exec(p)).find((m) => m)?.[1];
    const gewicht = q === undefined ? 1 : Number(q);
    if (naam === codering) return gewicht > 0;
    if (naam === '*') ster = gewicht;
  }
  return ster !== undefined && ster > 0;
}
