import type { DbOfTx } from '../db/client.ts';
import { verwerkStraks, zetInWachtrij } from '../mail/wachtrij.ts';
import { accountVoorEmail, emailSchema } from './accounts.ts';
import { loginPerEmail, loginPerIp } from './limiet.ts';
import { log } from './logboek.ts';
import { LOGIN_LINK_MINUTEN, maakLoginToken } from './sessies.ts';

export type InlogAanvraag = { email: string; ip: string; terug: string; basisUrl: string };

/**
 * Queues a login link when the address has an active account. The answer is the same, and as
 * fast, whether or not it has one: the mail is sent after the page has answered (mail/wachtrij.ts),
 * so neither a slow nor a broken mail server shows who has an account. Too many requests for one
 * address send nothing more but answer the same: the owner keeps the links already sent.
 */
export function vraagInloglinkAan(db: DbOfTx, a: InlogAanvraag): { fout: string } | { teVaak: true } | { verstuurd: true } {
  const r = emailSchema.safeParse(a.email);
  if (!r.success) return { fout: r.error.issues[0].message };
  const email = r.data;
  if (!loginPerIp.magDoor(a.ip)) return { teVaak: true };
  if (!loginPerEmail.magDoor(email)) return { verstuurd: true };
  const account = accountVoorEmail(db, email);
  if (account?.actief) {
    const token = maakLoginToken(db, account.id);
    const link = new URL('/partners/inloggen/link/', a.basisUrl);
    link.searchParams.set('token', token);
    if (a.terug !== '/partners/') link.searchParams.set('terug', a.terug);
    zetInWachtrij(db, {
      aan: email,
      onderwerp: 'Uw inloglink voor het partnerportaal',
      tekst: [
        'Goedendag,',
        '',
        'Met deze link logt u in bij het partnerportaal van de sociale kaart:',
        '',
        link.href,
        '',
        `De link werkt ${LOGIN_LINK_MINUTEN} minuten en één keer.`,
        'Heeft u niet gevraagd om in te loggen? Dan kunt u deze e-mail weggooien.',
      ].join('\n'),
    });
    log(db, account.id, 'inloglink', 'Inloglink gevraagd');
    verwerkStraks(db);
  }
  return { verstuurd: true };
}
