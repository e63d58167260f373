/**
 * Three-way merge of two edits of one listing, field by field (the top-level fields of the
 * organisation or activity data). `basis` is what the editor started from, `mijn` what they
 * saved, `hun` what is there now (the other person's waiting proposal, or the live listing).
 *
 * - a field only the other person changed keeps their value;
 * - a field only I changed takes mine;
 * - a field both changed to the same value is no conflict;
 * - only a field both changed to different values is a conflict (mine is kept in `data` until
 *   the editor chooses).
 *
 * Without a known `basis` (an old form) every field that differs is a conflict: nothing the other
 * person did is ever silently taken as mine.
 */

export type Veldconflict = { veld: string; mijn: unknown; hun: unknown };
export type Samenvoeging<T> = {
  data: T;
  conflicten: Veldconflict[];
  /** Fields taken from the other person's version because only they changed them. */
  vanHun: string[];
};

type Data = Record<string, unknown>;

/** Lists of slugs (themas, doelgroepen, kernen) are sets: their order is not a change. */
function normaal(w: unknown): unknown {
  if (Array.isArray(w)) {
    const items = w.map(normaal);
    return items.every((i) => typeof i === 'string') ? [...(items as string[])].sort() : items;
  }
  if (w && typeof w === 'object') {
    return Object.fromEntries(
      Object.entries(w as Data)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, normaal(v)]),
    );
  }
  return w ?? null;
}

export function gelijk(a: unknown, b: unknown): boolean {
  return JSON.stringify(normaal(a)) === JSON.stringify(normaal(b));
}

/** Fields set by the system, never a conflict: always the saver's value (e.g. gecontroleerdOp). */
const AUTOMATISCH = new Set(['gecontroleerdOp']);

export function voegSamen<T extends Data>(basis: Data | undefined, mijn: T, hun: Data): Samenvoeging<T> {
  const data: Data = {};
  const conflicten: Veldconflict[] = [];
  const vanHun: string[] = [];
  const velden = new Set([...Object.keys(mijn), ...Object.keys(hun), ...Object.keys(basis ?? {})]);
  for (const veld of velden) {
    const m = mijn[veld];
    const h = hun[veld];
    let waarde: unknown;
    if (AUTOMATISCH.has(veld) || gelijk(m, h)) waarde = m;
    else if (basis && gelijk(basis[veld], m)) {
      waarde = h;
      vanHun.push(veld);
    } else if (basis && gelijk(basis[veld], h)) waarde = m;
    else {
      waarde = m;
      conflicten.push({ veld, mijn: m, hun: h });
    }
    if (waarde !== undefined) data[veld] = waarde;
  }
  return { data: data as T, conflicten, vanHun };
}

/** The editor's choice per conflicting field: `hun` puts the other person's value back. */
export function pasKeuzesToe<T extends Data>(data: T, hun: Data, keuzes: Record<string, 'mijn' | 'hun'>): T {
  const uit: Data = { ...data };
  for (const [veld, keuze] of Object.entries(keuzes)) {
    if (keuze !== 'hun') continue;
    if (hun[veld] === undefined) delete uit[veld];
    else uit[veld] = hun[veld];
  }
  return uit as T;
}

/** The fields in which `na` differs from `voor` (e.g. what someone changed in my proposal). */
export function gewijzigdeVelden(voor: Data, na: Data): string[] {
  const velden = new Set([...Object.keys(voor), ...Object.keys(na)]);
  return [...velden].filter((v) => !AUTOMATISCH.has(v) && !gelijk(voor[v], na[v]));
}
