import { describe, expect, it } from 'vitest';
import { clusterIndexen, clusterVakken, grenzenVan, groepSleutel, midden } from './cluster.ts';

describe('clusterIndexen', () => {
  it('groups markers that are close on screen and leaves the rest alone', () => {
    const posities = [
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 200, y: 0 },
      { x: 30, y: 0 },
      { x: 205, y: 3 },
      { x: 400, y: 400 },
    ];
    expect(clusterIndexen(posities, 36)).toEqual([[0, 1, 3], [2, 4], [5]]);
  });

  it('gives every marker its own group when zoomed in far enough', () => {
    const posities = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ];
    expect(clusterIndexen(posities, 36)).toEqual([[0], [1], [2]]);
  });

  it('keeps places at the very same spot together at any zoom', () => {
    expect(
      clusterIndexen(
        [
          { x: 5, y: 5 },
          { x: 5, y: 5 },
        ],
        0,
      ),
    ).toEqual([[0, 1]]);
  });

  it('measures the radius as a circle, not a square', () => {
    expect(
      clusterIndexen(
        [
          { x: 0, y: 0 },
          { x: 30, y: 30 },
        ],
        36,
      ),
    ).toEqual([[0], [1]]);
    expect(
      clusterIndexen(
        [
          { x: 0, y: 0 },
          { x: 25, y: 25 },
        ],
        36,
      ),
    ).toEqual([[0, 1]]);
  });

  it('is deterministic and handles no markers', () => {
    const posities = Array.from({ length: 50 }, (_, i) => ({ x: (i * 37) % 300, y: (i * 53) % 200 }));
    expect(clusterIndexen(posities, 40)).toEqual(clusterIndexen(posities, 40));
    expect(
      clusterIndexen(posities, 40)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual(posities.map((_, i) => i));
    expect(clusterIndexen([], 40)).toEqual([]);
  });
});

describe('clusterVakken', () => {
  it('groups labels whose boxes overlap, taking their width into account', () => {
    const vakken = [
      { x: 100, y: 100, breedte: 120, hoogte: 24 },
      { x: 200, y: 110, breedte: 80, hoogte: 24 },
      { x: 100, y: 140, breedte: 120, hoogte: 24 },
      { x: 400, y: 100, breedte: 40, hoogte: 24 },
    ];
    // 0 and 1: 100 apart, half-widths 60 + 40 + margin → overlap; 2 is 40 below 0: clear of it.
    expect(clusterVakken(vakken)).toEqual([[0, 1], [2], [3]]);
    expect(clusterVakken(vakken, 20)).toEqual([[0, 1, 2], [3]]);
    expect(
      clusterVakken([
        { ...vakken[0], breedte: 40 },
        { ...vakken[1], breedte: 40 },
      ]),
    ).toEqual([[0], [1]]);
  });
});

describe('helpers', () => {
  it('places a group in the middle of its members', () => {
    expect(
      midden(
        [
          { x: 0, y: 0 },
          { x: 9, y: 9 },
          { x: 10, y: 20 },
        ],
        [0, 2],
      ),
    ).toEqual({ x: 5, y: 10 });
  });

  it('gives a group the same key whatever the order', () => {
    expect(groepSleutel([3, 1, 2])).toBe(groepSleutel([1, 2, 3]));
    expect(groepSleutel([1, 2])).not.toBe(groepSleutel([1, 2, 3]));
  });

  it('computes bounds', () => {
    expect(
      grenzenVan([
        { lat: 52.4, lon: 6.6 },
        { lat: 52.5, lon: 6.5 },
      ]),
    ).toEqual({ west: 6.5, zuid: 52.4, oost: 6.6, noord: 52.5 });
    expect(grenzenVan([])).toBeUndefined();
  });
});
