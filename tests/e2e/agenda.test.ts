import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeFouten, nieuwePagina, startBrowser } from './browser.ts';

/**
 * "Zet in mijn agenda" on activity, organisation and kern pages: the link leads to an iCalendar
 * feed of the release, which a real parser reads and which holds the next date the page shows.
 */

const basis = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(() => browser?.close());

/** Local start dates of the feed's occurrences in the coming 40 days. */
function datums(tekst: string, vanaf: string): Set<string> {
  const cal = new ICAL.Component(ICAL.parse(tekst));
  ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
  const eind = ICAL.Time.fromDateString(vanaf);
  eind.day += 40;
  const uit = new Set<string>();
  for (const ve of cal.getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(ve);
    const it = ev.iterator();
    for (let t = it.next(); t && t.compare(eind) <= 0; t = it.next()) uit.add(t.toString().slice(0, 10));
  }
  return uit;
}

describe('Zet in mijn agenda', () => {
  it('activity, organisation and kern pages link to a feed with the dates the page shows', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/kernen/vriezenveen/`);
    // The full list is folded on the kern page (issue #16): open it as an inwoner does.
    await page.getByText(/^Toon alle \d+ activiteiten/).click();
    const eerste = page
      .getByRole('region', { name: /Alle activiteiten in Vriezenveen/ })
      .getByRole('link')
      .first();
    await eerste.click();
    await page.getByRole('heading', { level: 2, name: 'Wanneer' }).waitFor();
    const datum = await page.getByRole('region', { name: 'Wanneer' }).locator('time').first().getAttribute('datetime');
    expect(datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await axeFouten(page)).toEqual([]);

    const agendaLink = () => page.getByRole('link', { name: 'Zet in mijn agenda' });
    const feeds: [string, string | null][] = [[page.url(), await agendaLink().getAttribute('href')]];
    // The organisation of this activity, and the kern.
    await page
      .locator('p', { hasText: /^Door / })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 2, name: /^Activiteiten van/ }).waitFor();
    feeds.push([page.url(), await agendaLink().getAttribute('href')]);
    await page.goto(`${basis}/kernen/vriezenveen/`);
    feeds.push([page.url(), await agendaLink().getAttribute('href')]);
    for (const [waar, href] of feeds) {
      expect(String(href), waar).toMatch(/^\/agenda\/(aanbod|organisaties|kernen)\/[a-z0-9-]+\.ics$/);
      const antwoord = await fetch(`${basis}${href!}`);
      expect(antwoord.headers.get('content-type'), String(href)).toBe('text/calendar; charset=utf-8');
      const tekst = await antwoord.text();
      expect(tekst.startsWith('BEGIN:VCALENDAR\r\n'), String(href)).toBe(true);
      expect(datums(tekst, datum!).has(datum!), `${href} heeft ${datum}`).toBe(true);
    }
    expect(page.fouten).toEqual([]);
  });
});
