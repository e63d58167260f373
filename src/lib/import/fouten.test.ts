import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';
import { dumpDb } from '../db/testhulp.ts';
import { leesCsv, naarRfcCsv } from '../opendata/csv.ts';
import { demoExport, NU } from '../opendata/hsds/testhulp.ts';
import { importeer } from './importeer.ts';

/**
 * Broken inputs: each gives a report that names file, row and field, and leaves the database
 * exactly as it was, also with --apply.
 */

const { dir, config, bestanden } = demoExport();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = openDb(path.join(dir, 'demo.sqlite'));
afterAll(() => db.$client.close());
const voorbeeld = readFileSync('content/import/voorbeeld.csv', 'utf8');

let n = 0;
function invoer(bestanden_: Record<string, string | Buffer>): string {
  const map = path.join(dir, `invoer-${n++}`);
  mkdirSync(map, { recursive: true });
  for (const [naam, inhoud] of Object.entries(bestanden_)) writeFileSync(path.join(map, naam), inhoud);
  return Object.keys(bestanden_).length === 1 ? path.join(map, Object.keys(bestanden_)[0]) : map;
}

/** Imports with --apply and checks that nothing changed; returns the report. */
function mislukt(pad: string): string {
  const voor = dumpDb(db);
  const r = importeer(pad, db, config, { toepassen: true, publiceren: true, vandaag: NU.datum });
  expect(r.code, r.rapport).toBe(1);
  expect(r.rapport).toMatch(/Er is niets opgeslagen/);
  expect(dumpDb(db)).toEqual(voor);
  return r.rapport;
}

const json = (naam: string) => JSON.parse(bestanden.get(naam)!);
const hsdsJson = (services: unknown, organizations = json('organizations.json')) => ({
  'services.json': JSON.stringify(services),
  'organizations.json': JSON.stringify(organizations),
  'taxonomy_terms.json': bestanden.get('taxonomy_terms.json')!,
});
/** The spreadsheet example with one cell changed: row is the Excel row, 2 = first data row. */
function spreadsheet(rij: number, kolom: string, waarde: string, tekst = voorbeeld): string {
  const { kolommen, records } = leesCsv(tekst);
  const r = records.find((x) => x.rij === rij)!;
  r.cellen[kolommen.indexOf(kolom)] = waarde;
  return `\uFEFF${[kolommen, ...records.map((x) => x.cellen)].map((c) => c.map((w) => (/[;"\n]/.test(w) ? `"${w.replace(/"/g, '""')}"` : w)).join(';')).join('\r\n')}\r\n`;
}

