import { describe, expect, it } from 'vitest';
import { afstand } from './tekst.ts';
import { maxAfstand } from './vraag.ts';
import { langsWeglatingen, nabijheid, vormHash } from './weglatingen.ts';

/** The forms as strings, built the plain way: every way to drop up to n letters, keeping at least 3. */
function vormen(w: string, n: number): Set<string> {
  const uit = new Set([w]);
  let rand = [w];
  for (let stap = 0; stap < n; stap++) {
    rand = rand.filter((v) => v.length > 3).flatMap((v) => Array.from(v, (_, i) => v.slice(0, i) + v.slice(i + 1)));
    for (const v of rand) uit.add(v);
  }
  return uit;
}

function hashes(w: string, n: 1 | 2): Set<number> {
  const uit = new Set<number>();
  langsWeglatingen(w, n, (h) => {
    uit.add(h);
    return false;
  });
  return uit;
}

describe('deletion forms as hashes', () => {
  // Repeated letters, the shortest words and a word longer than the table of powers (64).
  const woorden = ['bouw', 'koffie', 'kinderen', 'aaaaa', 'abc', 'zwemmen', 'mantelzorgcafe', 'x'.repeat(70) + 'yz'];
  it.each(woorden.flatMap((w) => [1, 2].map((n) => [w, n] as [string, 1 | 2])))(
    '"%s" with %i letters dropped gives the hash of every form and no other',
    (w, n) => {
      expect(hashes(w, n)).toEqual(new Set([...vormen(w, n)].map(vormHash)));
    },
  );

  it('stops as soon as the caller has found what it looks for', () => {
    let gevraagd = 0;
    const doel = vormHash('kofie');
    expect(langsWeglatingen('koffie', 2, (h) => ++gevraagd > 0 && h === doel)).toBe(true);
    expect(gevraagd).toBeLessThan(hashes('koffie', 2).size);
    expect(langsWeglatingen('koffie', 2, () => false)).toBe(false);
  });
});

describe('nabijheid finds what comparing with every word finds', () => {
  const site = ['koffie', 'bouw', 'hulp', 'wandelen', 'schulden', 'kinderen', 'ochtend', 'eet', 'zwemles'];
  const getypt = [
    'kofie',
    'koffer',
    'rouw',
    'bouwen',
    'hlup',
    'wandelde',
    'schuldne',
    'kindderen',
    'ochtnd',
    'eten',
    'zwemmen',
    'olifant',
    'huls',
    'bo',
  ];
  it.each(getypt)('"%s"', (w) => {
    const brute = site.some(
      (k) => k.length >= 3 && Math.abs(k.length - w.length) <= maxAfstand(w) && afstand(w, k, maxAfstand(w)) <= maxAfstand(w),
    );
    expect(nabijheid(site)(w)).toBe(brute);
  });
});
