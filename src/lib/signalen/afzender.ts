import { asc, eq, inArray } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { woorden } from '../config/woorden.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Account } from '../portaal/accounts.ts';
import { isBeheerder } from '../portaal/toegang.ts';
import { signaalKernen } from './toegang.ts';
import type { Afzender, Rol } from './schema.ts';

/**
 * Who an account speaks for in signalen. A signal stores the recording account and the
 * organisation it chose; "wij zien dit ook" counts organisations, so each afzender has a key.
 */

export const afzenderSleutel = (organisatieId: number | null, rol: Rol) => (organisatieId ? `org-${organisatieId}` : rol);

export function afzenderNaam(organisatieNaam: string | null | undefined, rol: Rol, config: GemeenteConfig): string {
  if (organisatieNaam) return organisatieNaam;
  return rol === 'kernondersteuner'
    ? (config.soorten.find((s) => s.slug === 'kernondersteuning')?.label ?? woorden(config).Ondersteuner)
    : rol === 'beheerder'
      ? `Gemeente ${config.naam}`
      : 'Een organisatie die niet meer bestaat';
}

/** Kernen served by the account's organisations: where it is a partner. */
export function partnerKernen(db: DbOfTx, account: Account): number[] {
  if (!account.actief || account.organisaties.length === 0) return [];
  const rijen = db
    .select({ kernId: t.organisatieKern.kernId })
    .from(t.organisatieKern)
    .where(inArray(t.organisatieKern.organisatieId, account.organisaties))
    .all();
  return [...new Set(rijen.map((r) => r.kernId))];
}

export function alleKernen(db: DbOfTx) {
  return db
    .select({ id: t.kern.id, slug: t.kern.slug, naam: t.kern.naam })
    .from(t.kern)
    .orderBy(asc(t.kern.volgorde), asc(t.kern.naam))
    .all();
}

/** Everything a page needs to decide about signalen for this account. */
export function signaalRechten(db: DbOfTx, account: Account) {
  const kernen = alleKernen(db);
  const pk = partnerKernen(db, account);
  const zichtbaar = new Set(
    signaalKernen(
      account,
      pk,
      kernen.map((k) => k.id),
    ),
  );
  return { partnerKernen: pk, kernen: kernen.filter((k) => zichtbaar.has(k.id)) };
}

export function afzenders(db: DbOfTx, account: Account, config: GemeenteConfig): Afzender[] {
  if (!account.actief) return [];
  const uit: Afzender[] = [];
  if (account.organisaties.length > 0) {
    const orgs = db
      .select({ id: t.organisatie.id, naam: t.organisatie.naam })
      .from(t.organisatie)
      .where(inArray(t.organisatie.id, account.organisaties))
      .orderBy(asc(t.organisatie.naam))
      .all();
    const kernen = db
      .select()
      .from(t.organisatieKern)
      .where(inArray(t.organisatieKern.organisatieId, account.organisaties))
      .all();
    for (const o of orgs) {
      const kernIds = kernen.filter((k) => k.organisatieId === o.id).map((k) => k.kernId);
      if (kernIds.length > 0)
        uit.push({ waarde: afzenderSleutel(o.id, 'partner'), organisatieId: o.id, rol: 'partner', naam: o.naam, kernIds });
    }
  }
  // A kernondersteuner speaks for the organisation that employs the kernondersteuning of the kern.
  for (const kernId of account.kernen) {
    const ko = db
      .select({ organisatieId: t.kernondersteuner.organisatieId, naam: t.organisatie.naam })
      .from(t.kernondersteuner)
      .leftJoin(t.organisatie, eq(t.organisatie.id, t.kernondersteuner.organisatieId))
      .where(eq(t.kernondersteuner.kernId, kernId))
      .get();
    const organisatieId = ko?.organisatieId ?? null;
    const waarde = afzenderSleutel(organisatieId, 'kernondersteuner');
    const bestaand = uit.find((a) => a.waarde === waarde);
    if (bestaand) bestaand.kernIds = [...new Set([...bestaand.kernIds, kernId])];
    else
      uit.push({
        waarde,
        organisatieId,
        rol: 'kernondersteuner',
        naam: afzenderNaam(ko?.naam, 'kernondersteuner', config),
        kernIds: [kernId],
      });
  }
  if (isBeheerder(account)) {
    uit.push({
      waarde: 'beheerder',
      organisatieId: null,
      rol: 'beheerder',
      naam: afzenderNaam(null, 'beheerder', config),
      kernIds: alleKernen(db).map((k) => k.id),
    });
  }
  return uit;
}

/** Who acts when a step is taken: the organisation asked for, else the role that allows it. */
export function handelendeAfzender(lijst: Afzender[], kernId: number, voorkeur?: number | null): Afzender | undefined {
  const inKern = lijst.filter((a) => a.kernIds.includes(kernId));
  return (
    inKern.find((a) => voorkeur != null && a.organisatieId === voorkeur) ??
    inKern.find((a) => a.rol === 'kernondersteuner') ??
    inKern.find((a) => a.rol === 'beheerder') ??
    inKern[0]
  );
}
