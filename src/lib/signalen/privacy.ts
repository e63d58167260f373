import { LIJST_ACHTERNAMEN } from './namenlijst.ts';
import { VOORNAMEN } from './voornamen.ts';

/**
 * The privacy guard of signalen: finds what looks like personal data in a free text, so a signal
 * stays about the kern and never becomes a file on a person. Pure and dependency-free: the same
 * module runs on the server (zod refine in the signal schema) and in the browser while typing.
 *
 * Rules are deliberately specific (a title before a name, a number after a street, a date after
 * "geboren"), because normal kern language is full of capitals, numbers and years: "de familie
 * van voetballers", "sinds 2024", "veel 80-plussers", "Sportvereniging Sibculo" must pass.
 * Precision and recall are measured on privacy-zinnen.yaml (unit test and `npm run bench`).
 */

export const SOORTEN = [
  'naam',
  'telefoon',
  'email',
  'adres',
  'postcode',
  'bsn',
  'rekeningnummer',
  'geboortedatum',
  'leeftijd',
] as const;
export type Soort = (typeof SOORTEN)[number];
export type Bevinding = { soort: Soort; fragment: string; begin: number; eind: number };
export type PrivacyOpties = {
  /** The current year: a full date at least 16 years back reads as a date of birth. */
  jaar?: number;
  /** Names that are never a person here: the kernen of the gemeente. */
  bekendeNamen?: readonly string[];
};

