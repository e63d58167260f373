import { z } from 'zod';
import { optioneelEmail, optioneelTelefoon, optioneleTekst, tekst } from '../model/velden.ts';
import { waarde, type Velden } from '../portaal/formulier/velden.ts';

/**
 * The referral form. Contact details of the inwoner are refused unless consent is ticked: the
 * default is a referral without any personal data.
 */

export const contactSchema = z.object({
  naam: optioneleTekst(100),
  telefoon: optioneelTelefoon,
  email: optioneelEmail,
});
export type Contact = z.infer<typeof contactSchema>;

export function verwijsSchema(themas: string[]) {
  return z
    .object({
      thema: z.string().refine((t) => themas.includes(t), { error: 'kies waarvoor u verwijst' }),
      verwijzer: z
        .object({ naam: tekst({ max: 100, leeg: 'vul uw naam in' }), telefoon: optioneelTelefoon, email: optioneelEmail })
        .refine((v) => v.telefoon || v.email, {
          error: 'vul uw telefoonnummer of e-mailadres in: dat komt op het kaartje',
          path: ['telefoon'],
        }),
      toestemming: z.boolean(),
      contact: contactSchema,
    })
    .superRefine((v, ctx) => {
      const iets = Boolean(v.contact.naam || v.contact.telefoon || v.contact.email);
      if (!v.toestemming && iets) {
        ctx.addIssue({
          code: 'custom',
          path: ['toestemming'],
          message:
            'zonder toestemming van de inwoner vult u geen naam of contactgegevens in; maak die velden leeg of vink toestemming aan',
        });
      }
      if (v.toestemming && !v.contact.telefoon && !v.contact.email) {
        ctx.addIssue({
          code: 'custom',
          path: ['contact.telefoon'],
          message: 'vul een telefoonnummer of e-mailadres van de inwoner in, of vink toestemming uit',
        });
      }
    })
    .transform(({ toestemming, contact, ...rest }) => ({ ...rest, contact: toestemming ? contact : undefined }));
}
export type VerwijsInvoer = z.infer<ReturnType<typeof verwijsSchema>>;

export function leesVerwijsFormulier(velden: Velden, themas: string[]) {
  return verwijsSchema(themas).safeParse({
    thema: waarde(velden, 'thema'),
    verwijzer: {
      naam: waarde(velden, 'verwijzer.naam'),
      telefoon: waarde(velden, 'verwijzer.telefoon'),
      email: waarde(velden, 'verwijzer.email'),
    },
    toestemming: waarde(velden, 'toestemming') === 'ja',
    contact: {
      naam: waarde(velden, 'contact.naam'),
      telefoon: waarde(velden, 'contact.telefoon'),
      email: waarde(velden, 'contact.email'),
    },
  });
}
