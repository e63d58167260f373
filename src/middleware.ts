import { defineMiddleware } from 'astro:middleware';
import { gelijk } from './lib/portaal/geheim.ts';
import { formulierPerSessie } from './lib/portaal/limiet.ts';
import { portaalDb, SESSIE_COOKIE } from './lib/portaal/omgeving.ts';
import { ruimVerlopenOp, vindSessie } from './lib/portaal/sessies.ts';

let laatsteOpruiming = 0;

/**
 * Portal requests only (the public site is static): find the session, check the CSRF token of
 * every form post by a logged-in user, limit form posts, and never let a portal page be cached.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || !context.url.pathname.startsWith('/partners')) return next();
  const db = portaalDb();
  if (Date.now() - laatsteOpruiming > 3_600_000) {
    laatsteOpruiming = Date.now();
    ruimVerlopenOp(db);
  }
  const token = context.cookies.get(SESSIE_COOKIE)?.value;
  const sessie = token ? vindSessie(db, token) : undefined;
  if (token && !sessie) context.cookies.delete(SESSIE_COOKIE, { path: '/partners' });
  context.locals.sessie = sessie;

  if (context.request.method === 'POST') {
    let formulier: FormData;
    try {
      formulier = await context.request.formData();
    } catch {
      return new Response('Dit formulier kon niet worden gelezen.', { status: 400 });
    }
    context.locals.formulier = formulier;
    if (sessie) {
      if (!formulierPerSessie.magDoor(String(sessie.id))) {
        return new Response('U verstuurt te veel formulieren achter elkaar. Wacht een minuut en probeer het opnieuw.', {
          status: 429,
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60' },
        });
      }
      const csrf = formulier.get('csrf');
      if (typeof csrf !== 'string' || !gelijk(csrf, sessie.csrf)) {
        return new Response(
          'Dit formulier is verlopen of komt niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
          {
            status: 403,
            headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          },
        );
      }
    }
  }
  const response = await next();
  response.headers.set('Cache-Control', 'no-store');
  return response;
});
