import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Bericht, verstuur } from '../mail/mail.ts';
import { partnersVan } from '../portaal/accounts.ts';
import { BEVESTIG_LINK_DAGEN, maakToken } from '../portaal/kloptnog.ts';
import { maakLoginToken } from '../portaal/sessies.ts';
import { plusDagen } from '../rooster/kalender.ts';
import type { Rooster } from '../rooster/schema.ts';
import { datumTekst } from '../rooster/tekst.ts';

/**
 * "Gaat het weer door?" (issue #15): a seasonal activity (September to May, say) is asked about
 * a few weeks before its season starts, once per season. Its partners get a mail with a one-click
 * "Ja, het gaat door" link (a single-purpose token, see kloptnog.ts) and a login link to the edit
 * form; an activity without partner goes onto the call list of its kern's kernondersteuner.
 * Confirming is in seizoenbevestigen.ts.
 */

export const GAAT_DOOR_PAD = '/partners/gaat-door/';

const tweeCijfers = (n: number) => String(n).padStart(2, '0');

/**
 * The season start to ask about today, if any: the next first day of the season's first month,
 * when today is within `weken` weeks before it. Not for a season that is the whole year, one that
 * ended (periode) before it starts, or an activity already checked within those weeks.
 */
export function teVragenSeizoen(rooster: Rooster, vandaag: string, weken: number, gecontroleerdOp: string): string | undefined {
  const seizoen = rooster.seizoen;
  if (!seizoen || (seizoen.totMaand % 12) + 1 === seizoen.vanMaand) return undefined;
  const jaar = Number(vandaag.slice(0, 4));
  let start = `${jaar}-${tweeCijfers(seizoen.vanMaand)}-01`;
  // A season from January is asked about in December, in the year before.
  if (start <= vandaag) start = `${jaar + 1}-${tweeCijfers(seizoen.vanMaand)}-01`;
  const vanaf = plusDagen(start, -7 * weken);
  if (vandaag < vanaf) return undefined;
  if (rooster.periode?.tot && rooster.periode.tot < start) return undefined;
  if (gecontroleerdOp >= vanaf) return undefined;
  return start;
}

type Vraag = { activiteitId: number; titel: string; organisatieId: number; organisatie: string; seizoenStart: string };
type Partner = { id: number; email: string; naam: string };

function link(portaalUrl: string, pad: string, params: Record<string, string>): string {
  const url = new URL(pad, portaalUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/** The mail of one partner: per activity its question, "Ja, het gaat door" and "Er is iets veranderd". */
export function seizoenMail(db: DbOfTx, partner: Partner, vragen: Vraag[], portaalUrl: string, nu = new Date()): Bericht {
  const delen = vragen.map((v) => {
    const ja = maakToken(
      db,
      {
        accountId: partner.id,
        organisaties: [v.organisatieId],
        doel: 'seizoen',
        activiteitId: v.activiteitId,
        seizoenStart: v.seizoenStart,
      },
      nu,
    );
    const anders = maakLoginToken(db, partner.id, nu, BEVESTIG_LINK_DAGEN * 24 * 60);
    return [
      `Gaat ${v.titel} (${v.organisatie}) weer door vanaf ${datumTekst(v.seizoenStart)}?`,
      `Ja, het gaat door: ${link(portaalUrl, GAAT_DOOR_PAD, { token: ja })}`,
      `Er is iets veranderd: ${link(portaalUrl, '/partners/inloggen/link/', { token: anders, terug: `/partners/activiteiten/${v.activiteitId}/` })}`,
    ].join('\n');
  });
  const een = vragen.length === 1 ? vragen[0] : undefined;
  return {
    aan: partner.email,
    onderwerp: een
      ? `Gaat ${een.titel} weer door vanaf ${datumTekst(een.seizoenStart)}?`
      : 'Gaan uw activiteiten weer door na de zomer of de winter?',
    tekst: [
      `Goedendag ${partner.naam},`,
      '',
      'Het nieuwe seizoen begint bijna. Inwoners zoeken op de sociale kaart wat er weer te doen is.',
      '',
      delen.join('\n\n'),
      '',
      'Gaat het door zoals op de kaart staat? Klik op "Ja, het gaat door" en dan op de knop. U hoeft niet in te loggen.',
      'Is er iets veranderd, zoals de dag, de tijd of de plek, of gaat het niet door? Klik op "Er is iets veranderd": u bent dan ingelogd en ziet het formulier.',
      `De links werken ${BEVESTIG_LINK_DAGEN} dagen en één keer. Stuur deze e-mail niet door: met de links kan iemand namens u bevestigen of inloggen.`,
    ].join('\n'),
  };
}

/** Published seasonal activities of published organisations, with what the rule needs. */
function seizoensActiviteiten(db: DbOfTx) {
  return db
    .select({
      activiteitId: t.activiteit.id,
      titel: t.activiteit.titel,
      rooster: t.activiteit.rooster,
      gecontroleerdOp: t.activiteit.gecontroleerdOp,
      organisatieId: t.organisatie.id,
      organisatie: t.organisatie.naam,
    })
    .from(t.activiteit)
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.activiteit.organisatieId))
    .where(and(eq(t.activiteit.status, 'gepubliceerd'), eq(t.organisatie.status, 'gepubliceerd')))
    .all()
    .filter((a) => a.rooster.seizoen);
}

