/**
 * Sliding-window rate limits kept in memory: the portal runs as one process, and a restart
 * forgetting the counts is harmless. The state is bounded: at most `maxSleutels` keys, least
 * recently used first out, and never more than `max` times per key.
 */
export class Limiet {
  private readonly treffers = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly vensterMs: number,
    readonly maxSleutels = 10_000,
  ) {}

  /** Counts an attempt; false when the key already used its allowance in the window. */
  magDoor(sleutel: string, nu = Date.now()): boolean {
    const grens = nu - this.vensterMs;
    const lijst = (this.treffers.get(sleutel) ?? []).filter((t) => t > grens);
    const door = lijst.length < this.max;
    if (door) lijst.push(nu);
    // Delete and set again: a Map iterates in insertion order, so the first key is the least recent.
    this.treffers.delete(sleutel);
    this.treffers.set(sleutel, lijst);
    if (this.treffers.size > this.maxSleutels) this.ruimOp(grens);
    return door;
  }

  get aantalSleutels(): number {
    return this.treffers.size;
  }

  /** Drops expired keys, then the least recently used down to 90 %, so a sweep is rare. */
  private ruimOp(grens: number) {
    for (const [k, v] of this.treffers) if (v.every((t) => t <= grens)) this.treffers.delete(k);
    const doel = Math.floor(this.maxSleutels * 0.9);
    for (const k of this.treffers.keys()) {
      if (this.treffers.size <= doel) break;
      this.treffers.delete(k);
    }
  }
}

const perMinuut = Number(process.env.SK_FORMULIER_LIMIET ?? 120);

/**
 * Login requests: per IP address and per e-mail address, 15-minute window. Over the IP limit the
 * page says "too often"; over the address limit it answers as always but sends no new mail (so
 * nobody can lock a partner out, and links already sent keep working). The browser tests
 * raise these (SK_LOGIN_LIMIET_IP, SK_LOGIN_LIMIET_EMAIL): dozens of test people log in from
 * one address there.
 */
export const loginPerIp = new Limiet(Number(process.env.SK_LOGIN_LIMIET_IP ?? 20), 15 * 60_000);
export const loginPerEmail = new Limiet(Number(process.env.SK_LOGIN_LIMIET_EMAIL ?? 5), 15 * 60_000);
/** Form posts per session (a person never comes close; a script does). */
export const formulierPerSessie = new Limiet(perMinuut, 60_000);
