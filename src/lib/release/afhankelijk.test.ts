import { describe, expect, it } from 'vitest';
import { maakSiteData } from '../site/sitedata.ts';
import { act, config, kaart, org } from '../site/testdata.ts';
import type { Kaart } from '../data/kaart.ts';
import {
  type Afhankelijkheden,
  isNaleverbaar,
  paginaAfhankelijkheden,
  paginaAfdrukken,
  teRenderen,
  uitvoerBestand,
} from './afhankelijk.ts';

const nu = { datum: '2026-11-22', tijd: '12:00' };
const site = (k: Kaart) => maakSiteData(config, k, nu);
const met = (wijzig: (k: Kaart) => Kaart) => site(wijzig(structuredClone(kaart)));

/** The detail paths an incremental publish renders after a change of the demo-like data set. */
function gewijzigd(na: Kaart, van: Kaart = kaart): string[] {
  const voor = site(van);
  const vorige: Afhankelijkheden = {
    datum: nu.datum,
    paden: Object.fromEntries([...paginaAfdrukken(voor)].map(([pad, afdruk]) => [pad, { bestand: '', afdruk }])),
  };
  const nieuw = site(na);
  const afdrukken = paginaAfdrukken(nieuw);
  return [...teRenderen([...afdrukken.keys()], vorige, nu.datum, afdrukken)].sort();
}

