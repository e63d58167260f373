import type { GemeenteConfig, LijstItem } from '../config/schema.ts';
import { KOSTEN_PER } from '../model/schemas.ts';
import { isDatum } from '../opendata/hsds/tabelschema.ts';
import { datumUitTekst } from '../rooster/datum.ts';
import { MAANDEN, WEEKDAGEN } from '../rooster/schema.ts';
import { DAGNAMEN } from '../rooster/tekst.ts';
import { CAPACITEIT_TEKST } from '../site/weergave.ts';
import { leesCsv } from '../opendata/csv.ts';
import { rdNaarWgs84 } from '../geo/rd.ts';
import type { Herkomst, Invoer } from './invoer.ts';
import type { Bron } from './lezen.ts';
import { letOp, probleem, type Melding, type Plek } from '../opendata/hsds/melding.ts';
import { KOLOMMEN } from './spreadsheet-kolommen.ts';

/** The simple spreadsheet template: one row per organisation or activity. */

const KOLOM = new Map(KOLOMMEN.map((k) => [k.naam, k]));
const gewoon = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/**
 * "14-3-2027", "14/03/2027" (as Dutch Excel saves), "14 maart 2027" or "2027-03-14" → "2027-03-14",
 * read by the portal's one date parser; undefined for what is not an existing date.
 */
export function leesDatum(s: string): string | undefined {
  const iso = datumUitTekst(s);
  return isDatum(iso) ? iso : undefined;
}

/** "9:30", "09.30", "9.30 uur", "09:30:00" → "09:30". */
export function leesTijd(s: string): string | undefined {
  const m = /^(\d{1,2})[:.](\d{2})(?::00)?(?:\s*uur)?$/.exec(s.trim());
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? `${m[1].padStart(2, '0')}:${m[2]}` : undefined;
}

/** "2,50", "€ 2,50", "2.50", "15" → cents. */
export function leesBedrag(s: string): number | undefined {
  const t = s
    .replace(/€|eur(o)?/gi, '')
    .trim()
    .replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : undefined;
}

