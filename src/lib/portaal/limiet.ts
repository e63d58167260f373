/**
 * Sliding-window rate limits kept in memory: the portal runs as one process, and a restart
 * forgetting the counts is harmless.
 */
export class Limiet {
  private readonly treffers = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly vensterMs: number,
  ) {}

  /** Counts an attempt; false when the key already used its allowance in the window. */
  magDoor(sleutel: string, nu = Date.now()): boolean {
    const grens = nu - this.vensterMs;
    const lijst = (this.treffers.get(sleutel) ?? []).filter((t) => t > grens);
    if (lijst.length >= this.max) {
      this.treffers.set(sleutel, lijst);
      return false;
    }
    lijst.push(nu);
    this.treffers.set(sleutel, lijst);
    if (this.treffers.size > 10_000) this.ruimOp(grens);
    return true;
  }

  private ruimOp(grens: number) {
    for (const [k, v] of this.treffers) if (v.every((t) => t <= grens)) this.treffers.delete(k);
  }
}

const perMinuut = Number(process.env.SK_FORMULIER_LIMIET ?? 120);

/**
 * Login requests: per IP address and per e-mail address, 15-minute window. The browser tests
 * raise these (SK_LOGIN_LIMIET_IP, SK_LOGIN_LIMIET_EMAIL): dozens of test people log in from
 * one address there.
 */
export const loginPerIp = new Limiet(Number(process.env.SK_LOGIN_LIMIET_IP ?? 20), 15 * 60_000);
export const loginPerEmail = new Limiet(Number(process.env.SK_LOGIN_LIMIET_EMAIL ?? 5), 15 * 60_000);
/** Form posts per session (a person never comes close; a script does). */
export const formulierPerSessie = new Limiet(perMinuut, 60_000);
