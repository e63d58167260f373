import { describe, expect, it } from 'vitest';
import { afstandKm } from './afstand.ts';
import { isRdCoordinaat, rdNaarWgs84 } from './rd.ts';

/**
 * Reference points of the official RDNAPTRANS™ validation set (NSGI / Kadaster): RD x/y and
 * their ETRS89 latitude/longitude. ETRS89 and WGS84 differ by well under a metre here, so the
 * approximation must land within a metre or so of each point.
 */
const REFERENTIE = [
  { naam: 'Texel', x: 117380.12, y: 575040.34, lat: 53.160753042, lon: 4.824761912 },
  { naam: 'Noord-Groningen', x: 247380.56, y: 604580.78, lat: 53.41948205, lon: 6.776726674 },
  { naam: 'Amersfoort', x: 155000, y: 463000, lat: 52.155172897, lon: 5.387203657 },
  { naam: 'Zeeuws-Vlaanderen', x: 16460.91, y: 377380.23, lat: 51.368607152, lon: 3.397588595 },
  { naam: 'Zuid-Limburg', x: 182260.45, y: 311480.67, lat: 50.792584916, lon: 5.773795548 },
  { naam: 'Maasvlakte', x: 64640.89, y: 440700.01, lat: 51.947393898, lon: 4.072887101 },
];

describe('rdNaarWgs84', () => {
  it('maps the Amersfoort base point to its published WGS84 position', () => {
    const p = rdNaarWgs84(155000, 463000);
    expect(p.lat).toBeCloseTo(52.1551744, 8);
    expect(p.lon).toBeCloseTo(5.38720621, 8);
  });

  it.each(REFERENTIE)('lands within about a metre of the RDNAPTRANS reference point $naam', ({ x, y, lat, lon }) => {
    const meters = afstandKm(rdNaarWgs84(x, y), { lat, lon }) * 1000;
    expect(meters).toBeLessThan(1);
  });

  it('keeps the error small in Twenterand, where our data is', () => {
    // Around Vriezenveen, RD (241600, 490900): a kilometre in RD is a kilometre on the ground
    // (RD's scale error is at most 0.01 % there), in both directions.
    const a = rdNaarWgs84(241600, 490900);
    const b = rdNaarWgs84(242600, 490900);
    const c = rdNaarWgs84(241600, 491900);
    expect(afstandKm(a, b)).toBeCloseTo(1, 2);
    expect(afstandKm(a, c)).toBeCloseTo(1, 2);
    expect(a.lat).toBeGreaterThan(52.3);
    expect(a.lat).toBeLessThan(52.5);
    expect(a.lon).toBeGreaterThan(6.5);
    expect(a.lon).toBeLessThan(6.7);
  });

  it('refuses coordinates outside the RD area, with a message an importer can show', () => {
    expect(() => rdNaarWgs84(400000.23, 100000.45)).toThrow(RangeError);
    expect(() => rdNaarWgs84(463000, 155000)).toThrow(/geen RD-coördinaat/);
    expect(() => rdNaarWgs84(52.4, 6.6)).toThrow(RangeError);
    expect(() => rdNaarWgs84(Number.NaN, 463000)).toThrow(RangeError);
    expect(isRdCoordinaat(155000, 463000)).toBe(true);
    expect(isRdCoordinaat(-10000, 463000)).toBe(false);
  });
});