/** Case-insensitive first letter only; `i` cannot be used because it makes \p{Lu} match lowercase. */
const woord = (w: string) => {
  const punt = w.endsWith('.') && !['hr.', 'mr.'].includes(w);
  const kaal = punt ? w.slice(0, -1) : w;
  const rest = kaal.slice(1).replace(/\./g, '\\.').replace(/ /g, '\\s+');
  return `[${kaal[0].toUpperCase()}${kaal[0]}]${rest}${punt ? '\\.?' : ''}`;
};
const TITELS = [
  'meneer',
  'mevrouw',
  'mevr.',
  'mvr.',
  'mw.',
  'dhr.',
  'hr.',
  'mr.',
  'mej.',
  'juffrouw',
  'juf',
  'meester',
  'de heer',
  'familie',
  'fam.',
  'gezin',
  'buurman',
  'buurvrouw',
  'opa',
  'oma',
  'oom',
  'tante',
  'ome',
  'opoe',
  'neef',
  'nicht',
  'broer',
  'zus',
  'zwager',
  'dokter',
  'dominee',
  'pastoor',
  'wijkagent',
  'zuster',
];
const TUSSENVOEGSELS = [
  'van',
  'de',
  'der',
  'den',
  'ter',
  'ten',
  'te',
  'het',
  "'t",
  'in',
  'op',
  'el',
  'al',
  'la',
  'le',
  'du',
  'von',
];
const TUSSEN = `(?:(?:${TUSSENVOEGSELS.map(woord).join('|')})\\s+)*`;
const ACHTERNAAM = "\\p{Lu}[\\p{Ll}']+(?:-\\p{Lu}?[\\p{Ll}']+)*";
const INITIALEN = '(?:\\p{Lu}\\.\\s?){1,4}';
const TITEL_NAAM = new RegExp(
  `(?<![\\p{L}])(?:${TITELS.map(woord).join('|')})\\s+(?:${INITIALEN}\\s*)?${TUSSEN}(${ACHTERNAAM})`,
  'gu',
);
const INITIALEN_NAAM = new RegExp(`(?<![\\p{L}.])(${INITIALEN})\\s?${TUSSEN}(${ACHTERNAAM})`, 'gu');
const TITEL_WOORD = new RegExp(`^(?:${TITELS.map(woord).join('|')})$`, 'u');
const HOOFDLETTERWOORD = /(?<![\p{L}\p{N}'-])\p{Lu}[\p{Ll}']*(?![\p{L}])/gu;

/** Words for a person: "de jongen van Mulder" names a family without a title. */
const PERSOONSWOORDEN =
  `jongen jongens jongetje meisje meisjes meid meiden vrouw man zoon zoontje zonen dochter dochtertje dochters kind
  kinderen kleinzoon kleindochter kleinkinderen opa oma buurman buurvrouw buren vader moeder broer broertje zus zusje ouders weduwe
  weduwnaar knul baby neef nicht schoonzoon schoondochter vriend vriendin stiefzoon stiefdochter pleegkind pleegkinderen tweeling
  gezin familie`.split(/\s+/);
const PERSOON_VAN = new RegExp(
  `(?<![\\p{L}])(?:${PERSOONSWOORDEN.map(woord).join('|')})\\s+van\\s+${TUSSEN}(${ACHTERNAAM})`,
  'gu',
);
/** "bij Nijhuis op nummer 22", "naast Kampman aan de Kerkweg": a family named by its house. */
const BIJ_HUIS = new RegExp(
  `(?<![\\p{L}])(?:[Bb]ij|[Nn]aast|[Tt]egenover|[Aa]chter)\\s+(?:de\\s+)?(${ACHTERNAAM})\\s+(?:op|aan|in)\\s+(?:(?:de|het|nummer|nr\\.?)\\s+)*(?:\\d|\\p{Lu}[\\p{L}-]*(?:straat|weg|laan|plein|dijk|steeg|kade|singel|hof|pad|erf|es|esch|brink)(?![\\p{L}])|hoek(?![\\p{L}]))`,
  'gu',
);
/** Shops and chains: "de vrouw van de Jumbo", "bij Kruidvat op de hoek" are no family. */
const MERKEN = new Set(
  'jumbo aldi lidl plus spar coop hema action kruidvat etos blokker gamma praxis karwei primera bruna ah albert heijn dirk vomar trekpleister oranje'.split(
    ' ',
  ),
);
const ORGANISATIE =
  /(?:bank|school|club|vereniging|stichting|kerk|(?:dorps|buurt|club|zieken|verzorgings|jongeren|wijk|koffie|gemeente)huis|centrum|winkel|markt|kantoor|team|groep|raad|bibliotheek|soos|hal|zorg|hulp|dienst|werk|belang|bond)$/i;

/** Capitalised words that start sentences or name roles, never a surname. */
const GEEN_NAAM = new Set(
  `de het een en of maar ook in op bij van voor na naar met om tot uit aan door over onder sinds tijdens vanaf er ze zij hij wij we ik u je jij
  dat dit die deze wie wat waar hoe veel weinig meer minder steeds elke iedere alle geen ongeveer volgens nu toen daarna dan als omdat want
  ja nee niet nog al soms vaak gisteren vandaag morgen vorige afgelopen laatst onlangs vader moeder zoon dochter broer zus pastoor dominee wethouder burgemeester dokter directeur juf meester huisarts gemeente kerk school`.split(
    /\s+/,
  ),
);
/** Letters of initials that are abbreviations of organisations, not of first names. */
const AFKORTINGEN = new Set(
  'sv vv cbs obs rk pkn nb ps ggd aub bv nv kvk ehbo cv vvv tv mbo hbo vmbo bso kdv aow wmo uwv zzp cjg ov ns'.split(' '),
);
/** Words before a single capital that make it a label, as in "groep A. Ook …". */
const LABELWOORDEN =
  /(?:groep|plan|blok|vitamine|type|fase|route|lijn|klas|vak|bijlage|optie|punt|categorie|niveau|zaal|lokaal|hal|veld|ingang)\s*$/i;
/** A name followed by one of these is a school, street or building named after someone. */
const INSTELLING =
  /^(?:(?:van|de|der|den|ter|ten)\s+)*\p{Lu}[\p{L}-]*(?:school|straat|weg|laan|plein|park|kerk|huis|fonds|centrum|hal|zaal|stichting|college|kliniek|gebouw|hof|singel|kade)\b/u;

const STRAAT_EINDE =
  'straat|straatje|weg|laan|plein|pleintje|dijk|kade|singel|hof|steeg|pad|dreef|gracht|erf|markt|park|baan|akker|esch|es|horst|kamp|brink|stede|ring|allee|oord|dam|hoek|zijde|veld|wal|burg|plantsoen|boulevard|brug|haven|kanaal|molen|tuin|hoven|gaarde|weide|hoeve|kolk|vaart|einde|ende|lanen';
const ADRES = new RegExp(
  `(?<![\\p{L}])([\\p{L}'-]*(?:${STRAAT_EINDE}))(?:,?\\s+(?:huisnummer|nummer|nr\\.?)\\s*|\\s+)\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-/]\\s?\\d{1,4})?(?![\\d.,]\\d)` +
    '(?!\\s*(?:jaar|jarige|keer|x\\b|dag|dagen|week|weken|maand|maanden|uur|min|minuten|km|kilometer|meter|procent|%|euro|€|mensen|personen|jongeren|kinderen|ouderen|gezinnen|inwoners|leden|bezoekers|deelnemers|vrijwilligers|plaatsen|stuks|van\\s+de|tot))',
  'giu',
);
const STERK_STRAAT = /(?:straat|weg|laan|plein|dijk|steeg|kade|singel|gracht|dreef)$/i;
const GEEN_STRAAT = new Set([
  'sportpark',
  'sportveld',
  'speelveld',
  'kunstgrasveld',
  'voetbalveld',
  'trapveld',
  'hondenveld',
  'schoolplein',
  'parkeerplein',
]);
const HUISNUMMER =
  /\b(?:huisnummer|huisnr\.?)\s*:?\s*\d{1,5}(?:\s?[a-zA-Z]\b)?|\b(?:van|op|uit|bij|naast|tegenover)\s+(?:huis)?nummer\s+\d{1,4}[a-zA-Z]?\b/giu;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Written out to get past filters: "marjan punt bos at gmail punt com", "m.bos (at) ziggo (punt) nl". */
const PUNT = '(?:\\.|\\s+(?:punt|dot)\\s+|\\s*[(\\[](?:punt|dot)[)\\]]\\s*)';
const AT = '(?:\\s+(?:at|apenstaartje|at-teken)\\s+|\\s*[(\\[](?:at|apenstaartje)[)\\]]\\s*|\\s+@\\s*|@\\s+)';
const EMAIL_VOLUIT = new RegExp(
  `(?<![\\p{L}])[\\p{L}\\p{N}_-]+(?:${PUNT}[\\p{L}\\p{N}_-]+)*${AT}[\\p{L}\\p{N}-]+(?:${PUNT}[\\p{L}\\p{N}-]+)*${PUNT}(?:nl|com|net|org|eu|be|de|info|nu)(?![\\p{L}])`,
  'gu',
);
const IBAN = /\b[A-Z]{2}\d{2} ?[A-Z0-9]{4}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi;
const SCHEIDING = '[\\s.\\-()/]{0,3}';
const TELEFOON = new RegExp(
  `(?<![\\d+])(?:(?:\\+|00)31${SCHEIDING}(?:\\(?0\\)?${SCHEIDING})?[1-9](?:${SCHEIDING}\\d){8}|\\(?0${SCHEIDING}[1-9](?:${SCHEIDING}\\d){8})(?![\\s.\\-]?\\d)`,
  'g',
);
const CIJFERREEKS = /(?<![\d.,€])\d(?:[ .]?\d){7,8}(?!\d|[.,]\d)/g;
const BSN_WOORD = /(?:bsn|burgerservicenummer|sofi-?nummer|sofinr)\D{0,25}$/i;
const POSTCODE =
  /\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}-])(?:,? ?(?:huisnummer|nr\.?|nummer)? ?(\d{1,5})(?: ?[a-zA-Z]\b)?)?/gu;

