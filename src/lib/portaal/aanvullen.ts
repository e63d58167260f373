import { eq } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { laadKaart, leesActiviteit, leesOrganisatie } from '../data/kaart.ts';
import type { DbOfTx } from '../db/client.ts';
import { controleer } from '../model/aanvullen.ts';
import type { Account } from './accounts.ts';
import { log } from './logboek.ts';
import type { Publiceren } from './publicatie.ts';
import { alsActiviteitData, alsOrganisatieData, legVast } from './revisies.ts';
import { isBeheerder } from './toegang.ts';

/**
 * "Na import nog aanvullen": concepts (mostly from an import) with what they still lack, and
 * putting a complete one on the map. Whether a record is complete is decided by the same zod
 * schema as every save (src/lib/model/aanvullen.ts), so nothing unfinished can be published.
 */

export type AanvulItem = {
  soort: 'organisatie' | 'activiteit';
  id: number;
  naam: string;
  organisatie: string;
  /** Empty: complete, ready to go on the map. */
  teDoen: string[];
};

function teDoen(config: GemeenteConfig, soort: 'organisatie' | 'activiteit', data: unknown): string[] {
  const c = controleer(config, soort, data);
  // A problem the portal form would show at its field (rare: data changed outside the portal).
  return [...c.teDoen, ...c.overig.map((i) => `${i.path.join('.') || 'gegevens'}: ${i.message}`)];
}

/** Every concept organisation and activity, the unfinished ones first. */
export function nogAanvullen(db: DbOfTx, config: GemeenteConfig): AanvulItem[] {
  const kaart = laadKaart(db, { ookConcepten: true });
  const orgNaam = new Map(kaart.organisaties.map((o) => [o.slug, o.naam]));
  const items: AanvulItem[] = [
    ...kaart.organisaties
      .filter((o) => o.status === 'concept')
      .map((o) => ({
        soort: 'organisatie' as const,
        id: o.id,
        naam: o.naam,
        organisatie: o.naam,
        teDoen: teDoen(config, 'organisatie', alsOrganisatieData(o)),
      })),
    ...kaart.activiteiten
      .filter((a) => a.status === 'concept')
      .map((a) => ({
        soort: 'activiteit' as const,
        id: a.id,
        naam: a.titel,
        organisatie: orgNaam.get(a.organisatie) ?? a.organisatie,
        teDoen: teDoen(config, 'activiteit', alsActiviteitData(a)),
      })),
  ];
  return items.sort(
    (a, b) =>
      Number(a.teDoen.length === 0) - Number(b.teDoen.length === 0) ||
      a.organisatie.localeCompare(b.organisatie, 'nl') ||
      a.naam.localeCompare(b.naam, 'nl'),
  );
}

export type OpDeKaart = { gelukt: true } | { gelukt: false; reden: string };

/**
 * The beheerder puts a complete concept on the map. An activity of an organisation that is still
 * a concept takes its organisation along, when that one is complete too.
 */
export function zetOpDeKaart(
  db: DbOfTx,
  config: GemeenteConfig,
  account: Account,
  wat: { soort: 'organisatie' | 'activiteit'; id: number },
  publiceren: Publiceren,
): OpDeKaart {
  if (!isBeheerder(account)) return { gelukt: false, reden: 'Alleen de beheerder zet een concept op de kaart.' };
  const act = wat.soort === 'activiteit' ? leesActiviteit(db, wat.id) : undefined;
  const orgId =
    wat.soort === 'organisatie'
      ? wat.id
      : act && db.select({ id: t.activiteit.organisatieId }).from(t.activiteit).where(eq(t.activiteit.id, wat.id)).get()?.id;
  const org = orgId !== undefined ? leesOrganisatie(db, orgId) : undefined;
  if (!org || (wat.soort === 'activiteit' && !act)) return { gelukt: false, reden: 'Dit bestaat niet meer.' };
  const orgTeDoen = org.status === 'concept' ? teDoen(config, 'organisatie', alsOrganisatieData(org)) : [];
  if (orgTeDoen.length > 0) return { gelukt: false, reden: `Vul eerst ${org.naam} aan: ${orgTeDoen.join('; ')}.` };
  if (act) {
    const actTeDoen = teDoen(config, 'activiteit', alsActiviteitData(act));
    if (actTeDoen.length > 0) return { gelukt: false, reden: `Vul eerst ${act.titel} aan: ${actTeDoen.join('; ')}.` };
    if (act.status !== 'concept') return { gelukt: false, reden: `${act.titel} staat al op de kaart.` };
  } else if (org.status !== 'concept') return { gelukt: false, reden: `${org.naam} staat al op de kaart.` };
  const nu = new Date().toISOString();
  db.transaction((tx) => {
    if (org.status === 'concept') {
      tx.update(t.organisatie)
        .set({ status: 'gepubliceerd', gewijzigdOp: nu, versie: org.versie + 1 })
        .where(eq(t.organisatie.id, org.id))
        .run();
      legVast(tx, {
        soort: 'organisatie',
        entiteitId: org.id,
        organisatieId: org.id,
        actie: 'wijzigen',
        data: { ...alsOrganisatieData(org), status: 'gepubliceerd' },
        auteurId: account.id,
      });
    }
    if (act) {
      tx.update(t.activiteit)
        .set({ status: 'gepubliceerd', gewijzigdOp: nu, versie: act.versie + 1 })
        .where(eq(t.activiteit.id, act.id))
        .run();
      legVast(tx, {
        soort: 'activiteit',
        entiteitId: act.id,
        organisatieId: org.id,
        actie: 'wijzigen',
        data: { ...alsActiviteitData(act), status: 'gepubliceerd' },
        auteurId: account.id,
      });
    }
  });
  const naam = act?.titel ?? org.naam;
  log(db, account.id, 'op de kaart gezet', `${naam} (${wat.soort} ${wat.id})`);
  publiceren.vraagAan(`Op de kaart: ${naam}`);
  return { gelukt: true };
}
