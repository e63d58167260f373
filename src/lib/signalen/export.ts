import type { GemeenteConfig } from '../config/schema.ts';
import { naarCsv } from '../opendata/csv.ts';
import type { SignaalRij } from './lezen.ts';
import { cijferTekst } from '../cijfers/bescherm.ts';
import { kwartaalKort, type Overzicht } from './overzicht.ts';
import { BASIS_LABEL, OMVANG_LABEL, STATUS_LABEL, sindsTekst } from './schema.ts';

/**
 * CSV downloads of signalen (Excel-safe through naarCsv: BOM, ";" and formula injection
 * defused). Served only after the same access checks as the pages.
 */

const label = (lijst: { slug: string; label: string }[], slug: string | null) =>
  slug ? (lijst.find((x) => x.slug === slug)?.label ?? slug) : '';

export const SIGNAAL_KOLOMMEN = [
  'nummer',
  'kern',
  'thema',
  'doelgroep',
  'wat_is_gezien',
  'hoeveel',
  'sinds',
  'gebaseerd_op',
  'status',
  'gemeld_door',
  'herkend_door_organisaties',
  'uitkomst',
  'speelt_dit_nog_op',
  'gemeld_op',
];

export function signalenCsv(rijen: SignaalRij[], config: GemeenteConfig, melderNaam: (r: SignaalRij) => string): string {
  return naarCsv(
    SIGNAAL_KOLOMMEN,
    rijen.map((r) => ({
      nummer: r.id,
      kern: r.kernNaam,
      thema: label(config.themas, r.thema),
      doelgroep: label(config.doelgroepen, r.doelgroep),
      wat_is_gezien: r.tekst,
      hoeveel: OMVANG_LABEL[r.omvang],
      sinds: sindsTekst(r.sinds),
      gebaseerd_op: BASIS_LABEL[r.basis],
      status: STATUS_LABEL[r.status],
      gemeld_door: melderNaam(r),
      herkend_door_organisaties: r.herkend,
      uitkomst: r.uitkomst,
      speelt_dit_nog_op: r.controleerOp,
      gemeld_op: r.aangemaaktOp.slice(0, 10),
    })),
  );
}

/** The figures of the overview, exactly as the page shows them (same small-number rule). */
export function aantallenCsv(o: Overzicht, kernNaam: (id: number) => string, config: GemeenteConfig): string {
  const rijen: Record<string, unknown>[] = [];
  o.reeksen.forEach((reeks, r) => {
    o.kwartalen.forEach(
      (k, i) =>
        void rijen.push({
          reeks: reeks.label,
          indeling: 'kwartaal',
          waarde: kwartaalKort(k),
          aantal: cijferTekst(o.perKwartaal[r][i]),
        }),
    );
    for (const t of o.perThema)
      rijen.push({
        reeks: reeks.label,
        indeling: 'thema',
        waarde: t.thema ? label(config.themas, t.thema) : 'Zonder thema',
        aantal: cijferTekst(t.aantallen[r]),
      });
    if (o.perKern.length > 1)
      for (const k of o.perKern)
        rijen.push({
          reeks: reeks.label,
          indeling: 'kern',
          waarde: kernNaam(k.kernId),
          aantal: cijferTekst(k.aantallen[r]),
        });
    rijen.push({ reeks: reeks.label, indeling: 'totaal', waarde: '', aantal: cijferTekst(o.totalen[r]) });
  });
  return naarCsv(['reeks', 'indeling', 'waarde', 'aantal'], rijen);
}
