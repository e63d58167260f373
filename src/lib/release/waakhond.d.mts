/** See waakhond.mjs: the test-only pause of a build step. */
export function pauzeerAlsGevraagd(stap: string | undefined): Promise<void>;
