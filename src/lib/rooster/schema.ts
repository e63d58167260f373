import { z } from 'zod';

/** Days as Dutch abbreviations; order matters (Monday first, as in the Netherlands). */
export const WEEKDAGEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const weekdagSchema = z.enum(WEEKDAGEN, { error: 'kies een dag van de week' });
export type Weekdag = z.infer<typeof weekdagSchema>;

export const tijdSchema = z
  .string({ error: 'vul een tijd in' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'schrijf de tijd als uu:mm, bijvoorbeeld 09:30' });

export const datumSchema = z
  .string({ error: 'vul een datum in' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2027-03-14' })
  .refine(
    (s) => {
      const [j, m, d] = s.split('-').map(Number);
      const dt = new Date(Date.UTC(j, m - 1, d));
      return dt.getUTCFullYear() === j && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
    },
    { error: 'deze datum bestaat niet' },
  );

const tijdvak = {
  van: tijdSchema,
  tot: tijdSchema,
};

function eindNaBegin(r: { van: string; tot: string }) {
  return r.tot > r.van;
}
const eindNaBeginFout = { error: 'de eindtijd moet na de begintijd liggen', path: ['tot'] };

/** Every week or every n weeks on one or more days. */
export const wekelijksSchema = z
  .object({
    type: z.literal('wekelijks'),
    dagen: z.array(weekdagSchema).min(1, { error: 'kies minstens één dag' }),
    /** 1 = every week, 2 = every other week, … */
    interval: z.int().min(1).max(4).default(1),
    /** A date in a week the activity takes place; needed to know which weeks when interval > 1. */
    vanafWeek: datumSchema.optional(),
    ...tijdvak,
  })
  .refine(eindNaBegin, eindNaBeginFout)
  .refine((r) => r.interval === 1 || r.vanafWeek !== undefined, {
    error: 'vul een datum in waarop de activiteit is, zodat we weten in welke weken',
    path: ['vanafWeek'],
  });

/** The nth (or last: -1) weekday of the month, e.g. "elke eerste dinsdag van de maand". */
export const maandelijksSchema = z
  .object({
    type: z.literal('maandelijks'),
    week: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
      error: 'kies eerste, tweede, derde, vierde of laatste',
    }),
    dag: weekdagSchema,
    ...tijdvak,
  })
  .refine(eindNaBegin, eindNaBeginFout);

/** One date. */
export const eenmaligSchema = z
  .object({
    type: z.literal('eenmalig'),
    datum: datumSchema,
    ...tijdvak,
  })
  .refine(eindNaBegin, eindNaBeginFout);

export const regelSchema = z.discriminatedUnion('type', [wekelijksSchema, maandelijksSchema, eenmaligSchema]);
export type Regel = z.infer<typeof regelSchema>;
export type RegelInvoer = z.input<typeof regelSchema>;

export const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const maandSchema = z.int().min(1, { error: 'kies een maand' }).max(12, { error: 'kies een maand' });

/** Limits on one schedule: far above real use, far below what would slow the server down. */
export const MAX_REGELS = 20;
export const MAX_NIET_OP = 100;

/**
 * When an activity takes place. Empty `regels` with `opAfspraak` means "by appointment";
 * `seizoen` repeats every year (e.g. September to May), `periode` bounds it once.
 */
export const roosterSchema = z
  .object({
    regels: z
      .array(regelSchema)
      .max(MAX_REGELS, {
        error: `een rooster heeft hoogstens ${MAX_REGELS} regels; zet wat niet past in de toelichting`,
      })
      .default([]),
    opAfspraak: z.boolean().default(false),
    seizoen: z.object({ vanMaand: maandSchema, totMaand: maandSchema }).optional(),
    periode: z
      .object({ van: datumSchema.optional(), tot: datumSchema.optional() })
      .refine((p) => !p.van || !p.tot || p.tot >= p.van, {
        error: 'de einddatum moet na de begindatum liggen',
        path: ['tot'],
      })
      .optional(),
    /**
     * Months it never takes place ("niet in juli en augustus"), besides or instead of a season.
     * Absent rather than empty, so listings saved before this field read back unchanged.
     */
    nietInMaanden: z.array(maandSchema).max(11, { error: 'kies niet alle maanden; het gaat dan nooit door' }).optional(),
    /** Skips Dutch public holidays (src/lib/rooster/feestdagen.ts). Absent means false. */
    nietOpFeestdagen: z.literal(true).optional(),
    nietOp: z
      .array(datumSchema)
      .max(MAX_NIET_OP, { error: `vul hoogstens ${MAX_NIET_OP} datums in waarop het niet doorgaat` })
      .default([]),
    toelichting: z.string().max(300, { error: 'maximaal 300 tekens' }).optional(),
  })
  .refine((r) => r.regels.length > 0 || r.opAfspraak || (r.toelichting ?? '').trim() !== '', {
    error: 'geef aan wanneer de activiteit is, of kies "op afspraak"',
    path: ['regels'],
  });

export type Rooster = z.infer<typeof roosterSchema>;
export type RoosterInvoer = z.input<typeof roosterSchema>;
