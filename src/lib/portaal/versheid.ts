import { eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Bericht, verstuur } from '../mail/mail.ts';
import { plusDagen } from '../rooster/kalender.ts';
import { datumTekst } from '../rooster/tekst.ts';
import { partnersVan } from './accounts.ts';
import { BEVESTIG_LINK_DAGEN, type BevestigOrganisatie, maakBevestigToken, organisatiesMetActiviteiten } from './kloptnog.ts';
import { verouderdeOrganisaties } from './overzicht.ts';
import { maakLoginToken } from './sessies.ts';

const OPNIEUW_NA_DAGEN = 30;

const STATUS: Record<string, string> = { concept: ' (nog niet gepubliceerd)', gepauzeerd: ' (op pauze)' };

/** The links of one organisation in a reminder. */
export const KLOPT_NOG_PAD = '/partners/klopt-nog/';

function link(portaalUrl: string, pad: string, params: Record<string, string>): string {
  const url = new URL(pad, portaalUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/**
 * The reminder of one partner: every organisation due, its activities, and per organisation
 * "Alles klopt nog" (one click, no login) and "Er is iets veranderd" (logs in once and opens the
 * edit form); with more than one organisation also one link for all of them.
 */
export function herinneringVoor(
  db: DbOfTx,
  partner: { id: number; email: string; naam: string },
  organisaties: BevestigOrganisatie[],
  portaalUrl: string,
  nu = new Date(),
): Bericht {
  const minuten = BEVESTIG_LINK_DAGEN * 24 * 60;
  const delen = organisaties.map((o) => {
    const klopt = link(portaalUrl, KLOPT_NOG_PAD, { token: maakBevestigToken(db, partner.id, [o.id], nu) });
    const anders = link(portaalUrl, '/partners/inloggen/link/', {
      token: maakLoginToken(db, partner.id, nu, minuten),
      terug: `/partners/organisaties/${o.id}/`,
    });
    return [
      `${o.naam} (gecontroleerd op ${datumTekst(o.gecontroleerdOp)})`,
      ...(o.activiteiten.length > 0
        ? ['Activiteiten:', ...o.activiteiten.map((a) => `- ${a.titel}${STATUS[a.status] ?? ''}`)]
        : ['Geen activiteiten op de kaart.']),
      '',
      `Alles klopt nog: ${klopt}`,
      `Er is iets veranderd: ${anders}`,
    ].join('\n');
  });
  const alles =
    organisaties.length > 1
      ? [
          '',
          `Klopt alles nog bij alle ${organisaties.length} organisaties? Dan is één klik genoeg:`,
          link(portaalUrl, KLOPT_NOG_PAD, {
            token: maakBevestigToken(
              db,
              partner.id,
              organisaties.map((o) => o.id),
              nu,
            ),
          }),
        ]
      : [];
  return {
    aan: partner.email,
    onderwerp:
      organisaties.length === 1 ? `Klopt alles nog van ${organisaties[0].naam}?` : 'Klopt alles nog van uw organisaties?',
    tekst: [
      `Goedendag ${partner.naam},`,
      '',
      'Inwoners zoeken op de sociale kaart wat er in hun dorp te doen is. Klopt dit nog?',
      '',
      delen.join('\n\n'),
      ...alles,
      '',
      `Klopt alles? Klik op "Alles klopt nog" en dan op de knop. U hoeft niet in te loggen.`,
      'Is er iets veranderd? Klik op "Er is iets veranderd": u bent dan ingelogd en ziet het formulier.',
      `De links werken ${BEVESTIG_LINK_DAGEN} dagen en één keer. Stuur deze e-mail niet door: met de links kan iemand namens u bevestigen of inloggen.`,
    ].join('\n'),
  };
}

/**
 * Reminds the partners of listings not checked for six months; at most once a month per
 * organisation, one e-mail per partner naming all their organisations that are due. Returns the
 * number of e-mails sent.
 */
export async function stuurHerinneringen(
  db: DbOfTx,
  vandaag: string,
  portaalUrl: string,
  opties: { nu?: Date; stuur?: (b: Bericht) => Promise<void> } = {},
): Promise<number> {
  const stuur = opties.stuur ?? verstuur;
  const nu = opties.nu ?? new Date();
  const due = verouderdeOrganisaties(db, vandaag).filter((org) => {
    const vorige = db.select().from(t.herinnering).where(eq(t.herinnering.organisatieId, org.id)).get();
    return !vorige || vorige.verstuurdOp <= plusDagen(vandaag, -OPNIEUW_NA_DAGEN);
  });
  const perPartner = new Map<number, { partner: { id: number; email: string; naam: string }; ids: number[] }>();
  for (const p of partnersVan(
    db,
    due.map((o) => o.id),
  )) {
    const groep = perPartner.get(p.id) ?? { partner: p, ids: [] };
    groep.ids.push(p.organisatieId);
    perPartner.set(p.id, groep);
  }
  let verstuurd = 0;
  for (const { partner, ids } of perPartner.values()) {
    await stuur(herinneringVoor(db, partner, organisatiesMetActiviteiten(db, ids), portaalUrl, nu));
    verstuurd++;
  }
  const bereikt = new Set([...perPartner.values()].flatMap((g) => g.ids));
  for (const id of bereikt) {
    db.insert(t.herinnering)
      .values({ organisatieId: id, verstuurdOp: vandaag })
      .onConflictDoUpdate({ target: t.herinnering.organisatieId, set: { verstuurdOp: vandaag } })
      .run();
    // Every reminder is kept too, so the overview can name who did not answer and since when.
    db.insert(t.herinneringVerstuurd).values({ organisatieId: id, verstuurdOp: vandaag }).onConflictDoNothing().run();
  }
  return verstuurd;
}