const alGevraagd = (db: DbOfTx, activiteitId: number, seizoenStart: string) =>
  db
    .select({ a: t.seizoenVraag.activiteitId })
    .from(t.seizoenVraag)
    .where(and(eq(t.seizoenVraag.activiteitId, activiteitId), eq(t.seizoenVraag.seizoenStart, seizoenStart)))
    .get() !== undefined;

/**
 * The periodic job: asks every seasonal activity that is due, once per season. With partners: one
 * mail per partner naming all their activities due; without: onto the call list. Returns counts.
 */
export async function vraagSeizoenen(
  db: DbOfTx,
  config: GemeenteConfig,
  vandaag: string,
  portaalUrl: string,
  opties: { nu?: Date; stuur?: (b: Bericht) => Promise<void> } = {},
): Promise<{ mails: number; bellijst: number }> {
  const nu = opties.nu ?? new Date();
  const stuur = opties.stuur ?? verstuur;
  const weken = config.versheid.seizoen_vooraf_weken;
  const perPartner = new Map<number, { partner: Partner; vragen: Vraag[] }>();
  let bellijst = 0;
  for (const a of seizoensActiviteiten(db)) {
    const seizoenStart = teVragenSeizoen(a.rooster, vandaag, weken, a.gecontroleerdOp);
    if (!seizoenStart || alGevraagd(db, a.activiteitId, seizoenStart)) continue;
    const partners = partnersVan(db, [a.organisatieId]);
    db.insert(t.seizoenVraag)
      .values({
        activiteitId: a.activiteitId,
        seizoenStart,
        gevraagdOp: vandaag,
        wijze: partners.length > 0 ? 'mail' : 'bellijst',
      })
      .run();
    if (partners.length === 0) bellijst++;
    for (const p of partners) {
      const groep = perPartner.get(p.id) ?? { partner: p, vragen: [] };
      groep.vragen.push({ ...a, seizoenStart });
      perPartner.set(p.id, groep);
    }
  }
  for (const { partner, vragen } of perPartner.values()) await stuur(seizoenMail(db, partner, vragen, portaalUrl, nu));
  return { mails: perPartner.size, bellijst };
}

/** Open questions (not yet answered) of one activity. */
export function openVraag(db: DbOfTx, activiteitId: number, seizoenStart?: string) {
  return db
    .select()
    .from(t.seizoenVraag)
    .where(
      and(
        eq(t.seizoenVraag.activiteitId, activiteitId),
        isNull(t.seizoenVraag.beantwoordOp),
        seizoenStart ? eq(t.seizoenVraag.seizoenStart, seizoenStart) : undefined,
      ),
    )
    .get();
}

/** A "Gaat het weer door?" that nobody answered yet, with what a list of them shows. */
export type OpenSeizoenVraag = {
  activiteitId: number;
  titel: string;
  organisatie: string;
  telefoon: string | null;
  email: string | null;
  kernId: number;
  seizoenStart: string;
  gevraagdOp: string;
};

/**
 * Questions asked by mail (to partners) or put on the call list, not answered: not answered on
 * the page, and the activity not checked since it was asked (say, its whole organisation
 * confirmed on the call list). Mailed ones in the order they were asked, call-list ones by season.
 */
export function openSeizoenVragen(db: DbOfTx, wijze: 'mail' | 'bellijst'): OpenSeizoenVraag[] {
  return db
    .select({
      activiteitId: t.activiteit.id,
      titel: t.activiteit.titel,
      organisatie: t.organisatie.naam,
      telefoon: t.organisatie.telefoon,
      email: t.organisatie.email,
      kernId: t.activiteit.kernId,
      seizoenStart: t.seizoenVraag.seizoenStart,
      gevraagdOp: t.seizoenVraag.gevraagdOp,
    })
    .from(t.seizoenVraag)
    .innerJoin(t.activiteit, eq(t.activiteit.id, t.seizoenVraag.activiteitId))
    .innerJoin(t.organisatie, eq(t.organisatie.id, t.activiteit.organisatieId))
    .where(
      and(
        eq(t.seizoenVraag.wijze, wijze),
        isNull(t.seizoenVraag.beantwoordOp),
        lt(t.activiteit.gecontroleerdOp, t.seizoenVraag.gevraagdOp),
      ),
    )
    .orderBy(asc(wijze === 'mail' ? t.seizoenVraag.gevraagdOp : t.seizoenVraag.seizoenStart), asc(t.activiteit.titel))
    .all();
}
