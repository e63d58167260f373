import { and, asc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Bericht } from '../mail/mail.ts';
import { laadAccount } from '../portaal/accounts.ts';
import { lokaal } from '../rooster/kalender.ts';
import { afzenderNaam, signaalRechten } from './afzender.ts';
import { STATUS_LABEL } from './schema.ts';

/**
 * The daily e-mail a partner can ask for: new signals in their kernen and steps others took on
 * the signals they recorded. A signal appears only as its number, kern and first few words, with
 * a link; the rest is read in the portal. Organisations are named, people never.
 */

export const EERSTE_WOORDEN = 6;

export function eersteWoorden(tekst: string, n = EERSTE_WOORDEN): string {
  const woorden = tekst.trim().split(/\s+/);
  return woorden.length > n ? `${woorden.slice(0, n).join(' ')} …` : woorden.join(' ');
}

export function heeftDagoverzicht(db: DbOfTx, accountId: number): boolean {
  return db.select().from(t.signaalDagoverzicht).where(eq(t.signaalDagoverzicht.accountId, accountId)).get() !== undefined;
}

/** On: counted from now, so the first e-mail is not everything that ever happened. */
export function zetDagoverzicht(db: DbOfTx, accountId: number, aan: boolean, nu = new Date().toISOString()): void {
  if (!aan) db.delete(t.signaalDagoverzicht).where(eq(t.signaalDagoverzicht.accountId, accountId)).run();
  else db.insert(t.signaalDagoverzicht).values({ accountId, totOp: nu }).onConflictDoNothing().run();
}

const STAP: Record<string, string> = {
  herkend: 'Wij zien dit ook',
  'speelt-nog': 'Speelt nog',
  gegroepeerd: 'Gegroepeerd',
  'uit-groep': 'Uit de groep gehaald',
  gecorrigeerd: 'Tekst verbeterd',
  geanonimiseerd: 'Persoonsgegevens weggehaald',
};

/** The e-mail for one account since `van`, or undefined when there is nothing new. */
export function dagoverzichtVoor(
  db: DbOfTx,
  config: GemeenteConfig,
  accountId: number,
  van: string,
  portaalUrl: string,
): Bericht | undefined {
  const account = laadAccount(db, accountId);
  if (!account?.actief) return undefined;
  const kernen = signaalRechten(db, account).kernen;
  const link = (id: number) => new URL(`/partners/signalen/${id}/`, portaalUrl).href;
  const nieuw = kernen.length
    ? db
        .select({ id: t.signaal.id, tekst: t.signaal.tekst, kern: t.kern.naam })
        .from(t.signaal)
        .innerJoin(t.kern, eq(t.kern.id, t.signaal.kernId))
        .where(
          and(
            inArray(
              t.signaal.kernId,
              kernen.map((k) => k.id),
            ),
            gt(t.signaal.aangemaaktOp, van),
            or(isNull(t.signaal.accountId), ne(t.signaal.accountId, accountId)),
          ),
        )
        .orderBy(asc(t.signaal.id))
        .all()
    : [];
  const stappen = db
    .select({ g: t.signaalGebeurtenis, naam: t.organisatie.naam })
    .from(t.signaalGebeurtenis)
    .innerJoin(t.signaal, eq(t.signaal.id, t.signaalGebeurtenis.signaalId))
    .leftJoin(t.organisatie, eq(t.organisatie.id, t.signaalGebeurtenis.organisatieId))
    .where(
      and(
        eq(t.signaal.accountId, accountId),
        gt(t.signaalGebeurtenis.moment, van),
        or(isNull(t.signaalGebeurtenis.accountId), ne(t.signaalGebeurtenis.accountId, accountId)),
        ne(t.signaalGebeurtenis.soort, 'gemeld'),
      ),
    )
    .orderBy(asc(t.signaalGebeurtenis.id))
    .all();
  if (nieuw.length === 0 && stappen.length === 0) return undefined;
  const regels = [
    ...(nieuw.length
      ? [
          'Nieuwe signalen:',
          ...nieuw.map((s) => `- Signaal ${s.id} in ${s.kern}: "${eersteWoorden(s.tekst)}"\n  ${link(s.id)}`),
          '',
        ]
      : []),
    ...(stappen.length
      ? [
          'Stappen bij signalen die u meldde:',
          ...stappen.map(
            ({ g, naam }) =>
              `- Signaal ${g.signaalId}: ${g.soort === 'status' && g.status ? STATUS_LABEL[g.status] : (STAP[g.soort] ?? g.soort)} (${afzenderNaam(naam, g.rol, config)})\n  ${link(g.signaalId)}`,
          ),
          '',
        ]
      : []),
  ];
  return {
    aan: account.email,
    onderwerp: `Signalen: ${nieuw.length} nieuw, ${stappen.length} ${stappen.length === 1 ? 'stap' : 'stappen'}`,
    tekst: [
      `Goedendag ${account.naam},`,
      '',
      ...regels,
      'U krijgt deze e-mail omdat u het dagelijkse overzicht aanzette. Uitzetten kan onder Signalen in het partnerportaal.',
    ].join('\n'),
  };
}

/**
 * The daily run: for every account that asked, what is new since its last e-mail, at most once
 * per local day. Returns the e-mails; the caller sends them (the cut-off is moved first, so a
 * failed send never repeats a day's e-mail to the others).
 */
export function dagoverzichten(db: DbOfTx, config: GemeenteConfig, portaalUrl: string, nu = new Date()): Bericht[] {
  const vandaag = lokaal(nu).datum;
  const uit: Bericht[] = [];
  for (const r of db.select().from(t.signaalDagoverzicht).all()) {
    if (lokaal(new Date(r.totOp)).datum === vandaag) continue;
    const bericht = dagoverzichtVoor(db, config, r.accountId, r.totOp, portaalUrl);
    db.update(t.signaalDagoverzicht)
      .set({ totOp: nu.toISOString() })
      .where(eq(t.signaalDagoverzicht.accountId, r.accountId))
      .run();
    if (bericht) uit.push(bericht);
  }
  return uit;
}
