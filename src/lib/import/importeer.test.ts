import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laadKaart } from '../data/kaart.ts';
import { openDb } from '../db/client.ts';
import { dumpDb } from '../db/testhulp.ts';
import { maakHsdsBestanden } from '../opendata/hsds/bestanden.ts';
import { controleerTabellen } from '../opendata/hsds/tabelschema.ts';
import { csvTabellen, demoExport, hsdsValidator, NU } from '../opendata/hsds/testhulp.ts';
import { maakSiteData } from '../site/sitedata.ts';
import { importeer } from './importeer.ts';
import { meldingTekst } from '../opendata/hsds/melding.ts';

const { dir, config, bestanden } = demoExport();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function map(naam: string, filter: (bestand: string) => boolean): string {
  const pad = path.join(dir, naam);
  mkdirSync(pad, { recursive: true });
  for (const [bestand, tekst] of bestanden) if (filter(bestand)) writeFileSync(path.join(pad, bestand), tekst);
  return pad;
}
const jsonMap = map('json', (b) => b.endsWith('.json') && b !== 'datapackage.json');
const csvMap = map('csv', (b) => b.endsWith('.csv') || b === 'datapackage.json');

let teller = 0;
const leegDb = () => openDb(path.join(dir, `leeg-${teller++}.sqlite`));
const exporteer = (db: ReturnType<typeof openDb>) => maakHsdsBestanden(maakSiteData(config, laadKaart(db), NU));
const opties = { toepassen: true, publiceren: true, vandaag: NU.datum };

const validator = hsdsValidator();
const fouten = (schema: string, items: unknown[]) =>
  items.filter((i) => !validator(schema)(i)).map(() => validator(schema).errors);

function verschillen(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
}

// Real databases and whole exports: seconds of work, more when both cores are busy.
describe('import of our own HSDS export', { timeout: 120_000 }, () => {
  for (const [soort, pad] of [
    ['JSON', jsonMap],
    ['CSV package', csvMap],
  ] as const) {
    it(`${soort}: export → import into an empty database → export gives identical files`, () => {
      const db = leegDb();
      const r = importeer(pad, db, config, opties);
      expect(r.plan!.meldingen.map(meldingTekst)).toEqual([]);
      expect(r.code, r.rapport).toBe(0);
      const kaart = laadKaart(db);
      expect(kaart.organisaties.length).toBeGreaterThan(150);
      expect(kaart.kernondersteuners).toHaveLength(10);
      expect(verschillen(exporteer(db), bestanden)).toEqual([]);

      const voor = dumpDb(db);
      const opnieuw = importeer(pad, db, config, { ...opties, vandaag: '2027-05-01' });
      expect(opnieuw.plan!.items.every((i) => i.actie === 'ongewijzigd')).toBe(true);
      expect(opnieuw.rapport).toContain('Opgeslagen, in één keer: 0 nieuw, 0 bijgewerkt.');
      expect(dumpDb(db)).toEqual(voor);
      db.$client.close();
    });
  }

  it('a kernondersteuner without organisation belongs to the gemeente in HSDS, and comes back without one', () => {
    const bron = leegDb();
    importeer(jsonMap, bron, config, opties);
    bron.$client
      .prepare("update kernondersteuner set organisatie_id = null where kern_id = (select id from kern where slug = 'aadorp')")
      .run();
    const eerste = exporteer(bron);
    const orgs = JSON.parse(eerste.get('organizations.json')!).contents as { name: string }[];
    expect(orgs.at(-1)!.name).toBe('Gemeente Twenterand');
    expect(controleerTabellen(csvTabellen(eerste), { sleutels: true })).toEqual([]);
    expect(fouten('organization', orgs)).toEqual([]);
    const pad = path.join(dir, 'zonder-org');
    mkdirSync(pad);
    for (const naam of ['services.json', 'organizations.json', 'taxonomy_terms.json'])
      writeFileSync(path.join(pad, naam), eerste.get(naam)!);
    const db = leegDb();
    const r = importeer(pad, db, config, opties);
    expect(r.plan!.meldingen.map(meldingTekst)).toEqual([]);
    expect(laadKaart(db).organisaties.length).toBe(laadKaart(bron).organisaties.length);
    expect(laadKaart(db).kernondersteuners.find((k) => k.kern === 'aadorp')!.organisatie).toBeUndefined();
    expect(verschillen(exporteer(db), eerste)).toEqual([]);
    bron.$client.close();
    db.$client.close();
  });

  it('without --publish everything arrives as a draft and nothing shows on the site', () => {
    const db = leegDb();
    const r = importeer(jsonMap, db, config, { toepassen: true, vandaag: NU.datum });
    expect(r.code, r.rapport).toBe(0);
    expect(r.rapport).toContain('staan klaar als concept');
    const alles = laadKaart(db, { ookConcepten: true });
    expect(alles.organisaties.every((o) => o.status === 'concept')).toBe(true);
    expect(alles.activiteiten.every((a) => a.status === 'concept')).toBe(true);
    expect(laadKaart(db).organisaties).toEqual([]);
    expect(alles.kernondersteuners).toEqual([]);
    expect(r.plan!.meldingen.filter((m) => m.tekst.includes('alleen binnen met --publish'))).toHaveLength(10);
    db.$client.close();
  });

  it('a changed description updates only that activity, once, and keeps its status', () => {
    const db = leegDb();
    importeer(jsonMap, db, config, opties);
    const services = JSON.parse(bestanden.get('services.json')!);
    const dienst = services.contents[0];
    dienst.description = `${dienst.description} Nu ook met soep.`;
    const gewijzigd = map('gewijzigd', (b) => b.endsWith('.json') && b !== 'datapackage.json');
    writeFileSync(path.join(gewijzigd, 'services.json'), JSON.stringify(services));
    const proef = importeer(gewijzigd, db, config, { vandaag: NU.datum });
    expect(proef.rapport).toContain('Bijwerken: 1 ');
    expect(proef.rapport).toMatch(/activiteit +.+: omschrijving\n/);
    expect(laadKaart(db).activiteiten.find((a) => a.uuid === dienst.id)!.versie).toBe(1);
    importeer(gewijzigd, db, config, { toepassen: true, vandaag: NU.datum });
    const act = laadKaart(db).activiteiten.find((a) => a.uuid === dienst.id)!;
    expect(act).toMatchObject({ versie: 2, status: 'gepubliceerd' });
    expect(act.omschrijving).toMatch(/Nu ook met soep\.$/);
    const acties = importeer(gewijzigd, db, config, { toepassen: true, vandaag: NU.datum }).plan!.items.map((i) => i.actie);
    expect(new Set(acties)).toEqual(new Set(['ongewijzigd', 'overslaan']));
    db.$client.close();
  });
});
