/** Distances for "dichtbij mij": plain functions, shared by the build and the browser. */

export type Punt = { lat: number; lon: number };

/** Mean earth radius (IUGG), in km. */
const AARDSTRAAL_KM = 6371.0088;

/** Great-circle distance (haversine) in km. */
export function afstandKm(a: Punt, b: Punt): number {
  const rad = (g: number) => (g * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * AARDSTRAAL_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const LOPEN_KM_PER_UUR = 5;
export const FIETSEN_KM_PER_UUR = 15;
/**
 * Roads are longer than the straight line we measure; in and between villages a route is
 * typically a quarter longer. Without it the walking times would promise too much.
 */
export const OMWEG = 1.25;
/** Beyond this we do not suggest walking. */
const MAX_LOPEN_KM = 6;

/** Minutes for a straight-line distance at a speed, rounded up (to 5 minutes above 10). */
export function reistijdMinuten(km: number, kmPerUur: number): number {
  const minuten = ((km * OMWEG) / kmPerUur) * 60;
  if (minuten <= 10) return Math.max(1, Math.ceil(minuten));
  return Math.ceil(minuten / 5) * 5;
}

const komma = (n: number, decimalen: number) => n.toFixed(decimalen).replace('.', ',');

/** "250 m", "1,2 km", "14 km". */
export function afstandTekst(km: number): string {
  if (km < 0.95) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`;
  if (km < 9.95) return `${komma(km, 1)} km`;
  return `${Math.round(km)} km`;
}

function duurTekst(minuten: number): string {
  if (minuten < 60) return `${minuten} ${minuten === 1 ? 'minuut' : 'minuten'}`;
  const uren = Math.floor(minuten / 60);
  const rest = minuten % 60;
  return rest === 0 ? `${uren} uur` : `${uren} uur en ${rest} minuten`;
}

/** "1,2 km, ongeveer 18 minuten lopen of 6 minuten fietsen". */
export function reisTekst(km: number): string {
  const fietsen = `${duurTekst(reistijdMinuten(km, FIETSEN_KM_PER_UUR))} fietsen`;
  if (km > MAX_LOPEN_KM) return `${afstandTekst(km)}, ongeveer ${fietsen}`;
  return `${afstandTekst(km)}, ongeveer ${duurTekst(reistijdMinuten(km, LOPEN_KM_PER_UUR))} lopen of ${fietsen}`;
}

export type MetAfstand<T> = { item: T; km?: number };

/**
 * Sorts by distance from `vanaf`, nearest first. Items without a location keep their order and
 * go last; equal distances keep their order (stable), so a list sorted by name stays readable.
 */
export function sorteerOpAfstand<T>(items: readonly T[], plek: (t: T) => Punt | undefined, vanaf: Punt): MetAfstand<T>[] {
  return items
    .map((item, i) => {
      const p = plek(item);
      return { item, i, km: p ? afstandKm(vanaf, p) : undefined };
    })
    .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.i - b.i)
    .map(({ item, km }) => ({ item, km }));
}
