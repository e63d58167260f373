import { inArray } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import { loadConfig } from '../config/load.ts';
import { woorden } from '../config/woorden.ts';
import type { DbOfTx } from '../db/client.ts';
import { verwerkStraks, zetInWachtrij } from '../mail/wachtrij.ts';
import { opsomming } from '../rooster/tekst.ts';
import type { Account } from './accounts.ts';
import { maakLoginToken, UITNODIGING_DAGEN, vervalUitnodigingen } from './sessies.ts';

/** The names of an account's organisations and kernen, sorted, for mails and the accounts list. */
export function rolNamen(db: DbOfTx, a: Pick<Account, 'organisaties' | 'kernen'>): { organisaties: string[]; kernen: string[] } {
  const namen = <T extends { naam: string }>(rijen: T[]) => rijen.map((r) => r.naam).sort((x, y) => x.localeCompare(y, 'nl'));
  return {
    organisaties: a.organisaties.length
      ? namen(db.select({ naam: t.organisatie.naam }).from(t.organisatie).where(inArray(t.organisatie.id, a.organisaties)).all())
      : [],
    kernen: a.kernen.length ? namen(db.select({ naam: t.kern.naam }).from(t.kern).where(inArray(t.kern.id, a.kernen)).all()) : [],
  };
}

function watU(a: Account, n: { organisaties: string[]; kernen: string[] }): string[] {
  const regels: string[] = [];
  if (n.organisaties.length) regels.push(`U houdt de gegevens bij van ${opsomming(n.organisaties)}.`);
  if (n.kernen.length) regels.push(`U werkt als ${woorden(loadConfig()).ondersteuner} in ${opsomming(n.kernen)}.`);
  if (a.beheerder) regels.push('U bent beheerder van de sociale kaart.');
  return regels;
}

/**
 * Mails an invitation with a login link that works once, for seven days, so the new partner
 * needs no second mail. Sending it again makes the earlier link useless. Queued like login
 * links: the page answers at once and a slow mail server is retried.
 */
export function stuurUitnodiging(db: DbOfTx, account: Account, portaalUrl: string, nu = new Date()): void {
  vervalUitnodigingen(db, account.id, nu);
  const token = maakLoginToken(db, account.id, nu, UITNODIGING_DAGEN * 24 * 60, 'uitnodiging');
  const link = new URL('/partners/inloggen/link/', portaalUrl);
  link.searchParams.set('token', token);
  zetInWachtrij(db, {
    aan: account.email,
    onderwerp: 'Welkom bij het partnerportaal van de sociale kaart',
    tekst: [
      `Goedendag ${account.naam},`,
      '',
      'U heeft een account voor het partnerportaal van de sociale kaart.',
      ...watU(account, rolNamen(db, account)),
      '',
      'Met deze link logt u de eerste keer in:',
      '',
      link.href,
      '',
      `De link werkt ${UITNODIGING_DAGEN} dagen en één keer.`,
      'Daarna vraagt u een nieuwe inloglink aan op:',
      new URL('/partners/inloggen/', portaalUrl).href,
    ].join('\n'),
  });
  verwerkStraks(db);
}
