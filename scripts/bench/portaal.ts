import { and, desc, eq, inArray } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { maakSessie } from '../../src/lib/portaal/sessies.ts';
import { belast, formulierVelden, PortaalClient, type Belasting } from './belasting.ts';
import { draaiScript, nieuweOmgeving, startServer, type Meting } from './context.ts';

const DUUR_MS = 10_000;

function metingen(naam: string, b: Belasting): Meting[] {
  const sectie = 'Portaal';
  const toelichting = `${b.verzoeken} verzoeken, ${b.fouten} fouten`;
  return [
    { sectie, naam: `${naam}, ${b.clients} clients: doorvoer`, waarde: b.perSeconde, eenheid: 'verzoeken/s', toelichting },
    { sectie, naam: `${naam}, ${b.clients} clients: p50`, waarde: b.p50, eenheid: 'ms' },
    { sectie, naam: `${naam}, ${b.clients} clients: p99`, waarde: b.p99, eenheid: 'ms' },
  ];
}

/**
 * The portal under load on localhost (the time from approving a change to seeing it on the public
 * page is measured in publiceren.ts). Form rate limits are raised for the bench (SK_FORMULIER_LIMIET), since one client
 * here clicks far faster than a person.
 */
export async function meetPortaal(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('portaal');
  omgeving.env.SK_FORMULIER_LIMIET = '1000000';
  await draaiScript('scripts/seed.ts', [], omgeving.env);
  const db = openDb(omgeving.env.DATABASE_PATH);
  const activiteiten = db
    .select({ id: t.activiteit.id, slug: t.activiteit.slug, organisatieId: t.activiteit.organisatieId })
    .from(t.activiteit)
    .where(eq(t.activiteit.status, 'gepubliceerd'))
    .all();
  // One activity per client, each of a different organisation, so clients do not conflict.
  const perOrg = [...new Map(activiteiten.map((a) => [a.organisatieId, a])).values()].slice(0, 50);
  const partners = perOrg.map((a, i) =>
    bewaarAccount(db, {
      email: `bench-${i}@test.example`,
      naam: `Bench ${i}`,
      beheerder: false,
      organisaties: [a.organisatieId],
      kernen: [],
    }),
  );
  const sessie = (id: number) => `sk_sessie=${maakSessie(db, id).token}`;
  const server = await startServer(omgeving.env);
  const uit: Meting[] = [];
  try {
    const clients = partners.map((id) => new PortaalClient(server.url, sessie(id)));
    const formulieren = await Promise.all(
      perOrg.map((a, i) => clients[i].get(`/partners/activiteiten/${a.id}/`).then(formulierVelden)),
    );
    const wachtend = (activiteitId: number) =>
      db
        .select({ id: t.revisie.id })
        .from(t.revisie)
        .where(and(eq(t.revisie.soort, 'activiteit'), eq(t.revisie.entiteitId, activiteitId), eq(t.revisie.status, 'wacht')))
        .orderBy(desc(t.revisie.id))
        .get()?.id;
    let teller = 0;
    const bewaar = async (c: number) => {
      const velden = formulieren[c]
        .filter(([k]) => k !== 'basis.revisie' && k !== 'omschrijving')
        .concat([
          ['omschrijving', `Samen bewegen en koffie drinken. Versie ${++teller} van deze beschrijving.`],
          ['basis.revisie', String(wachtend(perOrg[c].id) ?? '')],
          ['actie', 'opslaan'],
        ]);
      const res = await clients[c].post(`/partners/activiteiten/${perOrg[c].id}/`, velden);
      if (res.status !== 303) throw new Error(`opslaan: ${res.status}`);
    };

    // A signal as a partner records it: kern, thema, text past the privacy guard, and the rest.
    const signaalFormulieren = await Promise.all(clients.map((c) => c.get('/partners/signalen/nieuw/').then(formulierVelden)));
    const kernVan = perOrg.map(
      (a) =>
        db
          .select({ slug: t.kern.slug })
          .from(t.organisatieKern)
          .innerJoin(t.kern, eq(t.kern.id, t.organisatieKern.kernId))
          .where(eq(t.organisatieKern.organisatieId, a.organisatieId))
          .get()!.slug,
    );
    const meld = async (c: number) => {
      const velden = signaalFormulieren[c]
        .filter(([k]) => !['kern', 'tekst', 'thema', 'sinds', 'omvang', 'basis'].includes(k))
        .concat([
          ['kern', kernVan[c]],
          ['tekst', `Steeds meer ouderen komen alleen naar de markt (meting ${++teller}).`],
          ['thema', 'ontmoeting'],
          ['sinds', 'langer'],
          ['omvang', 'groep'],
          ['basis', 'eigen-waarneming'],
        ]);
      const res = await clients[c].post('/partners/signalen/nieuw/', velden);
      if (res.status !== 303) throw new Error(`signaal: ${res.status} ${velden.map(([k, v]) => `${k}=${v}`).join('&')}`);
    };
    await meld(0);

    for (const n of [10, 50]) {
      uit.push(
        ...metingen(
          'Inlogpagina',
          await belast(n, DUUR_MS, () =>
            fetch(`${server.url}/partners/inloggen/`)
              .then((r) => r.arrayBuffer())
              .then(() => undefined),
          ),
        ),
      );
      uit.push(...metingen('Activiteit opslaan', await belast(n, DUUR_MS, (c) => bewaar(c))));
      uit.push(...metingen('Signaal vastleggen', await belast(n, DUUR_MS, (c) => meld(c))));
    }
    const aantalRevisies = db
      .select({ id: t.revisie.id })
      .from(t.revisie)
      .where(inArray(t.revisie.soort, ['activiteit']))
      .all().length;
    uit.push({ sectie: 'Portaal', naam: 'Revisies geschreven tijdens de meting', waarde: aantalRevisies, eenheid: '' });
  } finally {
    await server.stop();
    db.$client.close();
    omgeving.opruimen();
  }
  return uit;
}
