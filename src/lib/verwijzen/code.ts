import { randomInt } from 'node:crypto';

/**
 * The reference code an inwoner brings instead of a name. Read aloud, typed from a card or
 * written by hand, so no characters that look alike (0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V).
 */
export const CODE_ALFABET = '34679ACDEFHJKMNPQRTWXY';
export const CODE_LENGTE = 6;

/** A random code from the crypto source; uniqueness is the database's unique index. */
export function maakCode(lengte = CODE_LENGTE): string {
  let code = '';
  for (let i = 0; i < lengte; i++) code += CODE_ALFABET[randomInt(CODE_ALFABET.length)];
  return code;
}

/** "k7f m3q", "K7F-M3Q", " k7fm3q " → "K7FM3Q"; anything that cannot be a code → undefined. */
export function leesCode(invoer: string): string | undefined {
  const code = invoer.toUpperCase().replace(/[\s\-_.·]/g, '');
  if (code.length < 6 || code.length > 8) return undefined;
  return [...code].every((c) => CODE_ALFABET.includes(c)) ? code : undefined;
}

/** "K7FM3Q" → "K7F-M3Q": groups of three (or four for eight) are easier to read and say. */
export function toonCode(code: string): string {
  const helft = Math.ceil(code.length / 2);
  return `${code.slice(0, helft)}-${code.slice(helft)}`;
}
