import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nieuwePagina, startBrowser } from './browser.ts';

const basis = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(() => browser?.close());

const MM = 72 / 25.4;

/** Words with their boxes on each PDF page, from poppler's pdftotext. */
function woorden(pdf: string): { pagina: number; breedte: number; xMin: number; xMax: number; tekst: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const uit: { pagina: number; breedte: number; xMin: number; xMax: number; tekst: string }[] = [];
  let pagina = 0;
  let breedte = 0;
  for (const regel of html.split('\n')) {
    const p = regel.match(/<page width="([\d.]+)"/);
    if (p) {
      pagina++;
      breedte = Number(p[1]);
    }
    const w = regel.match(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/);
    if (w) uit.push({ pagina, breedte, xMin: Number(w[1]), xMax: Number(w[2]), tekst: w[3] });
  }
  return uit;
}

describe('print view of a kern page', () => {
  it('prints as A4 without navigation, with phone numbers and addresses in full and no text cut off', async () => {
    const page = await nieuwePagina(browser);
    await page.goto(`${basis}/kernen/vriezenveen/`);
    const telefoons = await page.locator('main a[href^="tel:"]').allTextContents();
    expect(telefoons.length).toBeGreaterThan(10);
    mkdirSync('test-results/print', { recursive: true });
    const pdf = 'test-results/print/kern-vriezenveen.pdf';
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');

    const tekst = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(tekst).toContain('Vriezenveen');
    expect(tekst).toMatch(/Uw kernondersteuner: /);
    for (const nummer of new Set(telefoons)) expect(tekst.replace(/\s+/g, ' '), nummer).toContain(nummer);
    expect(tekst, 'geen menu op papier').not.toContain('Organisaties A-Z');
    expect(tekst, 'geen zoekvak op papier').not.toContain('Zoeken in Vriezenveen');
    expect(tekst, 'adres van de site staat erop').toContain('/kernen/vriezenveen/');

    const alle = woorden(pdf);
    expect(alle.length).toBeGreaterThan(500);
    const marge = 12 * MM - 2;
    const buiten = alle.filter((w) => w.xMin < marge || w.xMax > w.breedte - marge);
    expect(buiten.map((w) => `p${w.pagina}: "${w.tekst}" ${w.xMin.toFixed(0)}–${w.xMax.toFixed(0)}`)).toEqual([]);
  });
});

describe('open data and sitemap', () => {
  it('offers JSON and Excel-safe CSV of everything published, and a sitemap of every page', async () => {
    const json = (await (await fetch(`${basis}/open-data/sociale-kaart.json`)).json()) as {
      organisaties: { slug: string }[];
      activiteiten: { slug: string; rooster: unknown }[];
    };
    expect(json.organisaties.length).toBeGreaterThanOrEqual(150);
    expect(json.activiteiten.length).toBeGreaterThanOrEqual(300);
    expect(json.activiteiten[0].rooster).toBeTypeOf('object');

    const csv = await (await fetch(`${basis}/open-data/activiteiten.csv`)).text();
    const regels = csv.trim().split('\r\n');
    expect(regels[0]).toMatch(/^id;slug;titel;omschrijving;/);
    expect(regels.length).toBe(json.activiteiten.length + 1);

    const sitemap = await (await fetch(`${basis}/sitemap.xml`)).text();
    for (const o of json.organisaties.slice(0, 20)) expect(sitemap).toContain(`/organisaties/${o.slug}/</loc>`);
    expect(sitemap).toContain('/kernen/bruinehaar/</loc>');
    const robots = await (await fetch(`${basis}/robots.txt`)).text();
    expect(robots).toContain('Disallow: /partners/');
  });
});
