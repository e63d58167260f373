import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, desc, eq } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { maakSessie } from '../../src/lib/portaal/sessies.ts';
import { formulierVelden, PortaalClient } from './belasting.ts';
import { draaiScript, mediaan, nieuweOmgeving, startServer, type Meting } from './context.ts';

const RUNS = 20;

type Site = { naam: string; vullen: [script: string, args: string[]] };
const DEMO: Site = { naam: 'demo', vullen: ['scripts/seed.ts', []] };
const GROOT: Site = { naam: '20.000 pagina’s', vullen: ['scripts/synthetisch.ts', ['20000']] };

/**
 * Whether the search index of the live release holds a text: Pagefind's fragments are gzipped
 * JSON, in `pagefind/fragment/` and, on a large site, in each part's `pagefind/deel-N/fragment/`.
 */
function inZoekindex(releases: string, tekst: string): boolean {
  const dir = path.join(releases, 'current', 'pagefind');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && path.basename(d.parentPath) === 'fragment')
    .some((d) =>
      gunzipSync(readFileSync(path.join(d.parentPath, d.name)))
        .toString('utf8')
        .includes(tekst),
    );
}

/**
 * A public page's text. A connection the server closed after its keep-alive time (the search check
 * between runs takes seconds at 20,000 pages) can reset as it is reused: that poll is simply tried again.
 */
async function pagina(url: string): Promise<string> {
  try {
    return await (await fetch(url)).text();
  } catch {
    return await (await fetch(url)).text();
  }
}

/**
 * From the beheerder's approval to the change on the public page and in search, as a partner and
 * a beheerder do it through the portal of a running server. `volledig`: every publish builds the
 * whole site with Astro, as before incremental publishing (SK_PUBLICEER_VOLLEDIG).
 */
async function zichtbaar(site: Site, volledig: boolean): Promise<number[]> {
  const omgeving = nieuweOmgeving('publiceren');
  if (volledig) omgeving.env.SK_PUBLICEER_VOLLEDIG = '1';
  await draaiScript(...site.vullen, omgeving.env);
  const db = openDb(omgeving.env.DATABASE_PATH);
  const a = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).get()!;
  const partner = bewaarAccount(db, {
    email: 'bench-partner@test.example',
    naam: 'Bench partner',
    beheerder: false,
    organisaties: [a.organisatieId],
    kernen: [],
  });
  const beheer = bewaarAccount(db, {
    email: 'bench-beheer@test.example',
    naam: 'Bench beheer',
    beheerder: true,
    organisaties: [],
    kernen: [],
  });
  const server = await startServer(omgeving.env);
  const latenties: number[] = [];
  try {
    const client = new PortaalClient(server.url, `sk_sessie=${maakSessie(db, partner).token}`);
    const beheerder = new PortaalClient(server.url, `sk_sessie=${maakSessie(db, beheer).token}`);
    const wachtend = () =>
      db
        .select({ id: t.revisie.id })
        .from(t.revisie)
        .where(and(eq(t.revisie.soort, 'activiteit'), eq(t.revisie.entiteitId, a.id), eq(t.revisie.status, 'wacht')))
        .orderBy(desc(t.revisie.id))
        .get()?.id;
    for (let i = 0; i < RUNS; i++) {
      const titel = `Bench titel ${i} ${Date.now()}`;
      const formulier = formulierVelden(await client.get(`/partners/activiteiten/${a.id}/`));
      const velden = formulier.filter(([k]) => !['titel', 'basis.revisie'].includes(k));
      velden.push(['titel', titel], ['basis.revisie', String(wachtend() ?? '')], ['actie', 'opslaan']);
      const voorgesteld = await client.post(`/partners/activiteiten/${a.id}/`, velden);
      if (voorgesteld.status !== 303) throw new Error(`voorstel: ${voorgesteld.status}`);
      const revisie = wachtend();
      const csrf = formulierVelden(await beheerder.get(`/partners/beoordelen/${revisie}/`)).find(([k]) => k === 'csrf')![1];
      const goed = await beheerder.post(`/partners/beoordelen/${revisie}/`, [
        ['csrf', csrf],
        ['actie', 'goedkeuren'],
      ]);
      if (goed.status !== 303) throw new Error(`goedkeuren: ${goed.status}`);
      const t0 = performance.now();
      while (!(await pagina(`${server.url}/aanbod/${a.slug}/`)).includes(titel)) {
        if (performance.now() - t0 > 180_000) throw new Error('wijziging niet zichtbaar binnen 180 s');
        await new Promise((r) => setTimeout(r, 50));
      }
      latenties.push((performance.now() - t0) / 1000);
      // The page and the search index switch together (one release); check that it is so.
      if (!inZoekindex(omgeving.env.RELEASES_DIR!, titel)) throw new Error('de wijziging staat niet in de zoekindex');
    }
  } finally {
    await server.stop();
    db.$client.close();
    omgeving.opruimen();
  }
  return latenties;
}

async function meet(metingen: (readonly [Site, boolean, string])[]): Promise<Meting[]> {
  const uit: Meting[] = [];
  for (const [site, volledig, wanneer] of metingen) {
    const l = await zichtbaar(site, volledig);
    const sectie = `Publiceren (${site.naam})`;
    const meting = (soort: string, waarde: number): Meting => ({
      sectie,
      naam: `Van goedkeuren tot zichtbaar op pagina en in zoeken, ${soort} (${wanneer})`,
      waarde: +waarde.toFixed(1),
      eenheid: 's',
      runs: l.length,
    });
    uit.push(meting('mediaan', mediaan(l)), meting('slechtste', Math.max(...l)));
  }
  return uit;
}

export function meetPubliceren(): Promise<Meting[]> {
  return meet([
    [DEMO, true, 'voor: elke publicatie bouwt alles'],
    [DEMO, false, 'na: alleen wat veranderde'],
  ]);
}

/** Before, a publish at this size was a full build: see "Bouwen (synthetisch, 20.000 pagina’s)". */
export function meetPublicerenGroot(): Promise<Meting[]> {
  return meet([[GROOT, false, 'na: alleen wat veranderde']]);
}
