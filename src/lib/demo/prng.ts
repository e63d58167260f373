/**
 * Small seeded random generator for the demo data. Math.random would make every build
 * different; the demo must be the same on every machine so that tests and screenshots agree.
 */

/** FNV-1a: turns a text key into a 32-bit seed. */
export function hashTekst(tekst: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tekst.length; i++) {
    h ^= tekst.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for picking names and days. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Toeval {
  private readonly volgende: () => number;

  constructor(seed: number) {
    this.volgende = mulberry32(seed);
  }

  /** A number in [0, 1). */
  getal(): number {
    return this.volgende();
  }

  /** A whole number from min up to and including max. */
  tussen(min: number, max: number): number {
    return min + Math.floor(this.volgende() * (max - min + 1));
  }

  kans(p: number): boolean {
    return this.volgende() < p;
  }

  kies<T>(lijst: readonly T[]): T {
    if (lijst.length === 0) throw new Error('kies() uit een lege lijst');
    return lijst[Math.floor(this.volgende() * lijst.length)];
  }

  schud<T>(lijst: readonly T[]): T[] {
    const uit = [...lijst];
    for (let i = uit.length - 1; i > 0; i--) {
      const j = Math.floor(this.volgende() * (i + 1));
      [uit[i], uit[j]] = [uit[j], uit[i]];
    }
    return uit;
  }
}

/**
 * A separate stream per item (organisation, activity, …), so that adding one template to the
 * YAML does not reshuffle every name and day in the rest of the data set.
 */
export function toevalVoor(basis: string, ...sleutel: string[]): Toeval {
  return new Toeval(hashTekst([basis, ...sleutel].join('|')));
}
