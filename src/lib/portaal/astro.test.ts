import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from './accounts.ts';
import { portaalPagina } from './astro.ts';

// vereisAccount opens the portal database; give it a fresh one, never the data folder's.
const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-astro-'));
const g = globalThis as typeof globalThis & { __socialeKaart?: object };
beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, 'db.sqlite');
});
afterAll(() => {
  delete g.__socialeKaart;
  delete process.env.DATABASE_PATH;
  rmSync(dir, { recursive: true, force: true });
});

const partner: Account = {
  id: 7,
  email: 'p@voorbeeld.example',
  naam: 'P',
  beheerder: false,
  actief: true,
  organisaties: [1],
  kernen: [],
};
const organisaties = new Map([
  [1, { id: 1, naam: 'Eigen' }],
  [2, { id: 2, naam: 'Andere' }],
]);

/** The part of Astro's page object the preamble uses, for a GET of `/partners/organisaties/<id>/`. */
function pagina(id: string, ingelogd = true) {
  const url = new URL(`http://localhost/partners/organisaties/${id}/`);
  return {
    locals: ingelogd ? { sessie: { id: 1, account: partner, csrf: 'c', verlooptOp: '' } } : {},
    url,
    request: new Request(url),
    cookies: {},
    redirect: (naar: string) => new Response(null, { status: 302, headers: { location: naar } }),
    params: { id },
    response: { status: 200 },
  };
}

const regels = {
  laad: (_: unknown, id: number) => organisaties.get(id),
  mag: ({ account }: { account: Account }, org: { id: number }) => account.organisaties.includes(org.id),
  nieuw: () => ({ id: 0, naam: 'Nieuw' }),
};

describe('portaalPagina, the preamble of a page about one record', () => {
  it('sends someone who is not logged in to the login page, coming back here', () => {
    const uit = portaalPagina(pagina('1', false) as never, regels);
    expect(uit).toBeInstanceOf(Response);
    expect((uit as Response).headers.get('location')).toBe('/partners/inloggen/?terug=%2Fpartners%2Forganisaties%2F1%2F');
  });

  it('hands over the record when the account may see it', () => {
    const astro = pagina('1');
    const uit = portaalPagina(astro as never, regels);
    expect(uit).toMatchObject({ toegang: true, item: { naam: 'Eigen' }, account: partner, csrf: 'c' });
    expect(astro.response.status).toBe(200);
  });

  it.each([
    ['a record of someone else', '2'],
    ['a record that does not exist', '99'],
    ['an id that is not a number', 'abc'],
    ['an id that is too large', '9007199254740993'],
  ])('answers 403 without the record for %s', (_, id) => {
    const astro = pagina(id);
    const uit = portaalPagina(astro as never, regels);
    expect(uit).toMatchObject({ toegang: false, item: undefined });
    expect(astro.response.status).toBe(403);
  });

  it('loads what a page at …/nieuw is about only when the page says how', () => {
    expect(portaalPagina(pagina('nieuw') as never, regels)).toMatchObject({ toegang: false });
    expect(portaalPagina(pagina('nieuw') as never, { ...regels, mag: () => true })).toMatchObject({
      toegang: true,
      item: { naam: 'Nieuw' },
    });
    const { nieuw: _, ...zonder } = regels;
    expect(portaalPagina(pagina('nieuw') as never, { ...zonder, mag: () => true })).toMatchObject({ toegang: false });
  });
});
