/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The portal session of this request, set by src/middleware.ts on /partners/ routes. */
    sessie?: import('./lib/portaal/sessies.ts').ActieveSessie;
    /** The posted form, read once by the middleware (the request body can be read only once). */
    formulier?: FormData;
    /** The account whose session cookie this was, when it expired less than a day ago. */
    verlopenAccountId?: number;
  }
}
