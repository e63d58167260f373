import { and, desc, eq, lt } from 'drizzle-orm';
import * as t from '../../../db/schema.ts';
import type { GemeenteConfig } from '../config/schema.ts';
import type { DbOfTx } from '../db/client.ts';
import { verwerkStraks, zetInWachtrij } from '../mail/wachtrij.ts';
import type { ActiviteitData, OrganisatieData } from '../model/schemas.ts';
import { waarde, type Velden } from './formulier/velden.ts';
import { portaalAdres } from './portaalurl.ts';
import { laatsteWijziging, naamVan, type Revisie, type Soort, type werkversie } from './revisies.ts';
import { gelijk, gewijzigdeVelden, pasKeuzesToe, voegSamen } from './samenvoegen.ts';
import { veldTekst } from './verschil.ts';

/**
 * Two people editing one listing at the same time (issue 14). Every edit form carries the version
 * it started from: its number, the waiting change it showed, and its data (`basis.data`, hidden).
 * On saving, what changed since is merged field by field (samenvoegen.ts); only a field both
 * changed differently is asked about, with both values and the other person's name.
 */

type Data = OrganisatieData | ActiviteitData;
type Werkversie = NonNullable<ReturnType<typeof werkversie>>;

export type Basis = { versie: number; revisieId?: number; data?: Record<string, unknown>; conflicten: string[] };

/** A data snapshot is at most this long; a longer (tampered) one is ignored, as if absent. */
const MAX_BASIS_TEKENS = 200_000;

/** The version the form started from, as the hidden fields carry it. */
export function leesBasis(velden: Velden): Basis {
  const revisieId = Number(waarde(velden, 'basis.revisie'));
  let data: Record<string, unknown> | undefined;
  const json = waarde(velden, 'basis.data');
  if (json && json.length <= MAX_BASIS_TEKENS) {
    try {
      const d = JSON.parse(json) as unknown;
      if (d && typeof d === 'object' && !Array.isArray(d)) data = d as Record<string, unknown>;
    } catch {
      data = undefined;
    }
  }
  const conflicten = waarde(velden, 'conflict.velden')
    .split(',')
    .filter((v) => /^[a-zA-Z]{1,40}$/.test(v))
    .slice(0, 40);
  return {
    versie: Number(waarde(velden, 'basis.versie')),
    revisieId: revisieId > 0 ? revisieId : undefined,
    data,
    conflicten,
  };
}

/** The hidden fields of an edit form: what it starts from. */
export function basisVan(w: Werkversie): Basis {
  return { versie: w.versie, revisieId: w.wachtend?.id, data: w.data as Record<string, unknown>, conflicten: [] };
}

export type Keuze = { veld: string; label: string; mijn: string; hun: string; gekozen?: 'mijn' | 'hun' };

export type Samen<T> =
  | { soort: 'klaar'; data: T }
  | {
      soort: 'conflict';
      melding: string;
      keuzes: Keuze[];
      ander: { naam: string; op: string };
      /** What the form shows now: merged, with my value in each field to choose. */
      data: T;
      basis: Basis;
    };

/**
 * Merges what was saved (`mijn`) with what is there now (`w`). Without a change since the form was
 * opened, the choices made on a merge screen are applied; otherwise the three-way merge decides.
 */
