import { z } from 'zod';
import type { GemeenteConfig } from '../config/schema.ts';
import { tekst } from '../model/velden.ts';
import { MAANDEN } from '../rooster/schema.ts';
import { privacyMelding, vindPersoonsgegevens, type PrivacyOpties } from './privacy.ts';

/** Shapes, labels and the follow-up steps of signalen: the single source for forms and pages. */

export const OMVANG = ['enkelen', 'groep', 'veel'] as const;
export const BASIS = ['eigen-waarneming', 'meerdere-gesprekken', 'cijfers'] as const;
export const STATUSSEN = ['nieuw', 'besproken', 'opgepakt', 'afgerond', 'geen-actie'] as const;
export type Omvang = (typeof OMVANG)[number];
export type Basis = (typeof BASIS)[number];
export type SignaalStatus = (typeof STATUSSEN)[number];
export type Rol = 'partner' | 'kernondersteuner' | 'beheerder';

export const OMVANG_LABEL: Record<Omvang, string> = { enkelen: 'Enkelen', groep: 'Een groep', veel: 'Veel mensen' };
export const BASIS_LABEL: Record<Basis, string> = {
  'eigen-waarneming': 'Eigen waarneming',
  'meerdere-gesprekken': 'Uit meerdere gesprekken',
  cijfers: 'Uit cijfers',
};
export const STATUS_LABEL: Record<SignaalStatus, string> = {
  nieuw: 'Nieuw',
  besproken: 'Besproken',
  opgepakt: 'Opgepakt',
  afgerond: 'Afgerond',
  'geen-actie': 'Geen actie',
};

/** Form labels, also used by the error summary. */
export const SIGNAAL_VELDEN: Record<string, string> = {
  kern: 'Kern',
  thema: 'Thema',
  doelgroep: 'Voor wie',
  tekst: 'Wat ziet u?',
  omvang: 'Hoeveel mensen',
  sinds: 'Sinds wanneer',
  basis: 'Waar baseert u het op?',
  afzender: 'Namens',
  notitie: 'Wat ziet u zelf?',
  status: 'Volgende stap',
  opgepaktDoor: 'Wie pakt het op?',
  uitkomst: 'Toelichting',
  activiteit: 'Activiteit op de kaart',
  met: 'Groeperen met',
  groepsnaam: 'Naam van de groep',
};

export const OPEN: readonly SignaalStatus[] = ['nieuw', 'besproken', 'opgepakt'];
export const isOpen = (s: SignaalStatus) => OPEN.includes(s);

/** nieuw → besproken → opgepakt → afgerond, or geen actie; a closed signal can be opened again. */
export const VOLGENDE_STATUS: Record<SignaalStatus, SignaalStatus[]> = {
  nieuw: ['besproken', 'opgepakt', 'geen-actie'],
  besproken: ['opgepakt', 'afgerond', 'geen-actie'],
  opgepakt: ['afgerond', 'geen-actie', 'besproken'],
  afgerond: ['besproken'],
  'geen-actie': ['besproken'],
};

/** Months an open signal may go without change before "speelt dit nog?" is asked. */
export const CONTROLE_MAANDEN = 3;

/** How far back "sinds wanneer" goes as months; earlier is "langer". */
export const SINDS_MAANDEN = 24;

export function sindsOpties(vandaag: string): { waarde: string; label: string }[] {
  const [j, m] = vandaag.split('-').map(Number);
  const opties = Array.from({ length: SINDS_MAANDEN }, (_, i) => {
    const d = new Date(Date.UTC(j, m - 1 - i, 1));
    return { waarde: d.toISOString().slice(0, 7), label: sindsTekst(d.toISOString().slice(0, 7)) };
  });
  return [...opties, { waarde: 'langer', label: `Langer dan ${SINDS_MAANDEN / 12} jaar` }];
}

export function sindsTekst(sinds: string): string {
  if (sinds === 'langer') return `langer dan ${SINDS_MAANDEN / 12} jaar`;
  const [j, m] = sinds.split('-').map(Number);
  return `${MAANDEN[m - 1]} ${j}`;
}

export function privacyOpties(config: GemeenteConfig): PrivacyOpties {
  return { bekendeNamen: config.kernen.map((k) => k.naam) };
}

/** Free text that others will read: refused when it looks like personal data (zod refine). */
export function vrijeTekst(opties: { min?: number; max: number; leeg?: string }, privacy: PrivacyOpties) {
  return tekst(opties).superRefine((s, ctx) => {
    const gevonden = vindPersoonsgegevens(s, privacy);
    if (gevonden.length > 0) ctx.addIssue({ code: 'custom', message: privacyMelding(gevonden) });
  });
}

export function optioneleVrijeTekst(max: number, privacy: PrivacyOpties) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), vrijeTekst({ max }, privacy).optional());
}

