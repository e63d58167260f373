import { meldingTekst, plekTekst, type Melding } from '../opendata/hsds/melding.ts';
import { koppelingSjabloon } from './koppeling.ts';
import type { Plan, PlanItem } from './plan.ts';

/** The report the beheerder reads, in plain Dutch, one line per record and per problem. */

const SOORT_NAAM = { 'hsds-json': 'HSDS JSON', 'hsds-csv': 'HSDS CSV-pakket', spreadsheet: 'spreadsheet (CSV)' };
/** More lines than this per section help nobody; the count still says how many there are. */
const MAX_REGELS = 200;

function sectie(titel: string, regels: string[]): string[] {
  if (regels.length === 0) return [];
  const getoond = regels.slice(0, MAX_REGELS).map((r) => `  ${r}`);
  if (regels.length > MAX_REGELS) getoond.push(`  … en nog ${regels.length - MAX_REGELS}.`);
  return ['', `${titel} (${regels.length}):`, ...getoond];
}

const bestanden = (b: string[]) => (b.length <= 4 ? b.join(', ') : `${b.length} bestanden`);

function itemRegel(i: PlanItem): string {
  const status = i.data && 'status' in i.data ? ` [${i.data.status}]` : '';
  const wat = i.wijzigingen.length > 0 ? `: ${i.wijzigingen.join(', ')}` : '';
  return `${i.soort.padEnd(16)} ${i.naam} (${i.sleutel})${status}${wat}`;
}

/** "services.json:[2] Taalcafé (activiteit): kies voor wie het is; kies vrije inloop of aanmelden" */
function teDoenRegel(i: PlanItem): string {
  const waar = i.plek ? `${plekTekst({ ...i.plek, veld: undefined })} ` : '';
  return `${waar}${i.naam} (${i.soort}): ${(i.teDoen ?? []).join('; ')}`;
}

export type Uitkomst =
  | { soort: 'proef' }
  | { soort: 'opgeslagen'; nieuw: number; bijgewerkt: number }
  | { soort: 'niet-opgeslagen'; reden: string };

export function maakRapport(invoer: { pad: string; plan?: Plan; meldingen: Melding[] }, uitkomst: Uitkomst): string {
  const { plan } = invoer;
  const meldingen = plan ? plan.meldingen : invoer.meldingen;
  const problemen = meldingen.filter((m) => m.ernst === 'probleem');
  const letOp = meldingen.filter((m) => m.ernst === 'let-op');
  const items = plan?.items ?? [];
  const per = (actie: PlanItem['actie']) => items.filter((i) => i.actie === actie);
  const regels = [
    `Import van ${invoer.pad}${plan ? ` (${SOORT_NAAM[plan.invoer.soort]}: ${bestanden(plan.invoer.bestanden)})` : ''}`,
    uitkomst.soort === 'proef' ? 'Proefrun: er wordt niets opgeslagen.' : '',
  ].filter(Boolean);
  if (plan) {
    const tel = (actie: PlanItem['actie']) => per(actie).length;
    regels.push(
      '',
      `Nieuw: ${tel('nieuw')}   Bijwerken: ${tel('bijwerken')}   Ongewijzigd: ${tel('ongewijzigd')}   Overgeslagen: ${tel('overslaan')}`,
      `Problemen: ${problemen.length}   Let op: ${letOp.length}`,
    );
  }
  regels.push(
    ...sectie('Nieuw', per('nieuw').map(itemRegel)),
    ...sectie('Bijwerken', per('bijwerken').map(itemRegel)),
    ...sectie(
      'Na import nog aanvullen: komt binnen als concept, de beheerder vult dit aan in het portaal',
      items.filter((i) => (i.teDoen ?? []).length > 0).map(teDoenRegel),
    ),
    ...sectie('Let op: niet (precies) overgenomen', letOp.map(meldingTekst)),
    ...(plan?.invoer.onbekendeTermen?.size
      ? [
          '',
          'Termen die niet in onze lijsten staan. Een begin voor een koppelingsbestand (geef het mee met --koppeling):',
          '',
          koppelingSjabloon(plan.invoer.onbekendeTermen),
        ]
      : []),
    ...sectie('Problemen', problemen.map(meldingTekst)),
    '',
  );
  switch (uitkomst.soort) {
    case 'proef':
      regels.push(
        problemen.length > 0
          ? 'Los eerst de problemen op. Zolang er problemen zijn, slaan we niets op.'
          : 'Alles is te importeren. Zet --apply achter de opdracht om het op te slaan.',
      );
      break;
    case 'opgeslagen':
      regels.push(`Opgeslagen, in één keer: ${uitkomst.nieuw} nieuw, ${uitkomst.bijgewerkt} bijgewerkt.`);
      if (plan && !plan.publiceren && uitkomst.nieuw > 0) {
        regels.push('Nieuwe organisaties en activiteiten staan klaar als concept. Controleer ze en zet ze online.');
      }
      if (plan?.items.some((i) => (i.teDoen ?? []).length > 0)) {
        regels.push('Wat nog aangevuld moet worden, staat in het partnerportaal onder Beheer, "Na import nog aanvullen".');
      }
      break;
    case 'niet-opgeslagen':
      regels.push(`Er is niets opgeslagen: ${uitkomst.reden}`);
      break;
  }
  return `${regels.join('\n')}\n`;
}
