import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { loadConfig } from '../../src/lib/config/load.ts';
import { seedDemo } from '../../src/lib/data/seed.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { bewaarAccount, laadAccount } from '../../src/lib/portaal/accounts.ts';
import { plusDagen } from '../../src/lib/rooster/kalender.ts';
import { maanden, overzicht, telRijen } from '../../src/lib/verwijzen/cijfers.ts';
import { archiveer } from '../../src/lib/verwijzen/onderhoud.ts';
import { STATUS_TEKST, type VerwijsStatus } from '../../src/lib/verwijzen/status.ts';
import { tekortenPerKwartaal } from '../../src/lib/verwijzen/tekorten.ts';
import { beantwoord, leesVerwijzing, maakVerwijzing, verwijzingenVan } from '../../src/lib/verwijzen/verwijzingen.ts';
import { mediaan, nieuweOmgeving, type Meting } from './context.ts';

const AANTAL = 20_000;
const VANDAAG = '2026-11-22';

/**
 * Referrals at a scale far beyond one gemeente's year (Twenterand: a few thousand at most):
 * making and answering one, the figures page's queries, and the yearly reduction to counts.
 */
export async function meetVerwijzen(): Promise<Meting[]> {
  const omgeving = nieuweOmgeving('verwijzen');
  const db = openDb(path.join(omgeving.dataDir, 'sociale-kaart.sqlite'));
  try {
    const config = loadConfig();
    seedDemo(db, config, VANDAAG);
    const acts = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).all();
    const kernen = [...new Set(acts.map((a) => a.kernId))];
    const ko = laadAccount(
      db,
      bewaarAccount(db, { email: 'ko@bench.example', naam: 'KO', beheerder: false, organisaties: [], kernen }),
    )!;
    const aanbieder = laadAccount(
      db,
      bewaarAccount(db, {
        email: 'a@bench.example',
        naam: 'A',
        beheerder: false,
        organisaties: [...new Set(acts.map((a) => a.organisatieId))],
        kernen: [],
      }),
    )!;
    const sleutels = { huidig: randomBytes(32) };
    const uitkomsten: VerwijsStatus[] = ['aangekomen', 'gestart', 'niet-gekomen', 'past-niet', 'vol'];
    const maak: number[] = [];
    const antwoord: number[] = [];
    for (let i = 0; i < AANTAL; i++) {
      const a = acts[i % acts.length];
      const datum = plusDagen(VANDAAG, -(i % 540));
      const contact = i % 5 === 0 ? { telefoon: '06 12345678' } : undefined;
      let start = performance.now();
      const { id } = maakVerwijzing(
        db,
        ko,
        a.id,
        { thema: a.themas[0], verwijzer: { naam: 'KO', telefoon: '0546 012 345' }, contact },
        { vandaag: datum, sleutels: () => sleutels },
      );
      maak.push(performance.now() - start);
      if (i % 3 !== 0) {
        start = performance.now();
        beantwoord(db, aanbieder, leesVerwijzing(db, id)!, uitkomsten[i % uitkomsten.length], { vandaag: datum, reden: 'tijd' });
        antwoord.push(performance.now() - start);
      }
    }
    const herhaal = (f: () => unknown, n = 7) =>
      mediaan(
        Array.from({ length: n }, () => {
          const start = performance.now();
          f();
          return performance.now() - start;
        }),
      );
    const laatste = maanden(VANDAAG.slice(0, 7), 12);
    const kernLijst = db.select({ id: t.kern.id, naam: t.kern.naam }).from(t.kern).all();
    const cijfers = herhaal(() =>
      overzicht(
        telRijen(db, { van: laatste[0], tot: laatste[11] }),
        { maanden: laatste, kernen: kernLijst, themas: config.themas, uitkomsten: STATUS_TEKST },
        [],
      ),
    );
    const tekorten = herhaal(() => tekortenPerKwartaal(db));
    const lijst = herhaal(() => verwijzingenVan(db, aanbieder));
    const start = performance.now();
    const gearchiveerd = archiveer(db, VANDAAG);
    const archiveren = performance.now() - start;
    const naArchief = herhaal(() =>
      overzicht(
        telRijen(db, { van: '2025-01', tot: laatste[11] }),
        { maanden: laatste, kernen: kernLijst, themas: config.themas, uitkomsten: STATUS_TEKST },
        [],
      ),
    );
    const s = 'Verwijzen';
    const ms = (n: number) => +n.toFixed(2);
    return [
      {
        sectie: s,
        naam: 'Verwijzing maken (20% met versleuteld contact)',
        waarde: ms(mediaan(maak)),
        eenheid: 'ms',
        runs: AANTAL,
      },
      {
        sectie: s,
        naam: 'Antwoord opslaan (incl. tekort bij vol/past niet)',
        waarde: ms(mediaan(antwoord)),
        eenheid: 'ms',
        runs: antwoord.length,
      },
      {
        sectie: s,
        naam: `Cijfers, 12 maanden, hele gemeente (${AANTAL} verwijzingen in 18 maanden)`,
        waarde: ms(cijfers),
        eenheid: 'ms',
        runs: 7,
      },
      { sectie: s, naam: 'tekortenPerKwartaal, alle kernen', waarde: ms(tekorten), eenheid: 'ms', runs: 7 },
      { sectie: s, naam: 'Lijst van een aanbieder van alles', waarde: ms(lijst), eenheid: 'ms', runs: 7 },
      {
        sectie: s,
        naam: `Ouder dan 12 maanden tellen en wissen (${gearchiveerd} verwijzingen)`,
        waarde: ms(archiveren),
        eenheid: 'ms',
      },
      { sectie: s, naam: 'Cijfers over 23 maanden, na het tellen', waarde: ms(naArchief), eenheid: 'ms', runs: 7 },
    ];
  } finally {
    db.$client.close();
    omgeving.opruimen();
  }
}
