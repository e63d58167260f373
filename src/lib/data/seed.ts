import { count } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import { formatZodIssues } from '../config/load.ts';
import type { DbOfTx } from '../db/client.ts';
import type { z } from 'zod';
import { heeftDemo } from '../demo/bouwstenen.ts';
import { maakDemoDataset } from '../demo/dataset.ts';
import { maakSchemas } from '../model/schemas.ts';
import { lokaal } from '../rooster/kalender.ts';
import { naamUuid } from './ids.ts';
import {
  kernIdMap,
  organisatieIdVoorSlug,
  syncKernen,
  voegActiviteitToe,
  voegKernondersteunerToe,
  voegOrganisatieToe,
  zetMeta,
} from './opslaan.ts';

export type SeedResultaat = { organisaties: number; activiteiten: number; kernondersteuners: number };

export function isLeeg(db: DbOfTx): boolean {
  return db.select({ n: count() }).from(t.organisatie).get()!.n === 0;
}

function valideer<S extends z.ZodType>(schema: S, item: unknown, wat: string): z.infer<S> {
  const r = schema.safeParse(item);
  if (!r.success) throw new Error(`Voorbeeldgegevens kloppen niet (${wat}):\n${formatZodIssues(r.error.issues).join('\n')}`);
  return r.data;
}

/**
 * Whether an empty database gets demo data: not when SK_DEMO=uit, and not for a content folder
 * without demo data of its own (a gemeente that starts with its own import).
 */
export function demoAan(): boolean {
  return process.env.SK_DEMO !== 'uit' && heeftDemo();
}

/**
 * Loads the demo data of the content folder (content/demo: Twenterand's). Only what is missing (by slug, or by kern for
 * kernondersteuners) is added, so running it twice changes nothing and never overwrites edits.
 */
export function seedDemo(db: DbOfTx, config: GemeenteConfig, referentieDatum = lokaal(new Date()).datum): SeedResultaat {
  const schemas = maakSchemas(config);
  const data = maakDemoDataset(config, referentieDatum);
  const resultaat: SeedResultaat = { organisaties: 0, activiteiten: 0, kernondersteuners: 0 };
  db.transaction((tx) => {
    syncKernen(tx, config);
    const bestaand = {
      activiteiten: new Set(
        tx
          .select({ slug: t.activiteit.slug })
          .from(t.activiteit)
          .all()
          .map((a) => a.slug),
      ),
      ondersteunerKernen: new Set(
        tx
          .select({ kernId: t.kernondersteuner.kernId })
          .from(t.kernondersteuner)
          .all()
          .map((k) => k.kernId),
      ),
    };
    const leegVoor = isLeeg(tx);
    for (const invoer of data.organisaties) {
      const org = valideer(schemas.organisatie, invoer, `organisatie ${invoer.slug}`);
      if (organisatieIdVoorSlug(tx, org.slug) !== undefined) continue;
      voegOrganisatieToe(tx, org, { uuid: naamUuid('organisatie', org.slug) });
      resultaat.organisaties++;
    }
    for (const invoer of data.activiteiten) {
      const act = valideer(schemas.activiteit, invoer, `activiteit ${invoer.slug}`);
      if (bestaand.activiteiten.has(act.slug)) continue;
      voegActiviteitToe(tx, act, { uuid: naamUuid('activiteit', act.slug) });
      resultaat.activiteiten++;
    }
    const kernen = kernIdMap(tx);
    for (const invoer of data.kernondersteuners) {
      const k = valideer(schemas.kernondersteuner, invoer, `kernondersteuner ${invoer.kern}`);
      if (bestaand.ondersteunerKernen.has(kernen.get(k.kern)!)) continue;
      voegKernondersteunerToe(tx, k, { uuid: naamUuid('kernondersteuner', k.kern) });
      resultaat.kernondersteuners++;
    }
    if (leegVoor) zetMeta(tx, 'demo', 'ja');
  });
  return resultaat;
}
