import { and, eq, gte, sql } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import type { Bericht } from '../mail/mail.ts';
import { bewaarAccount, laadAccount } from '../portaal/accounts.ts';
import { bevestigActueel } from '../portaal/acties.ts';
import { gebruikBevestigToken } from '../portaal/kloptnog.ts';
import { verouderdGrens } from '../portaal/overzicht.ts';
import { stuurHerinneringen } from '../portaal/versheid.ts';
import { plusDagen, weekdag } from '../rooster/kalender.ts';
import { meldTerug, sluitAfgehandeld, vindDoel } from '../terugmelden/terugmelden.ts';
import { belLijst, bevestigNamens } from './bellijst.ts';
import { vraagSeizoenen } from './seizoen.ts';
import { bevestigSeizoenNamens, gebruikSeizoenToken, seizoenBelLijst } from './seizoenbevestigen.ts';

/**
 * A year of keeping the kaart current, on a real database with a fake clock (issue #15): the real
 * reminder, one-click confirmation, inwoner report and call-list code, driven by a stated response
 * model. `npm run bench -- versheid` runs it over the demo data and reports, per month, the share
 * of published organisations checked in the last six months. The model is in BENCHMARKS.md.
 */

export type Model = {
  /** Share of organisations with a partner account (the rest is on the call list). */
  partnerDekking: number;
  /** Chance a partner confirms after the first reminder, after the second, after any later one. */
  eersteHerinnering: number;
  tweedeHerinnering: number;
  latereHerinnering: number;
  /** Days between the reminder and the click (uniform 0..n). */
  reactieDagen: number;
  /** Calls per kernondersteuner per week, and the chance a call reaches someone who knows. */
  belletjesPerWeek: number;
  bereikt: number;
  /** Inwoner reports per month, and the chance the partner looks and confirms within a week. */
  meldingenPerMaand: number;
  meldingOpgepakt: number;
};

export const STANDAARD_MODEL: Model = {
  partnerDekking: 0.7,
  eersteHerinnering: 0.6,
  // 60 % after the first reminder and 20 % (of all) after the second: half of those left.
  tweedeHerinnering: 0.5,
  latereHerinnering: 0.25,
  reactieDagen: 6,
  belletjesPerWeek: 10,
  bereikt: 0.7,
  meldingenPerMaand: 4,
  meldingOpgepakt: 0.8,
};