const lijst = (s: string | undefined) =>
  (s ?? '')
    .split(/[,;|]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function spreadsheetNaarInvoer(bronnen: Bron[], config: GemeenteConfig): Omit<Invoer, 'soort'> & { soort: 'spreadsheet' } {
  const invoer: Omit<Invoer, 'soort'> & { soort: 'spreadsheet' } = {
    soort: 'spreadsheet',
    bestanden: bronnen.map((b) => b.naam),
    organisaties: [],
    activiteiten: [],
    kernondersteuners: [],
    meldingen: [],
  };
  const meldingen: Melding[] = invoer.meldingen;
  for (const bron of bronnen) {
    const { kolommen, records } = leesCsv(bron.tekst);
    const kop = (veld: string): Plek => ({ bestand: bron.naam, rij: 1, veld });
    const gezien = new Set<string>();
    for (const k of kolommen) {
      if (gezien.has(k)) meldingen.push(probleem(kop(k), 'Deze kolom staat er twee keer in.'));
      gezien.add(k);
      if (!KOLOM.has(k))
        meldingen.push(letOp(kop(k), `Kolom ${k} kennen we niet; niet overgenomen. Zie de kolommen in de README.`));
    }
    if (!gezien.has('type')) {
      meldingen.push(
        probleem(
          kop('type'),
          `De kolom type ontbreekt. Is dit het sjabloon? Gevonden kolommen: ${kolommen.slice(0, 8).join(', ')}${kolommen.length > 8 ? ', …' : ''}.`,
        ),
      );
      continue;
    }
    for (const record of records) {
      const plek = (veld: string): Plek => ({ bestand: bron.naam, rij: record.rij, veld });
      const waarden = new Map(kolommen.map((k, i) => [k, (record.cellen[i] ?? '').trim()]));
      const cel = (k: string) => waarden.get(k) || undefined;
      if (record.cellen.length > kolommen.length && record.cellen.slice(kolommen.length).some((c) => c.trim())) {
        meldingen.push(
          probleem(
            plek(''),
            `Deze rij heeft meer cellen (${record.cellen.length}) dan de kopregel (${kolommen.length}). Staat er een scheidingsteken verkeerd?`,
          ),
        );
        continue;
      }
      const type = gewoon(cel('type') ?? '');
      if (type !== 'organisatie' && type !== 'activiteit') {
        meldingen.push(probleem(plek('type'), `Type "${cel('type') ?? ''}" kennen we niet; schrijf organisatie of activiteit.`));
        continue;
      }
      for (const [k, w] of waarden) {
        const kolom = KOLOM.get(k);
        if (w && kolom && kolom.voor !== 'beide' && kolom.voor !== type)
          meldingen.push(letOp(plek(k), `Kolom ${k} hoort niet bij een ${type}; niet overgenomen.`));
      }
      const herkomst: Herkomst = { plek: { bestand: bron.naam, rij: record.rij }, velden: {} };
      const uit = (model: string, kolom: string) => (herkomst.velden[model] = plek(kolom));

      const kies = (kolom: string, items: { slug: string; label: string }[], wat: string, w = cel(kolom)): string | undefined => {
        if (!w) return undefined;
        const gevonden = items.find((i) => i.slug === gewoon(w) || i.label.toLowerCase() === w.toLowerCase());
        if (gevonden) return gevonden.slug;
        meldingen.push(probleem(plek(kolom), `Onbekende ${wat} "${w}". Kies uit: ${items.map((i) => i.label).join(', ')}.`));
        return w;
      };
      const kernen = config.kernen.map((k) => ({ slug: k.slug, label: k.naam }));
      const kiesLijst = (kolom: string, items: LijstItem[] | { slug: string; label: string }[], wat: string) =>
        lijst(cel(kolom)).map((w) => kies(kolom, items, wat, w)!);
      const datum = (kolom: string, w = cel(kolom)) => {
        if (!w) return undefined;
        const d = leesDatum(w);
        if (!d) meldingen.push(probleem(plek(kolom), `"${w}" is geen datum; schrijf 14-3-2027 of 2027-03-14.`));
        return d ?? w;
      };
      const coordinaat = (kolom: string) => {
        const w = cel(kolom);
        if (!w) return undefined;
        const n = Number(w.replace(',', '.'));
        if (!Number.isFinite(n)) meldingen.push(probleem(plek(kolom), `"${w}" is geen getal.`));
        return n;
      };

      const kern = kies('kern', kernen, 'kern');
      const themas = kiesLijst('themas', config.themas, 'thema');
      const adresKern = type === 'organisatie' ? (kern ?? kiesLijst('kernen', kernen, 'kern')[0]) : kern;
      // Coordinates in RD (EPSG:28992), as many Dutch sources give them, become WGS84 here.
      const wgs84 = (): { lat?: number; lon?: number } => {
        if (cel('lat') || cel('lon') || !(cel('rd_x') || cel('rd_y'))) return { lat: coordinaat('lat'), lon: coordinaat('lon') };
        const x = coordinaat('rd_x');
        const y = coordinaat('rd_y');
        if (x === undefined || y === undefined) {
          meldingen.push(probleem(plek(x === undefined ? 'rd_x' : 'rd_y'), 'Vul zowel rd_x als rd_y in.'));
          return {};
        }
        try {
          const p = rdNaarWgs84(x, y);
          return { lat: Math.round(p.lat * 1e6) / 1e6, lon: Math.round(p.lon * 1e6) / 1e6 };
        } catch (e) {
          meldingen.push(probleem(plek('rd_x'), (e as Error).message));
          return {};
        }
      };
      if ((cel('lat') || cel('lon')) && (cel('rd_x') || cel('rd_y')))
        meldingen.push(letOp(plek('rd_x'), 'Er staan ook lat en lon; die gebruiken we, rd_x en rd_y niet.'));
      const heeftAdres = ['straat', 'huisnummer', 'postcode', 'plaats'].some((k) => cel(k));
      const adres = heeftAdres
        ? {
            naam: cel('adres_naam'),
            straat: cel('straat'),
            huisnummer: cel('huisnummer'),
            postcode: cel('postcode'),
            plaats: cel('plaats'),
            kern: adresKern,
            ...wgs84(),
          }
        : undefined;
      if (!heeftAdres && (cel('adres_naam') || cel('lat') || cel('lon')))
        meldingen.push(letOp(plek('adres_naam'), 'Zonder straat, huisnummer, postcode en plaats nemen we de plek niet over.'));
      const adresPad = type === 'organisatie' ? 'bezoekadres' : 'locatie';
      for (const [model, kolom] of [
        ['naam', 'adres_naam'],
        ['straat', 'straat'],
        ['huisnummer', 'huisnummer'],
        ['postcode', 'postcode'],
        ['plaats', 'plaats'],
        ['kern', type === 'organisatie' && !kern ? 'kernen' : 'kern'],
        ['lat', cel('lat') || !cel('rd_x') ? 'lat' : 'rd_y'],
        ['lon', cel('lon') || !cel('rd_x') ? 'lon' : 'rd_x'],
      ]) {
        uit(`${adresPad}.${model}`, kolom);
      }
      for (const k of [
        'naam',
        'omschrijving',
        'soort',
        'kern',
        'kernen',
        'themas',
        'doelgroepen',
        'telefoon',
        'email',
        'website',
        'gecontroleerdOp',
        'organisatie',
        'slug',
      ])
        uit(k, k === 'gecontroleerdOp' ? 'gecontroleerd_op' : k);
      uit('titel', 'naam');
      const basis = { herkomst, uuid: cel('id'), slug: cel('slug') };
      const gecontroleerdOp = datum('gecontroleerd_op');

      if (type === 'organisatie') {
        invoer.organisaties.push({
          ...basis,
          data: {
            naam: cel('naam'),
            omschrijving: cel('omschrijving'),
            soort: kies('soort', config.soorten, 'soort'),
            telefoon: cel('telefoon'),
            email: cel('email'),
            website: cel('website'),
            bezoekadres: adres,
            kernen: kiesLijst('kernen', kernen, 'kern'),
            themas,
            gecontroleerdOp,
          },
        });
        continue;
      }

      // Activity: the schedule, the cost, joining, contact.
      const herhaling = gewoon(cel('herhaling') ?? '');
      const dagen = lijst(cel('dagen')).map((d) => {
        const dag = WEEKDAGEN.find((w) => w === d.toLowerCase().slice(0, 2) && DAGNAMEN[w].startsWith(d.toLowerCase()));
        if (!dag) meldingen.push(probleem(plek('dagen'), `"${d}" is geen dag; schrijf ma, di, wo, do, vr, za of zo.`));
        return dag ?? d;
      });
      const tijd = (kolom: string) => {
        const w = cel(kolom);
        const t = w ? leesTijd(w) : undefined;
        if (w && !t) meldingen.push(probleem(plek(kolom), `"${w}" is geen tijd; schrijf 9:30 of 14.00.`));
        return t ?? w;
      };
      const van = tijd('van');
      const tot = tijd('tot');
      const regels: Record<string, unknown>[] = [];
      if (herhaling === 'wekelijks' || herhaling === 'om-de-week') {
        const interval = cel('interval') ? Number(cel('interval')) : herhaling === 'om-de-week' ? 2 : 1;
        regels.push({ type: 'wekelijks', dagen, interval, vanafWeek: datum('eerste_week'), van, tot });
      } else if (herhaling === 'maandelijks') {
        for (const w of lijst(cel('week'))) {
          const week = w.toLowerCase() === 'laatste' ? -1 : Number(w);
          for (const dag of dagen) regels.push({ type: 'maandelijks', week, dag, van, tot });
        }
        if (regels.length === 0)
          meldingen.push(probleem(plek('week'), 'Bij maandelijks: schrijf welke week (1, 2, 3, 4 of laatste).'));
      } else if (herhaling === 'eenmalig') {
        for (const d of lijst(cel('datum'))) regels.push({ type: 'eenmalig', datum: datum('datum', d), van, tot });
        if (regels.length === 0) meldingen.push(probleem(plek('datum'), 'Bij eenmalig: vul de datum in.'));
      } else if (herhaling && herhaling !== 'op-afspraak') {
        meldingen.push(
          probleem(
            plek('herhaling'),
            `Herhaling "${cel('herhaling')}" kennen we niet; schrijf wekelijks, om de week, maandelijks, eenmalig of op afspraak.`,
          ),
        );
      }
      regels.forEach((_, i) => {
        for (const [model, kolom] of [
          ['dagen', 'dagen'],
          ['dag', 'dagen'],
          ['van', 'van'],
          ['tot', 'tot'],
          ['interval', 'interval'],
          ['vanafWeek', 'eerste_week'],
          ['week', 'week'],
          ['datum', 'datum'],
        ])
          uit(`rooster.regels.${i}.${model}`, kolom);
      });
      uit('rooster', 'herhaling');
      uit('rooster.periode', 'periode_tot');
      uit('rooster.toelichting', 'rooster_toelichting');
      uit('rooster.seizoen', 'seizoen');
      uit('rooster.nietOp', 'niet_op');
      const seizoenTekst = cel('seizoen');
      let seizoen: { vanMaand: number; totMaand: number } | undefined;
      if (seizoenTekst) {
        const delen = seizoenTekst.toLowerCase().split(/\s*(?:-|t\/m|tot en met)\s*/);
        const maand = (s: string) =>
          /^\d{1,2}$/.test(s) ? Number(s) : MAANDEN.findIndex((m) => m === s || m.slice(0, 3) === s) + 1;
        const [a, b] = delen.map(maand);
        if (delen.length === 2 && a >= 1 && a <= 12 && b >= 1 && b <= 12) seizoen = { vanMaand: a, totMaand: b };
        else meldingen.push(probleem(plek('seizoen'), `Seizoen "${seizoenTekst}" lezen we niet; schrijf september-mei of 9-5.`));
      }
      const periodeVan = datum('periode_van');
      const periodeTot = datum('periode_tot');
      const rooster = {
        regels,
        opAfspraak: herhaling === 'op-afspraak' || gewoon(cel('op_afspraak') ?? '') === 'ja',
        seizoen,
        periode: periodeVan || periodeTot ? { van: periodeVan, tot: periodeTot } : undefined,
        nietOp: lijst(cel('niet_op')).map((d) => datum('niet_op', d)),
        toelichting: cel('rooster_toelichting'),
      };

      const kostenTekst = gewoon(cel('kosten') ?? '');
      let kosten: Record<string, unknown> | undefined;
      const toelichting = cel('kosten_toelichting');
      if (kostenTekst === 'gratis') kosten = { soort: 'gratis', toelichting };
      else if (kostenTekst.startsWith('vrijwillig')) kosten = { soort: 'vrijwillige-bijdrage', toelichting };
      else if (kostenTekst) {
        const cent = leesBedrag(cel('kosten')!);
        if (cent === undefined)
          meldingen.push(
            probleem(
              plek('kosten'),
              `"${cel('kosten')}" is geen bedrag; schrijf gratis, vrijwillige bijdrage of een bedrag als 2,50.`,
            ),
          );
        const per = gewoon(cel('kosten_per') ?? '');
        if (per && !(KOSTEN_PER as readonly string[]).includes(per))
          meldingen.push(
            probleem(plek('kosten_per'), `"${cel('kosten_per')}" kennen we niet; kies uit ${KOSTEN_PER.join(', ')}.`),
          );
        kosten = { soort: 'bedrag', bedragCent: cent, per: per || undefined, toelichting };
      } else meldingen.push(probleem(plek('kosten'), 'Vul de kosten in: gratis, vrijwillige bijdrage of een bedrag.'));
      uit('kosten', 'kosten');
      uit('kosten.per', 'kosten_per');
      uit('kosten.bedragCent', 'kosten');
      const aanmelden = gewoon(cel('aanmelden') ?? '');
      uit('aanmelden', 'aanmelden');
      uit('aanmelden.hoe', 'aanmelden_hoe');
      const contact = ['contact_naam', 'contact_telefoon', 'contact_email'].some((k) => cel(k))
        ? { naam: cel('contact_naam'), telefoon: cel('contact_telefoon'), email: cel('contact_email') }
        : undefined;
      for (const v of ['naam', 'telefoon', 'email']) uit(`contact.${v}`, `contact_${v}`);
      uit('toegankelijkheid', 'toegankelijkheid');
      uit('capaciteit', 'capaciteit');
      const capaciteiten = Object.entries(CAPACITEIT_TEKST).map(([slug, label]) => ({ slug, label }));
      invoer.activiteiten.push({
        ...basis,
        organisatie: { naam: cel('organisatie'), slug: cel('organisatie'), plek: plek('organisatie') },
        status: 'gepubliceerd',
        data: {
          titel: cel('naam'),
          omschrijving: cel('omschrijving'),
          kern,
          locatie: adres,
          rooster,
          themas,
          doelgroepen: kiesLijst('doelgroepen', config.doelgroepen, 'doelgroep'),
          kosten,
          aanmelden: {
            soort: aanmelden.includes('inloop') ? 'vrije-inloop' : aanmelden ? 'aanmelden' : undefined,
            hoe: cel('aanmelden_hoe'),
          },
          toegankelijkheid: cel('toegankelijkheid'),
          contact,
          capaciteit: kies('capaciteit', capaciteiten, 'capaciteit'),
          gecontroleerdOp,
        },
      });
    }
  }
  return invoer;
}
