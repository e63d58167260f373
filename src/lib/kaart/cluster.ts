/**
 * Clustering of map markers in screen space. Our maps show tens of places, not thousands, so a
 * simple greedy pass is exact enough and, unlike a worker-based index, gives the same clusters
 * every time for the same view: markers keep their identity, and keyboard focus with them.
 */

export type Scherm = { x: number; y: number };

/**
 * Groups items whose screen positions lie within `straal` pixels of a group's first item.
 * Items are taken in the given order, so the result is deterministic. Returns index groups.
 */
export function clusterIndexen(posities: readonly Scherm[], straal: number): number[][] {
  const groepen: number[][] = [];
  const ingedeeld = new Array<boolean>(posities.length).fill(false);
  const r2 = straal * straal;
  for (let i = 0; i < posities.length; i++) {
    if (ingedeeld[i]) continue;
    const groep = [i];
    ingedeeld[i] = true;
    for (let j = i + 1; j < posities.length; j++) {
      if (ingedeeld[j]) continue;
      const dx = posities[j].x - posities[i].x;
      const dy = posities[j].y - posities[i].y;
      if (dx * dx + dy * dy <= r2) {
        groep.push(j);
        ingedeeld[j] = true;
      }
    }
    groepen.push(groep);
  }
  return groepen;
}

export type Vak = Scherm & { breedte: number; hoogte: number };

/**
 * The same greedy grouping for labels of different sizes: items whose boxes (centred on their
 * position) overlap a group's first item, with `marge` pixels to spare, join that group.
 */
export function clusterVakken(vakken: readonly Vak[], marge = 4): number[][] {
  const groepen: number[][] = [];
  const ingedeeld = new Array<boolean>(vakken.length).fill(false);
  for (let i = 0; i < vakken.length; i++) {
    if (ingedeeld[i]) continue;
    const groep = [i];
    ingedeeld[i] = true;
    for (let j = i + 1; j < vakken.length; j++) {
      if (ingedeeld[j]) continue;
      const a = vakken[i];
      const b = vakken[j];
      const raakt = Math.abs(a.x - b.x) * 2 < a.breedte + b.breedte + 2 * marge && Math.abs(a.y - b.y) * 2 < a.hoogte + b.hoogte + 2 * marge;
      if (raakt) {
        groep.push(j);
        ingedeeld[j] = true;
      }
    }
    groepen.push(groep);
  }
  return groepen;
}

/** Screen position of a group: the mean of its members, so the marker sits among them. */
export function midden(posities: readonly Scherm[], groep: readonly number[]): Scherm {
  let x = 0;
  let y = 0;
  for (const i of groep) {
    x += posities[i].x;
    y += posities[i].y;
  }
  return { x: x / groep.length, y: y / groep.length };
}

/** A stable key for a group, so an unchanged group keeps its marker element. */
export function groepSleutel(groep: readonly number[]): string {
  return [...groep].sort((a, b) => a - b).join('-');
}

export type Grenzen = { west: number; zuid: number; oost: number; noord: number };

/** Bounding box of points; undefined for none. */
export function grenzenVan(punten: readonly { lat: number; lon: number }[]): Grenzen | undefined {
  if (punten.length === 0) return undefined;
  let west = Infinity;
  let zuid = Infinity;
  let oost = -Infinity;
  let noord = -Infinity;
  for (const p of punten) {
    west = Math.min(west, p.lon);
    oost = Math.max(oost, p.lon);
    zuid = Math.min(zuid, p.lat);
    noord = Math.max(noord, p.lat);
  }
  return { west, zuid, oost, noord };
}
