import { loadConfig } from '../config/load.ts';
import { type Woorden, woorden } from '../config/woorden.ts';

/**
 * Messages shown after a redirect (?melding=…). Fixed texts only: a URL can never put its own
 * words on the page.
 */
export const MELDINGEN = {
  voorgesteld:
    'Uw wijziging is opgeslagen. De gemeente kijkt ernaar; daarna staat hij op de sociale kaart. U ziet hieronder de status.',
  gepubliceerd: 'Uw wijziging is opgeslagen en staat binnen een minuut op de sociale kaart.',
  gecontroleerd: 'Dank u wel! We hebben genoteerd dat alles nog klopt.',
  gepauzeerd: 'De activiteit staat op pauze. Op de sociale kaart staat dat hij tijdelijk niet doorgaat.',
  hervat: 'De activiteit gaat weer door en staat weer op de sociale kaart.',
  verwijderd: 'De activiteit is verwijderd van de sociale kaart.',
  goedgekeurd: 'De wijziging is goedgekeurd en wordt gepubliceerd.',
  afgewezen: 'De wijziging is afgewezen. De partner ziet uw reden.',
  teruggezet: 'De eerdere versie staat weer live.',
  uitgenodigd: 'Het account is aangemaakt en de uitnodiging is verstuurd.',
  'opnieuw-uitgenodigd': 'De uitnodiging is opnieuw verstuurd. De link uit de vorige uitnodiging werkt niet meer.',
  bewaard: 'De gegevens zijn opgeslagen.',
  'op-de-kaart': 'Het concept staat nu op de sociale kaart. Over een minuut ziet iedereen het.',
  'signaal-gemeld': 'Uw signaal is opgeslagen. De partners in de kern en {deOndersteuner} kunnen het nu lezen.',
  'signaal-herkend': 'Dank u. Uw organisatie telt nu mee bij dit signaal.',
  'signaal-bijgewerkt': 'De volgende stap is opgeslagen.',
  'speelt-nog': 'Genoteerd: dit speelt nog. Over drie maanden vragen we het opnieuw.',
  'signaal-gegroepeerd': 'De groep is bijgewerkt. Geen enkel signaal is verwijderd.',
  'signaal-verbeterd': 'Uw tekst is verbeterd. De oude tekst is niet bewaard.',
  'signaal-geanonimiseerd': 'Het stuk tekst is overal in dit signaal weggehaald.',
  dagoverzicht: 'Uw keuze voor de dagelijkse e-mail is opgeslagen.',
  'signaal-verwijderd': 'Het signaal is verwijderd, met alle reacties en stappen.',
  verwezen: 'De verwijzing is gemaakt. Geef de inwoner het kaartje met de code.',
  beantwoord: 'Uw antwoord is opgeslagen. De verwijzer ziet het direct.',
  capaciteit: 'De plaatsen zijn aangepast. Dat staat binnen een minuut op de sociale kaart.',
  tekort: 'Dank u wel. We tellen dit mee bij wat er in het aanbod ontbreekt.',
  'melding-afgesloten': 'De melding is afgesloten.',
  'namens-gecontroleerd': 'Genoteerd: alles klopt nog, namens de organisatie. Dat staat nu in de geschiedenis.',
  'gaat-weer-door': 'Genoteerd: de activiteit gaat weer door, namens de organisatie. Dat staat nu in de geschiedenis.',
} as const;

export type MeldingSleutel = keyof typeof MELDINGEN;

/** The message for a key, in the gemeente's own words ({deOndersteuner}: "de kernondersteuner"). */
export function melding(sleutel: string | null, w: Pick<Woorden, 'deOndersteuner'> = woorden(loadConfig())): string | undefined {
  if (!sleutel || !(sleutel in MELDINGEN)) return undefined;
  return MELDINGEN[sleutel as MeldingSleutel].replaceAll('{deOndersteuner}', w.deOndersteuner);
}