describe('which pages depend on which records', () => {
  it('names the records of every page it models', () => {
    const paden = paginaAfhankelijkheden(site(kaart));
    expect(paden.get('/aanbod/koffie')).toEqual(['a:koffie', 'o:club', 'k:sibculo']);
    expect(paden.get('/kernen/kloosterhaar')).toEqual(['k:kloosterhaar', 'a:spreekuur', 'o:club', 'zk:kloosterhaar']);
    expect(paden.get('/themas/ontmoeting')).toEqual(['t:ontmoeting', 'a:koffie', 'a:markt', 'a:pauze', 'o:club']);
    expect(paden.get('/organisaties/club')).toEqual([
      'o:club',
      'zo:club',
      'a:koffie',
      'a:markt',
      'a:pauze',
      'a:spreekuur',
      'k:sibculo',
      'k:kloosterhaar',
    ]);
  });

  const gevallen: { naam: string; wijzig: (k: Kaart) => Kaart; verwacht: string[] }[] = [
    { naam: 'nothing changed', wijzig: (k) => k, verwacht: [] },
    {
      naam: 'an activity text changed',
      wijzig: (k) => ({ ...k, activiteiten: k.activiteiten.map((a) => (a.slug === 'koffie' ? { ...a, titel: 'Koffie!' } : a)) }),
      verwacht: [
        '/aanbod/koffie',
        '/agenda/aanbod/koffie.ics',
        '/agenda/kernen/sibculo.ics',
        '/agenda/organisaties/club.ics',
        '/kernen/sibculo',
        '/organisaties/club',
        '/themas/ontmoeting',
      ],
    },
    {
      naam: 'an organisation changed: its page, its activities and the kern and thema pages listing them',
      wijzig: (k) => ({ ...k, organisaties: k.organisaties.map((o) => ({ ...o, naam: 'De Club' })) }),
      verwacht: [
        '/aanbod/koffie',
        '/aanbod/markt',
        '/aanbod/pauze',
        '/aanbod/spreekuur',
        '/agenda/aanbod/koffie.ics',
        '/agenda/aanbod/markt.ics',
        '/agenda/aanbod/pauze.ics',
        '/agenda/aanbod/spreekuur.ics',
        '/agenda/kernen/kloosterhaar.ics',
        '/agenda/kernen/sibculo.ics',
        '/agenda/organisaties/club.ics',
        '/kernen/kloosterhaar',
        '/kernen/sibculo',
        '/organisaties/club',
        '/themas/cultuur-en-hobby',
        '/themas/geldzaken',
        '/themas/ontmoeting',
      ],
    },
    {
      naam: 'an activity moved to another organisation: both organisation pages',
      wijzig: (k) => ({
        ...k,
        organisaties: [...k.organisaties, org('buren', ['sibculo'])],
        activiteiten: k.activiteiten.map((a) => (a.slug === 'markt' ? { ...a, organisatie: 'buren' } : a)),
      }),
      verwacht: [
        '/aanbod/markt',
        '/agenda/aanbod/markt.ics',
        '/agenda/kernen/sibculo.ics',
        '/agenda/organisaties/buren.ics',
        '/agenda/organisaties/club.ics',
        '/kernen/sibculo',
        '/organisaties/buren',
        '/organisaties/club',
        '/themas/ontmoeting',
      ],
    },
    {
      naam: 'an activity moved to another kern: the kern pages it left and joined',
      wijzig: (k) => ({
        ...k,
        activiteiten: k.activiteiten.map((a) => (a.slug === 'koffie' ? { ...a, kern: 'kloosterhaar' } : a)),
      }),
      verwacht: [
        '/aanbod/koffie',
        '/agenda/aanbod/koffie.ics',
        '/agenda/kernen/kloosterhaar.ics',
        '/agenda/kernen/sibculo.ics',
        '/agenda/organisaties/club.ics',
        '/kernen/kloosterhaar',
        '/kernen/sibculo',
        '/organisaties/club',
        '/themas/ontmoeting',
      ],
    },
    {
      naam: 'a new activity: its page, its organisation, its kern and thema',
      wijzig: (k) => ({ ...k, activiteiten: [...k.activiteiten, act('nieuw', 'sibculo', { opAfspraak: true })] }),
      verwacht: [
        '/aanbod/nieuw',
        '/agenda/aanbod/nieuw.ics',
        '/agenda/kernen/sibculo.ics',
        '/agenda/organisaties/club.ics',
        '/kernen/sibculo',
        '/organisaties/club',
        '/themas/ontmoeting',
      ],
    },
    {
      naam: 'a kernondersteuner changed: the pages in that kern',
      wijzig: (k) => ({
        ...k,
        kernondersteuners: [
          { kern: 'kloosterhaar', naam: 'Anna', telefoon: '0546 000000' } as Kaart['kernondersteuners'][number],
        ],
      }),
      verwacht: ['/aanbod/spreekuur', '/agenda/kernen/kloosterhaar.ics', '/kernen/kloosterhaar', '/organisaties/club'],
    },
  ];
  for (const geval of gevallen) {
    it(`renders exactly the affected pages when ${geval.naam}`, () => {
      expect(gewijzigd(geval.wijzig(structuredClone(kaart))), geval.naam).toEqual(geval.verwacht);
    });
  }

  it('renders a page whose search words change because another page brought a new word', () => {
    // "klaverjasavond" is split for search once "klaverjas" and "avond" are words of the site.
    const tekst = (k: Kaart, slug: string, omschrijving: string) => ({
      ...k,
      activiteiten: k.activiteiten.map((a) => (a.slug === slug ? { ...a, omschrijving } : a)),
    });
    const voor = tekst(structuredClone(kaart), 'koffie', 'Een gezellige klaverjasavond.');
    const na = tekst(structuredClone(voor), 'spreekuur', 'Klaverjas op de avond.');
    expect(gewijzigd(na, voor)).toContain('/aanbod/koffie');
  });

  it("renders an organisation's page, not its other activities, when a new word changes its search words", () => {
    const voor: Kaart = {
      ...structuredClone(kaart),
      organisaties: kaart.organisaties.map((o) =>
        o.slug === 'club' ? { ...o, omschrijving: 'Elke week een klaverjasavond.' } : o,
      ),
    };
    const na: Kaart = {
      ...structuredClone(voor),
      activiteiten: voor.activiteiten.map((a) => (a.slug === 'spreekuur' ? { ...a, omschrijving: 'Klaverjas op de avond.' } : a)),
    };
    const paden = gewijzigd(na, voor);
    expect(paden).toContain('/organisaties/club');
    expect(paden.filter((p) => p.startsWith('/aanbod/'))).toEqual(['/aanbod/spreekuur']);
  });

  it('renders everything on another day, and every page not named in the model', () => {
    const afdrukken = paginaAfdrukken(met((k) => k));
    const vorige: Afhankelijkheden = {
      datum: nu.datum,
      paden: Object.fromEntries([...afdrukken].map(([pad, afdruk]) => [pad, { bestand: '', afdruk }])),
    };
    const alle = [...afdrukken.keys(), '/kernen', '/'];
    expect([...teRenderen(alle, vorige, '2026-11-23', afdrukken)]).toEqual(alle);
    expect([...teRenderen(alle, vorige, nu.datum, afdrukken)]).toEqual(['/kernen', '/']);
    expect([...teRenderen(alle, undefined, nu.datum, afdrukken)]).toEqual(alle);
  });

  it('leaves existing open-data files for a follow-up publish when asked, but makes new ones', () => {
    const afdrukken = paginaAfdrukken(met((k) => k));
    const vorige: Afhankelijkheden = {
      datum: nu.datum,
      paden: { '/open-data/hsds/services.json': { bestand: 'open-data/hsds/services.json' }, '/': { bestand: 'index.html' } },
    };
    const paden = ['/', '/open-data/hsds/services.json', '/open-data/activiteiten.csv'];
    expect([...teRenderen(paden, vorige, nu.datum, afdrukken, isNaleverbaar)]).toEqual(['/', '/open-data/activiteiten.csv']);
    expect([...teRenderen(paden, vorige, nu.datum, afdrukken)]).toEqual(paden);
  });

  it('writes each path to the file Astro writes it to', () => {
    expect(uitvoerBestand('/', 'page')).toBe('index.html');
    expect(uitvoerBestand('/404', 'page')).toBe('404.html');
    expect(uitvoerBestand('/aanbod/koffie/', 'page')).toBe('aanbod/koffie/index.html');
    expect(uitvoerBestand('/sitemap.xml', 'endpoint')).toBe('sitemap.xml');
    expect(uitvoerBestand('/open-data/hsds/services.json', 'endpoint')).toBe('open-data/hsds/services.json');
  });
});
