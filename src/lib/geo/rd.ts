/**
 * Rijksdriehoeksmeting (RD, EPSG:28992) to WGS84, for data that arrives in RD (BAG exports,
 * gemeente GIS files). We store WGS84 only.
 *
 * This is the published approximation by Ing. F.H. Schreutelaar and G.L. Strang van Hees
 * ("Benaderingsformules voor de transformatie tussen RD- en WGS84-kaartcoördinaten"), used by
 * many Dutch tools. Within the Netherlands it stays within about a metre of the official
 * RDNAPTRANS™ procedure, which is plenty for a map of dorpshuizen and needs no grid files.
 */

/** The base point: the Onze Lieve Vrouwetoren in Amersfoort. */
const X0 = 155_000;
const Y0 = 463_000;
const LAT0 = 52.1551744;
const LON0 = 5.38720621;

/** [power of dX, power of dY, coefficient in arc seconds]. */
const K: [number, number, number][] = [
  [0, 1, 3235.65389],
  [2, 0, -32.58297],
  [0, 2, -0.2475],
  [2, 1, -0.84978],
  [0, 3, -0.0655],
  [2, 2, -0.01709],
  [1, 0, -0.00738],
  [4, 0, 0.0053],
  [2, 3, -0.00039],
  [4, 1, 0.00033],
  [1, 1, -0.00012],
];

const L: [number, number, number][] = [
  [1, 0, 5260.52916],
  [1, 1, 105.94684],
  [1, 2, 2.45656],
  [3, 0, -0.81885],
  [1, 3, 0.05594],
  [3, 1, -0.05607],
  [0, 1, 0.01199],
  [3, 2, -0.00256],
  [1, 4, 0.00128],
  [0, 2, 0.00022],
  [2, 0, -0.00022],
  [5, 0, 0.00026],
];

/**
 * The area where RD coordinates are defined (the Netherlands with a margin). Outside it the
 * polynomial drifts off quickly, so a value there is almost always a mistake in the source
 * (swapped x and y, lat/lon mistaken for RD, or millimetres instead of metres).
 */
export const RD_GEBIED = { xMin: -7_000, xMax: 300_000, yMin: 289_000, yMax: 629_000 } as const;

export function isRdCoordinaat(x: number, y: number): boolean {
  return (
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    x >= RD_GEBIED.xMin &&
    x <= RD_GEBIED.xMax &&
    y >= RD_GEBIED.yMin &&
    y <= RD_GEBIED.yMax
  );
}

function som(termen: [number, number, number][], dX: number, dY: number): number {
  let s = 0;
  for (const [p, q, c] of termen) s += c * dX ** p * dY ** q;
  return s;
}

/**
 * RD x/y in metres → WGS84 latitude/longitude in degrees. Throws a RangeError (with a message
 * an importer can show) for coordinates outside the RD area.
 */
export function rdNaarWgs84(x: number, y: number): { lat: number; lon: number } {
  if (!isRdCoordinaat(x, y)) {
    throw new RangeError(
      `(${x}, ${y}) is geen RD-coördinaat in Nederland: x moet tussen ${RD_GEBIED.xMin} en ${RD_GEBIED.xMax} liggen en y tussen ${RD_GEBIED.yMin} en ${RD_GEBIED.yMax} (in meters)`,
    );
  }
  const dX = (x - X0) * 1e-5;
  const dY = (y - Y0) * 1e-5;
  return { lat: LAT0 + som(K, dX, dY) / 3600, lon: LON0 + som(L, dX, dY) / 3600 };
}
