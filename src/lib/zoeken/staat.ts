/**
 * The state of the search page as it lives in the URL: `?q=…&kern=…&thema=…`, so that
 * back/forward, bookmarks and shared links bring back the same search. Client-safe.
 */

/** The filters of the search page, in the order they are shown; also the Pagefind filter names. */
export const FILTERS = ['kern', 'soort', 'thema', 'doelgroep', 'dag', 'gratis'] as const;
export type FilterNaam = (typeof FILTERS)[number];

/**
 * Filters only for ranking, never shown: the page type, and `stand` of an activity ("gestopt":
 * paused or over; "later": outside its season or not begun yet).
 */
export const RANGFILTERS = ['type', 'stand'] as const;
export type RangFilter = (typeof RANGFILTERS)[number];

export type Zoekstaat = { q: string; filters: Partial<Record<FilterNaam, string>> };

const WAARDE = /^[a-z0-9-]{1,80}$/;

/** Reads the state; unknown parameters and malformed values are ignored. */
export function leesStaat(params: URLSearchParams): Zoekstaat {
  const filters: Zoekstaat['filters'] = {};
  for (const naam of FILTERS) {
    const waarde = params.get(naam)?.trim() ?? '';
    if (WAARDE.test(waarde)) filters[naam] = waarde;
  }
  return { q: (params.get('q') ?? '').slice(0, 200), filters };
}

/** "?q=schulden&kern=vroomshoop" in a fixed order; empty values are left out. */
export function staatNaarZoekdeel(staat: Zoekstaat): string {
  const params = new URLSearchParams();
  if (staat.q.trim()) params.set('q', staat.q.trim());
  for (const naam of FILTERS) {
    const waarde = staat.filters[naam];
    if (waarde) params.set(naam, waarde);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function aantalFilters(staat: Zoekstaat): number {
  return FILTERS.filter((f) => staat.filters[f]).length;
}

/** The same search without some filters (e.g. "ook in andere kernen"). */
export function zonder(staat: Zoekstaat, ...namen: FilterNaam[]): Zoekstaat {
  const filters = { ...staat.filters };
  for (const n of namen) delete filters[n];
  return { q: staat.q, filters };
}