const MAANDEN =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|(?:jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?';
const DATUM = new RegExp(
  `\\b(\\d{1,2})(?:[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})|\\s+(?:${MAANDEN})(?:\\s+(\\d{4}))?)(?![\\p{L}\\d])`,
  'gu',
);
const GEBOORTE_WOORD = /(?:geboren|geb\.|geboortedatum|geboortedag|verjaardag|jarig)[^.!?;]{0,25}$/i;
const LEEFTIJD =
  /\((\d{1,3})(?:\s*jaar)?\)|,\s*(\d{1,3})(?=\s*,)|\b(\d{1,3})[- ]?jarige?\b|\b(\d{1,3})\s+jaar(?:\s+oud)?\b|\b(?:van|is|wordt|werd)\s+(\d{1,3})\b(?!\s*(?:procent|%|euro|keer|uur|minuten|kilo|km|meter|mensen|jongeren|kinderen|ouderen|gezinnen|leden|personen|dagen|weken|maanden|jaar|tot)\b)/gu;

const EENHEDEN = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const TIENERS = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const TIENTALLEN = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const TELWOORD = /[\p{L}\p{N}]+/gu;
const TELEFOONWOORD = /(?:bel|bellen|gebeld|telefoon|telefoonnummer|tel|mobiel|nummer|whatsapp|app)\W{0,6}$/i;

/** The digits a Dutch number word (0–99) or a group of digits stands for; undefined when neither. */
function cijfersVan(w: string): string | undefined {
  const s = w.toLowerCase().replace(/é/g, 'e').replace(/ë/g, 'e');
  if (/^\d+$/.test(s)) return s;
  if (EENHEDEN.includes(s)) return String(EENHEDEN.indexOf(s));
  if (TIENERS.includes(s)) return String(10 + TIENERS.indexOf(s));
  if (TIENTALLEN.includes(s) && s) return String(TIENTALLEN.indexOf(s) * 10);
  const m =
    /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(s);
  return m ? String(TIENTALLEN.indexOf(m[2]) * 10 + EENHEDEN.indexOf(m[1])) : undefined;
}

/** Phone numbers written in words: "nul zes twaalf vierendertig zesenvijftig achtenzeventig". */
function telefoonInWoorden(tekst: string): { begin: number; eind: number }[] {
  const uit: { begin: number; eind: number }[] = [];
  let reeks: { begin: number; eind: number; cijfers: string; woorden: number } | undefined;
  const sluit = () => {
    if (!reeks || reeks.woorden < 2) return;
    const n = reeks.cijfers.length;
    const voor = tekst.slice(Math.max(0, reeks.begin - 30), reeks.begin);
    if ((n >= 10 && n <= 12 && /^(?:0|31)/.test(reeks.cijfers)) || (n >= 9 && n <= 12 && TELEFOONWOORD.test(voor)))
      uit.push(reeks);
  };
  for (const m of tekst.matchAll(TELWOORD)) {
    const c = cijfersVan(m[0]);
    const aansluitend = reeks && /^[\s,.\-/]{1,3}$/.test(tekst.slice(reeks.eind, m.index));
    if (c === undefined) {
      sluit();
      reeks = undefined;
    } else if (reeks && aansluitend) {
      reeks.eind = m.index + m[0].length;
      reeks.cijfers += c;
      reeks.woorden += /\d/.test(m[0]) ? 0 : 1;
    } else {
      sluit();
      reeks = { begin: m.index, eind: m.index + m[0].length, cijfers: c, woorden: /\d/.test(m[0]) ? 0 : 1 };
    }
  }
  sluit();
  return uit;
}

/** Same length, so positions in the normalised text are positions in what was typed. */
function normaliseer(tekst: string): string {
  return tekst
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019]/g, "'");
}

