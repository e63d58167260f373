import { describe, expect, it } from 'vitest';
import { zachteGrens } from './geheugen.ts';

const MB = 1024 * 1024;

/**
 * A heap that grows by what is rendered and, collected, keeps only what stays live. `na(mb)`: the
 * heap has reached `mb` MB; the limit is checked; how many full collections there were so far.
 */
function hoop(liveMb: number) {
  const h = { gebruikt: 0, live: liveMb * MB, collecties: 0, soorten: [] as string[] };
  const grens = zachteGrens(256, {
    gebruikt: () => h.gebruikt,
    gc: (soort) => {
      h.collecties++;
      h.soorten.push(soort);
      h.gebruikt = h.live;
    },
  });
  return {
    h,
    grens,
    na(mb: number) {
      h.gebruikt = mb * MB;
      grens.controleer();
      return h.collecties;
    },
  };
}

describe('zachteGrens', () => {
  it('collects in full once the heap passes the limit, and not before', () => {
    const { h, na } = hoop(100);
    expect(na(255)).toBe(0);
    expect(na(257)).toBe(1);
    expect(h.gebruikt).toBe(100 * MB);
  });

  it('raises the limit when more stays live than it allows, so a larger site never collects on every page', () => {
    const { na } = hoop(400);
    expect(na(410)).toBe(1);
    // The limit is now 400 + 128 MB: the next pages do not collect again until that is passed.
    expect(na(520)).toBe(1);
    expect(na(530)).toBe(2);
  });

  it('collects the regular way during the job and hands the memory back once at its end', () => {
    const { h, grens, na } = hoop(100);
    na(300);
    na(400);
    grens.geefTerug();
    expect(h.soorten).toEqual(['regular', 'regular', 'last-resort']);
  });

  it('hands back only what was collected since it last handed back', () => {
    const { h, grens, na } = hoop(100);
    na(300);
    grens.geefTerug();
    grens.geefTerug();
    na(200);
    grens.geefTerug();
    expect(h.soorten).toEqual(['regular', 'last-resort']);
  });

  it('hands nothing back after a job that never passed the limit (a publish)', () => {
    const { h, grens, na } = hoop(10);
    na(50);
    grens.geefTerug();
    expect(h.soorten).toEqual([]);
  });

  it('does nothing in a process started without --expose-gc', () => {
    const grens = zachteGrens(1, { gebruikt: () => 10 * MB, gc: undefined });
    expect(() => grens.controleer()).not.toThrow();
    expect(grens.collecties).toBe(0);
  });
});
