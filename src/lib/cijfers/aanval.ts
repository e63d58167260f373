import { type Cijfer, GRENS, grenzenVan, isVerborgen } from './bescherm.ts';

/**
 * The attacker of the small-number rule, for tests: given the records as counts per smallest cell
 * ("atoms", e.g. kern × thema × kwartaal) and the published figures (each a sum over some atoms,
 * shown as a number, "minder dan 5", "5 of meer" or "niet getoond"), it bounds every hidden
 * figure by linear programming over all published sums. It knows nothing of bescherm.ts.
 */

export type Figuur = { naam: string; atomen: number[]; cijfer: Cijfer };
export type Uitkomst = { naam: string; aantal: number; min: number; max: number; herleid: boolean };

const EPS = 1e-9;

type Rij = { a: number[]; b: number };

/** Minimises c·x over the tableau (rows in place, basis per row); columns in `geblokt` never enter. */
function minimaliseer(rijen: Rij[], basis: number[], c: number[], geblokt: Set<number>): number {
  const n = c.length;
  for (let stap = 0; stap < 50_000; stap++) {
    let intreder = -1;
    for (let j = 0; j < n && intreder < 0; j++) {
      if (geblokt.has(j) || basis.includes(j)) continue;
      let r = c[j];
      rijen.forEach((rij, i) => {
        r -= c[basis[i]] * rij.a[j];
      });
      if (r < -EPS) intreder = j; // Bland: the first improving column, so it never cycles
    }
    if (intreder < 0) return rijen.reduce((s, rij, i) => s + c[basis[i]] * rij.b, 0);
    let uit = -1;
    let beste = Number.POSITIVE_INFINITY;
    rijen.forEach((rij, i) => {
      if (rij.a[intreder] <= EPS) return;
      const q = rij.b / rij.a[intreder];
      if (q < beste - EPS || (Math.abs(q - beste) <= EPS && basis[i] < basis[uit])) {
        beste = q;
        uit = i;
      }
    });
    if (uit < 0) return Number.NEGATIVE_INFINITY;
    draai(rijen, basis, uit, intreder);
  }
  throw new Error('simplex: te veel stappen');
}

function draai(rijen: Rij[], basis: number[], i: number, j: number): void {
  const p = rijen[i];
  const f = p.a[j];
  p.a = p.a.map((v) => v / f);
  p.b /= f;
  rijen.forEach((rij, k) => {
    if (k === i || Math.abs(rij.a[j]) <= EPS) return;
    const m = rij.a[j];
    rij.a = rij.a.map((v, x) => v - m * p.a[x]);
    rij.b -= m * p.b;
  });
  basis[i] = j;
}

/** min (richting 1) or max (richting -1) of the sum over `doel`, under lo ≤ Σ atoms ≤ hi per constraint. */
export function optimum(
  atomen: number,
  beperkingen: { atomen: number[]; min: number; max: number }[],
  doel: number[],
  richting: 1 | -1,
): number {
  const regels: { a: number[]; b: number; extra?: 1 | -1 }[] = [];
  for (const bep of beperkingen) {
    const a = Array.from({ length: atomen }, (_, j) => (bep.atomen.includes(j) ? 1 : 0));
    if (bep.min === bep.max) regels.push({ a, b: bep.min });
    else {
      if (bep.min > 0) regels.push({ a, b: bep.min, extra: -1 });
      if (Number.isFinite(bep.max)) regels.push({ a, b: bep.max, extra: 1 });
    }
  }
  const slack = regels.filter((r) => r.extra).length;
  const n = atomen + slack + regels.length;
  let s = 0;
  const rijen: Rij[] = regels.map((r, i) => {
    const a = Array<number>(n).fill(0);
    r.a.forEach((v, j) => {
      a[j] = v;
    });
    if (r.extra) a[atomen + s++] = r.extra;
    a[atomen + slack + i] = 1;
    return { a, b: r.b };
  });
  const basis = rijen.map((_, i) => atomen + slack + i);
  const kunstmatig = new Set(basis);
  const fase1 = Array.from({ length: n }, (_, j) => (kunstmatig.has(j) ? 1 : 0));
  if (minimaliseer(rijen, basis, fase1, new Set()) > 1e-7) throw new Error('de gepubliceerde cijfers sluiten elkaar uit');
  rijen.forEach((rij, i) => {
    if (!kunstmatig.has(basis[i])) return;
    const j = rij.a.findIndex((v, k) => !kunstmatig.has(k) && Math.abs(v) > EPS);
    if (j >= 0) draai(rijen, basis, i, j);
  });
  const c = Array.from({ length: n }, (_, j) => (j < atomen && doel.includes(j) ? richting : 0));
  const waarde = minimaliseer(rijen, basis, c, kunstmatig);
  return richting === 1 ? waarde : -waarde;
}

/**
 * Every hidden figure with the range the published sums leave for it (counts are whole numbers).
 * `herleid`: the range is narrower than "1 to 4", so the attacker learned something.
 */
export function valAan(atomen: number, figuren: Figuur[], waarden?: number[]): Uitkomst[] {
  // Atoms inside a published 0 are 0: leaving them out keeps the programme small.
  const nul = new Set(figuren.filter((f) => f.cijfer.toon === 'getal' && f.cijfer.aantal === 0).flatMap((f) => f.atomen));
  const over = Array.from({ length: atomen }, (_, i) => i).filter((i) => !nul.has(i));
  const nieuw = new Map(over.map((a, i) => [a, i]));
  const op = (lijst: number[]) => lijst.flatMap((a) => (nieuw.has(a) ? [nieuw.get(a) as number] : []));
  const beperkingen = figuren.map((f) => {
    const [min, max] = grenzenVan(f.cijfer);
    return { atomen: op(f.atomen), min, max };
  });
  return figuren
    .filter((f) => isVerborgen(f.cijfer))
    .map((f) => {
      const min = Math.ceil(optimum(over.length, beperkingen, op(f.atomen), 1) - 1e-6);
      const ruw = optimum(over.length, beperkingen, op(f.atomen), -1);
      const max = Number.isFinite(ruw) ? Math.floor(ruw + 1e-6) : ruw;
      const aantal = waarden ? f.atomen.reduce((s, j) => s + waarden[j], 0) : f.cijfer.aantal;
      return { naam: f.naam, aantal, min, max, herleid: max - min < GRENS - 2 };
    });
}

/** A figure as published, read back from its text (page, chart or CSV). */
export function cijferUitTekst(tekst: string): Cijfer {
  if (tekst === `minder dan ${GRENS}`) return { aantal: 0, toon: 'klein' };
  if (tekst === `${GRENS} of meer`) return { aantal: 0, toon: 'aanvullend' };
  if (tekst === 'niet getoond') return { aantal: 0, toon: 'verborgen' };
  if (!/^\d+$/.test(tekst)) throw new Error(`geen cijfer: ${tekst}`);
  return { aantal: Number(tekst), toon: 'getal' };
}
