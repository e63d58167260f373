import { describe, expect, it } from 'vitest';
import { zachteGrens } from './geheugen.ts';

const MB = 1024 * 1024;

/** A heap that grows by what is rendered and, collected, keeps only what stays live. */
function hoop() {
  const h = { gebruikt: 0, live: 0, collecties: 0 };
  return {
    h,
    opties: {
      gebruikt: () => h.gebruikt,
      gc: () => {
        h.collecties++;
        h.gebruikt = h.live;
      },
    },
  };
}

describe('zachteGrens', () => {
  it('collects in full once the heap passes the limit, and not before', () => {
    const { h, opties } = hoop();
    const grens = zachteGrens(256, opties);
    h.live = 100 * MB;
    h.gebruikt = 255 * MB;
    grens.controleer();
    expect(h.collecties).toBe(0);
    h.gebruikt = 257 * MB;
    grens.controleer();
    expect(h.collecties).toBe(1);
    expect(h.gebruikt).toBe(100 * MB);
  });

  it('raises the limit when more stays live than it allows, so a larger site never collects on every page', () => {
    const { h, opties } = hoop();
    const grens = zachteGrens(256, opties);
    h.live = 400 * MB;
    h.gebruikt = 410 * MB;
    grens.controleer();
    expect(h.collecties).toBe(1);
    // The limit is now 400 + 128 MB: the next pages do not collect again until that is passed.
    h.gebruikt = 520 * MB;
    grens.controleer();
    expect(h.collecties).toBe(1);
    h.gebruikt = 530 * MB;
    grens.controleer();
    expect(h.collecties).toBe(2);
  });

  it('does nothing in a process started without --expose-gc', () => {
    const grens = zachteGrens(1, { gebruikt: () => 10 * MB, gc: undefined });
    expect(() => grens.controleer()).not.toThrow();
    expect(grens.collecties).toBe(0);
  });
});