export function voegSamenMetHuidig<T extends Data>(
  db: DbOfTx,
  config: GemeenteConfig,
  soort: Soort,
  id: number,
  mijn: T,
  b: Basis,
  w: Werkversie,
  velden: Velden,
): Samen<T> {
  const hun = w.data as Record<string, unknown>;
  const ander = laatsteWijziging(db, soort, id) ?? { naam: 'iemand anders', op: new Date().toISOString() };
  const keuzes = (veldnamen: string[], data: T, gekozen: Record<string, 'mijn' | 'hun'>): Keuze[] =>
    veldnamen.map((veld) => {
      const m = veldTekst(config, soort, veld, data);
      return {
        veld,
        label: m.label,
        mijn: m.tekst,
        hun: veldTekst(config, soort, veld, hun as Data).tekst,
        gekozen: gekozen[veld],
      };
    });
  const veranderd = b.versie !== w.versie || b.revisieId !== w.wachtend?.id;
  if (!veranderd) {
    // Saved from a merge screen: each field asked about needs a choice.
    const gekozen: Record<string, 'mijn' | 'hun'> = {};
    for (const veld of b.conflicten) {
      const k = waarde(velden, `keuze.${veld}`);
      if (k === 'mijn' || k === 'hun') gekozen[veld] = k;
    }
    const open = b.conflicten.filter((v) => !gekozen[v] && !gelijk(mijn[v as keyof T], hun[v]));
    if (open.length > 0) {
      return {
        soort: 'conflict',
        melding: 'Kies bij elk onderdeel hieronder welke versie u wilt houden.',
        keuzes: keuzes(b.conflicten, mijn, gekozen),
        ander,
        data: mijn,
        basis: { ...basisVan(w), conflicten: b.conflicten },
      };
    }
    return { soort: 'klaar', data: pasKeuzesToe(mijn, hun, gekozen) };
  }
  const s = voegSamen(b.data, mijn, hun);
  if (s.conflicten.length === 0) return { soort: 'klaar', data: s.data };
  const velden2 = s.conflicten.map((c) => c.veld);
  return {
    soort: 'conflict',
    melding: `${ander.naam} heeft dit ook veranderd terwijl u bezig was. Wat u allebei op een andere plek veranderde, is samengevoegd. Kies hieronder bij elk onderdeel welke versie u wilt houden.`,
    keuzes: keuzes(velden2, s.data, {}),
    ander,
    data: s.data,
    basis: { ...basisVan(w), conflicten: velden2 },
  };
}

/**
 * Tells the author of a waiting change that someone else's change replaced it: merged with it
 * (their fields kept) or replaced (none of their changes left). Sent through the mail queue.
 */
export function meldVervangen(
  db: DbOfTx,
  config: GemeenteConfig,
  o: {
    soort: Soort;
    id: number;
    vervangen: Revisie;
    nieuw: Record<string, unknown>;
    live: unknown;
    doorNaam: string;
    direct: boolean;
  },
): void {
  if (!o.vervangen.auteurId) return;
  const auteur = db.select().from(t.account).where(eq(t.account.id, o.vervangen.auteurId)).get();
  if (!auteur?.actief) return;
  const eerder = (o.vervangen.data ?? {}) as Record<string, unknown>;
  // What they changed: compared with the waiting change theirs replaced, else with the live listing.
  const vorige = db
    .select()
    .from(t.revisie)
    .where(and(eq(t.revisie.soort, o.soort), eq(t.revisie.entiteitId, o.id), lt(t.revisie.id, o.vervangen.id)))
    .orderBy(desc(t.revisie.id))
    .get();
  const vanaf = vorige?.status === 'vervangen' && vorige.data ? vorige.data : o.live;
  const zijnVeranderingen = gewijzigdeVelden((vanaf ?? {}) as Record<string, unknown>, eerder);
  const behouden = zijnVeranderingen.filter((v) => gelijk(eerder[v], o.nieuw[v]));
  const anders = gewijzigdeVelden(eerder, o.nieuw).map((v) => veldTekst(config, o.soort, v, null).label);
  const naam = naamVan(o.nieuw);
  const samengevoegd = behouden.length > 0 || zijnVeranderingen.length === 0;
  const pad = o.soort === 'organisatie' ? `/partners/organisaties/${o.id}/` : `/partners/activiteiten/${o.id}/`;
  const link = new URL(pad, portaalAdres()).href;
  zetInWachtrij(db, {
    aan: auteur.email,
    onderwerp: samengevoegd
      ? `Uw wijziging van "${naam}" is samengevoegd met die van ${o.doorNaam}`
      : `Uw wijziging van "${naam}" is vervangen door die van ${o.doorNaam}`,
    tekst: [
      `Goedendag ${auteur.naam},`,
      '',
      `${o.doorNaam} heeft na u ook iets veranderd aan "${naam}".`,
      samengevoegd
        ? `Uw wijziging en die van ${o.doorNaam} zijn samengevoegd tot één wijziging.`
        : `De wijziging van ${o.doorNaam} vervangt die van u: wat u veranderde, is weer anders gemaakt.`,
      o.direct ? 'Die staat nu op de sociale kaart.' : 'Die wacht nu op goedkeuring van de gemeente.',
      ...(anders.length > 0 ? ['', `Dit heeft ${o.doorNaam} anders gemaakt dan in uw wijziging: ${anders.join(', ')}.`] : []),
      '',
      'Bekijk het hier:',
      link,
    ].join('\n'),
  });
  verwerkStraks(db);
}
