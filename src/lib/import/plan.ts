import type { z } from 'zod';
import type { GemeenteConfig } from '../config/schema.ts';
import { woorden } from '../config/woorden.ts';
import { maakSlug, naamUuid } from '../data/ids.ts';
import { laadKaart, type Activiteit, type Kernondersteuner, type Organisatie } from '../data/kaart.ts';
import type { DbOfTx } from '../db/client.ts';
import { AANVULBAAR, alsConcept, type AanvulSoort } from '../model/aanvullen.ts';
import { maakSchemas, type ActiviteitData, type KernondersteunerData, type OrganisatieData } from '../model/schemas.ts';
import { isUuid } from '../opendata/hsds/tabelschema.ts';
import { plekVoor, type Herkomst, type Invoer, type OrganisatieVerwijzing } from './invoer.ts';
import { letOp, probleem, type Melding, type Plek } from '../opendata/hsds/melding.ts';

/**
 * What an import would do: per record new, changed (with which fields), unchanged or skipped,
 * validated with the same zod schemas as every other write. Reads the database, writes nothing.
 */

export type Soort = 'organisatie' | 'activiteit' | 'kernondersteuner';
type Data = OrganisatieData | ActiviteitData | KernondersteunerData;
export type PlanItem = {
  soort: Soort;
  actie: 'nieuw' | 'bijwerken' | 'ongewijzigd' | 'overslaan';
  naam: string;
  sleutel: string;
  uuid: string;
  data?: Data;
  bestaand?: { id: number; versie: number };
  gewijzigdOp?: string;
  wijzigingen: string[];
  /** Where the record is in the input. */
  plek?: Plek;
  /** What the beheerder must still fill in before it can go on the map; the record is a concept. */
  teDoen?: string[];
};
export type Plan = { invoer: Invoer; items: PlanItem[]; meldingen: Melding[]; publiceren: boolean };

const ORG_VELDEN = [
  'slug',
  'naam',
  'soort',
  'omschrijving',
  'telefoon',
  'email',
  'website',
  'bezoekadres',
  'kernen',
  'themas',
  'gecontroleerdOp',
];
const ACT_VELDEN = [
  'slug',
  'titel',
  'omschrijving',
  'organisatie',
  'kern',
  'locatie',
  'rooster',
  'themas',
  'doelgroepen',
  'kosten',
  'aanmelden',
  'toegankelijkheid',
  'contact',
  'capaciteit',
  'gecontroleerdOp',
];
const KO_VELDEN = ['kern', 'naam', 'foto', 'telefoon', 'email', 'organisatie', 'bereikbaar', 'spreekuren'];
const SETS = new Set(['kernen', 'themas', 'doelgroepen']);

