import { probleem, type Melding } from '../opendata/hsds/melding.ts';
import type { Bron, Gelezen } from './lezen.ts';

/**
 * Reading straight from an HSDS 3.0 API: `GET /services?page=N` until the last page (the page
 * object's `total_pages`), and for every service that the list gives without its organisation
 * nested, `GET /services/{id}` for the full record. Each page becomes one input text, so every
 * message names the page and the record (`/services?page=2:contents[3].organization.soort`).
 *
 * Guards: at most `MAX_PAGINAS` pages, the same size limit as files, a time limit per request,
 * and a page number that does not move on ends the loop.
 */

export const MAX_PAGINAS = 1000;
const PER_PAGINA = 100;
const TIJDSLIMIET_MS = 30_000;

type Pagina = { total_pages?: unknown; page_number?: unknown; contents?: unknown };

export function servicesUrl(basis: string): URL {
  const url = new URL(basis);
  if (!/\/services\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, '')}/services`;
  return url;
}

export async function leesApi(basis: string, opties: { maxMb: number; haal?: typeof fetch }): Promise<Gelezen> {
  const haal = opties.haal ?? fetch;
  const meldingen: Melding[] = [];
  const bronnen: Bron[] = [];
  let lijst: URL;
  try {
    lijst = servicesUrl(basis);
  } catch {
    return { bronnen, meldingen: [probleem({ bestand: basis }, 'Dit is geen volledig webadres (https://…).')] };
  }
  const grens = opties.maxMb * 1024 * 1024;
  let totaal = 0;

  async function json(url: URL, naam: string): Promise<unknown> {
    let antwoord: Response;
    try {
      antwoord = await haal(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIJDSLIMIET_MS) });
    } catch (e) {
      meldingen.push(probleem({ bestand: naam }, `De API is niet bereikbaar (${(e as Error).message}).`));
      return undefined;
    }
    if (!antwoord.ok) {
      meldingen.push(probleem({ bestand: naam }, `De API antwoordde met ${antwoord.status} ${antwoord.statusText}.`));
      return undefined;
    }
    const tekst = await antwoord.text();
    totaal += Buffer.byteLength(tekst);
    if (totaal > grens) {
      meldingen.push(
        probleem(
          { bestand: naam },
          `De API gaf meer dan ${opties.maxMb} MB. Is het echt zo veel? Geef dan --max-mb met een groter getal.`,
        ),
      );
      return undefined;
    }
    try {
      return JSON.parse(tekst);
    } catch (e) {
      meldingen.push(probleem({ bestand: naam }, `De API gaf geen geldige JSON: ${(e as Error).message}`));
      return undefined;
    }
  }

  let vorige: number | undefined;
  for (let pagina = 1; pagina <= MAX_PAGINAS; pagina++) {
    const url = new URL(lijst);
    url.searchParams.set('page', String(pagina));
    url.searchParams.set('per_page', String(PER_PAGINA));
    const naam = `${url.pathname}?page=${pagina}`;
    const data = (await json(url, naam)) as Pagina | undefined;
    if (data === undefined) return { soort: 'hsds-json', bronnen: [], meldingen };
    if (typeof data !== 'object' || data === null || !Array.isArray(data.contents)) {
      meldingen.push(probleem({ bestand: naam }, 'Dit is geen HSDS-pagina: er staat geen lijst "contents" in.'));
      return { soort: 'hsds-json', bronnen: [], meldingen };
    }
    const nummer = Number(data.page_number ?? pagina);
    if (vorige !== undefined && nummer === vorige) break;
    vorige = nummer;
    const contents: unknown[] = [];
    for (const item of data.contents) {
      const s = item as { id?: unknown; organization?: unknown };
      if (typeof s?.id === 'string' && (typeof s.organization !== 'object' || s.organization === null)) {
        const detail = new URL(`${lijst.pathname.replace(/\/$/, '')}/${encodeURIComponent(s.id)}`, lijst);
        const volledig = await json(detail, detail.pathname);
        if (volledig === undefined) return { soort: 'hsds-json', bronnen: [], meldingen };
        contents.push(volledig);
      } else contents.push(item);
    }
    bronnen.push({ naam, tekst: JSON.stringify({ ...data, contents }), tabel: 'service' });
    const laatste = Number(data.total_pages);
    if (data.contents.length === 0 || !Number.isFinite(laatste) || pagina >= laatste) break;
    if (pagina === MAX_PAGINAS)
      meldingen.push(probleem({ bestand: naam }, `Meer dan ${MAX_PAGINAS} pagina's; de rest is niet gelezen.`));
  }
  return { soort: 'hsds-json', bronnen, meldingen };
}
