import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leesCsv } from '../csv.ts';
import { HSDS_BESTANDEN } from './bestanden.ts';
import { TABELLEN } from './tabellen.ts';
import { controleerTabellen } from './tabelschema.ts';
import { csvTabellen, demoExport, HSDS_MAP, hsdsValidator } from './testhulp.ts';

const { dir, site, bestanden } = demoExport();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const validator = hsdsValidator();
const json = (naam: string) =>
  JSON.parse(bestanden.get(naam)!) as { contents: Record<string, unknown>[] } & Record<string, unknown>;

function fouten(schema: string, items: unknown[]): string[] {
  const valideer = validator(schema);
  return items.flatMap((item, i) =>
    valideer(item)
      ? []
      : (valideer.errors ?? []).map((e) => `${schema}[${i}]${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`),
  );
}

// Real databases and whole exports: seconds of work, more when both cores are busy.
describe('HSDS 3.0 export', { timeout: 120_000 }, () => {
  it('uses the official datapackage.json unchanged', () => {
    const officieel = JSON.parse(readFileSync(path.join(HSDS_MAP, 'datapackage.json'), 'utf8'));
    expect(JSON.parse(readFileSync('src/lib/opendata/hsds/datapackage.json', 'utf8'))).toEqual(officieel);
    expect(JSON.parse(bestanden.get('datapackage.json')!).resources).toEqual(officieel.resources);
    expect([...bestanden.keys()].sort()).toEqual([...HSDS_BESTANDEN].sort());
  });

  it('validates every JSON object against the official schemas with additionalProperties: false', () => {
    const services = json('services.json').contents;
    expect(services.length).toBeGreaterThan(400);
    expect(fouten('service', services)).toEqual([]);
    expect(fouten('organization', json('organizations.json').contents)).toEqual([]);
    expect(fouten('taxonomy', json('taxonomies.json').contents)).toEqual([]);
    expect(fouten('taxonomy_term', json('taxonomy_terms.json').contents)).toEqual([]);
  });

  it('the strict schemas do reject a misspelled field, a bad enum value and a missing required field', () => {
    const dienst = structuredClone(json('services.json').contents[0]);
    (dienst as Record<string, unknown>).naam = 'x';
    (dienst.schedules as Record<string, unknown>[])[0].freq = 'DAILY';
    delete (dienst as Record<string, unknown>).status;
    const f = fouten('service', [dienst]).join('\n');
    expect(f).toContain('must NOT have additional properties {"additionalProperty":"naam"}');
    expect(f).toContain('/schedules/0/freq: must be equal to one of the allowed values');
    expect(f).toContain("must have required property 'status'");
  });

  it('wraps the lists in the HSDS API page object', () => {
    const p = json('services.json');
    expect(Object.keys(p).sort()).toEqual([
      'contents',
      'empty',
      'first_page',
      'last_page',
      'page_number',
      'size',
      'total_items',
      'total_pages',
    ]);
    expect(p.total_items).toBe(p.contents.length);
  });

  it('has a valid CSV package: exact headers, types, required, unique, enums and foreign keys', () => {
    for (const tabel of TABELLEN) {
      const tekst = bestanden.get(tabel.path)!;
      expect(tekst.charCodeAt(0), tabel.path).not.toBe(0xfeff);
      expect(leesCsv(tekst, ',').kolommen, tabel.path).toEqual(tabel.fields.map((f) => f.name));
    }
    const tabellen = csvTabellen(bestanden);
    expect(controleerTabellen(tabellen, { sleutels: true })).toEqual([]);
    expect(tabellen.get('service')!.length).toBe(json('services.json').contents.length);
    expect(tabellen.get('organization')!.length).toBe(site.kaart.organisaties.length);
    expect(tabellen.get('schedule')!.length).toBeGreaterThan(300);
  });

  it('the CSV check does find broken rows', () => {
    const tabellen = csvTabellen(bestanden);
    const schedules = tabellen.get('schedule')!;
    schedules[0].waarden.valid_from = '2027-02-30';
    schedules[1].waarden.id = schedules[2].waarden.id;
    tabellen.get('service')![0].waarden.name = '';
    tabellen.get('phone')![0].waarden.organization_id = '00000000-0000-4000-8000-000000000000';
    const f = controleerTabellen(tabellen, { sleutels: true }).map((m) => `${m.bestand}:${m.rij}:${m.veld}: ${m.tekst}`);
    expect(f).toContain('schedules.csv:2:valid_from: "2027-02-30" is geen datum als 2027-03-14 (jjjj-mm-dd).');
    expect(f.some((r) => r.startsWith('schedules.csv:') && r.includes(':id:') && r.includes('staat er twee keer in'))).toBe(true);
    expect(f).toContain('services.csv:2:name: name ontbreekt; dit veld is verplicht in HSDS (service).');
    expect(f.some((r) => r.startsWith('phones.csv:2:organization_id: verwijst naar organization'))).toBe(true);
  });

  it('maps every schedule kind to RRULE parts with a Dutch description', () => {
    const rijen = csvTabellen(bestanden)
      .get('schedule')!
      .map((r) => r.waarden);
    expect(rijen.some((r) => r.freq === 'WEEKLY' && r.interval === '2' && r.dtstart && r.wkst === 'MO')).toBe(true);
    expect(rijen.some((r) => r.freq === 'MONTHLY' && /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.test(String(r.byday)))).toBe(true);
    expect(rijen.some((r) => r.count === '1' && r.dtstart)).toBe(true);
    expect(rijen.some((r) => r.valid_from && r.valid_to)).toBe(true);
    expect(rijen.every((r) => typeof r.description === 'string' && r.description.length > 3)).toBe(true);
    expect(rijen.some((r) => String(r.description).startsWith('Elke '))).toBe(true);
  });

  it('gives the same ids when the database is built again', () => {
    const tweede = demoExport();
    try {
      for (const naam of ['services.json', 'organizations.json', 'schedules.csv', 'attributes.csv', 'locations.csv']) {
        const ids = (b: Map<string, string>) =>
          naam.endsWith('.json')
            ? (JSON.parse(b.get(naam)!).contents as { id: string }[]).map((x) => x.id)
            : leesCsv(b.get(naam)!, ',').records.map((r) => r.cellen[0]);
        expect(ids(tweede.bestanden), naam).toEqual(ids(bestanden));
      }
    } finally {
      rmSync(tweede.dir, { recursive: true, force: true });
    }
  });
});