/** JSON with sorted keys and without empty values, so equal content compares equal. */
function stabiel(w: unknown): string {
  return JSON.stringify(w, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined && x !== null)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function verschil(oud: object | undefined, nieuw: object, velden: string[]): string[] {
  if (!oud) return velden;
  const o = oud as Record<string, unknown>;
  const n = nieuw as Record<string, unknown>;
  const norm = (veld: string, w: unknown) => stabiel(SETS.has(veld) && Array.isArray(w) ? [...w].sort() : (w ?? null));
  return velden.filter((v) => norm(v, o[v]) !== norm(v, n[v]));
}

function datumTijd(w: string | undefined): string | undefined {
  if (!w || Number.isNaN(Date.parse(w))) return undefined;
  return new Date(w).toISOString();
}

export function maakPlan(
  db: DbOfTx,
  config: GemeenteConfig,
  invoer: Invoer,
  opties: { publiceren: boolean; vandaag: string },
): Plan {
  const schemas = maakSchemas(config);
  const kaart = laadKaart(db, { ookConcepten: true });
  const meldingen: Melding[] = [...invoer.meldingen];
  const items: PlanItem[] = [];
  const { publiceren, vandaag } = opties;

  /** A reader that already said what is wrong with a field said it better than zod's generic message. */
  const sleutel = (m: { bestand: string; rij?: unknown; veld?: string }) => `${m.bestand}:${String(m.rij)}:${m.veld ?? ''}`;
  const alGemeld = new Set(invoer.meldingen.filter((m) => m.ernst === 'probleem').map(sleutel));

  function valideer<S extends z.ZodType>(
    schema: S,
    waarde: unknown,
    herkomst: Herkomst,
    overslaan?: (pad: ReadonlyArray<PropertyKey>) => boolean,
  ): z.infer<S> | undefined {
    const r = schema.safeParse(waarde);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      if (overslaan?.(issue.path)) continue;
      const plek = plekVoor(herkomst, issue.path);
      if (!alGemeld.has(sleutel(plek))) meldingen.push(probleem(plek, issue.message));
    }
    return undefined;
  }

  /**
   * A record that lacks only what the beheerder can fill in the portal (our lists, vrije inloop or
   * aanmelden) comes in as a concept with its to-dos; anything else wrong is a problem as usual.
   */
  function valideerOfConcept<T>(
    soort: AanvulSoort,
    invoerWaarde: Record<string, unknown>,
    herkomst: Herkomst,
    bestaand?: Organisatie | Activiteit,
  ) {
    // What the input lacks and the record on the map has (completed after an earlier import) stays.
    const waarde = { ...invoerWaarde };
    if (bestaand) {
      const oud = bestaand as unknown as Record<string, unknown>;
      for (const veld of Object.keys(AANVULBAAR[soort])) {
        const w = waarde[veld] as { soort?: unknown } | unknown[] | string | undefined;
        const ontbreekt =
          w === undefined ||
          w === '' ||
          (Array.isArray(w) && w.length === 0) ||
          (typeof w === 'object' && !('soort' in w && w.soort));
        if (ontbreekt && oud[veld] !== undefined) waarde[veld] = oud[veld];
      }
    }
    const concept = alsConcept<T>(config, soort, waarde);
    if (concept) return { data: concept.data, teDoen: concept.teDoen };
    // Something else is wrong: report that; what can be completed later is no problem of its own.
    const aanvulbaar = (pad: ReadonlyArray<PropertyKey>) => String(pad[0]) in AANVULBAAR[soort];
    return { data: valideer(maakSchemas(config)[soort], waarde, herkomst, aanvulbaar) as T | undefined, teDoen: undefined };
  }

  /** Two records in the input for the same thing: the second is a problem. */
  function dubbel(gezien: Map<string, Herkomst>, sleutels: (string | undefined)[], herkomst: Herkomst, wat: string): boolean {
    for (const s of sleutels) {
      if (!s) continue;
      const eerder = gezien.get(s);
      if (eerder) {
        meldingen.push(
          probleem(
            { ...herkomst.plek, veld: herkomst.plek.veld ?? 'id' },
            `Deze ${wat} staat twee keer in de invoer (ook op ${[eerder.plek.bestand, eerder.plek.rij].join(':')}).`,
          ),
        );
        return true;
      }
    }
    for (const s of sleutels) if (s) gezien.set(s, herkomst);
    return false;
  }

  function uniekeSlug(basis: string, bezet: Set<string>): string {
    let slug = basis || 'naamloos';
    for (let i = 2; bezet.has(slug); i++) slug = `${basis}-${i}`;
    return slug;
  }

  function gecontroleerd(w: unknown, bestaand: string | undefined, herkomst: Herkomst): unknown {
    if (w !== undefined && w !== '') return w;
    if (bestaand) return bestaand;
    meldingen.push(
      letOp(herkomst.plek, `Er staat niet wanneer de gegevens zijn gecontroleerd; we zetten ${vandaag}.`, 'gecontroleerd_op'),
    );
    return vandaag;
  }

  function voegItemToe(
    soort: Soort,
    naam: string,
    sleutel: string,
    uuid: string,
    data: Data | undefined,
    bestaand: (Organisatie | Activiteit | Kernondersteuner) | undefined,
    velden: string[],
    gewijzigdOp?: string,
    extra: { plek?: Plek; teDoen?: string[] } = {},
  ) {
    if (!data) return;
    const wijzigingen = verschil(bestaand, data, publiceren && soort !== 'kernondersteuner' ? [...velden, 'status'] : velden);
    const actie = !bestaand ? 'nieuw' : wijzigingen.length > 0 ? 'bijwerken' : 'ongewijzigd';
    items.push({
      soort,
      actie,
      naam,
      sleutel,
      uuid,
      data,
      bestaand: bestaand && { id: bestaand.id, versie: bestaand.versie },
      gewijzigdOp: datumTijd(gewijzigdOp),
      wijzigingen: actie === 'bijwerken' ? wijzigingen : [],
      plek: extra.plek,
      teDoen: extra.teDoen,
    });
  }

  // Organisations
  const orgPerUuid = new Map(kaart.organisaties.map((o) => [o.uuid, o]));
  const orgPerSlug = new Map(kaart.organisaties.map((o) => [o.slug, o]));
  const orgSlugs = new Set(orgPerSlug.keys());
  const nieuweOrgs = new Map<string, string>(); // uuid, slug and lowercased name → slug
  const gezienOrg = new Map<string, Herkomst>();
  for (const bron of invoer.organisaties) {
    const naam = typeof bron.data.naam === 'string' ? bron.data.naam : '';
    const uuid = bron.uuid && isUuid(bron.uuid) ? bron.uuid.toLowerCase() : undefined;
    const bestaand =
      (uuid && orgPerUuid.get(uuid)) ||
      (bron.slug && orgPerSlug.get(bron.slug)) ||
      (!uuid ? orgPerSlug.get(maakSlug(naam)) : undefined) ||
      undefined;
    if (bron.slug && bestaand && bestaand.slug !== bron.slug && orgSlugs.has(bron.slug)) {
      meldingen.push(
        probleem(bron.herkomst.velden.slug ?? bron.herkomst.plek, `Korte naam "${bron.slug}" is al van een andere organisatie.`),
      );
      continue;
    }
    // Without an id (a spreadsheet) the name is the identity: the same name twice is one listing twice.
    const eigen = uuid ? [uuid] : [bron.slug ?? maakSlug(naam)];
    if (dubbel(gezienOrg, [...eigen, bron.slug, bestaand?.uuid], bron.herkomst, 'organisatie')) continue;
    const slug = bron.slug ?? bestaand?.slug ?? uniekeSlug(maakSlug(naam), orgSlugs);
    orgSlugs.add(slug);
    const definitiefUuid = bestaand?.uuid ?? uuid ?? naamUuid('organisatie', slug);
    for (const s of [uuid, definitiefUuid, slug, naam.toLowerCase()]) if (s) nieuweOrgs.set(s, slug);
    const { data, teDoen } = valideerOfConcept<OrganisatieData>(
      'organisatie',
      {
        ...bron.data,
        slug,
        status: publiceren ? 'gepubliceerd' : (bestaand?.status ?? 'concept'),
        gecontroleerdOp: gecontroleerd(bron.data.gecontroleerdOp, bestaand?.gecontroleerdOp, bron.herkomst),
      },
      bron.herkomst,
      bestaand,
    );
    voegItemToe('organisatie', naam, slug, definitiefUuid, data, bestaand, ORG_VELDEN, bron.gewijzigdOp, {
      plek: bron.herkomst.plek,
      teDoen,
    });
  }

  function orgSlug(v: OrganisatieVerwijzing | undefined): string | undefined {
    if (!v) return undefined;
    const kandidaten = [v.uuid?.toLowerCase(), v.slug, v.naam?.toLowerCase()].filter((s): s is string => !!s);
    for (const k of kandidaten) {
      const slug =
        nieuweOrgs.get(k) ??
        orgPerUuid.get(k)?.slug ??
        orgPerSlug.get(k)?.slug ??
        kaart.organisaties.find((o) => o.naam.toLowerCase() === k)?.slug;
      if (slug) return slug;
    }
    meldingen.push(
      probleem(v.plek, `Organisatie "${v.naam ?? v.slug ?? v.uuid ?? ''}" staat niet in de invoer en niet op de sociale kaart.`),
    );
    return undefined;
  }

  // Activities
  const actPerUuid = new Map(kaart.activiteiten.map((a) => [a.uuid, a]));
  const actPerSlug = new Map(kaart.activiteiten.map((a) => [a.slug, a]));
  const actSlugs = new Set(actPerSlug.keys());
  const gezienAct = new Map<string, Herkomst>();
  for (const bron of invoer.activiteiten) {
    const titel = typeof bron.data.titel === 'string' ? bron.data.titel : '';
    const uuid = bron.uuid && isUuid(bron.uuid) ? bron.uuid.toLowerCase() : undefined;
    const afgeleid = maakSlug(`${titel}-${String(bron.data.kern ?? '')}`);
    const bestaand =
      (uuid && actPerUuid.get(uuid)) ||
      (bron.slug && actPerSlug.get(bron.slug)) ||
      (!uuid ? actPerSlug.get(afgeleid) : undefined) ||
      undefined;
    if (bron.slug && bestaand && bestaand.slug !== bron.slug && actSlugs.has(bron.slug)) {
      meldingen.push(
        probleem(bron.herkomst.velden.slug ?? bron.herkomst.plek, `Korte naam "${bron.slug}" is al van een andere activiteit.`),
      );
      continue;
    }
    const eigen = uuid ? [uuid] : [bron.slug ?? afgeleid];
    if (dubbel(gezienAct, [...eigen, bron.slug, bestaand?.uuid], bron.herkomst, 'activiteit')) continue;
    const slug = bron.slug ?? bestaand?.slug ?? uniekeSlug(afgeleid, actSlugs);
    actSlugs.add(slug);
    const organisatie = orgSlug(bron.organisatie);
    const { data, teDoen } = valideerOfConcept<ActiviteitData>(
      'activiteit',
      {
        ...bron.data,
        slug,
        organisatie: organisatie ?? '',
        status: publiceren ? bron.status : (bestaand?.status ?? 'concept'),
        gecontroleerdOp: gecontroleerd(bron.data.gecontroleerdOp, bestaand?.gecontroleerdOp, bron.herkomst),
      },
      { ...bron.herkomst, velden: { organisatie: bron.organisatie.plek, ...bron.herkomst.velden } },
      bestaand,
    );
    voegItemToe(
      'activiteit',
      titel,
      slug,
      bestaand?.uuid ?? uuid ?? naamUuid('activiteit', slug),
      organisatie ? data : undefined,
      bestaand,
      ACT_VELDEN,
      bron.gewijzigdOp,
      { plek: bron.herkomst.plek, teDoen },
    );
  }

  // Kernondersteuners: the model has no draft state for them, so they only come in with --publish.
  const koPerUuid = new Map(kaart.kernondersteuners.map((k) => [k.uuid, k]));
  const koPerKern = new Map(kaart.kernondersteuners.map((k) => [k.kern, k]));
  const gezienKo = new Map<string, Herkomst>();
  for (const bron of invoer.kernondersteuners) {
    const kern = String(bron.data.kern ?? '');
    const naam = `${String(bron.data.naam ?? '')} (${kern})`;
    if (!publiceren) {
      meldingen.push(
        letOp(
          bron.herkomst.plek,
          `${woorden(config).Ondersteuner} ${naam}: een ${woorden(config).ondersteuner} heeft geen concept-stand en komt alleen binnen met --publish; overgeslagen.`,
        ),
      );
      items.push({ soort: 'kernondersteuner', actie: 'overslaan', naam, sleutel: kern, uuid: bron.uuid ?? '', wijzigingen: [] });
      continue;
    }
    const uuid = bron.uuid && isUuid(bron.uuid) ? bron.uuid.toLowerCase() : undefined;
    const bestaand = (uuid && koPerUuid.get(uuid)) || koPerKern.get(kern);
    if (dubbel(gezienKo, [kern, uuid], bron.herkomst, 'kernondersteuner')) continue;
    const organisatie = bron.organisatie ? orgSlug(bron.organisatie) : undefined;
    const data = valideer(schemas.kernondersteuner, { ...bron.data, organisatie }, bron.herkomst);
    voegItemToe(
      'kernondersteuner',
      naam,
      kern,
      bestaand?.uuid ?? uuid ?? naamUuid('kernondersteuner', kern),
      data,
      bestaand,
      KO_VELDEN,
    );
  }
  return { invoer, items, meldingen, publiceren };
}
