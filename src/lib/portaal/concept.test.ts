import { describe, expect, it } from 'vitest';
import { conceptVelden, leesConcept, perNaam, verschilt } from './concept.ts';

describe('unsent input kept in the browser', () => {
  it('keeps every field but the CSRF token and the pressed button', () => {
    expect(
      conceptVelden([
        ['csrf', 'geheim'],
        ['actie', 'opslaan'],
        ['titel', 'Bridge'],
        ['themas', 'a'],
        ['themas', 'b'],
      ]),
    ).toEqual([
      ['titel', 'Bridge'],
      ['themas', 'a'],
      ['themas', 'b'],
    ]);
  });

  it('offers input only when it differs from the form, ignoring the hidden basis and line endings', () => {
    expect(verschilt([['omschrijving', 'a\r\nb']], [['omschrijving', 'a\nb']])).toBe(false);
    expect(
      verschilt(
        [
          ['basis.versie', '1'],
          ['titel', 'x'],
        ],
        [
          ['basis.versie', '2'],
          ['titel', 'x'],
        ],
      ),
    ).toBe(false);
    expect(verschilt([['titel', 'x']], [['titel', 'y']])).toBe(true);
  });

  it('reads only a well-formed concept', () => {
    expect(leesConcept(null)).toBeUndefined();
    expect(leesConcept('{kapot')).toBeUndefined();
    expect(leesConcept('{"opgeslagenOp":"2026-12-02T10:00:00Z","velden":[["a",1]]}')).toBeUndefined();
    expect(leesConcept('{"opgeslagenOp":"2026-12-02T10:00:00Z","velden":[["a","1"]]}')?.velden).toEqual([['a', '1']]);
    expect(
      perNaam([
        ['a', '1'],
        ['b', '2'],
        ['a', '3'],
      ]).get('a'),
    ).toEqual(['1', '3']);
  });
});
