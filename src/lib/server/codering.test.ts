import { describe, expect, it } from 'vitest';
import { aanvaardtCodering } from './codering.ts';

describe('Accept-Encoding', () => {
  it.each([
    ['br, gzip', 'br', true],
    ['gzip, deflate, br', 'br', true],
    ['br;q=0, gzip', 'br', false],
    ['br; q=0', 'br', false],
    ['br;q=0.0', 'br', false],
    ['br;q=0.5', 'br', true],
    ['gzip', 'br', false],
    ['*', 'br', true],
    ['*;q=0', 'gzip', false],
    ['br;q=0, *', 'br', false],
    ['gzip;q=1, *;q=0', 'gzip', true],
    ['', 'gzip', false],
    ['xbr', 'br', false],
    ['BR', 'br', true],
  ])('%j accepts %s: %s', (accept, codering, verwacht) => {
    expect(aanvaardtCodering(accept, codering)).toBe(verwacht);
  });
});
