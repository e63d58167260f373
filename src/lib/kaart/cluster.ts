/**
 * Clustering of map markers in screen space. Our maps show tens of places, not thousands, so a
 * simple greedy pass is exact enough and, unlike a worker-based index, gives the same clusters
 * every time for the same view: markers keep their identity, and keyboard focus with them.
 */

export type Scherm = { x: number; y: number };

/** Greedy grouping: each item not yet placed starts a group and takes along what touches it. */
function groepeer(aantal: number, raakt: (eerste: number, ander: number) => boolean): number[][] {
  const groepen: number[][] = [];
  const ingedeeld = new Array<boolean>(aantal).fill(false);
  for (let i = 0; i < aantal; i++) {
    if (ingedeeld[i]) continue;
    const groep = [i];
    ingedeeld[i] = true;
    for (let j = i + 1; j < aantal; j++) {
      if (!ingedeeld[j] && raakt(i, j)) {
        groep.push(j);
        ingedeeld[j] = true;
      }
    }
    groepen.push(groep);
  }
  return groepen;
}

/**
 * Groups items whose screen positions lie within `straal` pixels of a group's first item.
 * Items are taken in the given order, so the result is deterministic. Returns index groups.
 */
export function clusterIndexen(posities: readonly Scherm[], straal: number): number[][] {
  const r2 = straal * straal;
  return groepeer(posities.length, (i, j) => (posities[j].x - posities[i].x) ** 2 + (posities[j].y - posities[i].y) ** 2 <= r2);
}

export type Vak = Scherm & { breedte: number; hoogte: number };

/**
 * The same grouping for labels of different sizes: items whose boxes (centred on their position)
 * overlap a group's first item, with `marge` pixels to spare, join that group.
 */
export function clusterVakken(vakken: readonly Vak[], marge = 4): number[][] {
  return groepeer(vakken.length, (i, j) => {
    const [a, b] = [vakken[i], vakken[j]];
    return (
      Math.abs(a.x - b.x) * 2 < a.breedte + b.breedte + 2 * marge && Math.abs(a.y - b.y) * 2 < a.hoogte + b.hoogte + 2 * marge
    );
  });
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
