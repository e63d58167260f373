/** Months and quarters of the figures, named in one place for signalen and verwijzen. */

const MAANDNAMEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "2026-03" → "mrt 2026". */
export function maandTekst(maand: string): string {
  return `${MAANDNAMEN[Number(maand.slice(5, 7)) - 1]} ${maand.slice(0, 4)}`;
}

/** The months from `tot` back, oldest first: maanden('2026-11', 3) → ['2026-09', '2026-10', '2026-11']. */
export function maanden(tot: string, aantal: number): string[] {
  const [j, m] = tot.split('-').map(Number);
  return Array.from({ length: aantal }, (_, i) => {
    const n = j * 12 + (m - 1) - (aantal - 1 - i);
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/** "2026-11-22" → "2026-K4". */
export function kwartaalVan(datum: string): string {
  return `${datum.slice(0, 4)}-K${Math.floor((Number(datum.slice(5, 7)) - 1) / 3) + 1}`;
}

export function kwartaalLabel(k: string): string {
  return `${k.slice(6)}e kwartaal ${k.slice(0, 4)}`;
}

export function kwartaalKort(k: string): string {
  return `K${k.slice(6)} ${k.slice(0, 4)}`;
}

/** The last `aantal` quarters up to and including today's, oldest first. */
export function laatsteKwartalen(vandaag: string, aantal: number): string[] {
  const [j, m] = vandaag.split('-').map(Number);
  const index = j * 4 + Math.floor((m - 1) / 3);
  return Array.from({ length: aantal }, (_, i) => {
    const k = index - aantal + 1 + i;
    return `${Math.floor(k / 4)}-K${(k % 4) + 1}`;
  });
}

export function kwartaalBegin(k: string): string {
  const maand = (Number(k.slice(6)) - 1) * 3 + 1;
  return `${k.slice(0, 4)}-${String(maand).padStart(2, '0')}-01`;
}
