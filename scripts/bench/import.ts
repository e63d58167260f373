import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/lib/config/load.ts';
import { laadKaart } from '../../src/lib/data/kaart.ts';
import { seedDemo } from '../../src/lib/data/seed.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { importeer } from '../../src/lib/import/importeer.ts';
import { maakHsdsBestanden } from '../../src/lib/opendata/hsds/bestanden.ts';
import { maakSiteData } from '../../src/lib/site/sitedata.ts';
import { mediaan, nieuweOmgeving, type Meting } from './context.ts';

/**
 * HSDS export and import of the demo data, and what a 10 MB spreadsheet costs: the numbers
 * behind the 5 MB input limit of `npm run import` (see src/lib/import/lezen.ts).
 */
export async function meetImport(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('import');
  const sectie = 'Open data en import';
  const nu = { datum: '2026-11-22', tijd: '12:00' };
  const tijd = (f: () => void, runs = 3) =>
    mediaan(
      Array.from({ length: runs }, () => {
        const start = performance.now();
        f();
        return performance.now() - start;
      }),
    );
  try {
    const config = loadConfig();
    const db = openDb(path.join(omgeving.dataDir, 'demo.sqlite'));
    seedDemo(db, config, nu.datum);
    const site = maakSiteData(config, laadKaart(db), nu);
    let bestanden = new Map<string, string>();
    const exportMs = tijd(() => (bestanden = maakHsdsBestanden(site)));
    const jsonMap = path.join(omgeving.dataDir, 'hsds');
    mkdirSync(jsonMap);
    for (const naam of ['services.json', 'organizations.json', 'taxonomy_terms.json'])
      writeFileSync(path.join(jsonMap, naam), bestanden.get(naam)!);
    const jsonMb =
      ['services.json', 'organizations.json'].reduce((s, n) => s + Buffer.byteLength(bestanden.get(n)!), 0) / 2 ** 20;
    const csvMb = [...bestanden].filter(([n]) => n.endsWith('.csv')).reduce((s, [, t]) => s + Buffer.byteLength(t), 0) / 2 ** 20;
    const diensten = JSON.parse(bestanden.get('services.json')!).total_items as number;

    let n = 0;
    const importMs = tijd(() => {
      const leeg = openDb(path.join(omgeving.dataDir, `leeg-${n++}.sqlite`));
      importeer(jsonMap, leeg, config, { toepassen: true, publiceren: true, vandaag: nu.datum });
      leeg.$client.close();
    });
    const doel = openDb(path.join(omgeving.dataDir, `leeg-${n - 1}.sqlite`));
    const herhaalMs = tijd(() => importeer(jsonMap, doel, config, { vandaag: nu.datum }));

    const [kop, org, , koffie] = readFileSync('content/import/voorbeeld.csv', 'utf8').split('\r\n');
    const rijen = [kop, org];
    for (let i = 0, grootte = 0; grootte < 10 * 2 ** 20; i++) {
      const r = koffie.replace(/^([^;]*;[^;]*;[^;]*;)Koffieochtend/, `$1Koffieochtend ${i}`);
      rijen.push(r);
      grootte += r.length + 2;
    }
    const groot = path.join(omgeving.dataDir, 'groot.csv');
    writeFileSync(groot, rijen.join('\r\n'));
    const weigerMs = tijd(() => importeer(groot, doel, config, { vandaag: nu.datum }));
    const grootMs = tijd(() => importeer(groot, doel, config, { maxMb: 20, vandaag: nu.datum }), 1);
    doel.$client.close();
    db.$client.close();
    return [
      {
        sectie,
        naam: `HSDS-export maken (${diensten} diensten, JSON en 21 CSV's)`,
        waarde: Math.round(exportMs),
        eenheid: 'ms',
        runs: 3,
      },
      { sectie, naam: 'HSDS JSON (services + organizations)', waarde: +jsonMb.toFixed(2), eenheid: 'MB' },
      { sectie, naam: 'HSDS CSV-pakket', waarde: +csvMb.toFixed(2), eenheid: 'MB' },
      {
        sectie,
        naam: 'Import HSDS JSON in lege database (--apply --publish)',
        waarde: +(importMs / 1000).toFixed(2),
        eenheid: 's',
        runs: 3,
      },
      {
        sectie,
        naam: 'Zelfde import nog eens (proefrun, alles ongewijzigd)',
        waarde: +(herhaalMs / 1000).toFixed(2),
        eenheid: 's',
        runs: 3,
      },
      { sectie, naam: 'Spreadsheet van 10 MB weigeren (grens 5 MB)', waarde: +weigerMs.toFixed(2), eenheid: 'ms', runs: 3 },
      {
        sectie,
        naam: `Spreadsheet van 10 MB (${rijen.length - 2} activiteiten) lezen en controleren met --max-mb 20`,
        waarde: +(grootMs / 1000).toFixed(1),
        eenheid: 's',
        runs: 1,
      },
    ];
  } finally {
    omgeving.opruimen();
  }
}
