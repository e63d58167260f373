import { KOSTEN_PER_TEKST, KOSTEN_SOORT_TEKST } from '../opendata/hsds/export.ts';
import type { Rij } from '../opendata/hsds/tabellen.ts';
import type { Lezer } from './hsds-lezer.ts';
import type { Herkomst } from './invoer.ts';
import { letOp, probleem, type Melding } from '../opendata/hsds/melding.ts';

/** HSDS cost_options → our Kosten: free, voluntary contribution, or an amount per something. */

const PER_UIT_TEKST = Object.fromEntries(Object.entries(KOSTEN_PER_TEKST).map(([k, v]) => [v, k]));

export function kostenUit(lezer: Lezer, opties: Rij[], dienst: Rij, h: Herkomst, meldingen: Melding[]): unknown {
  const { tekst, getal, raak } = lezer;
  for (const extra of opties.slice(1))
    meldingen.push(letOp(extra.plek, 'De sociale kaart kent één prijs per activiteit; deze extra niet overgenomen.'));
  const k = opties[0];
  if (!k) {
    const tekstKosten = tekst(dienst, 'fees_description') ?? tekst(dienst, 'fees');
    h.velden.kosten = { ...dienst.plek, veld: 'cost_options' };
    // Completable in the portal: the record comes in as a concept with the to-do "kies wat het kost".
    meldingen.push(
      letOp(
        h.velden.kosten,
        `De kosten ontbreken${tekstKosten ? ` (er staat alleen "${tekstKosten}")` : ''}; de beheerder kiest ze na de import (gratis, vrijwillige bijdrage of een bedrag).`,
      ),
    );
    return undefined;
  }
  raak(dienst, 'fees_description');
  raak(k, 'id', 'service_id');
  h.velden.kosten = { ...k.plek, veld: 'amount' };
  const bedrag = getal(k, 'amount');
  const munt = tekst(k, 'currency');
  const omschrijving = (tekst(k, 'amount_description') ?? '').toLowerCase();
  const toelichting = tekst(k, 'option');
  if (munt && munt.toUpperCase() !== 'EUR')
    meldingen.push(
      probleem({ ...k.plek, veld: 'currency' }, `Bedragen in ${munt} kent de sociale kaart niet; alleen euro (EUR).`),
    );
  if (
    omschrijving === KOSTEN_SOORT_TEKST['vrijwillige-bijdrage'] ||
    (bedrag === undefined && omschrijving.includes('vrijwillig'))
  )
    return { soort: 'vrijwillige-bijdrage', toelichting };
  if (bedrag === 0 || (bedrag === undefined && omschrijving === KOSTEN_SOORT_TEKST.gratis))
    return { soort: 'gratis', toelichting };
  if (bedrag === undefined) {
    meldingen.push(
      probleem({ ...k.plek, veld: 'amount' }, 'Er staat geen bedrag, en niet dat het gratis is of een vrijwillige bijdrage.'),
    );
    return undefined;
  }
  let perEenheid = PER_UIT_TEKST[omschrijving];
  if (!perEenheid) {
    perEenheid = 'keer';
    meldingen.push(
      letOp(
        { ...k.plek, veld: 'amount_description' },
        `We weten niet waar het bedrag voor is ("${omschrijving}"); we nemen "per keer". Kies uit: ${Object.values(KOSTEN_PER_TEKST).join(', ')}.`,
      ),
    );
  }
  return { soort: 'bedrag', bedragCent: Math.round(bedrag * 100), per: perEenheid, toelichting };
}
