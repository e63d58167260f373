import { defineMiddleware } from 'astro:middleware';
import { formulierPerSessie } from './lib/portaal/limiet.ts';
import { portaalDb, SESSIE_COOKIE } from './lib/portaal/omgeving.ts';
import { controleerPost, zetCharset } from './lib/portaal/poort.ts';
import { ruimVerlopenOp, verlopenSessie, vindSessie } from './lib/portaal/sessies.ts';

let laatsteOpruiming = 0;

/**
 * Portal requests only (the public site is static): find the session, check every post
 * (src/lib/portaal/poort.ts), and never let a portal page be cached.
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
  if (token && !sessie) {
    // A form sent just after the session ran out may be kept for that account (see vereisAccount).
    context.locals.verlopenAccountId = verlopenSessie(db, token);
    context.cookies.delete(SESSIE_COOKIE, { path: '/partners' });
  }
  context.locals.sessie = sessie;

  const post = await controleerPost(context.request, context.url, sessie, formulierPerSessie);
  if (post instanceof Response) return post;
  context.locals.formulier = post.formulier;
  const response = await next();
  response.headers.set('Cache-Control', 'no-store');
  zetCharset(response);
  return response;
});
