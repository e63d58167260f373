import { gelijk } from './geheim.ts';
import type { Limiet } from './limiet.ts';

/**
 * The checks every portal post passes before a page sees it, kept out of src/middleware.ts so
 * they are unit-tested: the Origin is our own, the body is a form, a logged-in user's post
 * carries the session's CSRF token and stays under the per-session limit.
 */

const VEILIG = ['GET', 'HEAD', 'OPTIONS'];

function tekst(status: number, bericht: string, extra: Record<string, string> = {}): Response {
  return new Response(bericht, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}

export type PoortSessie = { id: number; csrf: string };

/**
 * Forms on the static public site that post to the server (no session, no CSRF token possible).
 * Their pages never use the session, so a partner's cookie does not make the post fail.
 */
export const OPEN_FORMULIEREN = new Set(['/partners/klopt-er-iets-niet']);

/** The posted form, or the answer that refuses it. */
export async function controleerPost(
  request: Request,
  url: URL,
  sessie: PoortSessie | undefined,
  perSessie: Limiet,
): Promise<{ formulier?: FormData } | Response> {
  if (VEILIG.includes(request.method)) return {};
  // Astro checks this too for form content types; this holds for every type and every method.
  if (request.headers.get('origin') !== url.origin) {
    return tekst(403, 'Dit formulier komt niet van deze site. Open de pagina opnieuw via het partnerportaal.');
  }
  let formulier: FormData;
  try {
    formulier = await request.formData();
  } catch {
    return tekst(400, 'Dit formulier kon niet worden gelezen.');
  }
  if (sessie && !OPEN_FORMULIEREN.has(url.pathname.replace(/\/$/, ''))) {
    if (!perSessie.magDoor(String(sessie.id))) {
      return tekst(429, 'U verstuurt te veel formulieren achter elkaar. Wacht een minuut en probeer het opnieuw.', {
        'Retry-After': '60',
      });
    }
    const csrf = formulier.get('csrf');
    if (typeof csrf !== 'string' || !gelijk(csrf, sessie.csrf)) {
      return tekst(
        403,
        'Dit formulier is verlopen of komt niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
      );
    }
  }
  return { formulier };
}

/** Astro sends `text/html` without a charset; every text answer says UTF-8. */
export function zetCharset(response: Response): void {
  const type = response.headers.get('content-type');
  if (type && /^text\/|^application\/(json|xml)/i.test(type) && !/charset=/i.test(type)) {
    response.headers.set('content-type', `${type}; charset=utf-8`);
  }
}
