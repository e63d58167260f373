import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { lokaal } from '../../src/lib/rooster/kalender.ts';
import { volgendeKeren } from '../../src/lib/rooster/keren.ts';
import { MAANDEN, type Rooster } from '../../src/lib/rooster/schema.ts';
import { hoofdletter, keerTekst, roosterSamenvatting } from '../../src/lib/rooster/tekst.ts';
import { axeFouten, nieuwePagina, startBrowser } from './browser.ts';
import { basis, logIn, MET_PUBLICATIE, neemPublicatieSlot, testDb, wachtTotZichtbaar } from './portaal-hulp.ts';

/**
 * Issue 14, the schedule editor: a partner ticks a month to skip and "Niet op feestdagen"; the
 * public page's next dates leave those days out, and the one-line summary in the organisation's
 * list says so. Kern Den Ham, a trusted organisation (its change is live without review).
 */

let browser: Browser;
const db = testDb();
const PARTNER = 'rooster-partner@test.example';
const SCHERMEN = path.join(os.tmpdir(), 'sk-schermen');
let org: { id: number; slug: string };
let act: { id: number; slug: string };
/** Next month from today: within the five next dates of a weekly activity. */
const nu = lokaal(new Date());
const overslaan = (Number(nu.datum.slice(5, 7)) % 12) + 1;

beforeAll(async () => {
  browser = await startBrowser();
  const kern = db.select().from(t.kern).where(eq(t.kern.slug, 'den-ham')).get()!;
  const kernen = db.select().from(t.organisatieKern).all();
  const kandidaten = db
    .select({ id: t.organisatie.id, slug: t.organisatie.slug })
    .from(t.organisatie)
    .innerJoin(t.organisatieKern, eq(t.organisatieKern.organisatieId, t.organisatie.id))
    .where(and(eq(t.organisatieKern.kernId, kern.id), eq(t.organisatie.status, 'gepubliceerd')))
    .all()
    .filter((o) => kernen.filter((k) => k.organisatieId === o.id).length === 1);
  // The last one with a published activity of one simple weekly rule: no other test file edits it.
  for (const o of kandidaten.reverse()) {
    const a = db
      .select()
      .from(t.activiteit)
      .where(and(eq(t.activiteit.organisatieId, o.id), eq(t.activiteit.status, 'gepubliceerd')))
      .all()
      .find(
        (x) =>
          x.rooster.regels.length === 1 && x.rooster.regels[0].type === 'wekelijks' && !x.rooster.seizoen && !x.rooster.periode,
      );
    if (a) {
      org = o;
      act = { id: a.id, slug: a.slug };
      break;
    }
  }
  db.update(t.organisatie).set({ vertrouwd: true }).where(eq(t.organisatie.id, org.id)).run();
  bewaarAccount(db, { email: PARTNER, naam: 'Rita Rooster', beheerder: false, organisaties: [org.id], kernen: [] });
  mkdirSync(SCHERMEN, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

describe('schedule editor: months to skip and public holidays', () => {
  it('saves both options; the next dates and the list summary follow', MET_PUBLICATIE, async () => {
    const partner = await nieuwePagina(browser);
    partner.setDefaultTimeout(30_000);
    await logIn(partner, PARTNER);
    await partner.goto(`${basis}/partners/activiteiten/${act.id}/`);
    const tijd1 = partner.getByRole('group', { name: 'Tijd 1' });
    const dagen = tijd1.getByRole('group', { name: /Op welke dagen/ });
    for (const dag of ['Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Zaterdag', 'Zondag']) {
      await dagen.getByRole('checkbox', { name: dag, exact: true }).uncheck();
    }
    await dagen.getByRole('checkbox', { name: 'Vrijdag', exact: true }).check();
    await tijd1.getByLabel('Elke week of minder vaak?').selectOption('1');
    await tijd1.getByLabel('Van', { exact: true }).fill('10:00');
    await tijd1.getByLabel('Tot', { exact: true }).fill('11:30');
    const maanden = partner.getByRole('group', { name: 'Niet in deze maanden' });
    await maanden.getByRole('checkbox', { name: hoofdletter(MAANDEN[overslaan - 1]), exact: true }).check();
    await partner.getByRole('checkbox', { name: 'Niet op feestdagen' }).check();
    expect(await axeFouten(partner)).toEqual([]);
    await partner.setViewportSize({ width: 360, height: 800 });
    await maanden.evaluate((e) => e.scrollIntoView());
    await partner.screenshot({ path: path.join(SCHERMEN, 'roostereditor-360.png') });
    await partner.setViewportSize({ width: 1280, height: 800 });

    const geefVrij = await neemPublicatieSlot();
    let rooster: Rooster;
    try {
      await partner.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await partner.getByText('Uw wijziging is opgeslagen en staat binnen een minuut op de sociale kaart.').waitFor();
      rooster = db.select().from(t.activiteit).where(eq(t.activiteit.id, act.id)).get()!.rooster;
      expect(rooster).toMatchObject({ nietInMaanden: [overslaan], nietOpFeestdagen: true });
      await wachtTotZichtbaar(`${basis}/aanbod/${act.slug}/`, 'Niet op feestdagen.', 300);
      await wachtTotZichtbaar(`${basis}/organisaties/${org.slug}/`, roosterSamenvatting(rooster), 300);
    } finally {
      await geefVrij();
    }

    // The next dates on the public page: the site's own, without the skipped month or holidays.
    const html = await (await fetch(`${basis}/aanbod/${act.slug}/`)).text();
    const jaar = nu.datum.slice(0, 4);
    const met = volgendeKeren(rooster, nu, { aantal: 5, horizonDagen: 366 });
    for (const k of met) expect(html).toContain(keerTekst(k, jaar));
    const zonder = volgendeKeren({ ...rooster, nietInMaanden: undefined, nietOpFeestdagen: undefined }, nu, { aantal: 10 });
    const overgeslagen = zonder.filter((k) => k.datum < met.at(-1)!.datum && !met.some((m) => m.datum === k.datum));
    expect(overgeslagen.length).toBeGreaterThan(0);
    for (const k of overgeslagen) expect(html).not.toContain(keerTekst(k, jaar));
    expect(partner.fouten).toEqual([]);
  });
});
