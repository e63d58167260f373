import type { APIRoute } from 'astro';
import { loadConfig } from '../../../lib/config/load.ts';
import { vereisAccount } from '../../../lib/portaal/astro.ts';
import { afzenderNaam } from '../../../lib/signalen/afzender.ts';
import { aantallenCsv, signalenCsv } from '../../../lib/signalen/export.ts';
import { leesFilter, signalenLijst } from '../../../lib/signalen/lezen.ts';
import { overzichtVoor, signaalOmgeving } from '../../../lib/signalen/pagina.ts';

/** CSV of the signalen or of the overview figures, with the same access checks as the pages. */
export const GET: APIRoute = (context) => {
  const p = vereisAccount(context);
  if (p instanceof Response) return p;
  const config = loadConfig();
  const omgeving = signaalOmgeving(p.db, p.account, config);
  const params = context.url.searchParams;
  const geweigerd = new Response('Geen toegang tot deze signalen.', {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
  let csv: string;
  if (params.get('soort') === 'aantallen') {
    const o = overzichtVoor(p.db, p.account, omgeving, params, config);
    if (!o) return geweigerd;
    csv = aantallenCsv(o, (id) => omgeving.kernen.find((k) => k.id === id)?.naam ?? '', config);
  } else {
    const { filter, onbekend } = leesFilter(params, omgeving.kernen);
    if (omgeving.kernen.length === 0 || onbekend) return geweigerd;
    csv = signalenCsv(signalenLijst(p.db, filter, omgeving.vandaag), config, (r) =>
      afzenderNaam(r.organisatieNaam, r.rol, config),
    );
  }
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="signalen-${params.get('soort') === 'aantallen' ? 'cijfers' : 'lijst'}-${omgeving.vandaag}.csv"`,
    },
  });
};
