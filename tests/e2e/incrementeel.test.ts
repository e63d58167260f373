import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { loadConfig } from '../../src/lib/config/load.ts';
import { openDb, type Db } from '../../src/lib/db/client.ts';
import { seedDemo } from '../../src/lib/data/seed.ts';
import { Publiceerder } from '../../src/lib/portaal/publiceren.ts';
import { AFHANKELIJK_BESTAND } from '../../src/lib/release/afhankelijk.ts';
import { GROEPEN_BESTAND } from '../../src/lib/release/zoekindex.ts';
import { bouwRelease } from '../../src/lib/release/bouwen.ts';
import { huidigeRelease, releaseInfo } from '../../src/lib/release/paden.ts';
import { bouwHaak } from './bouwhaak.ts';
import { neemPublicatieSlot } from './portaal-hulp.ts';

/**
 * Incremental publishing (src/lib/release/render-stap.ts) against full builds, on the demo data in
 * a database and release folder of its own: the same data must give the same release, byte for
 * byte, apart from release.json, whether Astro rendered the pages or the renderer kept from it.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-incrementeel-'));
const omgeving = {
  DATABASE_PATH: path.join(dir, 'sociale-kaart.sqlite'),
  RELEASES_DIR: path.join(dir, 'releases'),
  // Every build renders for the same moment, so "vandaag" and the next dates agree.
  SK_BUILD_TIME: '2026-12-02T09:00:00Z',
  SK_TEST_BOUW_HAAK: path.join(dir, 'bouwhaak'),
};
const eerder: Record<string, string | undefined> = {};
let db: Db;
let geefSlotVrij: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // Two Astro builds in one project folder at once get in each other's way (its caches under
  // .astro/): this file builds only while no other file publishes.
  geefSlotVrij = await neemPublicatieSlot(1500);
  for (const [k, v] of Object.entries(omgeving)) {
    eerder[k] = process.env[k];
    process.env[k] = v;
  }
  db = openDb(omgeving.DATABASE_PATH);
  seedDemo(db, loadConfig());
  await bouwRelease({ log: () => {}, volledig: true });
}, 1_800_000);

afterAll(async () => {
  db?.$client.close();
  await geefSlotVrij?.();
  for (const [k, v] of Object.entries(eerder)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Every file of a release with its bytes, except release.json (id, time, durations). */
