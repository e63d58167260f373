import { describe, expect, it } from 'vitest';
import { Limiet } from './limiet.ts';
import { controleerPost, zetCharset } from './poort.ts';

const url = new URL('http://localhost:4321/partners/organisatie/1/');
const sessie = { id: 7, csrf: 'geheim-token-van-de-sessie' };

function post(velden: Record<string, string>, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request(url, {
    method,
    headers: { Origin: url.origin, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(velden).toString(),
  });
}

async function status(r: Awaited<ReturnType<typeof controleerPost>>): Promise<number | 'door'> {
  return r instanceof Response ? r.status : 'door';
}

describe('every portal post', () => {
  it('lets a logged-in post with the right CSRF token through, with its fields', async () => {
    const r = await controleerPost(post({ csrf: sessie.csrf, naam: 'Club' }), url, sessie, new Limiet(5, 60_000));
    expect(r instanceof Response).toBe(false);
    expect((r as { formulier: FormData }).formulier.get('naam')).toBe('Club');
  });

  it.each([
    ['missing', {}],
    ['wrong', { csrf: 'geraden' }],
    ['empty', { csrf: '' }],
    ['of another length', { csrf: `${sessie.csrf}x` }],
  ])('refuses a %s CSRF token with 403 and a Dutch message', async (_, velden) => {
    const r = await controleerPost(post(velden), url, sessie, new Limiet(5, 60_000));
    expect(await status(r)).toBe(403);
    expect(await (r as Response).text()).toMatch(/^Dit formulier is verlopen/);
    expect((r as Response).headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it.each([
    ['no Origin', { Origin: '' }],
    ['another site', { Origin: 'https://evil.example' }],
    ['another port', { Origin: 'http://localhost:4322' }],
    ['http for https', { Origin: 'https://localhost:4321' }],
    ['the string null', { Origin: 'null' }],
  ])('refuses a post from %s, also with a valid token and a non-form body', async (_, headers) => {
    for (const type of ['application/x-www-form-urlencoded', 'application/json']) {
      const verzoek = post({ csrf: sessie.csrf }, { ...headers, 'Content-Type': type });
      if (headers.Origin === '') verzoek.headers.delete('origin');
      expect(await status(await controleerPost(verzoek, url, sessie, new Limiet(5, 60_000))), type).toBe(403);
    }
  });

  it('refuses other methods from another site too, and lets GET through untouched', async () => {
    expect(
      await status(await controleerPost(post({}, { Origin: 'https://evil.example' }, 'PUT'), url, undefined, new Limiet(5, 1))),
    ).toBe(403);
    expect(await controleerPost(new Request(url), url, sessie, new Limiet(0, 1))).toEqual({});
  });

  it('answers 429 with Retry-After after the per-session limit, per session', async () => {
    const limiet = new Limiet(3, 60_000);
    const uitkomsten = [];
    for (let i = 0; i < 5; i++)
      uitkomsten.push(await status(await controleerPost(post({ csrf: sessie.csrf }), url, sessie, limiet)));
    expect(uitkomsten).toEqual(['door', 'door', 'door', 429, 429]);
    const r = await controleerPost(post({ csrf: sessie.csrf }), url, sessie, limiet);
    expect((r as Response).headers.get('retry-after')).toBe('60');
    const ander = { id: 8, csrf: 'ander' };
    expect(await status(await controleerPost(post({ csrf: 'ander' }), url, ander, limiet))).toBe('door');
  });

  it('lets a public form through without a token, also when the browser has a partner session; the Origin still counts', async () => {
    const open = new URL('http://localhost:4321/partners/klopt-er-iets-niet/');
    const verzoek = (origin: string) =>
      new Request(open, {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'soort=plek',
      });
    expect(await status(await controleerPost(verzoek(open.origin), open, sessie, new Limiet(5, 60_000)))).toBe('door');
    expect(await status(await controleerPost(verzoek('https://elders.example'), open, sessie, new Limiet(5, 60_000)))).toBe(403);
  });

  it('reads an anonymous post (the login form) without a token', async () => {
    expect(await status(await controleerPost(post({ email: 'a@b.example' }), url, undefined, new Limiet(0, 1)))).toBe('door');
  });

  it('answers 400 in Dutch for a body that is not a form', async () => {
    const r = await controleerPost(
      post({}, { 'Content-Type': 'multipart/form-data; boundary=kapot' }),
      url,
      sessie,
      new Limiet(5, 60_000),
    );
    expect(await status(r)).toBe(400);
    expect(await (r as Response).text()).toBe('Dit formulier kon niet worden gelezen.');
  });
});

describe('charset', () => {
  it.each([
    ['text/html', 'text/html; charset=utf-8'],
    ['text/html; charset=utf-8', 'text/html; charset=utf-8'],
    ['application/json', 'application/json; charset=utf-8'],
    ['image/png', 'image/png'],
  ])('%s becomes %s', (voor, na) => {
    const r = new Response('x', { headers: { 'Content-Type': voor } });
    zetCharset(r);
    expect(r.headers.get('content-type')).toBe(na);
  });
});
