import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { foutenPerVeld, type Fouten } from '../portaal/formulier/velden.ts';
import { bewaarKoppeling, haalAgendaOp, koppelSchema, leesKoppeling, verwijderKoppeling } from './koppeling.ts';

/**
 * The buttons of "Agenda koppelen" on an organisation's portal page. The page has checked that the
 * account may edit this organisation (a partner of it, or the beheerder) before calling this.
 */

export const AGENDA_ACTIES = ['agenda-koppelen', 'agenda-ophalen', 'agenda-loskoppelen'] as const;
export type AgendaActie = (typeof AGENDA_ACTIES)[number];
export const isAgendaActie = (a: string): a is AgendaActie => (AGENDA_ACTIES as readonly string[]).includes(a);

/** The form field, named as in the page. */
export const URL_VELD = 'agenda-url';

export type AgendaUitkomst =
  | { soort: 'klaar'; melding: 'gekoppeld' | 'opgehaald' | 'losgekoppeld' }
  | { soort: 'fouten'; fouten: Fouten };

export async function agendaActie(
  db: DbOfTx,
  config: GemeenteConfig,
  account: Account,
  organisatieId: number,
  actie: AgendaActie,
  url: string,
): Promise<AgendaUitkomst> {
  if (actie === 'agenda-loskoppelen') {
    verwijderKoppeling(db, account, organisatieId);
    return { soort: 'klaar', melding: 'losgekoppeld' };
  }
  if (actie === 'agenda-ophalen') {
    if (!leesKoppeling(db, organisatieId)) return { soort: 'fouten', fouten: { [URL_VELD]: 'koppel eerst een agenda' } };
    await haalAgendaOp(db, config, organisatieId);
    return { soort: 'klaar', melding: 'opgehaald' };
  }
  const r = koppelSchema.safeParse({ url });
  if (!r.success) return { soort: 'fouten', fouten: foutenPerVeld(r.error.issues, { url: URL_VELD }) };
  bewaarKoppeling(db, account, organisatieId, r.data.url);
  // Fetched at once, so the partner sees straight away whether the address works.
  await haalAgendaOp(db, config, organisatieId);
  return { soort: 'klaar', melding: 'gekoppeld' };
}
