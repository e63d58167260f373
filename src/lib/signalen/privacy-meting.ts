import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { SOORTEN, vindPersoonsgegevens, type Bevinding, type PrivacyOpties } from './privacy.ts';

/**
 * Measures the privacy guard on the test sentences: a sentence counts as refused when the guard
 * finds anything. Shared by the unit test (thresholds) and `npm run bench -- privacy`.
 */

const zinSchema = z.object({
  tekst: z.string().min(1),
  verwacht: z.array(z.enum(SOORTEN)),
  /** A sentence the guard is known to miss; its test asserts the miss, so a fix is noticed too. */
  bekend_gemist: z.boolean().optional(),
});
export type TestZin = z.infer<typeof zinSchema>;

export function leesTestzinnen(): TestZin[] {
  const pad = fileURLToPath(new URL('./privacy-zinnen.yaml', import.meta.url));
  return z.array(zinSchema).parse(parse(readFileSync(pad, 'utf8')));
}

export type Uitslag = TestZin & { gevonden: Bevinding[]; goed: boolean };
export type Meting = {
  zinnen: number;
  metPersoonsgegevens: number;
  terechtGeweigerd: number;
  onterechtGeweigerd: number;
  gemist: number;
  precisie: number;
  recall: number;
  /** Of the refused sentences with personal data: the share where every expected kind was named. */
  soortGoed: number;
  fouten: Uitslag[];
};

export function meet(zinnen: TestZin[], opties: PrivacyOpties): Meting {
  const uitslagen: Uitslag[] = zinnen.map((z) => {
    const gevonden = vindPersoonsgegevens(z.tekst, opties);
    return { ...z, gevonden, goed: gevonden.length > 0 === z.verwacht.length > 0 };
  });
  const tp = uitslagen.filter((u) => u.verwacht.length > 0 && u.gevonden.length > 0);
  const fp = uitslagen.filter((u) => u.verwacht.length === 0 && u.gevonden.length > 0).length;
  const fn = uitslagen.filter((u) => u.verwacht.length > 0 && u.gevonden.length === 0).length;
  const soortGoed = tp.filter((u) => u.verwacht.every((s) => u.gevonden.some((b) => b.soort === s))).length;
  return {
    zinnen: zinnen.length,
    metPersoonsgegevens: zinnen.filter((z) => z.verwacht.length > 0).length,
    terechtGeweigerd: tp.length,
    onterechtGeweigerd: fp,
    gemist: fn,
    precisie: tp.length / (tp.length + fp || 1),
    recall: tp.length / (tp.length + fn || 1),
    soortGoed: soortGoed / (tp.length || 1),
    fouten: uitslagen.filter((u) => !u.goed),
  };
}

export function metingTekst(m: Meting): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `Privacycontrole op ${m.zinnen} zinnen (${m.metPersoonsgegevens} met persoonsgegevens):`,
    `  precisie ${pct(m.precisie)} (${m.onterechtGeweigerd} onterecht geweigerd)`,
    `  recall ${pct(m.recall)} (${m.gemist} gemist)`,
    `  juiste soort genoemd bij ${pct(m.soortGoed)} van de terecht geweigerde zinnen`,
    ...m.fouten.map(
      (f) =>
        `  ${f.verwacht.length ? 'gemist' : 'onterecht'}: ${f.tekst}${f.gevonden.length ? ` [${f.gevonden.map((b) => `${b.soort}: ${b.fragment}`).join('; ')}]` : ''}`,
    ),
  ].join('\n');
}
