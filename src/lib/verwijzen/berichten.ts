import { and, eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { type Bericht, verstuur } from '../mail/mail.ts';
import { type Account, partnersVan } from '../portaal/accounts.ts';
import { toonCode } from './code.ts';
import { STATUS_TEKST } from './status.ts';
import { leesVerwijzing } from './verwijzingen.ts';

/**
 * E-mails when a referral is made or answered. They name the activity and the code, never who
 * was referred: no name, contact detail or note, so a mail in the wrong inbox tells nothing about
 * an inwoner. A mail that cannot be sent is logged; the referral itself stands.
 */

const link = (id: number, portaalUrl: string) => new URL(`/partners/verwijzingen/${id}/`, portaalUrl).href;

/** To every active partner of the activity's organisation: someone is on the way. */
export function nieuweVerwijzingBerichten(db: DbOfTx, id: number, portaalUrl: string): Bericht[] {
  const v = leesVerwijzing(db, id);
  if (!v?.organisatieId) return [];
  return partnersVan(db, [v.organisatieId]).map((p) => ({
    aan: p.email,
    onderwerp: `Nieuwe verwijzing naar ${v.activiteitTitel}`,
    tekst: [
      `Goedendag ${p.naam},`,
      '',
      `Iemand is verwezen naar uw activiteit "${v.activiteitTitel}". De inwoner heeft een kaartje met de code ${toonCode(v.code)}.`,
      'Komt iemand met deze code? Vul dan in het partnerportaal in hoe het gaat:',
      link(v.id, portaalUrl),
      '',
      'Wie er verwezen is, staat niet in deze e-mail.',
    ].join('\n'),
  }));
}

/** To the referrer, when the provider answered (not when the referrer closed it themselves). */
export function antwoordBerichten(db: DbOfTx, id: number, door: Account, portaalUrl: string): Bericht[] {
  const v = leesVerwijzing(db, id);
  if (!v?.verwijzerId || v.verwijzerId === door.id) return [];
  const verwijzer = db
    .select()
    .from(t.account)
    .where(and(eq(t.account.id, v.verwijzerId), eq(t.account.actief, true)))
    .get();
  if (!verwijzer) return [];
  return [
    {
      aan: verwijzer.email,
      onderwerp: `Antwoord op verwijzing ${toonCode(v.code)}`,
      tekst: [
        `Goedendag ${verwijzer.naam},`,
        '',
        `De aanbieder van "${v.activiteitTitel}" heeft geantwoord op verwijzing ${toonCode(v.code)}: ${STATUS_TEKST[v.status]}.`,
        link(v.id, portaalUrl),
      ].join('\n'),
    },
  ];
}

export async function verstuurAlle(berichten: Bericht[]): Promise<void> {
  for (const b of berichten) await verstuur(b).catch((e) => console.error('E-mail over een verwijzing mislukt:', e));
}
