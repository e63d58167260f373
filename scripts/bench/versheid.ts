import path from 'node:path';
import { loadConfig } from '../../src/lib/config/load.ts';
import { seedDemo } from '../../src/lib/data/seed.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { simuleerJaar, STANDAARD_MODEL } from '../../src/lib/versheid/simulatie.ts';
import { nieuweOmgeving, type Meting } from './context.ts';

const START = '2027-01-01';

/**
 * A simulated year (issue #15): the demo data, the real reminder, one-click confirmation, inwoner
 * report and call-list code, a fake clock and the response model of STANDAARD_MODEL (written out
 * in BENCHMARKS.md). Reports, per month, the share of published organisations checked in the six
 * months before the end of that month.
 */
export async function meetVersheid(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('versheid');
  process.env.OUTBOX_DIR = omgeving.env.OUTBOX_DIR;
  const db = openDb(path.join(omgeving.dataDir, 'sociale-kaart.sqlite'));
  try {
    const config = loadConfig();
    seedDemo(db, config, START);
    const cijfers = await simuleerJaar(db, config, { start: START, model: STANDAARD_MODEL });
    const m = STANDAARD_MODEL;
    const model = `model: ${m.partnerDekking * 100} % met partner, ${m.eersteHerinnering * 100} % na 1e herinnering, ${m.tweedeHerinnering * 100} % van de rest na de 2e, ${m.latereHerinnering * 100} % na latere; ${m.belletjesPerWeek} belletjes per kernondersteuner per week (${m.bereikt * 100} % bereikt); ${m.meldingenPerMaand} meldingen per maand`;
    return [
      ...cijfers.map((c, i) => ({
        sectie: 'versheid',
        naam: `Maand ${i + 1} (${c.maand}): gecontroleerd in de laatste 6 maanden`,
        waarde: Math.round(c.aandeel * 1000) / 10,
        eenheid: '%',
        toelichting: `${c.vers} van ${c.totaal}; ${c.herinneringen} herinneringen, ${c.gebeld} gebeld, ${c.meldingen} meldingen${c.seizoenGevraagd + c.seizoenBevestigd > 0 ? `; "Gaat het weer door?" ${c.seizoenGevraagd} gevraagd, ${c.seizoenBevestigd} bevestigd` : ''}${i === 0 ? `; ${model}` : ''}`,
      })),
      {
        sectie: 'versheid',
        naam: 'Laagste maand vanaf maand 6',
        waarde: Math.round(Math.min(...cijfers.slice(5).map((c) => c.aandeel)) * 1000) / 10,
        eenheid: '%',
        toelichting: 'doel: minstens 90 %',
      },
    ];
  } finally {
    db.$client.close();
    omgeving.opruimen();
  }
}
