import { loadConfig } from '../../src/lib/config/load.ts';
import { vindPersoonsgegevens } from '../../src/lib/signalen/privacy.ts';
import { leesTestzinnen, meet } from '../../src/lib/signalen/privacy-meting.ts';
import { privacyOpties } from '../../src/lib/signalen/schema.ts';
import { mediaan, percentiel, type Meting } from './context.ts';

/**
 * The privacy guard of signalen: precision and recall on the test sentences
 * (src/lib/signalen/privacy-zinnen.yaml), and how long one check takes, since the browser runs it
 * while the partner types.
 */
export async function meetPrivacy(): Promise<Meting[]> {
  const opties = privacyOpties(loadConfig());
  const zinnen = leesTestzinnen();
  const m = meet(zinnen, opties);
  const lang = zinnen
    .map((z) => z.tekst)
    .join(' ')
    .slice(0, 500);
  const tijden: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    vindPersoonsgegevens(lang, opties);
    tijden.push(performance.now() - start);
  }
  const pct = (x: number) => +(x * 100).toFixed(1);
  const sectie = 'Privacycontrole signalen';
  return [
    { sectie, naam: 'Testzinnen (met persoonsgegevens)', waarde: `${m.zinnen} (${m.metPersoonsgegevens})`, eenheid: 'zinnen' },
    {
      sectie,
      naam: 'Precisie',
      waarde: pct(m.precisie),
      eenheid: '%',
      toelichting: `${m.onterechtGeweigerd} zinnen onterecht geweigerd`,
    },
    {
      sectie,
      naam: 'Recall',
      waarde: pct(m.recall),
      eenheid: '%',
      toelichting: `${m.gemist} gemist: ${m.fouten
        .filter((f) => f.verwacht.length)
        .map((f) => `"${f.tekst.slice(0, 40)}…"`)
        .join(', ')}`,
    },
    { sectie, naam: 'Juiste soort genoemd', waarde: pct(m.soortGoed), eenheid: '%' },
    {
      sectie,
      naam: 'Controle van 500 tekens (mediaan)',
      waarde: +mediaan(tijden).toFixed(3),
      eenheid: 'ms',
      runs: tijden.length,
    },
    {
      sectie,
      naam: 'Controle van 500 tekens (p95)',
      waarde: +percentiel(tijden, 95).toFixed(3),
      eenheid: 'ms',
      runs: tijden.length,
    },
  ];
}