function inhoud(release: string): Map<string, Buffer> {
  const uit = new Map<string, Buffer>();
  for (const d of readdirSync(release, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const naam = path.relative(release, path.join(d.parentPath, d.name));
    if (naam !== 'release.json') uit.set(naam, readFileSync(path.join(release, naam)));
  }
  return uit;
}

/** `zonder`: files only one of the two can have (the kept renderer's record of paths and fingerprints). */
function verschillen(a: string, b: string, zonder: string[] = []): string[] {
  const [x, y] = [inhoud(a), inhoud(b)];
  const namen = [...new Set([...x.keys(), ...y.keys()])].filter((n) => !zonder.includes(n)).sort();
  return namen.filter((n) => !x.get(n)?.equals(y.get(n) ?? Buffer.alloc(0)) || !x.has(n) || !y.has(n));
}

/** A small deterministic random generator (mulberry32), so a failing series can be replayed. */
function willekeurig(zaad: number) {
  let s = zaad;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

type Wijziging = 'nieuw' | 'tekst' | 'pauze' | 'weg' | 'andere-kern' | 'organisatie' | 'woord';

/** New words for compounds (see 'woord'), and the compounds placed so far. */
const SAMENSTELLINGEN = [
  ['fladder', 'plofkoek'],
  ['snurkel', 'wobbeltaart'],
  ['krinkel', 'zoefbal'],
  ['tjirp', 'moezelbrood'],
];
const woorden: { id: number; links: string; rechts: string }[] = [];

/** Applies one change to a random activity (or its organisation) and says what it did. */
function wijzig(soort: Wijziging, kies: () => number, n: number): string {
  const acts = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).all();
  const a = acts[Math.floor(kies() * acts.length)];
  const kernen = db.select().from(t.kern).all();
  switch (soort) {
    case 'nieuw': {
      const { id: _, ...rest } = a;
      const slug = `${a.slug}-nieuw-${n}`;
      db.insert(t.activiteit)
        .values({ ...rest, uuid: `nieuw-${n}-${a.uuid}`, slug, titel: `${a.titel} (nieuw ${n})` })
        .run();
      return `nieuw ${slug}`;
    }
    case 'tekst':
      db.update(t.activiteit)
        .set({ omschrijving: `${a.omschrijving} Nu ook met soep (${n}).` })
        .where(eq(t.activiteit.id, a.id))
        .run();
      return `tekst ${a.slug}`;
    case 'pauze':
      db.update(t.activiteit).set({ status: 'gepauzeerd' }).where(eq(t.activiteit.id, a.id)).run();
      return `pauze ${a.slug}`;
    case 'weg':
      db.delete(t.activiteit).where(eq(t.activiteit.id, a.id)).run();
      return `weg ${a.slug}`;
    case 'andere-kern': {
      const kern = kernen.find((k) => k.id !== a.kernId)!;
      db.update(t.activiteit).set({ kernId: kern.id }).where(eq(t.activiteit.id, a.id)).run();
      return `andere kern ${a.slug} → ${kern.slug}`;
    }
    case 'woord': {
      // A compound on one page is split for search once other pages have both parts: that page's
      // search data changes in a later publish without any change to its own record.
      const [links, rechts] = SAMENSTELLINGEN[woorden.length % SAMENSTELLINGEN.length];
      const vorige = woorden.at(-1);
      if (vorige) {
        const b = acts.find((x) => x.id !== vorige.id && x.id !== a.id)!;
        db.update(t.activiteit)
          .set({ omschrijving: `${b.omschrijving} ${vorige.links} en ${vorige.rechts}.` })
          .where(eq(t.activiteit.id, b.id))
          .run();
      }
      db.update(t.activiteit)
        .set({ omschrijving: `${a.omschrijving} Met ${links}${rechts}.` })
        .where(eq(t.activiteit.id, a.id))
        .run();
      woorden.push({ id: a.id, links, rechts });
      return `woord ${links}${rechts} bij ${a.slug}${vorige ? `, delen van ${vorige.links}${vorige.rechts} elders` : ''}`;
    }
    case 'organisatie':
      db.update(t.organisatie)
        .set({ naam: `Vereniging ${n}` })
        .where(eq(t.organisatie.id, a.organisatieId))
        .run();
      return `organisatienaam bij ${a.slug}`;
  }
}

describe('incremental publishing', () => {
  it('gives the same release as a full build after a series of random changes', async () => {
    const kies = willekeurig(20261202);
    const soorten: Wijziging[] = ['nieuw', 'tekst', 'pauze', 'weg', 'andere-kern', 'organisatie', 'woord'];
    const gedaan: string[] = [];
    for (let ronde = 0; ronde < 3; ronde++) {
      // Every kind of change in every round, in a random order, on random records.
      const volgorde = soorten.map((s) => ({ s, k: kies() })).sort((a, b) => a.k - b.k);
      for (const { s } of volgorde) gedaan.push(wijzig(s, kies, gedaan.length));
      const info = await bouwRelease({ log: () => {} });
      expect(info.soort, `ronde ${ronde}`).toBe('incrementeel');
      expect(info.gerenderd).toBeLessThan(info.paginas);
    }
    const incrementeel = huidigeRelease()!;
    // Rendered by Astro's own build, as a site without our kept renderer is.
    process.env.SK_ASTRO_RENDERT = '1';
    try {
      const volledig = await bouwRelease({ log: () => {}, volledig: true });
      expect([volledig.soort, volledig.renderer]).toEqual(['volledig', undefined]);
    } finally {
      delete process.env.SK_ASTRO_RENDERT;
    }
    const doorAstro = huidigeRelease()!;
    // Astro's own render has no render step, so neither of its records (paths, search groups).
    const renderStap = [AFHANKELIJK_BESTAND, GROEPEN_BESTAND];
    expect(verschillen(incrementeel, doorAstro, renderStap), `na: ${gedaan.join('; ')}`).toEqual([]);
    // A full build renders every page with the renderer it keeps: the same release again.
    const volledig = await bouwRelease({ log: () => {}, volledig: true });
    expect(volledig.renderer).toBeDefined();
    expect(verschillen(doorAstro, huidigeRelease()!, renderStap), 'volledig, bewaarde renderer').toEqual([]);
    expect(verschillen(incrementeel, huidigeRelease()!), 'incrementeel en volledig').toEqual([]);
  });

  it('combines approvals that arrive while a publish runs into one next publish', async () => {
    const publiceerder = new Publiceerder(db);
    const acts = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).limit(50).all();
    const keur = (i: number) => {
      db.update(t.activiteit)
        .set({ titel: `Golf ${i} van wijzigingen` })
        .where(eq(t.activiteit.id, acts[i].id))
        .run();
      publiceerder.vraagAan(`Goedgekeurd: burst ${i}`);
    };
    for (let i = 0; i < 25; i++) keur(i);
    // The first publish takes the first 25; wait until it runs, then the other 25 arrive.
    const bezig = () => db.select().from(t.publicatie).where(eq(t.publicatie.status, 'bezig')).all().length > 0;
    await expect.poll(bezig, { timeout: 60_000, interval: 20 }).toBe(true);
    for (let i = 25; i < 50; i++) keur(i);
    await publiceerder.klaar();
    const rijen = db
      .select()
      .from(t.publicatie)
      .all()
      .filter((r) => r.reden.startsWith('Goedgekeurd: burst'));
    expect(rijen.map((r) => r.status)).toEqual(Array(50).fill('klaar'));
    expect(new Set(rijen.map((r) => r.releaseId)).size).toBe(2);
    const live = huidigeRelease()!;
    const ontbreekt = acts.filter(
      (a, i) => !readFileSync(path.join(live, 'aanbod', a.slug, 'index.html'), 'utf8').includes(`Golf ${i} `),
    );
    expect(ontbreekt.map((a) => a.slug)).toEqual([]);
  });

  it('on a large site, makes an approval live first and the open-data files in a follow-up publish', async () => {
    process.env.SK_NALEVEREN_VANAF = '1';
    try {
      const a = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).get()!;
      db.update(t.activiteit).set({ titel: 'Eerst de pagina, dan de open data' }).where(eq(t.activiteit.id, a.id)).run();
      // The follow-up after no quiet spell (on the server: NALEVEREN_NA_MS).
      const publiceerder = new Publiceerder(db, undefined, undefined, undefined, 0);
      publiceerder.vraagAan('Goedgekeurd: groot');
      await publiceerder.klaar();
      const [snel, daarna] = db.select().from(t.publicatie).all().slice(-2);
      expect([snel.reden, daarna.reden]).toEqual(['Goedgekeurd: groot', 'Open data bijwerken na de vorige publicatie']);
      const bestand = (release: string, naam: string) =>
        readFileSync(path.join(omgeving.RELEASES_DIR, release, naam), 'utf8').includes('Eerst de pagina, dan de open data');
      expect(bestand(snel.releaseId!, `aanbod/${a.slug}/index.html`)).toBe(true);
      expect(bestand(snel.releaseId!, 'open-data/sociale-kaart.json')).toBe(false);
      expect(bestand(daarna.releaseId!, 'open-data/sociale-kaart.json')).toBe(true);
      expect(releaseInfo()?.id).toBe(daarna.releaseId);
    } finally {
      delete process.env.SK_NALEVEREN_VANAF;
    }
  });

  it('leaves the previous release live when an incremental publish is killed, and the next one succeeds', async () => {
    const voor = realpathSync(huidigeRelease()!);
    const haak = bouwHaak(dir);
    haak.pauzeer('render');
    const a = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).get()!;
    db.update(t.activiteit).set({ titel: 'Na de onderbreking' }).where(eq(t.activiteit.id, a.id)).run();
    const bouw = bouwRelease({ log: () => {} });
    const pid = await haak.pid('render');
    process.kill(-pid, 'SIGKILL');
    await expect(bouw).rejects.toThrow('render is mislukt (SIGKILL)');
    expect(realpathSync(huidigeRelease()!)).toBe(voor);
    haak.laatDoor();
    const info = await bouwRelease({ log: () => {} });
    expect(info.soort).toBe('incrementeel');
    expect(releaseInfo()?.id).toBe(info.id);
  });
});
