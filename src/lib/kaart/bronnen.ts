import type { KaartConfig } from '../config/schema.ts';

/** PDOK serves the style, tiles, fonts and symbols of its basemap from this host. */
const PDOK_HOST = 'https://api.pdok.nl';

/**
 * Origins outside our own site that the chosen basemap needs; the CSP allows exactly these.
 * `none` and `pmtiles` need nothing: everything comes from our own server.
 */
export function kaartBronnen(kaart: KaartConfig): string[] {
  if (kaart.ondergrond !== 'pdok') return [];
  return [...new Set([PDOK_HOST, kaart.stijl, ...kaart.bronnen].map((url) => new URL(url).origin))];
}

/** What the privacy page says about the map, for the chosen basemap. Plain Dutch, B1. */
export function kaartPrivacyTekst(kaart: KaartConfig): string[] {
  const altijd =
    'De kaart laadt pas als u op "Toon de kaart" drukt of naar de kaart scrolt. Daarvoor haalt uw browser een kaartprogramma van onze eigen server.';
  switch (kaart.ondergrond) {
    case 'none':
      return [
        altijd,
        'De kaart heeft geen achtergrondkaart van een ander. Alles op de kaart komt van onze eigen server. Uw browser maakt voor de kaart geen verbinding met andere partijen.',
      ];
    case 'pmtiles':
      return [
        altijd,
        'De achtergrondkaart staat op onze eigen server, net als de lettertypes en symbolen van de kaart. Uw browser maakt voor de kaart geen verbinding met andere partijen.',
      ];
    case 'pdok':
      return [
        altijd,
        `De achtergrondkaart komt van PDOK, de kaartdienst van de overheid (Kadaster). Als u de kaart opent, vraagt uw browser de kaartstijl, kaartstukjes, lettertypes en symbolen op bij ${kaartBronnen(
          kaart,
        )
          .map((o) => new URL(o).host)
          .join(
            ' en ',
          )}. PDOK ziet dan uw IP-adres en welk stuk van de kaart u bekijkt, zoals bij elke website. Wij sturen PDOK geen andere gegevens. Zonder de kaart te openen maakt uw browser geen verbinding met PDOK.`,
      ];
  }
}
