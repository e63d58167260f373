/**
 * One small-number rule for every figure that may leave the kern (signalen and verwijzen, on the
 * page, in the chart and in the CSV). README, "Cijfers die de kern verlaten".
 *
 * The figures of one page about one set of records come as tables; every table splits the same
 * records (a total is a table of one cell). So all tables add up to the same, possibly unknown,
 * total T. A reader who adds and subtracts the published figures can narrow a hidden cell down;
 * the rule hides more cells (secondary suppression) until no hidden cell can be narrowed to fewer
 * values than "1 to 4" already says.
 */

export const GRENS = 5;

/** getal: shown; klein: 1..4, "minder dan 5"; aanvullend: hidden to protect a small one, 5 or more; verborgen: nothing said. */
export type Toon = 'getal' | 'klein' | 'aanvullend' | 'verborgen';
export type Cijfer = { aantal: number; toon: Toon };
/** A count, and whether this viewer may see it exactly (about their own kern only). */
export type Invoer = { aantal: number; exact: boolean };

/** The smallest width a hidden cell's range may keep: that of 1..4. */
const BREEDTE = GRENS - 2;

export function cijferTekst(c: Cijfer): string {
  if (c.toon === 'klein') return `minder dan ${GRENS}`;
  if (c.toon === 'aanvullend') return `${GRENS} of meer`;
  if (c.toon === 'verborgen') return 'niet getoond';
  return String(c.aantal);
}

/** What a reader knows of a cell from how it is shown. */
export function grenzenVan(c: Cijfer): [number, number] {
  if (c.toon === 'klein') return [1, GRENS - 1];
  if (c.toon === 'aanvullend') return [GRENS, Number.POSITIVE_INFINITY];
  if (c.toon === 'verborgen') return [0, Number.POSITIVE_INFINITY];
  return [c.aantal, c.aantal];
}

export const isVerborgen = (c: Cijfer) => c.toon !== 'getal';

/** The same counts, all exact (a figure about the viewer's own kern only). */
export const exact = (aantallen: number[]): Cijfer[] => aantallen.map((aantal) => ({ aantal, toon: 'getal' }));

type Som = { vast: number; min: number; max: number; open: number };

function som(cellen: Cijfer[]): Som {
  const s: Som = { vast: 0, min: 0, max: 0, open: 0 };
  for (const c of cellen) {
    if (!isVerborgen(c)) s.vast += c.aantal;
    else {
      const [lo, hi] = grenzenVan(c);
      s.min += lo;
      if (hi === Number.POSITIVE_INFINITY) s.open++;
      else s.max += hi;
    }
  }
  return s;
}

const bovenSom = (s: Som) => (s.open > 0 ? Number.POSITIVE_INFINITY : s.max);

/**
 * The range a reader can derive for every hidden cell. Exact, because any set of per-table counts
 * with the same total can be realised by some records (one-way margins of a table of counts), so
 * the tables only meet in T.
 */
export function bereiken(tabellen: Cijfer[][]): ([number, number] | undefined)[][] {
  const sommen = tabellen.map(som);
  const tMin = Math.max(0, ...sommen.map((s) => s.vast + s.min));
  const tMax = Math.min(...sommen.map((s) => s.vast + bovenSom(s)));
  return tabellen.map((tabel, i) =>
    tabel.map((c) => {
      if (!isVerborgen(c)) return undefined;
      const [lo, hi] = grenzenVan(c);
      const s = sommen[i];
      const restMin = s.min - lo;
      const restMax = hi === Number.POSITIVE_INFINITY ? (s.open > 1 ? Number.POSITIVE_INFINITY : s.max) : bovenSom(s) - hi;
      return [Math.max(lo, tMin - s.vast - restMax), Math.min(hi, tMax - s.vast - restMin)];
    }),
  );
}

/** Cells whose range is narrower than 1..4 allows. */
export function zwakke(tabellen: Cijfer[][]): number {
  return bereiken(tabellen)
    .flat()
    .filter((b) => b !== undefined && b[1] - b[0] < BREEDTE).length;
}

const verberg = (c: Cijfer): Cijfer => ({ aantal: c.aantal, toon: c.aantal < GRENS ? 'klein' : 'aanvullend' });

/**
 * The rule: small counts that are not exact read "minder dan 5"; then, as long as some hidden
 * cell can be narrowed down, the shown cell whose hiding leaves fewest weak cells (the smallest
 * on a tie) is hidden too. When nothing is left to hide, every cell of the tables with more than
 * one row says "niet getoond"; a total stays when it is safe. Zeros stay: there is nobody to protect.
 */
export function bescherm(invoer: Invoer[][]): Cijfer[][] {
  let t: Cijfer[][] = invoer.map((tabel) =>
    tabel.map(({ aantal, exact }) => ({ aantal, toon: !exact && aantal > 0 && aantal < GRENS ? 'klein' : 'getal' })),
  );
  while (zwakke(t) > 0) {
    let beste: { t: Cijfer[][]; score: number[] } | undefined;
    for (const [i, j] of kandidaten(t, invoer)) {
      const proef = t.map((r, a) => (a === i ? r.map((x, b) => (b === j ? verberg(x) : x)) : r));
      // Fewest weak cells left; then keep what the viewer may see exactly; then the smallest.
      const score = [zwakke(proef), invoer[i][j].exact ? 1 : 0, t[i][j].aantal];
      if (!beste || eerder(score, beste.score)) beste = { t: proef, score };
    }
    if (!beste) return allesVerbergen(t);
    t = beste.t;
  }
  return t;
}

/** Shown non-zero cells; within a table, cells with the same count would score the same, so one each. */
function kandidaten(t: Cijfer[][], invoer: Invoer[][]): [number, number][] {
  const uit: [number, number][] = [];
  t.forEach((tabel, i) => {
    const gezien = new Set<string>();
    tabel.forEach((c, j) => {
      const soort = `${c.aantal}|${invoer[i][j].exact}`;
      if (isVerborgen(c) || c.aantal === 0 || gezien.has(soort)) return;
      gezien.add(soort);
      uit.push([i, j]);
    });
  });
  return uit;
}

const eerder = (a: number[], b: number[]) => {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i] < b[i];
};

function allesVerbergen(t: Cijfer[][]): Cijfer[][] {
  const zonderTotaal = t.map((tabel) =>
    tabel.length > 1 ? tabel.map((c) => ({ aantal: c.aantal, toon: 'verborgen' as const })) : tabel,
  );
  return zwakke(zonderTotaal) === 0
    ? zonderTotaal
    : t.map((tabel) => tabel.map((c) => ({ aantal: c.aantal, toon: 'verborgen' as const })));
}
