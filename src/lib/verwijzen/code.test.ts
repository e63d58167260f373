import { describe, expect, it } from 'vitest';
import { CODE_ALFABET, leesCode, maakCode, toonCode } from './code.ts';

describe('reference code', () => {
  it('uses no characters that look alike', () => {
    for (const c of '0O1IL5S2Z8BGUV') expect(CODE_ALFABET, c).not.toContain(c);
    expect(new Set(CODE_ALFABET).size).toBe(CODE_ALFABET.length);
  });

  it('draws six characters from the whole alphabet', () => {
    const gezien = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = maakCode();
      expect(code).toMatch(new RegExp(`^[${CODE_ALFABET}]{6}$`));
      for (const c of code) gezien.add(c);
    }
    expect(gezien.size).toBe(CODE_ALFABET.length);
  });

  it('is shown in two groups and read back from how people type it', () => {
    expect(toonCode('K7FM3Q')).toBe('K7F-M3Q');
    expect(toonCode('K7FM3QAC')).toBe('K7FM-3QAC');
    for (const invoer of ['K7F-M3Q', 'k7f m3q', ' k7fm3q ', 'K7F–M3Q'.replace('–', '-'), 'k7f.m3q'])
      expect(leesCode(invoer), invoer).toBe('K7FM3Q');
    expect(leesCode('K7F-M3')).toBeUndefined();
    expect(leesCode('K7F-M3O')).toBeUndefined();
    expect(leesCode('')).toBeUndefined();
  });
});
