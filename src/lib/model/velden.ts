import { z } from 'zod';
import { slugSchema } from '../config/schema.ts';

/** Field schemas shared by organisations, activities, kernondersteuners and imports. */

/**
 * Text is stored exactly as typed (escaping happens where it is shown); only the line endings
 * browsers send (CRLF) become plain newlines, so a saved text compares equal to the same text.
 */
export function schoonTekst(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

export function tekst(opties: { min?: number; max: number; leeg?: string }) {
  return z
    .string({ error: 'vul dit veld in' })
    .transform(schoonTekst)
    .pipe(
      z
        .string()
        .trim()
        .min(opties.min ?? 1, { error: opties.leeg ?? 'vul dit veld in' })
        .max(opties.max, { error: `maximaal ${opties.max} tekens` }),
    );
}

/** Optional text: empty input means "not given". */
export function optioneleTekst(max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), tekst({ max }).optional());
}

/** Digits of a Dutch number without spaces, hyphens, dots or brackets. */
export function telefoonCijfers(s: string): string {
  return s.replace(/[\s\-().]/g, '');
}

const TELEFOON_VORMEN = [
  /^0[1-9]\d{8}$/, // 0546 123456, 06 12345678
  /^(\+|00)31[1-9]\d{8}$/, // +31 546 123456
  /^0(800|900|906|909)\d{4,7}$/, // service numbers
  /^140\d{2,3}$/, // 14 0546: the gemeente's short number
];

/** Dutch phone number as people write it: "0546 123 456", "06-12345678", "+31 546 123456", "14 0546". */
export const telefoonSchema = z
  .string()
  .trim()
  .refine((s) => TELEFOON_VORMEN.some((vorm) => vorm.test(telefoonCijfers(s))), {
    error: 'dit is geen geldig telefoonnummer; schrijf bijvoorbeeld 0546 123 456',
  });

export const optioneelTelefoon = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  telefoonSchema.optional(),
);

export const optioneelEmail = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z.email({ error: 'dit is geen geldig e-mailadres; schrijf bijvoorbeeld naam@voorbeeld.nl' }).max(200).optional(),
);

export const optioneleWebsite = z.preprocess(
  (v) => {
    if (typeof v !== 'string' || v.trim() === '') return undefined;
    const s = v.trim();
    return /^https?:\/\//i.test(s) ? s : `https://${s}`;
  },
  z
    .url({ protocol: /^https?$/, error: 'dit is geen geldig webadres; schrijf bijvoorbeeld www.voorbeeld.nl' })
    .max(300)
    .optional(),
);

export const postcodeSchema = z
  .string({ error: 'vul een postcode in' })
  .trim()
  .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/, { error: 'schrijf de postcode als 1234 AB' }))
  .transform((s) => `${s.slice(0, 4)} ${s.slice(4)}`);

const BUITEN_NL = 'deze plek ligt niet in Nederland';

export const adresSchema = z.object({
  /** Name of the place, e.g. "Dorpshuis De Spil"; empty when the address is the organisation's own. */
  naam: optioneleTekst(120),
  straat: tekst({ max: 120, leeg: 'vul de straat in' }),
  huisnummer: z
    .string({ error: 'vul een huisnummer in' })
    .trim()
    .regex(/^[1-9][0-9]{0,4}( ?[a-zA-Z]{1,2}|-[0-9a-zA-Z]{1,4})?$/, { error: 'schrijf het huisnummer als 12, 12a of 12-2' }),
  postcode: postcodeSchema,
  plaats: tekst({ max: 80, leeg: 'vul de plaats in' }),
  kern: slugSchema,
  lat: z.number({ error: 'moet een getal zijn' }).min(50.5, { error: BUITEN_NL }).max(53.7, { error: BUITEN_NL }).optional(),
  lon: z.number({ error: 'moet een getal zijn' }).min(3.2, { error: BUITEN_NL }).max(7.3, { error: BUITEN_NL }).optional(),
});
export type Adres = z.infer<typeof adresSchema>;

export const STATUS = ['gepubliceerd', 'concept'] as const;
export const statusSchema = z.enum(STATUS);
export type Status = z.infer<typeof statusSchema>;
