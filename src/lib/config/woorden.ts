import { hoofdletter } from '../rooster/tekst.ts';
import type { GemeenteConfig } from './schema.ts';

/**
 * The words a gemeente uses for its local contact per kern, in the forms sentences need.
 * Pages, portal and mails build their sentences from these, never from a literal
 * "kernondersteuner", so another gemeente can say "Sterk Lokaal Team" without code changes.
 */
export type Woorden = {
  /** "kernondersteuner" / "Sterk Lokaal Team": mid-sentence. */
  ondersteuner: string;
  /** "kernondersteuners" / "Sterk Lokaal Teams". */
  ondersteuners: string;
  /** "Kernondersteuner" / "Sterk Lokaal Team": at the start of a sentence or label. */
  Ondersteuner: string;
  /** "Kernondersteuners" / "Sterk Lokaal Teams". */
  Ondersteuners: string;
  /** "de kernondersteuner" / "het Sterk Lokaal Team". */
  deOndersteuner: string;
  /** "De kernondersteuner" / "Het Sterk Lokaal Team". */
  DeOndersteuner: string;
  /** The word that points back to it: "Die" (de-word) / "Dat" (het-word). */
  Die: string;
};

export function woorden(config: Pick<GemeenteConfig, 'woorden'>): Woorden {
  const { enkelvoud, meervoud, lidwoord } = config.woorden.ondersteuner;
  const de = `${lidwoord} ${enkelvoud}`;
  return {
    ondersteuner: enkelvoud,
    ondersteuners: meervoud,
    Ondersteuner: hoofdletter(enkelvoud),
    Ondersteuners: hoofdletter(meervoud),
    deOndersteuner: de,
    DeOndersteuner: hoofdletter(de),
    Die: lidwoord === 'het' ? 'Dat' : 'Die',
  };
}
