import type { GemeenteConfig } from '../config/schema.ts';
import {
  syncKernen,
  voegActiviteitToe,
  voegKernondersteunerToe,
  voegOrganisatieToe,
  werkActiviteitBij,
  werkKernondersteunerBij,
  werkOrganisatieBij,
} from '../data/opslaan.ts';
import type { Db } from '../db/client.ts';
import type { ActiviteitData, KernondersteunerData, OrganisatieData } from '../model/schemas.ts';
import type { Plan } from './plan.ts';

/**
 * Writes a plan in one transaction: everything or nothing. Organisations go first, because
 * activities and kernondersteuners refer to them. Unchanged records are not touched, so their
 * version and change date stay as they were.
 */
export function voerPlanUit(db: Db, config: GemeenteConfig, plan: Plan): { nieuw: number; bijgewerkt: number } {
  const teller = { nieuw: 0, bijgewerkt: 0 };
  const volgorde = ['organisatie', 'activiteit', 'kernondersteuner'] as const;
  db.transaction((tx) => {
    syncKernen(tx, config);
    for (const soort of volgorde) {
      for (const item of plan.items.filter((i) => i.soort === soort && (i.actie === 'nieuw' || i.actie === 'bijwerken'))) {
        const opties = { uuid: item.uuid, gewijzigdOp: item.gewijzigdOp };
        if (item.actie === 'nieuw') {
          if (soort === 'organisatie') voegOrganisatieToe(tx, item.data as OrganisatieData, opties);
          else if (soort === 'activiteit') voegActiviteitToe(tx, item.data as ActiviteitData, opties);
          else voegKernondersteunerToe(tx, item.data as KernondersteunerData, opties);
          teller.nieuw++;
        } else {
          const { id, versie } = item.bestaand!;
          if (soort === 'organisatie') werkOrganisatieBij(tx, id, item.data as OrganisatieData, versie);
          else if (soort === 'activiteit') werkActiviteitBij(tx, id, item.data as ActiviteitData, versie);
          else werkKernondersteunerBij(tx, id, item.data as KernondersteunerData, versie);
          teller.bijgewerkt++;
        }
      }
    }
  });
  return teller;
}
