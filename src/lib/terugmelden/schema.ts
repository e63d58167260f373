import { z } from 'zod';
import type { GemeenteConfig } from '../config/schema.ts';
import { privacyOpties } from '../signalen/schema.ts';
import { uitleg, vindPersoonsgegevens } from '../signalen/privacy.ts';

/** "Klopt er iets niet?": what an inwoner can say about a listing. The single source for form and pages. */

export const SOORTEN = ['tijd', 'plek', 'contact', 'bestaat-niet', 'anders'] as const;
export type TerugmeldSoort = (typeof SOORTEN)[number];

export const SOORT_LABEL: Record<TerugmeldSoort, string> = {
  tijd: 'De tijd of de dag',
  plek: 'De plek',
  contact: 'Het telefoonnummer of e-mailadres',
  'bestaat-niet': 'Het bestaat niet meer',
  anders: 'Iets anders',
};

export const MAX_TEKST = 300;
/** The field a person never sees; a robot fills it in. */
export const HONINGPOT = 'website';

export const SLOT =
  'Schrijf hier geen namen, telefoonnummers of adressen: alleen wat er niet klopt. De organisatie zoekt het zelf na.';

export function maakTerugmeldSchema(config: GemeenteConfig) {
  const privacy = privacyOpties(config);
  return z.object({
    soort: z.enum(SOORTEN, { error: 'Kies wat er niet klopt.' }),
    tekst: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
      z
        .string()
        .max(MAX_TEKST, { error: `Schrijf het korter: hooguit ${MAX_TEKST} tekens.` })
        .superRefine((s, ctx) => {
          const gevonden = vindPersoonsgegevens(s, privacy);
          if (gevonden.length > 0) {
            ctx.addIssue({ code: 'custom', message: `${gevonden.slice(0, 3).map(uitleg).join(' ')} ${SLOT}` });
          }
        })
        .optional(),
    ),
  });
}

export type TerugmeldInvoer = z.infer<ReturnType<typeof maakTerugmeldSchema>>;