function elfproef(cijfers: string): boolean {
  if (cijfers.length !== 9 || /^0+$/.test(cijfers)) return false;
  const som = [...cijfers].reduce((s, c, i) => s + Number(c) * (i === 8 ? -1 : 9 - i), 0);
  return som % 11 === 0;
}

function ibanKlopt(iban: string): boolean {
  const s = iban.replace(/ /g, '').toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  const getal = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const c of getal) rest = (rest * 10 + Number(c)) % 97;
  return rest === 1;
}

export function vindPersoonsgegevens(invoer: string, opties: PrivacyOpties = {}): Bevinding[] {
  const tekst = normaliseer(invoer);
  const jaar = opties.jaar ?? new Date().getFullYear();
  const bekend = new Set((opties.bekendeNamen ?? []).flatMap((n) => [n, ...n.split(/[\s-]+/)]).map((n) => n.toLowerCase()));
  const gevonden: Bevinding[] = [];
  const voeg = (soort: Soort, begin: number, eind: number) =>
    gevonden.push({ soort, begin, eind, fragment: invoer.slice(begin, eind) });
  const overlapt = (begin: number, eind: number) => gevonden.some((b) => b.begin < eind && begin < b.eind);
  const alle = (re: RegExp) => [...tekst.matchAll(re)].map((m) => ({ m, begin: m.index, eind: m.index + m[0].length }));
  const voor = (pos: number, n = 40) => tekst.slice(Math.max(0, pos - n), pos);
  const geenNaam = (w: string) => GEEN_NAAM.has(w.toLowerCase()) || bekend.has(w.toLowerCase());

  // Contact details and numbers first; later rules skip what these already cover.
  for (const { begin, eind } of [...alle(EMAIL), ...alle(EMAIL_VOLUIT)]) voeg('email', begin, eind);
  for (const { m, begin, eind } of alle(IBAN)) if (ibanKlopt(m[0])) voeg('rekeningnummer', begin, eind);
  for (const { begin, eind } of alle(TELEFOON)) if (!overlapt(begin, eind)) voeg('telefoon', begin, eind);
  for (const { begin, eind } of telefoonInWoorden(tekst)) if (!overlapt(begin, eind)) voeg('telefoon', begin, eind);
  for (const { m, begin, eind } of alle(CIJFERREEKS)) {
    const cijfers = m[0].replace(/\D/g, '');
    if (!overlapt(begin, eind) && (elfproef(cijfers) || BSN_WOORD.test(voor(begin)))) voeg('bsn', begin, eind);
  }
  for (const { m, begin, eind } of alle(DATUM)) {
    if (overlapt(begin, eind)) continue;
    // Only a numeric date reads as a date of birth by its year alone: "5 mei 1945" is history.
    const [, dag, maand, jr] = m;
    const j = jr?.length === 4 ? Number(jr) : 0;
    const geldig = Number(dag) >= 1 && Number(dag) <= 31 && (maand === undefined || (Number(maand) >= 1 && Number(maand) <= 12));
    if (geldig && (GEBOORTE_WOORD.test(voor(begin)) || (j >= 1900 && j <= jaar - 16))) voeg('geboortedatum', begin, eind);
  }
  for (const { m, begin, eind } of alle(POSTCODE)) {
    const cijfers = Number(m[0].slice(0, 4));
    // Without a house number, "2024 NS" is more likely a year than a postcode.
    if (!overlapt(begin, eind) && (m[1] || cijfers < 1950 || cijfers > 2099)) voeg('postcode', begin, eind);
  }
  for (const { m, begin, eind } of alle(ADRES)) {
    const straat = m[1];
    const isStraat =
      (/^\p{Lu}/u.test(straat) || STERK_STRAAT.test(straat)) &&
      !GEEN_STRAAT.has(straat.toLowerCase()) &&
      !bekend.has(straat.toLowerCase());
    if (isStraat && !overlapt(begin, eind)) voeg('adres', begin, eind);
  }
  for (const { begin, eind } of alle(HUISNUMMER)) voeg('adres', begin, eind);

  // Names: after a title, with initials, or a common first name.
  // "het gezin op Kerkweg 23" is about an address, which the address rule reports.
  for (const { m, begin, eind } of alle(TITEL_NAAM)) if (!geenNaam(m[1]) && !STERK_STRAAT.test(m[1])) voeg('naam', begin, eind);
  for (const { m, begin, eind } of alle(INITIALEN_NAAM)) {
    const letters = m[1].replace(/[^\p{L}]/gu, '').toLowerCase();
    if (AFKORTINGEN.has(letters) || geenNaam(m[2])) continue;
    if (letters.length === 1 && LABELWOORDEN.test(voor(begin, 20))) continue;
    voeg('naam', begin, eind);
  }
  for (const { m, begin, eind } of alle(HOOFDLETTERWOORD)) {
    if (!VOORNAMEN.has(m[0]) || bekend.has(m[0].toLowerCase())) continue;
    if (/(?:^|\s)(?:sint|st\.|prins|prinses|koning|koningin|keizer|de|het)\s+$/i.test(voor(begin, 12))) continue;
    // "Kapsalon Anja", "Zorgboerderij Jan": a capitalised word right before makes it a business.
    const vorige = /(\p{Lu}\p{Ll}+)\s+$/u.exec(voor(begin, 30))?.[1];
    if (vorige && !geenNaam(vorige) && !VOORNAMEN.has(vorige) && !TITEL_WOORD.test(vorige)) continue;
    const na = tekst.slice(eind);
    if (na.startsWith('-') || INSTELLING.test(na.trimStart())) continue;
    const achternaam = new RegExp(`^\\s+${TUSSEN}${ACHTERNAAM}`, 'u').exec(na);
    const staart = achternaam && !geenNaam(achternaam[0].trim().split(/\s+/).at(-1)!) ? achternaam[0].length : 0;
    voeg('naam', begin, eind + staart);
  }
  // Without a title: "de jongen van Mulder", "bij Nijhuis op nummer 22", "ze logeert bij Jansen".
  const geenFamilie = (w: string) => geenNaam(w) || MERKEN.has(w.toLowerCase()) || ORGANISATIE.test(w) || STERK_STRAAT.test(w);
  for (const { m, begin, eind } of [...alle(PERSOON_VAN), ...alle(BIJ_HUIS)]) if (!geenFamilie(m[1])) voeg('naam', begin, eind);
  for (const { m, begin, eind } of alle(HOOFDLETTERWOORD)) {
    if (!LIJST_ACHTERNAMEN.has(m[0]) || /(?:^|[.!?:]\s*)$/.test(voor(begin, 3))) continue;
    const vorige = /(\p{Lu}\p{Ll}+)\s+$/u.exec(voor(begin, 30))?.[1];
    if (vorige && !geenNaam(vorige) && !TITEL_WOORD.test(vorige)) continue;
    if (!INSTELLING.test(tekst.slice(begin))) voeg('naam', begin, eind);
  }
  // "Klaas (82)" or "Klaas, 82 jaar": a capitalised word right before an age is a name.
  for (const { m, begin } of alle(/(?<![\p{L}])(\p{Lu}[\p{Ll}']+)(?=\s*\(\d{1,3}(?:\s*jaar)?\)|,\s*\d{1,3}\s+jaar\b)/gu)) {
    const zinsbegin = /(?:^|[.!?]\s+)$/.test(voor(begin, 3));
    if (!zinsbegin && !geenNaam(m[1])) voeg('naam', begin, begin + m[1].length);
  }

  // An exact age counts only next to a name: "een man van 82" is about a group of people.
  const namen = gevonden.filter((b) => b.soort === 'naam');
  for (const { begin, eind } of alle(LEEFTIJD)) {
    const naam = namen.find(
      (n) =>
        (n.eind <= begin && begin - n.eind <= 14 && !/[.!?;]/.test(tekst.slice(n.eind, begin))) ||
        (n.begin >= eind && n.begin - eind <= 12 && !/[.!?;,]/.test(tekst.slice(eind, n.begin))),
    );
    if (naam) voeg('leeftijd', Math.min(naam.begin, begin), Math.max(naam.eind, eind));
  }
  return samenvoegen(gevonden, invoer);
}

/** One finding per overlapping stretch of the same kind, in reading order. */
function samenvoegen(lijst: Bevinding[], invoer: string): Bevinding[] {
  const uit: Bevinding[] = [];
  for (const b of [...lijst].sort((x, y) => x.begin - y.begin || y.eind - x.eind)) {
    const vorige = uit.find((u) => u.soort === b.soort && u.begin < b.eind && b.begin < u.eind);
    if (!vorige) uit.push({ ...b });
    else {
      vorige.begin = Math.min(vorige.begin, b.begin);
      vorige.eind = Math.max(vorige.eind, b.eind);
      vorige.fragment = invoer.slice(vorige.begin, vorige.eind);
    }
  }
  return uit.sort((x, y) => x.begin - y.begin || x.eind - y.eind);
}

const UITLEG: Record<Soort, (f: string) => string> = {
  naam: (f) => `Dit lijkt een naam: "${f}".`,
  telefoon: (f) => `Dit lijkt een telefoonnummer: ${f}.`,
  email: (f) => `Dit lijkt een e-mailadres: ${f}.`,
  adres: (f) => `Dit lijkt een adres met huisnummer: "${f}". Noem alleen de straat of de buurt.`,
  postcode: (f) => `Dit lijkt een postcode: ${f}. Noem alleen het dorp of de buurt.`,
  bsn: (f) => `Dit lijkt een burgerservicenummer (BSN): ${f}.`,
  rekeningnummer: (f) => `Dit lijkt een bankrekeningnummer: ${f}.`,
  geboortedatum: (f) => `Dit lijkt een geboortedatum: ${f}. Noem liever een leeftijdsgroep, zoals "80-plussers".`,
  leeftijd: (f) => `Dit lijkt een leeftijd bij een naam: "${f}". Noem liever een leeftijdsgroep.`,
};

export const SLOTZIN = 'Schrijf over de groep, niet over één persoon.';

export function uitleg(b: Bevinding): string {
  return UITLEG[b.soort](b.fragment.trim());
}

/** The message at the field: what was found (at most three) and what to do instead. */
export function privacyMelding(bevindingen: Bevinding[]): string {
  const eerste = bevindingen.slice(0, 3).map(uitleg);
  const meer = bevindingen.length > 3 ? ` En nog ${bevindingen.length - 3} andere.` : '';
  return `${eerste.join(' ')}${meer} ${SLOTZIN}`;
}
