import { describe, expect, it } from 'vitest';
import { formatZodIssues, loadConfig } from '../config/load.ts';
import { maakSchemas } from '../model/schemas.ts';
import { WEEKDAGEN } from '../rooster/schema.ts';
import { maakDemoDataset } from './dataset.ts';

const config = loadConfig();
const REF = '2026-03-02';
const data = maakDemoDataset(config, REF);
const schemas = maakSchemas(config);
const { organisaties, activiteiten, kernondersteuners } = data;
const kernSlugs = config.kernen.map((k) => k.slug);

function telPer<T>(lijst: readonly T[], sleutel: (x: T) => string | undefined): Record<string, number> {
  const uit: Record<string, number> = {};
  for (const x of lijst) {
    const k = sleutel(x);
    if (k !== undefined) uit[k] = (uit[k] ?? 0) + 1;
  }
  return uit;
}

function afstandKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (g: number) => (g * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const dagenVoor = (datum: string) => (Date.parse(REF) - Date.parse(datum)) / 86_400_000;
const regels = activiteiten.flatMap((a) => a.rooster.regels ?? []);

describe('demo dataset: schema', () => {
  it.each([
    ['organisatie', organisaties, schemas.organisatie, (x: { slug: string }) => x.slug],
    ['activiteit', activiteiten, schemas.activiteit, (x: { slug: string }) => x.slug],
    ['kernondersteuner', kernondersteuners, schemas.kernondersteuner, (x: { kern: string }) => x.kern],
  ] as const)('elke %s past in het schema', (_, lijst, schema, naam) => {
    for (const item of lijst as readonly unknown[]) {
      const uitkomst = schema.safeParse(item);
      const melding = uitkomst.success ? '' : `${naam(item as never)}: ${formatZodIssues(uitkomst.error.issues).join('; ')}`;
      expect(uitkomst.success, melding).toBe(true);
    }
  });
});

describe('demo dataset: omvang en spreiding', () => {
  const orgsPerKern = telPer(organisaties, (o) => o.bezoekadres?.kern);
  const actsPerKern = telPer(activiteiten, (a) => a.kern);

  it('heeft genoeg organisaties en activiteiten, van elke soort, thema en doelgroep', () => {
    expect(organisaties.length).toBeGreaterThanOrEqual(150);
    expect(activiteiten.length).toBeGreaterThanOrEqual(300);
    expect(new Set(organisaties.map((o) => o.soort))).toEqual(new Set(config.soorten.map((s) => s.slug)));
    expect(new Set(activiteiten.flatMap((a) => a.doelgroepen))).toEqual(new Set(config.doelgroepen.map((d) => d.slug)));
    for (const thema of config.themas) {
      const kernen = new Set(activiteiten.filter((a) => a.themas.includes(thema.slug)).map((a) => a.kern));
      expect(kernen.size, `thema ${thema.slug}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('volgt de grootte van de kernen', () => {
    const totaal = activiteiten.length;
    for (const tel of [orgsPerKern, actsPerKern]) {
      const kleinste = Math.min(...kernSlugs.map((k) => tel[k] ?? 0));
      expect(tel.vriezenveen).toBe(Math.max(...kernSlugs.map((k) => tel[k] ?? 0)));
      expect(tel.bruinehaar).toBe(kleinste);
      for (const groot of ['vroomshoop', 'den-ham']) {
        expect(tel[groot]).toBeLessThan(tel.vriezenveen);
        expect(tel[groot]).toBeGreaterThan(tel['westerhaar-vriezenveensewijk']);
      }
      for (const klein of ['aadorp', 'daarlerveen', 'geerdijk', 'kloosterhaar', 'sibculo', 'bruinehaar']) {
        expect(tel[klein]).toBeLessThan(tel['westerhaar-vriezenveensewijk']);
      }
    }
    expect(actsPerKern.vriezenveen / totaal).toBeGreaterThan(0.2);
    expect(actsPerKern.vriezenveen / totaal).toBeLessThan(0.32);
    expect(orgsPerKern.bruinehaar).toBeGreaterThanOrEqual(4);
    expect(actsPerKern.bruinehaar).toBeGreaterThanOrEqual(6);
  });

  it('heeft in elke kern een ontmoetingsplek, een kerk, een vereniging en activiteiten', () => {
    for (const kern of kernSlugs) {
      const soorten = new Set(organisaties.filter((o) => o.bezoekadres?.kern === kern).map((o) => o.soort));
      for (const soort of ['ontmoetingsplek', 'kerk', 'vereniging']) expect(soorten.has(soort), `${soort} in ${kern}`).toBe(true);
      expect(actsPerKern[kern], kern).toBeGreaterThanOrEqual(10);
    }
  });

  it('heeft organisaties die in alle kernen werken', () => {
    const overal = organisaties.filter((o) => kernSlugs.every((k) => o.kernen.includes(k)));
    expect(overal.map((o) => o.soort)).toEqual(
      expect.arrayContaining(['welzijn', 'kernondersteuning', 'gemeente', 'onderwijs-en-opvang']),
    );
  });
});

describe('demo dataset: samenhang', () => {
  it('heeft unieke slugs', () => {
    expect(new Set(organisaties.map((o) => o.slug)).size).toBe(organisaties.length);
    expect(new Set(activiteiten.map((a) => a.slug)).size).toBe(activiteiten.length);
  });

  it('koppelt elke activiteit aan een organisatie die in die kern werkt', () => {
    const perSlug = new Map(organisaties.map((o) => [o.slug, o]));
    for (const a of activiteiten) {
      const org = perSlug.get(a.organisatie);
      expect(org, a.slug).toBeDefined();
      expect(org!.kernen, a.slug).toContain(a.kern);
      if (a.locatie) expect(a.locatie.kern, a.slug).toBe(a.kern);
      else if (org!.bezoekadres) expect(org!.bezoekadres.kern, a.slug).toBe(a.kern);
    }
  });

  it('legt elke plek binnen 1,2 km van het centrum van de kern', () => {
    const centrum = new Map(config.kernen.map((k) => [k.slug, k.centrum]));
    const adressen = [
      ...organisaties.flatMap((o) => (o.bezoekadres ? [o.bezoekadres] : [])),
      ...activiteiten.flatMap((a) => (a.locatie ? [a.locatie] : [])),
      ...kernondersteuners.flatMap((k) => (k.spreekuren ?? []).map((s) => s.plek)),
    ];
    for (const adres of adressen) {
      expect(afstandKm(centrum.get(adres.kern)!, { lat: adres.lat!, lon: adres.lon! })).toBeLessThan(1.2);
    }
    const zonderAdres = organisaties.filter((o) => !o.bezoekadres);
    expect(zonderAdres.length).toBeGreaterThan(0);
    expect(zonderAdres.length).toBeLessThan(10);
  });

  it('heeft één kernondersteuner per kern, met spreekuur in de eigen kern', () => {
    expect(kernondersteuners.map((k) => k.kern).sort()).toEqual([...kernSlugs].sort());
    for (const k of kernondersteuners) {
      const werkgever = organisaties.find((o) => o.slug === k.organisatie);
      expect(werkgever?.soort).toBe('kernondersteuning');
      expect(werkgever?.kernen).toContain(k.kern);
      expect(k.spreekuren?.length).toBeGreaterThan(0);
      for (const s of k.spreekuren ?? []) {
        expect(s.plek.kern).toBe(k.kern);
        expect(s.rooster.regels?.length).toBeGreaterThan(0);
      }
    }
    expect(new Set(kernondersteuners.map((k) => k.naam)).size).toBe(kernondersteuners.length);
  });
});

describe('demo dataset: roosters, kosten en status', () => {
  it('gebruikt elk soort rooster', () => {
    const wekelijks = regels.filter((r) => r.type === 'wekelijks');
    expect(wekelijks.some((r) => (r.interval ?? 1) === 1 && r.dagen.length === 1)).toBe(true);
    expect(wekelijks.some((r) => r.dagen.length > 1)).toBe(true);
    expect(wekelijks.some((r) => r.interval === 2 && r.vanafWeek)).toBe(true);
    expect(wekelijks.some((r) => r.interval === 3 && r.vanafWeek)).toBe(true);
    const weken = new Set(regels.flatMap((r) => (r.type === 'maandelijks' ? [r.week] : [])));
    for (const w of [1, 2, 3, -1]) expect(weken.has(w as 1), `week ${w}`).toBe(true);
    expect(regels.some((r) => r.type === 'eenmalig')).toBe(true);
    expect(activiteiten.some((a) => (a.rooster.regels ?? []).filter((r) => r.type === 'eenmalig').length > 1)).toBe(true);
    const r = activiteiten.map((a) => a.rooster);
    expect(r.some((x) => x.seizoen)).toBe(true);
    expect(r.some((x) => x.periode?.tot)).toBe(true);
    expect(r.some((x) => x.periode?.van && !x.periode.tot)).toBe(true);
    expect(r.some((x) => (x.nietOp ?? []).length > 0)).toBe(true);
    expect(r.some((x) => x.opAfspraak && (x.regels ?? []).length === 0)).toBe(true);
    expect(r.some((x) => x.opAfspraak && (x.regels ?? []).length > 0)).toBe(true);
  });

  it('heeft geen activiteit die alleen op afspraak is en toch vrije inloop (issue #14)', () => {
    const tegenstrijdig = activiteiten.filter(
      (a) => a.rooster.opAfspraak && (a.rooster.regels ?? []).length === 0 && a.aanmelden.soort === 'vrije-inloop',
    );
    expect(tegenstrijdig.map((a) => a.slug)).toEqual([]);
  });

  it('zet losse datums en periodes na de referentiedatum', () => {
    for (const r of regels) if (r.type === 'eenmalig') expect(r.datum > REF).toBe(true);
    for (const a of activiteiten) {
      if (a.rooster.periode?.van) expect(a.rooster.periode.van > REF, a.slug).toBe(true);
      for (const d of a.rooster.nietOp ?? []) {
        expect(d > REF, a.slug).toBe(true);
        // A cancelled date must be a day the activity would otherwise take place.
        const dag = WEEKDAGEN[(new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7];
        const r = a.rooster.regels![0];
        expect(r.type === 'wekelijks' ? r.dagen : r.type === 'maandelijks' ? [r.dag] : [], a.slug).toContain(dag);
      }
    }
  });

  it('heeft alle soorten kosten, aanmelden en capaciteit', () => {
    expect(new Set(activiteiten.map((a) => a.kosten.soort))).toEqual(new Set(['gratis', 'bedrag', 'vrijwillige-bijdrage']));
    const per = new Set(activiteiten.flatMap((a) => (a.kosten.soort === 'bedrag' ? [a.kosten.per] : [])));
    expect(per).toEqual(new Set(['keer', 'maand', 'jaar', 'seizoen', 'cursus']));
    expect(new Set(activiteiten.map((a) => a.aanmelden.soort))).toEqual(new Set(['vrije-inloop', 'aanmelden']));
    expect(new Set(activiteiten.flatMap((a) => (a.capaciteit ? [a.capaciteit] : [])))).toEqual(
      new Set(['plaatsen-vrij', 'bijna-vol', 'vol', 'wachtlijst']),
    );
    expect(activiteiten.filter((a) => a.contact).length / activiteiten.length).toBeGreaterThan(0.6);
    expect(activiteiten.filter((a) => a.toegankelijkheid).length).toBeGreaterThan(50);
    expect(activiteiten.filter((a) => a.locatie).length).toBeGreaterThan(50);
  });

  it('heeft een paar concepten en gepauzeerde activiteiten, maar weinig', () => {
    const conceptOrgs = organisaties.filter((o) => o.status === 'concept').length;
    const conceptActs = activiteiten.filter((a) => a.status === 'concept').length;
    const gepauzeerd = activiteiten.filter((a) => a.status === 'gepauzeerd').length;
    expect(conceptOrgs).toBeGreaterThan(0);
    expect(conceptOrgs / organisaties.length).toBeLessThan(0.05);
    expect(conceptActs).toBeGreaterThan(0);
    expect(conceptActs / activiteiten.length).toBeLessThan(0.05);
    expect(gepauzeerd).toBeGreaterThan(0);
    expect(gepauzeerd / activiteiten.length).toBeLessThan(0.05);
  });

  it('heeft controledatums van 1 tot 9 maanden oud, ongeveer 10% ouder dan een half jaar', () => {
    const datums = [...organisaties, ...activiteiten].map((x) => x.gecontroleerdOp);
    for (const d of datums) {
      expect(dagenVoor(d)).toBeGreaterThanOrEqual(20);
      expect(dagenVoor(d)).toBeLessThanOrEqual(280);
    }
    const oud = datums.filter((d) => dagenVoor(d) > 183).length / datums.length;
    expect(oud).toBeGreaterThan(0.05);
    expect(oud).toBeLessThan(0.2);
  });
});

describe('demo dataset: teksten en privacy', () => {
  const json = JSON.stringify(data);

  it('gebruikt alleen onmogelijke telefoonnummers en .example-adressen', () => {
    const telefoons = [
      ...organisaties.flatMap((o) => (o.telefoon ? [o.telefoon] : [])),
      ...activiteiten.flatMap((a) => (a.contact?.telefoon ? [a.contact.telefoon] : [])),
      ...kernondersteuners.map((k) => k.telefoon),
    ];
    expect(telefoons.length).toBeGreaterThan(100);
    for (const t of telefoons) expect(t).toMatch(/^0546 0\d\d \d{3}$/);
    // Also numbers inside free text such as "Bel Ellen: 0546 012 345."
    for (const t of json.match(/(\+31|\b0)\d[\d -]{7,12}\d/g) ?? []) expect(t).toMatch(/^0546 0\d\d \d{3}$/);
    const emails = json.match(/[\w.+-]+@[\w.-]+\w/g) ?? [];
    expect(emails.length).toBeGreaterThan(100);
    for (const e of emails) expect(e).toMatch(/\.example$/);
    for (const url of json.match(/https?:\/\/[^\s"/]*\w/g) ?? []) expect(url).toMatch(/\.example$/);
  });

  it('schrijft korte, gevarieerde omschrijvingen zonder lege plaatshouders', () => {
    const teksten = [...organisaties, ...activiteiten].map((x) => x.omschrijving);
    for (const t of teksten) {
      expect(t.length).toBeGreaterThanOrEqual(20);
      expect(t.length).toBeLessThanOrEqual(600);
      for (const zin of t.split(/(?<=[.?!])\s+/)) expect(zin.split(/\s+/).length, zin).toBeLessThanOrEqual(18);
    }
    expect(json).not.toMatch(/\{[a-z:]+\}/);
    expect(new Set(activiteiten.map((a) => a.omschrijving)).size / activiteiten.length).toBeGreaterThan(0.85);
  });
});

describe('demo dataset: herhaalbaar', () => {
  it('geeft bij dezelfde invoer precies hetzelfde', () => {
    expect(maakDemoDataset(config, REF)).toEqual(data);
  });

  it('verschuift bij een andere referentiedatum alleen de datums', () => {
    const later = maakDemoDataset(config, '2026-09-15');
    const zonderDatums = (d: unknown) => JSON.stringify(d).replace(/\d{4}-\d{2}-\d{2}/g, 'DATUM');
    expect(zonderDatums(later)).toBe(zonderDatums(data));
    expect(JSON.stringify(later)).not.toBe(JSON.stringify(data));
    for (const r of later.activiteiten.flatMap((a) => a.rooster.regels ?? [])) {
      if (r.type === 'eenmalig') expect(r.datum > '2026-09-15').toBe(true);
    }
  });

  it('weigert een datum die niet bestaat', () => {
    expect(() => maakDemoDataset(config, '2026-02-30')).toThrow(/referentieDatum/);
  });
});
