import { describe, expect, it } from 'vitest';
import { exact } from './bescherm.ts';
import { beschrijving, geometrie } from './grafiek.ts';

describe('the one bar chart', () => {
  it('draws shown counts to scale, hidden ones as an outline up to 5 and "niet getoond" without a bar', () => {
    const { regels } = geometrie([
      { label: 'Een', cijfers: exact([20, 10]) },
      {
        label: 'Twee',
        cijfers: [
          { aantal: 3, toon: 'klein' },
          { aantal: 2, toon: 'verborgen' },
        ],
      },
    ]);
    const [een, twee] = regels;
    expect(een.staven.map((s) => s.breedte)).toEqual([300, 150]);
    expect(twee.staven[0]).toMatchObject({ breedte: 75, gestippeld: true, waarde: 'minder dan 5' });
    expect(twee.staven[1]).toMatchObject({ breedte: 0, gestippeld: false, waarde: 'niet getoond' });
    expect(twee.labelY).toBeGreaterThan(een.staven[1].y);
  });

  it('says every figure per series, with the short label when there is one', () => {
    const rijen = [
      { label: '4e kwartaal 2026', kort: 'K4 2026', cijfers: exact([1, 0]) },
      { label: '1e kwartaal 2027', kort: 'K1 2027', cijfers: [{ aantal: 7, toon: 'aanvullend' as const }, ...exact([2])] },
    ];
    expect(beschrijving(['Signalen', 'Aanbod ontbreekt'], rijen)).toBe(
      'Signalen: K4 2026 1, K1 2027 5 of meer. Aanbod ontbreekt: K4 2026 0, K1 2027 2',
    );
  });

  it('in per-cent mode draws shares against 100 % and says them as "87 %"', () => {
    const rijen = [
      { label: 'november 2026', cijfers: exact([50]) },
      { label: 'december 2026', cijfers: exact([100]) },
    ];
    const { regels } = geometrie(rijen, true);
    expect(regels.map((r) => r.staven[0].breedte)).toEqual([150, 300]);
    expect(regels[1].staven[0].waarde).toBe('100 %');
    expect(beschrijving(['Gecontroleerd'], rijen, true)).toBe('Gecontroleerd: november 2026 50 %, december 2026 100 %');
  });
});