/** A small seeded generator (mulberry32), so a run is repeatable. */
export function toeval(zaad: number) {
  let s = zaad >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Maandcijfer = {
  maand: string;
  vers: number;
  totaal: number;
  aandeel: number;
  herinneringen: number;
  gebeld: number;
  meldingen: number;
  /** "Gaat het weer door?": activities asked this month, and answered (by link or call). */
  seizoenGevraagd: number;
  seizoenBevestigd: number;
};

/** Share of published organisations checked in the six months before `vandaag`. */
export function aandeelVers(db: DbOfTx, vandaag: string): { vers: number; totaal: number } {
  const tel = (waar: ReturnType<typeof and>) =>
    db.select({ n: sql<number>`count(*)` }).from(t.organisatie).where(waar).get()?.n ?? 0;
  const gepubliceerd = eq(t.organisatie.status, 'gepubliceerd');
  return { vers: tel(and(gepubliceerd, gte(t.organisatie.gecontroleerdOp, verouderdGrens(vandaag)))), totaal: tel(gepubliceerd) };
}

/**
 * Runs `dagen` days from `start` over the database as it is (the demo data, without accounts).
 * Makes the partner and kernondersteuner accounts of the model first.
 */
export async function simuleerJaar(
  db: DbOfTx,
  config: GemeenteConfig,
  opties: { start: string; dagen?: number; model?: Model; zaad?: number },
): Promise<Maandcijfer[]> {
  const model = opties.model ?? STANDAARD_MODEL;
  const kans = toeval(opties.zaad ?? 15);
  const dagen = opties.dagen ?? 365;
  const publiceren = { vraagAan: () => {} };
  const url = 'https://kaart.example';

  const orgs = db.select({ id: t.organisatie.id }).from(t.organisatie).where(eq(t.organisatie.status, 'gepubliceerd')).all();
  for (const o of orgs) {
    if (kans() < model.partnerDekking) {
      bewaarAccount(db, {
        email: `partner-${o.id}@sim.example`,
        naam: `Partner ${o.id}`,
        beheerder: false,
        organisaties: [o.id],
        kernen: [],
      });
    }
  }
  const kos = db
    .select({ id: t.kern.id })
    .from(t.kern)
    .all()
    .map((k) =>
      bewaarAccount(db, {
        email: `ko-${k.id}@sim.example`,
        naam: `KO ${k.id}`,
        beheerder: false,
        organisaties: [],
        kernen: [k.id],
      }),
    );

  /** Clicks planned for a day: the token of an "Alles klopt nog" link. */
  const gepland = new Map<string, string[]>();
  const plan = (dag: string, token: string) => gepland.set(dag, [...(gepland.get(dag) ?? []), token]);
  /** How many reminders an organisation got since its last check. */
  const herinnerd = new Map<number, number>();
  const cijfers: Maandcijfer[] = [];
  let maand = { herinneringen: 0, gebeld: 0, meldingen: 0, seizoenGevraagd: 0, seizoenBevestigd: 0 };
  // The season question draws from its own generator, so the figures of the listings stay as they were.
  const seizoenKans = toeval((opties.zaad ?? 15) + 1);

  /** "Gaat het weer door?": a partner answers the first mail as often as the first reminder. */
  async function vraagSeizoen(dag: string, nu: Date) {
    const mails: Bericht[] = [];
    const r = await vraagSeizoenen(db, config, dag, url, { nu, stuur: async (b) => void mails.push(b) });
    maand.seizoenGevraagd += r.bellijst;
    for (const mail of mails) {
      for (const m of mail.tekst.matchAll(/gaat-door\/\?token=(\S+)/g)) {
        maand.seizoenGevraagd++;
        if (seizoenKans() < model.eersteHerinnering) {
          plan(plusDagen(dag, Math.floor(seizoenKans() * (model.reactieDagen + 1))), `seizoen:${decodeURIComponent(m[1])}`);
        }
      }
    }
  }

  for (let i = 0; i < dagen; i++) {
    const dag = plusDagen(opties.start, i);
    const nu = new Date(`${dag}T09:00:00Z`);

    // The real monthly reminder; the model decides who clicks which link, and when.
    const mails: Bericht[] = [];
    maand.herinneringen += await stuurHerinneringen(db, dag, url, { nu, stuur: async (b) => void mails.push(b) });
    for (const mail of mails) {
      // Per organisation: its "Alles klopt nog" link, then "Er is iets veranderd" naming its edit form.
      const links = [...mail.tekst.matchAll(/klopt-nog\/\?token=(\S+)/g)].map((m) => decodeURIComponent(m[1]));
      const ids = [...mail.tekst.matchAll(/terug=%2Fpartners%2Forganisaties%2F(\d+)%2F/g)].map((m) => Number(m[1]));
      links.slice(0, ids.length).forEach((token, n) => {
        const id = ids[n];
        const keer = (herinnerd.get(id) ?? 0) + 1;
        herinnerd.set(id, keer);
        const p = keer === 1 ? model.eersteHerinnering : keer === 2 ? model.tweedeHerinnering : model.latereHerinnering;
        if (kans() < p) plan(plusDagen(dag, Math.floor(kans() * (model.reactieDagen + 1))), token);
      });
    }
    await vraagSeizoen(dag, nu);
    for (const token of gepland.get(dag) ?? []) {
      if (token.startsWith('seizoen:')) {
        if (!('fout' in gebruikSeizoenToken(db, token.slice(8), publiceren, nu, dag))) maand.seizoenBevestigd++;
        continue;
      }
      const r = gebruikBevestigToken(db, token, publiceren, nu, dag);
      if (!('fout' in r)) for (const o of r.organisaties) herinnerd.delete(o.id);
    }
    gepland.delete(dag);

    // Inwoners report now and then; a partner who reads it usually checks and confirms.
    if (kans() < model.meldingenPerMaand / 30) {
      const o = orgs[Math.floor(kans() * orgs.length)];
      const uuid = db.select({ u: t.organisatie.uuid }).from(t.organisatie).where(eq(t.organisatie.id, o.id)).get()!.u;
      const doel = vindDoel(db, { organisatie: uuid });
      if (doel) {
        const r = meldTerug(db, config, doel, { soort: 'tijd' }, url, { nu, verstuurStraks: () => {} });
        maand.meldingen++;
        if (r.soort === 'ontvangen' && r.partnersGemaild > 0 && kans() < model.meldingOpgepakt) {
          const partner = db.select().from(t.accountOrganisatie).where(eq(t.accountOrganisatie.organisatieId, o.id)).get()!;
          bevestigActueel(db, laadAccount(db, partner.accountId)!, o.id, publiceren, dag);
          herinnerd.delete(o.id);
        }
      }
    }

    // Every Monday each kernondersteuner works through the top of the call list.
    if (weekdag(dag) === 'ma') {
      for (const ko of kos) {
        const account = laadAccount(db, ko)!;
        for (const o of belLijst(db, account, dag).slice(0, model.belletjesPerWeek)) {
          if (kans() < model.bereikt) {
            const r = bevestigNamens(db, config, ko, o.id, 'gebeld met de secretaris', publiceren, dag);
            if ('gecontroleerdOp' in r) {
              maand.gebeld++;
              herinnerd.delete(o.id);
            }
          }
        }
        // Activities without partner whose season starts soon: a call each, on top of the list above.
        for (const a of seizoenBelLijst(db, account)) {
          if (seizoenKans() < model.bereikt) {
            const r = bevestigSeizoenNamens(db, config, ko, a.activiteitId, 'gebeld met de trainer', publiceren, dag);
            if ('gecontroleerdOp' in r) maand.seizoenBevestigd++;
          }
        }
      }
    }
    sluitAfgehandeld(db, nu);

    const morgen = plusDagen(dag, 1);
    if (morgen.slice(0, 7) !== dag.slice(0, 7) || i === dagen - 1) {
      const { vers, totaal } = aandeelVers(db, dag);
      cijfers.push({ maand: dag.slice(0, 7), vers, totaal, aandeel: totaal ? vers / totaal : 1, ...maand });
      maand = { herinneringen: 0, gebeld: 0, meldingen: 0, seizoenGevraagd: 0, seizoenBevestigd: 0 };
    }
  }
  return cijfers;
}
