import type { GemeenteConfig } from '../config/schema.ts';
import { herkenTerm, type TaxonomieCode } from '../opendata/hsds/taxonomie.ts';
import type { Rij, Tabellen } from '../opendata/hsds/tabellen.ts';
import { letOp, type Melding } from '../opendata/hsds/melding.ts';
import { gekoppeld, stelVoor, type Koppeling, type Voorstel } from './koppeling.ts';

/**
 * Reading HSDS tables while keeping track of what was used: every field that no mapping read
 * is reported at the end, so nothing in the input disappears without a word.
 */

const GEBRUIKT = Symbol('gebruikt');
type Gevolgd = Rij & { [GEBRUIKT]?: Set<string> };

const leeg = (v: unknown) => v === undefined || v === null || v === '';

export type Attribuut = { code: TaxonomieCode; slug: string; waarde?: string; rij: Rij };

export function maakLezer(tabellen: Tabellen, config: GemeenteConfig, meldingen: Melding[], koppeling?: Koppeling) {
  /** Terms of another system we could not place, with a suggestion from the name: for a mapping file. */
  const onbekend = new Map<string, Voorstel | undefined>();
  const index = new Map<string, Map<string, Rij[]>>();
  function per(tabel: string, kolom: string, waarde: string | undefined): Rij[] {
    if (waarde === undefined) return [];
    const sleutel = `${tabel}.${kolom}`;
    let m = index.get(sleutel);
    if (!m) {
      m = new Map();
      for (const rij of tabellen.get(tabel) ?? []) {
        const w = rij.waarden[kolom];
        if (leeg(w)) continue;
        const lijst = m.get(String(w)) ?? [];
        lijst.push(rij);
        m.set(String(w), lijst);
      }
      index.set(sleutel, m);
    }
    return m.get(waarde) ?? [];
  }

  function raak(rij: Rij, ...velden: string[]) {
    const g = rij as Gevolgd;
    g[GEBRUIKT] ??= new Set();
    for (const v of velden) g[GEBRUIKT].add(v);
  }
  /** Marks every field of the row as used. */
  const alles = (rij: Rij) => raak(rij, ...Object.keys(rij.waarden));

  function tekst(rij: Rij, veld: string): string | undefined {
    raak(rij, veld);
    const w = rij.waarden[veld];
    return leeg(w) ? undefined : String(w).trim() || undefined;
  }
  function getal(rij: Rij, veld: string): number | undefined {
    const w = tekst(rij, veld);
    return w === undefined ? undefined : Number(w);
  }

  /** Our taxonomy and slug for each attribute of a record; unknown terms are reported. */
  function attributen(linkId: string | undefined): Attribuut[] {
    return per('attribute', 'link_id', linkId).flatMap((rij) => {
      raak(rij, 'id', 'link_id', 'link_entity', 'taxonomy_term_id', 'link_type');
      const termId = tekst(rij, 'taxonomy_term_id');
      const term = per('taxonomy_term', 'id', termId)[0];
      const gegeven = {
        id: termId,
        code: term && !leeg(term.waarden.code) ? String(term.waarden.code) : undefined,
        name: term && !leeg(term.waarden.name) ? String(term.waarden.name) : undefined,
      };
      const herkend = herkenTerm(config, gegeven, tekst(rij, 'link_type'));
      if (herkend) return [{ ...herkend, waarde: tekst(rij, 'value'), rij }];
      const doelen = gekoppeld(koppeling, gegeven);
      if (doelen) return doelen.map((d) => ({ ...d, rij }));
      const naam = gegeven.name ?? gegeven.code;
      const voorstel = stelVoor(config, naam);
      onbekend.set(naam ?? termId ?? '', voorstel);
      const tip = voorstel
        ? ` Voorstel voor het koppelingsbestand: ${voorstel.code} "${voorstel.slug}" (${voorstel.label}).`
        : ' Zet de term in een koppelingsbestand (--koppeling) om hem over te nemen.';
      meldingen.push(
        letOp(
          { ...rij.plek, veld: 'taxonomy_term_id' },
          `Term${naam ? ` "${naam}"` : ''} (${termId ?? 'zonder id'}) staat niet in onze lijsten; niet overgenomen.${tip}`,
        ),
      );
      return [];
    });
  }

  /** One line per file and field that was not used, with how often. */
  function nietGebruikt(): Melding[] {
    const samen = new Map<string, { melding: Melding; aantal: number }>();
    const meld = (sleutel: string, m: Melding) => {
      const s = samen.get(sleutel);
      if (s) s.aantal++;
      else samen.set(sleutel, { melding: m, aantal: 1 });
    };
    for (const [tabel, rijen] of tabellen) {
      if (tabel === 'taxonomy' || tabel === 'taxonomy_term') continue;
      for (const rij of rijen as Gevolgd[]) {
        const gebruikt = rij[GEBRUIKT];
        if (!gebruikt) {
          meld(
            `${rij.plek.bestand}|${tabel}`,
            letOp(
              rij.plek,
              `${tabel} ${String(rij.waarden.id ?? '')} hoort bij niets wat we overnemen (de sociale kaart kent ${tabel} niet, of het hoort bij iets wat is overgeslagen); niet overgenomen.`,
            ),
          );
          continue;
        }
        for (const [veld, w] of Object.entries(rij.waarden)) {
          if (leeg(w) || gebruikt.has(veld)) continue;
          meld(
            `${rij.plek.bestand}|${tabel}|${veld}`,
            letOp(
              { ...rij.plek, veld },
              `${veld} ("${String(w).slice(0, 60)}") heeft geen plek in de sociale kaart; niet overgenomen.`,
            ),
          );
        }
      }
    }
    return [...samen.values()].map(({ melding, aantal }) =>
      aantal > 1 ? { ...melding, tekst: `${melding.tekst} Dit geldt voor ${aantal} rijen.` } : melding,
    );
  }

  return { per, raak, alles, tekst, getal, attributen, nietGebruikt, onbekend };
}

export type Lezer = ReturnType<typeof maakLezer>;
