import { describe, expect, it } from 'vitest';
import { MELDINGEN, melding } from './meldingen.ts';

describe('messages after a redirect', () => {
  it('use the gemeente’s own word for its local contact', () => {
    expect(melding('signaal-gemeld', { deOndersteuner: 'het Sterk Lokaal Team' })).toBe(
      'Uw signaal is opgeslagen. De partners in de kern en het Sterk Lokaal Team kunnen het nu lezen.',
    );
    expect(melding('signaal-gemeld', { deOndersteuner: 'de kernondersteuner' })).toContain('en de kernondersteuner kunnen');
  });

  it('never name the Twenterand role in their fixed text, and know no other keys', () => {
    expect(Object.values(MELDINGEN).filter((t) => /kernondersteuner/i.test(t))).toEqual([]);
    expect(melding('bestaat-niet', { deOndersteuner: 'x' })).toBeUndefined();
    expect(melding(null, { deOndersteuner: 'x' })).toBeUndefined();
  });
});
