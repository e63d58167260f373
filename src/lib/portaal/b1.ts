/**
 * Writing hints for plain Dutch (taalniveau B1): long sentences and words that inwoners often
 * do not know, each with a simpler word. Hints, not rules: saving is never blocked by them.
 */

export const MAX_WOORDEN_PER_ZIN = 20;

/** Jargon from the social domain with an everyday alternative. */
export const MOEILIJKE_WOORDEN: Record<string, string> = {
  participatie: 'meedoen',
  participeren: 'meedoen',
  faciliteren: 'mogelijk maken, helpen',
  laagdrempelig: 'makkelijk, zonder afspraak',
  zelfredzaamheid: 'zelf kunnen',
  zelfredzaam: 'zelf kunnen',
  preventief: 'om problemen te voorkomen',
  preventie: 'voorkomen',
  integraal: 'samen, in één keer',
  casuïstiek: 'situaties',
  doelgroep: 'voor wie het is',
  indicatie: 'verwijzing of toestemming',
  interventie: 'hulp, aanpak',
  cliënt: 'deelnemer, bezoeker',
  cliënten: 'deelnemers, bezoekers',
  psychosociaal: 'over hoe u zich voelt',
  multidisciplinair: 'met verschillende hulpverleners',
  ambulant: 'bij u thuis of op afspraak',
  signaleren: 'merken, zien',
  ondersteuningsbehoefte: 'hulp die u nodig heeft',
  maatwerkvoorziening: 'hulp die past bij u',
  empowerment: 'sterker worden',
  competenties: 'wat u kunt',
  eenzaamheidsproblematiek: 'eenzaamheid',
  problematiek: 'problemen',
  inloopvoorziening: 'inloop',
  vrijwilligersinzet: 'hulp van vrijwilligers',
  woonachtig: 'wonend',
  alsmede: 'en',
  middels: 'met',
  teneinde: 'om',
  derhalve: 'daarom',
  dientengevolge: 'daardoor',
  'ten behoeve van': 'voor',
};

export type B1Hint = { soort: 'zin' | 'woord'; tekst: string };

export function zinnen(tekst: string): string[] {
  return tekst
    .split(/(?<=[.!?])\s+|\n+/)
    .map((z) => z.trim())
    .filter(Boolean);
}

export function b1Hints(tekst: string): B1Hint[] {
  const hints: B1Hint[] = [];
  for (const zin of zinnen(tekst)) {
    const woorden = zin.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (woorden > MAX_WOORDEN_PER_ZIN) {
      const begin = zin.split(/\s+/).slice(0, 6).join(' ');
      hints.push({
        soort: 'zin',
        tekst: `De zin "${begin} …" heeft ${woorden} woorden. Maak er twee korte zinnen van (tot ${MAX_WOORDEN_PER_ZIN} woorden).`,
      });
    }
  }
  const klein = ` ${tekst.toLowerCase().replace(/[^\p{L}\s]/gu, ' ')} `;
  for (const [woord, beter] of Object.entries(MOEILIJKE_WOORDEN)) {
    if (klein.includes(` ${woord} `))
      hints.push({ soort: 'woord', tekst: `"${woord}" is een moeilijk woord. Schrijf liever: ${beter}.` });
  }
  return hints;
}
