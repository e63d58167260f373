import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { laadKaart } from '../data/kaart.ts';
import { openDb } from '../db/client.ts';
import { dumpDb } from '../db/testhulp.ts';
import { leesCsv, rfcCel } from '../opendata/csv.ts';
import { importeer } from './importeer.ts';
import { meldingTekst } from '../opendata/hsds/melding.ts';
import { KOLOMMEN } from './spreadsheet-kolommen.ts';
import { leesBedrag, leesDatum, leesTijd } from './spreadsheet.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-spreadsheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = loadConfig();
const voorbeeld = readFileSync('content/import/voorbeeld.csv', 'utf8');
let n = 0;
const bestand = (tekst: string | Buffer, naam = 'kaart.csv') => {
  const map = path.join(dir, `invoer-${n++}`);
  mkdirSync(map);
  const pad = path.join(map, naam);
  writeFileSync(pad, tekst);
  return pad;
};
const leegDb = () => openDb(path.join(dir, `db-${n++}.sqlite`));
const vandaag = '2026-11-22';

// Real databases and whole exports: seconds of work, more when both cores are busy.
describe('spreadsheet template', { timeout: 120_000 }, () => {
  it('the example and the template have exactly the documented columns', () => {
    const kop = KOLOMMEN.map((k) => k.naam).join(';');
    expect(voorbeeld.startsWith(`\uFEFF${kop}\r\n`)).toBe(true);
    expect(readFileSync('content/import/sjabloon.csv', 'utf8')).toBe(`\uFEFF${kop}\r\n`);
    const readme = readFileSync('README.md', 'utf8');
    // A table row for the column, however wide the table is padded.
    for (const k of KOLOMMEN) expect(readme, k.naam).toMatch(new RegExp(`\\|\\s*\`${k.naam}\`\\s*\\|`));
  });

  it('imports the example as drafts, with schedule, cost and address as meant', () => {
    const db = leegDb();
    const r = importeer(bestand(voorbeeld), db, config, { toepassen: true, vandaag });
    expect(r.plan!.meldingen.map(meldingTekst)).toEqual([]);
    expect(r.code, r.rapport).toBe(0);
    const kaart = laadKaart(db, { ookConcepten: true });
    expect(kaart.organisaties.map((o) => [o.slug, o.status])).toEqual([
      ['dorpshuis-de-geerhof', 'concept'],
      ['wandelgroep-het-klooster', 'concept'],
    ]);
    const wandelen = kaart.activiteiten.find((a) => a.slug === 'wandelen-op-zaterdag-kloosterhaar')!;
    expect(wandelen).toMatchObject({
      organisatie: 'wandelgroep-het-klooster',
      status: 'concept',
      kern: 'kloosterhaar',
      themas: ['gezond-en-bewegen'],
      doelgroepen: ['volwassenen', 'ouderen'],
      kosten: { soort: 'bedrag', bedragCent: 250, per: 'keer', toelichting: 'Leden wandelen gratis mee.' },
      aanmelden: { soort: 'aanmelden', hoe: 'Stuur een e-mail naar de secretaris.' },
      locatie: {
        naam: 'Bij de kerk',
        straat: 'Kerkstraat',
        huisnummer: '1',
        postcode: '7692 AA',
        plaats: 'Kloosterhaar',
        kern: 'kloosterhaar',
      },
      gecontroleerdOp: '2026-10-20',
    });
    expect(wandelen.rooster).toMatchObject({
      regels: [{ type: 'wekelijks', dagen: ['za'], interval: 2, vanafWeek: '2026-11-28', van: '09:00', tot: '11:30' }],
      seizoen: { vanMaand: 9, totMaand: 5 },
    });
    const koffie = kaart.activiteiten.find((a) => a.slug === 'koffieochtend-geerdijk')!;
    expect(koffie.omschrijving).toContain('\n');
    expect(koffie.rooster.nietOp).toEqual(['2026-12-29']);
    expect(koffie.locatie).toBeUndefined();
    expect(koffie.plek).toMatchObject({ straat: 'Lindelaan', lat: 52.469, lon: 6.587 });
    expect(kaart.activiteiten.find((a) => a.slug === 'kerstmarkt-geerdijk')!.rooster.regels).toEqual([
      { type: 'eenmalig', datum: '2026-12-12', van: '14:00', tot: '18:00' },
    ]);
  });

  it('reads the same file saved with commas, without BOM and with LF line ends', () => {
    const db = leegDb();
    importeer(bestand(voorbeeld), db, config, { toepassen: true, vandaag });
    const voor = dumpDb(db);
    const { kolommen, records } = leesCsv(voorbeeld);
    const metKomma = [kolommen, ...records.map((r) => r.cellen)].map((c) => c.map(rfcCel).join(',')).join('\n');
    expect(metKomma).toContain('"Elke week koffie en een praatje in het dorpshuis.\nIedereen');
    expect(metKomma.split('\n')[0]).toMatch(/^type,id,slug,naam,/);
    const r = importeer(bestand(metKomma), db, config, { toepassen: true, vandaag: '2027-01-01' });
    expect(r.code, r.rapport).toBe(0);
    expect(r.plan!.items.map((i) => i.actie)).toEqual(Array(5).fill('ongewijzigd'));
    expect(dumpDb(db)).toEqual(voor);
  });

  it('updates a changed row, keeps its status, and reports unknown and unused columns', () => {
    const db = leegDb();
    importeer(bestand(voorbeeld), db, config, { toepassen: true, publiceren: true, vandaag });
    const gewijzigd = voorbeeld
      .replace('type;id;', 'type;extra;id;')
      .replace(/\r\n(organisatie|activiteit);/g, '\r\n$1;iets;')
      .replace('Kerstmarkt met kraampjes', 'Grote kerstmarkt met kraampjes')
      .replace(/(Dorpshuis De Geerhof;;Het dorpshuis)/, '$1');
    const r = importeer(bestand(gewijzigd), db, config, { toepassen: true, vandaag });
    expect(r.code, r.rapport).toBe(0);
    expect(r.rapport).toMatch(/activiteit +Kerstmarkt \(kerstmarkt-geerdijk\) \[gepubliceerd\]: omschrijving/);
    expect(r.plan!.meldingen.map(meldingTekst)).toContain(
      'kaart.csv:1:extra: Kolom extra kennen we niet; niet overgenomen. Zie de kolommen in de README.',
    );
    const kerst = laadKaart(db).activiteiten.find((a) => a.slug === 'kerstmarkt-geerdijk')!;
    expect(kerst).toMatchObject({ versie: 2, status: 'gepubliceerd' });
  });

  it('reports a column that does not fit the row type and RD coordinates next to lat/lon', () => {
    const met = voorbeeld.replace(';Geerdijk;Geerdijk;ontmoeting;', ';Geerdijk;Geerdijk;ontmoeting;');
    const { kolommen } = { kolommen: met.split('\r\n')[0].replace('\uFEFF', '').split(';') };
    const regels = met.split('\r\n');
    const cellen = regels[1].split(';');
    cellen[kolommen.indexOf('doelgroepen')] = 'iedereen';
    cellen[kolommen.indexOf('rd_x')] = '243000';
    regels[1] = cellen.join(';');
    const r = importeer(bestand(regels.join('\r\n')), leegDb(), config, { vandaag });
    expect(r.plan!.meldingen.map(meldingTekst)).toEqual([
      'kaart.csv:2:doelgroepen: Kolom doelgroepen hoort niet bij een organisatie; niet overgenomen.',
      'kaart.csv:2:rd_x: Er staan ook lat en lon; die gebruiken we, rd_x en rd_y niet.',
    ]);
  });

  it('converts RD coordinates to WGS84 when there is no lat and lon', () => {
    const regels = voorbeeld.split('\r\n');
    const kolommen = regels[0].replace('\uFEFF', '').split(';');
    const cellen = regels[1].split(';');
    cellen[kolommen.indexOf('lat')] = '';
    cellen[kolommen.indexOf('lon')] = '';
    // The Geerdijk church area, about x 236000, y 496000 in RD.
    cellen[kolommen.indexOf('rd_x')] = '236000';
    cellen[kolommen.indexOf('rd_y')] = '496000';
    regels[1] = cellen.join(';');
    const r = importeer(bestand(regels.join('\r\n')), leegDb(), config, { vandaag });
    expect(r.plan!.meldingen.map(meldingTekst)).toEqual([]);
    const org = (r.plan!.items.find((i) => i.soort === 'organisatie')!.data as { bezoekadres: { lat: number; lon: number } })
      .bezoekadres;
    expect(org.lat).toBeCloseTo(52.45, 1);
    expect(org.lon).toBeCloseTo(6.6, 1);
    // Latitude and longitude swapped into the RD columns, a common slip.
    cellen[kolommen.indexOf('rd_x')] = '6.6';
    cellen[kolommen.indexOf('rd_y')] = '52.45';
    regels[1] = cellen.join(';');
    const fout = importeer(bestand(regels.join('\r\n')), leegDb(), config, { vandaag });
    expect(fout.plan!.meldingen.map(meldingTekst)[0]).toMatch(/^kaart\.csv:2:rd_x: \(6\.6, 52\.45\) is geen RD-coördinaat/);
  });

  it('reads Dutch dates, times and amounts as Excel writes them', () => {
    expect(leesDatum('3-11-2026')).toBe('2026-11-03');
    expect(leesDatum('03/11/2026')).toBe('2026-11-03');
    expect(leesDatum('31-2-2026')).toBeUndefined();
    expect(leesDatum('14 maart 2027')).toBe('2027-03-14');
    expect(leesTijd('9.30')).toBe('09:30');
    expect(leesTijd('14:00:00')).toBe('14:00');
    expect(leesTijd('25:00')).toBeUndefined();
    expect(leesBedrag('€ 2,50')).toBe(250);
    expect(leesBedrag('15')).toBe(1500);
    expect(leesBedrag('twee')).toBeUndefined();
  });
});
