import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { bewaarAccount } from '../../src/lib/portaal/accounts.ts';
import { GEEN_ROL } from '../../src/lib/portaal/beheer.ts';
import { axeFouten, nieuwePagina, startBrowser } from './browser.ts';
import { basis, linkUit, logIn, mails, testDb, wachtOpMail } from './portaal-hulp.ts';

/**
 * Issue 14, accounts: the beheerder invites someone; the welcome mail names the organisation and
 * the kern and carries a login link that works once; an account without a role is refused at
 * the field; the organisation picker is grouped per kern and has a filter.
 */

let browser: Browser;
const db = testDb();
const BEHEERDER = 'accounts-beheer@test.example';
const NIEUW = 'accounts-nieuw@test.example';
let org: { id: number; naam: string };
let kern: { naam: string };
const SCHERMEN = path.join(os.tmpdir(), 'sk-schermen');

beforeAll(async () => {
  browser = await startBrowser();
  bewaarAccount(db, { email: BEHEERDER, naam: 'Bea Beheer', beheerder: true, organisaties: [], kernen: [] });
  const kernen = db.select().from(t.organisatieKern).all();
  const losse = db
    .select({ id: t.organisatie.id, naam: t.organisatie.naam })
    .from(t.organisatie)
    .all()
    .filter((o) => kernen.filter((k) => k.organisatieId === o.id).length === 1);
  // A name no other organisation contains, so the filter shows exactly one.
  org = losse.find((o) => losse.filter((x) => x.naam.toLowerCase().includes(o.naam.toLowerCase())).length === 1)!;
  const kernId = kernen.find((k) => k.organisatieId === org.id)!.kernId;
  kern = db.select({ naam: t.kern.naam }).from(t.kern).where(eq(t.kern.id, kernId)).get()!;
  mkdirSync(SCHERMEN, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  db.$client.close();
});

describe('accounts', () => {
  it('invites with a single-use login link that names the organisation and the kern', { timeout: 180_000 }, async () => {
    const beheerder = await nieuwePagina(browser);
    beheerder.setDefaultTimeout(30_000);
    await logIn(beheerder, BEHEERDER);
    await beheerder.goto(`${basis}/partners/beheer/accounts/`);

    // No role: refused at the field, the typed name and address kept.
    await beheerder.getByLabel('Naam', { exact: true }).fill('Nico Nieuw');
    await beheerder.getByLabel('E-mailadres').fill(NIEUW);
    await beheerder.getByRole('button', { name: 'Account maken en uitnodigen' }).click();
    const kiezer = beheerder.getByRole('group', { name: 'Houdt de gegevens bij van' });
    await kiezer.getByText(GEEN_ROL).waitFor();
    expect(await kiezer.getAttribute('aria-invalid')).toBe('true');
    expect(await beheerder.getByLabel('E-mailadres').inputValue()).toBe(NIEUW);
    expect(db.select().from(t.account).where(eq(t.account.email, NIEUW)).get()).toBeUndefined();
    expect(await axeFouten(beheerder)).toEqual([]);

    // The filter narrows the grouped list to the organisation typed (looked at on a phone).
    await beheerder.setViewportSize({ width: 360, height: 800 });
    const alle = await kiezer.getByRole('checkbox').count();
    await kiezer
      .getByRole('group')
      .first()
      .screenshot({ path: path.join(SCHERMEN, 'organisatiekiezer-360.png') });
    await beheerder.getByLabel('Zoek een organisatie').fill(org.naam.toUpperCase());
    await beheerder.getByText('1 gevonden').waitFor();
    await kiezer.screenshot({ path: path.join(SCHERMEN, 'organisatiekiezer-gefilterd-360.png') });
    await beheerder.setViewportSize({ width: 1280, height: 800 });
    const zichtbaar = kiezer.getByRole('checkbox');
    expect(await zichtbaar.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(1);
    expect(alle).toBeGreaterThan(10);
    await kiezer.getByRole('group', { name: kern.naam, exact: true }).getByRole('checkbox', { name: org.naam }).check();
    await beheerder.getByLabel('Zoek een organisatie').fill('');
    await beheerder
      .getByRole('group', { name: 'Kernondersteuner van' })
      .getByRole('checkbox', { name: kern.naam, exact: true })
      .check();
    expect(await axeFouten(beheerder)).toEqual([]);

    const voor = mails(NIEUW).length;
    await beheerder.getByRole('button', { name: 'Account maken en uitnodigen' }).click();
    await beheerder.getByText('Het account is aangemaakt en de uitnodiging is verstuurd.').waitFor();
    // The list names the organisation and the kern of the new account.
    const rij = beheerder.getByRole('row').filter({ hasText: NIEUW });
    await rij.getByRole('cell', { name: org.naam }).waitFor();
    await rij.getByRole('cell', { name: kern.naam, exact: true }).waitFor();

    const mail = await wachtOpMail(NIEUW, voor);
    expect(mail.tekst).toContain(`U houdt de gegevens bij van ${org.naam}.`);
    expect(mail.tekst).toContain(`U werkt als kernondersteuner in ${kern.naam}.`);
    expect(mail.tekst).toContain('De link werkt 7 dagen en één keer.');
    const link = linkUit(mail);

    // The link logs in once.
    const nieuw = await nieuwePagina(browser);
    nieuw.setDefaultTimeout(30_000);
    await nieuw.goto(link);
    await nieuw.getByRole('button', { name: 'Inloggen' }).click();
    await nieuw.getByRole('heading', { level: 1, name: 'Welkom, Nico Nieuw' }).waitFor();
    // A second use is refused, saying what to do instead.
    const tweede = await nieuwePagina(browser);
    tweede.setDefaultTimeout(30_000);
    await tweede.goto(link);
    await tweede.getByRole('button', { name: 'Inloggen' }).click();
    await tweede.getByText(/De link uit uw uitnodiging is al gebruikt\..*vraag hieronder een nieuwe inloglink aan/).waitFor();
    await tweede.getByRole('link', { name: 'Vraag een nieuwe inloglink aan' }).waitFor();
    expect(await axeFouten(tweede)).toEqual([]);

    // Sending the invitation again: a fresh link in a new mail.
    const id = db.select({ id: t.account.id }).from(t.account).where(eq(t.account.email, NIEUW)).get()!.id;
    await beheerder.goto(`${basis}/partners/beheer/accounts/${id}/`);
    await beheerder.getByRole('button', { name: 'Uitnodiging opnieuw sturen' }).click();
    await beheerder.getByText('De uitnodiging is opnieuw verstuurd.', { exact: false }).waitFor();
    expect(await axeFouten(beheerder)).toEqual([]);
    const opnieuw = await wachtOpMail(NIEUW, voor + 1);
    expect(linkUit(opnieuw)).not.toBe(link);

    // The logboek: names and Dutch local time, not UTC.
    await beheerder.goto(`${basis}/partners/beheer/logboek/`);
    const regel = beheerder.getByRole('row').filter({ hasText: 'uitnodiging opnieuw' }).first();
    await regel.getByRole('cell', { name: `Bea Beheer (${BEHEERDER})` }).waitFor();
    expect(await regel.getByRole('cell').first().textContent()).toMatch(/^\d{1,2} [a-z]+ \d{4} om \d{1,2}\.\d{2} uur$/);
    expect(await axeFouten(beheerder)).toEqual([]);
    // The refused form answers 422 on purpose; nothing else may go wrong.
    expect(beheerder.fouten.filter((f) => !f.includes('status of 422'))).toEqual([]);
  });
});
