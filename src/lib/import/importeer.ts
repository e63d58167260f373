import type { GemeenteConfig } from '../config/schema.ts';
import type { Db } from '../db/client.ts';
import { lokaal } from '../rooster/kalender.ts';
import { probleem, type Melding } from '../opendata/hsds/melding.ts';
import { leesApi } from './api.ts';
import { hsdsNaarInvoer } from './hsds.ts';
import { hsdsCsvTabellen, hsdsJsonTabellen } from './hsds-bronnen.ts';
import type { Invoer } from './invoer.ts';
import { leesKoppeling, type Koppeling } from './koppeling.ts';
import { type Gelezen, leesInvoer, STANDAARD_MAX_MB } from './lezen.ts';
import { maakPlan, type Plan } from './plan.ts';
import { maakRapport, type Uitkomst } from './rapport.ts';
import { spreadsheetNaarInvoer } from './spreadsheet.ts';
import { voerPlanUit } from './toepassen.ts';

export type ImportOpties = {
  /** Write (in one transaction); without it, only the report. */
  toepassen?: boolean;
  /** Publish new records instead of making them drafts (records with to-dos stay concepts). */
  publiceren?: boolean;
  maxMb?: number;
  /** Today, for "gecontroleerd op" when the input does not say. */
  vandaag?: string;
  /** Mapping file (YAML) from another system's terms to our lists. */
  koppeling?: string;
};

export type ImportResultaat = { rapport: string; code: number; plan?: Plan };

function naarInvoer(
  gelezen: Gelezen,
  config: GemeenteConfig,
  koppeling: Koppeling | undefined,
): { invoer?: Invoer; meldingen: Melding[] } {
  if (!gelezen.soort || gelezen.meldingen.some((m) => m.ernst === 'probleem')) return { meldingen: gelezen.meldingen };
  const bestanden = gelezen.bronnen.map((b) => b.naam);
  if (gelezen.soort === 'spreadsheet') {
    const invoer = spreadsheetNaarInvoer(gelezen.bronnen, config);
    return { invoer: { ...invoer, meldingen: [...gelezen.meldingen, ...invoer.meldingen] }, meldingen: [] };
  }
  const { tabellen, meldingen } =
    gelezen.soort === 'hsds-json' ? hsdsJsonTabellen(gelezen.bronnen) : hsdsCsvTabellen(gelezen.bronnen);
  const invoer = hsdsNaarInvoer(tabellen, config, gelezen.soort, bestanden, koppeling);
  return { invoer: { ...invoer, meldingen: [...gelezen.meldingen, ...meldingen, ...invoer.meldingen] }, meldingen: [] };
}

function verwerk(pad: string, gelezen: Gelezen, db: Db, config: GemeenteConfig, opties: ImportOpties): ImportResultaat {
  const nietOpgeslagen = (reden: string): Uitkomst =>
    opties.toepassen ? { soort: 'niet-opgeslagen', reden } : { soort: 'proef' };
  const k = opties.koppeling ? leesKoppeling(opties.koppeling, config) : { koppeling: undefined, meldingen: [] };
  const { invoer, meldingen } = naarInvoer(
    { ...gelezen, meldingen: [...k.meldingen, ...gelezen.meldingen] },
    config,
    k.koppeling,
  );
  if (!invoer) {
    return { rapport: maakRapport({ pad, meldingen }, nietOpgeslagen('de invoer is niet gelezen.')), code: 1 };
  }
  const plan = maakPlan(db, config, invoer, {
    publiceren: opties.publiceren ?? false,
    vandaag: opties.vandaag ?? lokaal(new Date()).datum,
  });
  const problemen = plan.meldingen.filter((m) => m.ernst === 'probleem').length;
  if (problemen > 0)
    return {
      rapport: maakRapport(
        { pad, plan, meldingen: [] },
        nietOpgeslagen(`er ${problemen === 1 ? 'is 1 probleem' : `zijn ${problemen} problemen`}.`),
      ),
      code: 1,
      plan,
    };
  if (!opties.toepassen) return { rapport: maakRapport({ pad, plan, meldingen: [] }, { soort: 'proef' }), code: 0, plan };
  try {
    const r = voerPlanUit(db, config, plan);
    return { rapport: maakRapport({ pad, plan, meldingen: [] }, { soort: 'opgeslagen', ...r }), code: 0, plan };
  } catch (e) {
    plan.meldingen.push(probleem({ bestand: pad }, `Opslaan mislukte: ${(e as Error).message}`));
    return {
      rapport: maakRapport(
        { pad, plan, meldingen: [] },
        { soort: 'niet-opgeslagen', reden: 'opslaan mislukte; de database is niet veranderd.' },
      ),
      code: 1,
      plan,
    };
  }
}

/**
 * `npm run import`: read, map, check against the database, report; with `toepassen` also write,
 * but only when there is no problem at all, and then in one transaction.
 */
export function importeer(pad: string, db: Db, config: GemeenteConfig, opties: ImportOpties = {}): ImportResultaat {
  return verwerk(pad, leesInvoer(pad, opties.maxMb ?? STANDAARD_MAX_MB), db, config, opties);
}

/** The same, straight from an HSDS 3.0 API: every page of `/services`, each service in full. */
export async function importeerVanApi(
  url: string,
  db: Db,
  config: GemeenteConfig,
  opties: ImportOpties = {},
): Promise<ImportResultaat> {
  const gelezen = await leesApi(url, { maxMb: opties.maxMb ?? STANDAARD_MAX_MB });
  return verwerk(url, gelezen, db, config, opties);
}