// Real databases and whole exports: seconds of work, more when both cores are busy.
describe('broken input leaves the database untouched', { timeout: 120_000 }, () => {
  it('missing required fields (HSDS JSON)', () => {
    const services = json('services.json');
    delete services.contents[0].name;
    delete services.contents[1].status;
    const orgs = json('organizations.json');
    delete orgs.contents[2].description;
    const rapport = mislukt(invoer(hsdsJson(services, orgs)));
    expect(rapport).toContain('services.json:contents[0].name: name ontbreekt; dit veld is verplicht in HSDS (service).');
    expect(rapport).toContain('services.json:contents[1].status: status ontbreekt; dit veld is verplicht in HSDS (service).');
    expect(rapport).toContain(
      'organizations.json:contents[2].description: description ontbreekt; dit veld is verplicht in HSDS (organization).',
    );
  });

  it('bad dates (HSDS CSV package and spreadsheet)', () => {
    const csv = Object.fromEntries([...bestanden].filter(([b]) => b.endsWith('.csv')));
    const { kolommen, records } = leesCsv(csv['schedules.csv'], ',');
    const rijen = records.map((r) => Object.fromEntries(kolommen.map((k, i) => [k, r.cellen[i]])));
    const i = rijen.findIndex((r) => r.valid_from);
    rijen[i].valid_from = '2027-02-30';
    csv['schedules.csv'] = naarRfcCsv(kolommen, rijen);
    expect(mislukt(invoer(csv))).toContain(
      `schedules.csv:${i + 2}:valid_from: "2027-02-30" is geen datum als 2027-03-14 (jjjj-mm-dd).`,
    );
    expect(mislukt(invoer({ 'kaart.csv': spreadsheet(3, 'gecontroleerd_op', '31-2-2026') }))).toContain(
      'kaart.csv:3:gecontroleerd_op: "31-2-2026" is geen datum; schrijf 14-3-2027 of 2027-03-14.',
    );
  });

  it('unknown kern (spreadsheet and HSDS)', () => {
    expect(mislukt(invoer({ 'kaart.csv': spreadsheet(4, 'kern', 'Ootmarsum') }))).toMatch(
      /kaart\.csv:4:kern: Onbekende kern "Ootmarsum"\. Kies uit: Vriezenveen, Vroomshoop, .*Sibculo\./,
    );
    const services = json('services.json');
    const gebied = services.contents[0].service_areas[0];
    delete gebied.attributes;
    gebied.name = 'Ootmarsum';
    expect(mislukt(invoer(hsdsJson(services)))).toContain(
      `services.json:contents[0].service_areas[0].name: Onbekende kern: "Ootmarsum" is geen kern van Twenterand.`,
    );
  });

  it('duplicate ids (JSON, CSV package) and a listing twice (spreadsheet)', () => {
    const services = json('services.json');
    services.contents.push({ ...services.contents[5], name: 'Andere naam' });
    expect(mislukt(invoer(hsdsJson(services)))).toMatch(
      /services\.json:contents\[\d+\]\.id: Dit id \(service [0-9a-f-]+\) staat er al, met andere gegevens \(contents\[5\]\)/,
    );

    const csv = Object.fromEntries([...bestanden].filter(([b]) => b.endsWith('.csv')));
    const regels = csv['organizations.csv'].split('\r\n');
    csv['organizations.csv'] = [...regels.slice(0, -1), regels[1].replace(/^([^,]+),[^,]+/, '$1,Dubbele organisatie'), ''].join(
      '\r\n',
    );
    expect(mislukt(invoer(csv))).toMatch(
      /organizations\.csv:\d+:id: "[0-9a-f-]+" staat er twee keer in \(ook op 2\); dit moet uniek zijn\./,
    );

    const dubbel = `${voorbeeld}${voorbeeld.split('\r\n')[3]}\r\n`;
    expect(mislukt(invoer({ 'kaart.csv': dubbel }))).toMatch(
      /kaart\.csv:7:id: Deze activiteit staat twee keer in de invoer \(ook op kaart\.csv:4\)\./,
    );
  });

  it('wrong encoding: Windows-1252 and UTF-16 say how to save the file', () => {
    const latin = Buffer.from(
      spreadsheet(2, 'omschrijving', 'Het dorpshuis met het café, voor iedereen in Geerdijk.').replace('\uFEFF', ''),
      'latin1',
    );
    expect(mislukt(invoer({ 'kaart.csv': latin }))).toMatch(
      /kaart\.csv:2: Het bestand is niet in UTF-8 opgeslagen .*\(regel 2: ".*café.*"\)\. Sla het in Excel op als "CSV UTF-8/,
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(voorbeeld, 'utf16le')]);
    expect(mislukt(invoer({ 'kaart.csv': utf16 }))).toContain('UTF-16');
    expect(mislukt(invoer({ 'services.json': '{"contents": [\n  {"id": 1,\n}' }))).toMatch(
      /services\.json:3: Dit is geen geldige JSON/,
    );
  });

  it('a 10 MB file is refused before it is read, with the limit and how to raise it', () => {
    const [kop, ...rijen] = voorbeeld.split('\r\n');
    const veel: string[] = [kop];
    for (let i = 0, grootte = 0; grootte < 10 * 1024 * 1024; i++) {
      const regel = rijen[2].replace('Koffieochtend', `Koffieochtend ${i}`);
      veel.push(regel);
      grootte += regel.length + 2;
    }
    const rapport = mislukt(invoer({ 'groot.csv': veel.join('\r\n') }));
    expect(rapport).toMatch(/De invoer is 10,\d MB; de grens is 5 MB\..*--max-mb \d+\./);
  });
});
