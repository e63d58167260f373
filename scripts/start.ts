/**
 * `npm start`: migrate the database, load demo data when it is empty, build what is missing,
 * and serve the public site and the partner portal on http://localhost:4321.
 */
import { loadConfig, ConfigError } from '../src/lib/config/load.ts';
import { openDb } from '../src/lib/db/client.ts';
import { demoAan, isLeeg, seedDemo } from '../src/lib/data/seed.ts';
import { legEersteVersiesVast } from '../src/lib/portaal/revisies.ts';
import { bouwRelease, stopBouwen, warmRendererOp } from '../src/lib/release/bouwen.ts';
import { herstelHuidigeLink, huidigeRelease, releaseInfo, releasesDir } from '../src/lib/release/paden.ts';
import { ruimRestenOp } from '../src/lib/release/slot.ts';
import { publiceerder } from '../src/lib/portaal/omgeving.ts';
import { bouwServer, serverBuildActueel } from '../src/lib/release/serverbouw.ts';
import { kaartBronnen } from '../src/lib/kaart/bronnen.ts';
import { zetExtraBronnen } from '../src/lib/server/headers.ts';
import { maakServer } from '../src/lib/server/server.ts';
import { portaalAdres } from '../src/lib/portaal/portaalurl.ts';
import { stuurHerinneringen } from '../src/lib/portaal/versheid.ts';
import { meetVersheid } from '../src/lib/versheid/maandoverzicht.ts';
import { vraagSeizoenen } from '../src/lib/versheid/seizoen.ts';
import { lokaal } from '../src/lib/rooster/kalender.ts';
import { dagoverzichten } from '../src/lib/signalen/dagoverzicht.ts';
import { beperkBewaartijd } from '../src/lib/signalen/wissen.ts';
import { verstuur } from '../src/lib/mail/mail.ts';
import { onderhoudVerwijzingen } from '../src/lib/verwijzen/onderhoud.ts';
import { verwerkWachtrij } from '../src/lib/mail/wachtrij.ts';
import { haalAgendasOp } from '../src/lib/koppeling/koppeling.ts';

async function main() {
  const config = loadConfig();
  // Only a PDOK basemap needs hosts outside our own server; the CSP allows exactly those.
  zetExtraBronnen(kaartBronnen(config.kaart));
  // A build the previous server left running (kill -9, power cut) dies now, and its lock goes.
  const gestopt = await ruimRestenOp(releasesDir());
  if (gestopt > 0)
    console.log(`Een onderbroken build van de vorige server is gestopt (${gestopt} proces${gestopt > 1 ? 'sen' : ''}).`);
  const hersteld = herstelHuidigeLink();
  if (hersteld) console.log(`De link naar de live release was kapot: hersteld naar ${hersteld}.`);
  const db = openDb();
  if (isLeeg(db) && demoAan()) {
    const r = seedDemo(db, config);
    console.log(`Lege database: voorbeeldgegevens geladen (${r.organisaties} organisaties, ${r.activiteiten} activiteiten).`);
  }
  // Data step: every listing keeps its version from before any portal change (issue 14).
  const eerste = legEersteVersiesVast(db);
  if (eerste > 0) console.log(`Eerste versie vastgelegd van ${eerste} organisaties en activiteiten.`);
  if (!serverBuildActueel()) {
    console.log('Partnerportaal bouwen…');
    await bouwServer();
  }
  if (!huidigeRelease()) {
    console.log('Nog geen release: de openbare site wordt gebouwd…');
    await bouwRelease();
  }
  // Publications a crash left unfinished are closed, and published again once.
  publiceerder();
  // The first approval after a start publishes as quickly as the rest.
  warmRendererOp().catch((e) => console.error(`Renderer opwarmen mislukt (de eerste publicatie duurt wat langer): ${e}`));
  // Pages show the next dates from the day they were rendered: each new day, all are made anew.
  const nieuweDag = () => {
    const datum = releaseInfo()?.datum;
    if (!process.env.SK_BUILD_TIME && datum && datum < lokaal(new Date()).datum)
      publiceerder().vraagAan('Nieuwe dag: de data van de komende keren bijwerken', { volledig: true });
  };
  setInterval(nieuweDag, 15 * 60_000).unref();
  const port = Number(process.env.PORT ?? 4321);
  const host = process.env.HOST ?? 'localhost';
  const server = await maakServer();
  server.listen(port, host, () => console.log(`De sociale kaart draait op http://${host}:${port}/`));
  // Reminders for listings unchecked for six months: at start and then every six hours.
  const portaalUrl = portaalAdres(`http://${host}:${port}`);
  // Also "Gaat het weer door?" before a season starts, and this month's freshness figures per kern.
  // Each step on its own: a mail server that is down must not stop the freshness figures.
  const herinner = async () => {
    const vandaag = lokaal(new Date()).datum;
    const stappen: [string, () => unknown][] = [
      ['Herinneringen', () => stuurHerinneringen(db, vandaag, portaalUrl)],
      ['Gaat het weer door?', () => vraagSeizoenen(db, config, vandaag, portaalUrl)],
      ['Versheid meten', () => meetVersheid(db, vandaag)],
    ];
    for (const [naam, stap] of stappen) {
      try {
        await stap();
      } catch (e) {
        console.error(`${naam} mislukt:`, e);
      }
    }
  };
  setTimeout(herinner, 60_000).unref();
  setInterval(herinner, 6 * 3_600_000).unref();
  // Referrals: forget contact details after six weeks, flag what waits too long, count and delete after a year.
  const verwijzingen = () =>
    onderhoudVerwijzingen(db, lokaal(new Date()).datum, portaalUrl).catch((e) =>
      console.error('Onderhoud verwijzingen mislukt:', e),
    );
  setTimeout(verwijzingen, 90_000).unref();
  setInterval(verwijzingen, 6 * 3_600_000).unref();
  // Queued mails (login links): sent at once by the portal; retried from here when that failed.
  const mail = () => verwerkWachtrij(db).catch((e) => console.error('Mail versturen mislukt:', e));
  setInterval(mail, 30_000).unref();
  void mail();
  // Signalen: closed ones past their keeping time become counts (SK_SIGNALEN_BEWAREN_MAANDEN).
  const signalen = () => {
    try {
      beperkBewaartijd(db, lokaal(new Date()).datum);
      for (const b of dagoverzichten(db, config, portaalUrl)) verstuur(b).catch((e) => console.error('Dagoverzicht mislukt:', e));
    } catch (e) {
      console.error('Onderhoud signalen mislukt:', e);
    }
  };
  setTimeout(signalen, 95_000).unref();
  // Hourly: the daily e-mail goes once per local day, soon after midnight.
  setInterval(signalen, 3_600_000).unref();
  // Connected partner agendas (issue 19): each fetched again once its last fetch is three hours old.
  // One round at a time: a round of slow feeds may take longer than the interval.
  let agendasBezig = false;
  const agendas = async () => {
    if (agendasBezig) return;
    agendasBezig = true;
    try {
      await haalAgendasOp(db, loadConfig());
    } catch (e) {
      console.error("Agenda's ophalen mislukt:", e);
    } finally {
      agendasBezig = false;
    }
  };
  setTimeout(agendas, 120_000).unref();
  setInterval(agendas, 15 * 60_000).unref();
  const stop = () => {
    stopBouwen();
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