const leegIsWeg = (v: unknown) => (v === '' ? undefined : v);

/** Who a signal or reaction speaks for: an organisation, or kernondersteuning/gemeente without one. */
export type Afzender = { waarde: string; organisatieId: number | null; rol: Rol; naam: string; kernIds: number[] };

export type SignaalContext = {
  config: GemeenteConfig;
  /** Kernen the account may record signalen for, by slug. */
  kernen: { id: number; slug: string }[];
  afzenders: Afzender[];
  vandaag: string;
};

/** The text of a signal, when recorded and when corrected. */
export const signaalTekst = (privacy: PrivacyOpties) =>
  vrijeTekst({ min: 10, max: 500, leeg: 'schrijf kort wat u ziet (minstens 10 tekens)' }, privacy);

export function maakSignaalSchema({ config, kernen, afzenders, vandaag }: SignaalContext) {
  const privacy = privacyOpties(config);
  const sinds = new Set(sindsOpties(vandaag).map((o) => o.waarde));
  return z
    .object({
      kern: z
        .string({ error: 'kies een kern' })
        .refine((s) => kernen.some((k) => k.slug === s), { error: 'kies een kern uit de lijst' }),
      thema: z.preprocess(
        leegIsWeg,
        z.enum(config.themas.map((t) => t.slug) as [string, ...string[]], { error: 'kies een thema uit de lijst' }).optional(),
      ),
      doelgroep: z.preprocess(
        leegIsWeg,
        z
          .enum(config.doelgroepen.map((d) => d.slug) as [string, ...string[]], { error: 'kies een doelgroep uit de lijst' })
          .optional(),
      ),
      tekst: signaalTekst(privacy),
      omvang: z.enum(OMVANG, { error: 'kies hoeveel mensen het betreft' }),
      sinds: z.string({ error: 'kies sinds wanneer' }).refine((s) => sinds.has(s), { error: 'kies sinds wanneer u dit ziet' }),
      basis: z.enum(BASIS, { error: 'kies waar het op gebaseerd is' }),
      afzender: z.string({ error: 'kies namens welke organisatie u dit meldt' }),
    })
    .transform((s, ctx) => {
      const kernId = kernen.find((k) => k.slug === s.kern)!.id;
      const afzender = afzenders.find((a) => a.waarde === s.afzender);
      if (!afzender?.kernIds.includes(kernId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['afzender'],
          message: 'deze organisatie is niet actief in deze kern; kies een andere organisatie of kern',
        });
        return z.NEVER;
      }
      return { ...s, kernId, afzender };
    });
}
export type SignaalInvoer = z.output<ReturnType<typeof maakSignaalSchema>>;

export function maakHerkenningSchema(config: GemeenteConfig, afzenders: Afzender[]) {
  return z.object({
    afzender: z
      .string()
      .refine((w) => afzenders.some((a) => a.waarde === w), { error: 'kies namens welke organisatie u dit ziet' }),
    notitie: optioneleVrijeTekst(300, privacyOpties(config)),
  });
}

/** A status change; what it needs depends on the step (an organisation, what was done, a reason). */
export function maakStatusSchema(
  config: GemeenteConfig,
  mag: { statussen: SignaalStatus[]; organisaties: number[]; activiteiten: number[] },
) {
  const privacy = privacyOpties(config);
  const id = z.preprocess(leegIsWeg, z.coerce.number().int().optional());
  return z
    .object({
      status: z
        .enum(STATUSSEN, { error: 'kies de nieuwe stap' })
        .refine((s) => mag.statussen.includes(s), { error: 'deze stap kunt u nu niet kiezen' }),
      opgepaktDoor: id,
      uitkomst: optioneleVrijeTekst(500, privacy),
      activiteit: id,
    })
    .superRefine((s, ctx) => {
      if (s.status === 'opgepakt' && (s.opgepaktDoor === undefined || !mag.organisaties.includes(s.opgepaktDoor))) {
        ctx.addIssue({ code: 'custom', path: ['opgepaktDoor'], message: 'kies welke organisatie het oppakt' });
      }
      if (s.status === 'afgerond' && !s.uitkomst)
        ctx.addIssue({ code: 'custom', path: ['uitkomst'], message: 'schrijf kort wat er is gedaan' });
      if (s.status === 'geen-actie' && !s.uitkomst)
        ctx.addIssue({ code: 'custom', path: ['uitkomst'], message: 'schrijf waarom er niets mee gebeurt' });
      if (s.activiteit !== undefined && (s.status !== 'afgerond' || !mag.activiteiten.includes(s.activiteit))) {
        ctx.addIssue({ code: 'custom', path: ['activiteit'], message: 'kies een activiteit in deze kern, alleen bij afgerond' });
      }
    });
}
export type StatusInvoer = z.output<ReturnType<typeof maakStatusSchema>>;
