import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Adres } from '../src/lib/model/velden.ts';
import type { Rooster } from '../src/lib/rooster/schema.ts';
import type { Kosten } from '../src/lib/model/schemas.ts';

/**
 * The public kaart. Nested values (addresses, schedules, costs) are JSON validated by the zod
 * schemas in src/lib/model, so a revision is the same shape as the row it describes.
 * Accounts, revisions, signalen and verwijzingen get their own tables that refer to these ids.
 */

const tijdstempel = (naam: string) => text(naam).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** Key-value facts about the data set, e.g. whether demo data is loaded. */
export const meta = sqliteTable('meta', {
  sleutel: text('sleutel').primaryKey(),
  waarde: text('waarde').notNull(),
});

export const kern = sqliteTable('kern', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  naam: text('naam').notNull(),
  omschrijving: text('omschrijving').notNull(),
  lat: real('lat').notNull(),
  lon: real('lon').notNull(),
  volgorde: integer('volgorde').notNull().default(0),
});

export const organisatie = sqliteTable(
  'organisatie',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable identifier for open data (HSDS); never changes, also not when the slug does. */
    uuid: text('uuid').notNull().unique(),
    slug: text('slug').notNull().unique(),
    naam: text('naam').notNull(),
    soort: text('soort').notNull(),
    omschrijving: text('omschrijving').notNull(),
    telefoon: text('telefoon'),
    email: text('email'),
    website: text('website'),
    bezoekadres: text('bezoekadres', { mode: 'json' }).$type<Adres>(),
    themas: text('themas', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    status: text('status', { enum: ['gepubliceerd', 'concept'] })
      .notNull()
      .default('concept'),
    gecontroleerdOp: text('gecontroleerd_op').notNull(),
    /** Changes by partners of a trusted organisation publish without review. */
    vertrouwd: integer('vertrouwd', { mode: 'boolean' }).notNull().default(false),
    /** Set by the beheerder: stays in lists and search without an age notice, however long unchecked. */
    altijdZichtbaar: integer('altijd_zichtbaar', { mode: 'boolean' }).notNull().default(false),
    /** Raised on every change; an edit based on an older version is a conflict. */
    versie: integer('versie').notNull().default(1),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
    gewijzigdOp: tijdstempel('gewijzigd_op'),
  },
  (t) => [index('organisatie_status').on(t.status)],
);

export const organisatieKern = sqliteTable(
  'organisatie_kern',
  {
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisatie.id, { onDelete: 'cascade' }),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
  },
  (t) => [primaryKey({ columns: [t.organisatieId, t.kernId] }), index('organisatie_kern_kern').on(t.kernId)],
);

export const activiteit = sqliteTable(
  'activiteit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uuid: text('uuid').notNull().unique(),
    slug: text('slug').notNull().unique(),
    titel: text('titel').notNull(),
    omschrijving: text('omschrijving').notNull(),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisatie.id, { onDelete: 'cascade' }),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
    /** Null: at the organisation's visiting address. */
    locatie: text('locatie', { mode: 'json' }).$type<Adres>(),
    rooster: text('rooster', { mode: 'json' }).$type<Rooster>().notNull(),
    themas: text('themas', { mode: 'json' }).$type<string[]>().notNull(),
    doelgroepen: text('doelgroepen', { mode: 'json' }).$type<string[]>().notNull(),
    kosten: text('kosten', { mode: 'json' }).$type<Kosten>().notNull(),
    aanmelden: text('aanmelden', { mode: 'json' }).$type<{ soort: 'vrije-inloop' | 'aanmelden'; hoe?: string }>().notNull(),
    toegankelijkheid: text('toegankelijkheid'),
    contact: text('contact', { mode: 'json' }).$type<{ naam?: string; telefoon?: string; email?: string }>(),
    capaciteit: text('capaciteit', { enum: ['plaatsen-vrij', 'bijna-vol', 'vol', 'wachtlijst'] }),
    status: text('status', { enum: ['gepubliceerd', 'concept', 'gepauzeerd'] })
      .notNull()
      .default('concept'),
    gecontroleerdOp: text('gecontroleerd_op').notNull(),
    versie: integer('versie').notNull().default(1),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
    gewijzigdOp: tijdstempel('gewijzigd_op'),
  },
  (t) => [
    index('activiteit_organisatie').on(t.organisatieId),
    index('activiteit_kern').on(t.kernId),
    index('activiteit_status').on(t.status),
  ],
);

export type Spreekuur = { omschrijving: string; plek: Adres; rooster: Rooster };

export const kernondersteuner = sqliteTable('kernondersteuner', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uuid: text('uuid').notNull().unique(),
  kernId: integer('kern_id')
    .notNull()
    .unique()
    .references(() => kern.id),
  naam: text('naam').notNull(),
  foto: text('foto'),
  telefoon: text('telefoon').notNull(),
  email: text('email'),
  organisatieId: integer('organisatie_id').references(() => organisatie.id, { onDelete: 'set null' }),
  bereikbaar: text('bereikbaar').notNull(),
  spreekuren: text('spreekuren', { mode: 'json' }).$type<Spreekuur[]>().notNull().default(sql`'[]'`),
  versie: integer('versie').notNull().default(1),
  gewijzigdOp: tijdstempel('gewijzigd_op'),
});

// Partner portal ---------------------------------------------------------------------------------

/** A person who logs in. Roles: partner (via accountOrganisatie), kernondersteuner (via accountKern), beheerder. */
export const account = sqliteTable('account', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Lowercased; the login identity. */
  email: text('email').notNull().unique(),
  naam: text('naam').notNull(),
  beheerder: integer('beheerder', { mode: 'boolean' }).notNull().default(false),
  actief: integer('actief', { mode: 'boolean' }).notNull().default(true),
  aangemaaktOp: tijdstempel('aangemaakt_op'),
  laatstIngelogdOp: text('laatst_ingelogd_op'),
});

export const accountOrganisatie = sqliteTable(
  'account_organisatie',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisatie.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.organisatieId] }), index('account_organisatie_org').on(t.organisatieId)],
);

/** The kernen a kernondersteuner works in. */
export const accountKern = sqliteTable(
  'account_kern',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.kernId] })],
);

/** Single-use login links; only the SHA-256 of the token is stored. */
export const loginToken = sqliteTable('login_token', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** `uitnodiging`: the link in the welcome mail (7 days); its refusals speak of an invitation. */
  soort: text('soort', { enum: ['login', 'uitnodiging'] })
    .notNull()
    .default('login'),
  accountId: integer('account_id')
    .notNull()
    .references(() => account.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull().unique(),
  verlooptOp: text('verloopt_op').notNull(),
  gebruiktOp: text('gebruikt_op'),
  aangemaaktOp: tijdstempel('aangemaakt_op'),
});

/** Sessions; the cookie holds a random token, the database its SHA-256. */
export const sessie = sqliteTable(
  'sessie',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hash: text('hash').notNull().unique(),
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    /** Per-session secret for the CSRF token in every form. */
    csrf: text('csrf').notNull(),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
    laatstGezienOp: text('laatst_gezien_op').notNull(),
    verlooptOp: text('verloopt_op').notNull(),
  },
  (t) => [index('sessie_account').on(t.accountId)],
);

/**
 * Every change to an organisation or activity, with author and time. A partner's change waits
 * (`wacht`) until approved or rejected; trusted organisations and the beheerder publish directly.
 * `data` is the complete new state (null when deleting), so any version can be restored.
 */
export const revisie = sqliteTable(
  'revisie',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    soort: text('soort', { enum: ['organisatie', 'activiteit', 'kernondersteuner'] }).notNull(),
    /** Null for a proposed new activity until it is approved. */
    entiteitId: integer('entiteit_id'),
    /** Null only for a kernondersteuner's card, which belongs to a kern, not to an organisation. */
    organisatieId: integer('organisatie_id').references(() => organisatie.id, { onDelete: 'cascade' }),
    actie: text('actie', {
      /** `origineel`: the listing as it was before any portal change (seeded, imported or older data). */
      enum: ['wijzigen', 'nieuw', 'verwijderen', 'pauzeren', 'hervatten', 'terugzetten', 'controleren', 'origineel'],
    }).notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    /** Version of the entity the author started from. */
    basisVersie: integer('basis_versie'),
    status: text('status', { enum: ['wacht', 'goedgekeurd', 'afgewezen', 'vervangen', 'direct'] }).notNull(),
    auteurId: integer('auteur_id').references(() => account.id, { onDelete: 'set null' }),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
    beoordeeldDoor: integer('beoordeeld_door').references(() => account.id, { onDelete: 'set null' }),
    beoordeeldOp: text('beoordeeld_op'),
    reden: text('reden'),
  },
  (t) => [
    index('revisie_entiteit').on(t.soort, t.entiteitId),
    index('revisie_status').on(t.status),
    index('revisie_organisatie').on(t.organisatieId),
  ],
);

/** Who did what and when: logins and changes, for the beheerder. */
export const logboek = sqliteTable(
  'logboek',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    moment: tijdstempel('moment'),
    accountId: integer('account_id').references(() => account.id, { onDelete: 'set null' }),
    actie: text('actie').notNull(),
    omschrijving: text('omschrijving').notNull(),
  },
  (t) => [index('logboek_moment').on(t.moment)],
);

/** Builds of the public site requested by changes; failures are shown to the beheerder. */
export const publicatie = sqliteTable('publicatie', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  status: text('status', { enum: ['wacht', 'bezig', 'klaar', 'mislukt'] }).notNull(),
  reden: text('reden').notNull(),
  aangevraagdOp: tijdstempel('aangevraagd_op'),
  gestartOp: text('gestart_op'),
  klaarOp: text('klaar_op'),
  releaseId: text('release_id'),
  fout: text('fout'),
});

/** Form input kept when a session expired while typing, restored after logging in again. */
export const bewaardFormulier = sqliteTable('bewaard_formulier', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sleutelHash: text('sleutel_hash').notNull().unique(),
  pad: text('pad').notNull(),
  velden: text('velden', { mode: 'json' }).$type<[string, string][]>().notNull(),
  verlooptOp: text('verloopt_op').notNull(),
  /** Whose session expired: only a form of a real, recently logged-in account is kept (issue 20). */
  accountId: integer('account_id').references(() => account.id, { onDelete: 'cascade' }),
});

/**
 * E-mails waiting to be sent (login links): the page answers before the SMTP server does, and a
 * failed send is retried with back-off. A sent mail is deleted; one given up keeps no text.
 */
export const mailWachtrij = sqliteTable(
  'mail_wachtrij',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    aan: text('aan').notNull(),
    onderwerp: text('onderwerp').notNull(),
    tekst: text('tekst').notNull(),
    pogingen: integer('pogingen').notNull().default(0),
    volgendePogingOp: text('volgende_poging_op').notNull(),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
    laatsteFout: text('laatste_fout'),
    opgegevenOp: text('opgegeven_op'),
  },
  (t) => [index('mail_wachtrij_volgende').on(t.opgegevenOp, t.volgendePogingOp)],
);

/** When a reminder to check a stale listing was last sent, so partners get one a month at most. */
export const herinnering = sqliteTable('herinnering', {
  organisatieId: integer('organisatie_id')
    .primaryKey()
    .references(() => organisatie.id, { onDelete: 'cascade' }),
  verstuurdOp: text('verstuurd_op').notNull(),
});

/** Every reminder sent per organisation, so the overview can say who did not answer, and when they were asked. */
export const herinneringVerstuurd = sqliteTable(
  'herinnering_verstuurd',
  {
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisatie.id, { onDelete: 'cascade' }),
    verstuurdOp: text('verstuurd_op').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisatieId, t.verstuurdOp] })],
);

/**
 * "Gaat het weer door?" before a seasonal activity's season starts (issue #15): asked once per
 * activity per season, by mail to its partners or, without partner, on the call list of the
 * kernondersteuner. Answered when the activity is confirmed after the question.
 */
export const seizoenVraag = sqliteTable(
  'seizoen_vraag',
  {
    activiteitId: integer('activiteit_id')
      .notNull()
      .references(() => activiteit.id, { onDelete: 'cascade' }),
    /** First day of the season asked about (jjjj-mm-dd). */
    seizoenStart: text('seizoen_start').notNull(),
    gevraagdOp: text('gevraagd_op').notNull(),
    wijze: text('wijze', { enum: ['mail', 'bellijst'] }).notNull(),
    beantwoordOp: text('beantwoord_op'),
    beantwoordDoor: integer('beantwoord_door').references(() => account.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.activiteitId, t.seizoenStart] })],
);

/**
 * The freshness overview over time: per kern per month the share of published organisations
 * checked in the last six months, as last measured in that month by the periodic job. `kern_id`
 * 0 is all kernen together (an organisation of several kernen counts once), so no foreign key.
 */
export const versheidMaand = sqliteTable(
  'versheid_maand',
  {
    maand: text('maand').notNull(),
    kernId: integer('kern_id').notNull(),
    vers: integer('vers').notNull(),
    totaal: integer('totaal').notNull(),
    gemetenOp: text('gemeten_op').notNull(),
  },
  (t) => [primaryKey({ columns: [t.maand, t.kernId] })],
);

/**
 * The one-click links of the monthly reminder (issue #15): "Alles klopt nog" for the organisations
 * named, usable only by the account it was sent to, once, for 30 days. Only the SHA-256 is stored.
 */
export const bevestigToken = sqliteTable(
  'bevestig_token',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull().unique(),
    organisaties: text('organisaties', { mode: 'json' }).$type<number[]>().notNull(),
    /** What the link does: `klopt-nog` confirms the organisations, `seizoen` one activity's new season. */
    doel: text('doel', { enum: ['klopt-nog', 'seizoen'] })
      .notNull()
      .default('klopt-nog'),
    /** For `seizoen`: the activity (of the one organisation in `organisaties`) and the season start asked about. */
    activiteitId: integer('activiteit_id').references(() => activiteit.id, { onDelete: 'cascade' }),
    seizoenStart: text('seizoen_start'),
    verlooptOp: text('verloopt_op').notNull(),
    gebruiktOp: text('gebruikt_op'),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
  },
  (t) => [index('bevestig_token_account').on(t.accountId)],
);

/**
 * "Klopt er iets niet?" from an inwoner on a public organisation or activity page (issue #15).
 * No name, no e-mail, no address of the sender; the text passed the privacy guard of signalen.
 * Never read by the public build. Closed when the listing is confirmed or changed after the
 * report, or when a reviewer dismisses it.
 */
export const terugmelding = sqliteTable(
  'terugmelding',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisatie.id, { onDelete: 'cascade' }),
    /** Null: about the organisation itself (or its activity was deleted since). */
    activiteitId: integer('activiteit_id').references(() => activiteit.id, { onDelete: 'set null' }),
    soort: text('soort', { enum: ['tijd', 'plek', 'contact', 'bestaat-niet', 'anders'] }).notNull(),
    tekst: text('tekst'),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
    geslotenOp: text('gesloten_op'),
    sluitreden: text('sluitreden', { enum: ['bevestigd', 'gewijzigd', 'afgewezen'] }),
    geslotenDoor: integer('gesloten_door').references(() => account.id, { onDelete: 'set null' }),
  },
  (t) => [index('terugmelding_organisatie').on(t.organisatieId), index('terugmelding_open').on(t.geslotenOp)],
);

// Signalen (issue #6) ----------------------------------------------------------------------------
// What partners notice in a kern, followed up together. Never a file on a person: texts pass the
// privacy guard (src/lib/signalen/privacy.ts) and nothing about an inwoner is stored. None of these
// tables is read by the public build.

/** Related signals of one kern, grouped by its kernondersteuner or the beheerder. */
export const signaalGroep = sqliteTable('signaal_groep', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kernId: integer('kern_id')
    .notNull()
    .references(() => kern.id),
  naam: text('naam').notNull(),
  aangemaaktOp: tijdstempel('aangemaakt_op'),
});

export const signaal = sqliteTable(
  'signaal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
    thema: text('thema'),
    doelgroep: text('doelgroep'),
    tekst: text('tekst').notNull(),
    omvang: text('omvang', { enum: ['enkelen', 'groep', 'veel'] }).notNull(),
    /** "YYYY-MM", or "langer" for longer than the form offers. */
    sinds: text('sinds').notNull(),
    basis: text('basis', { enum: ['eigen-waarneming', 'meerdere-gesprekken', 'cijfers'] }).notNull(),
    /** Who recorded it: the account and the organisation it spoke for (null: kernondersteuning or gemeente, see rol). */
    accountId: integer('account_id').references(() => account.id, { onDelete: 'set null' }),
    organisatieId: integer('organisatie_id').references(() => organisatie.id, { onDelete: 'set null' }),
    rol: text('rol', { enum: ['partner', 'kernondersteuner', 'beheerder'] }).notNull(),
    status: text('status', { enum: ['nieuw', 'besproken', 'opgepakt', 'afgerond', 'geen-actie'] })
      .notNull()
      .default('nieuw'),
    opgepaktDoor: integer('opgepakt_door').references(() => organisatie.id, { onDelete: 'set null' }),
    /** What was done (afgerond) or why nothing is done (geen actie). */
    uitkomst: text('uitkomst'),
    activiteitId: integer('activiteit_id').references(() => activiteit.id, { onDelete: 'set null' }),
    groepId: integer('groep_id').references(() => signaalGroep.id, { onDelete: 'set null' }),
    /** "Speelt dit nog?": when an open signal should be looked at again; null once closed. */
    controleerOp: text('controleer_op'),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
    gewijzigdOp: tijdstempel('gewijzigd_op'),
  },
  (t) => [index('signaal_kern').on(t.kernId), index('signaal_status').on(t.status), index('signaal_groep_idx').on(t.groepId)],
);

/** "Wij zien dit ook": one per organisation (or per kernondersteuning/gemeente when no organisation). */
export const signaalHerkenning = sqliteTable(
  'signaal_herkenning',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    signaalId: integer('signaal_id')
      .notNull()
      .references(() => signaal.id, { onDelete: 'cascade' }),
    /** "org-12", "kernondersteuner" or "beheerder": what makes two recognitions the same organisation. */
    afzender: text('afzender').notNull(),
    organisatieId: integer('organisatie_id').references(() => organisatie.id, { onDelete: 'set null' }),
    rol: text('rol', { enum: ['partner', 'kernondersteuner', 'beheerder'] }).notNull(),
    accountId: integer('account_id').references(() => account.id, { onDelete: 'set null' }),
    notitie: text('notitie'),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
  },
  (t) => [uniqueIndex('signaal_herkenning_uniek').on(t.signaalId, t.afzender)],
);

/** The timeline of a signal: recorded, status changes, "speelt nog", recognitions, grouping. */
export const signaalGebeurtenis = sqliteTable(
  'signaal_gebeurtenis',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    signaalId: integer('signaal_id')
      .notNull()
      .references(() => signaal.id, { onDelete: 'cascade' }),
    soort: text('soort', {
      enum: ['gemeld', 'status', 'speelt-nog', 'herkend', 'gegroepeerd', 'uit-groep', 'gecorrigeerd', 'geanonimiseerd'],
    }).notNull(),
    status: text('status', { enum: ['nieuw', 'besproken', 'opgepakt', 'afgerond', 'geen-actie'] }),
    /** Who took the step (see signaal.rol for a null organisation). */
    organisatieId: integer('organisatie_id').references(() => organisatie.id, { onDelete: 'set null' }),
    rol: text('rol', { enum: ['partner', 'kernondersteuner', 'beheerder'] }).notNull(),
    accountId: integer('account_id').references(() => account.id, { onDelete: 'set null' }),
    /** With status "opgepakt": the organisation that picks it up. */
    opgepaktDoor: integer('opgepakt_door').references(() => organisatie.id, { onDelete: 'set null' }),
    toelichting: text('toelichting'),
    moment: tijdstempel('moment'),
  },
  (t) => [index('signaal_gebeurtenis_signaal').on(t.signaalId)],
);

/** Partners who asked for the daily e-mail of new signals and steps; `totOp`: up to when the last one went. */
export const signaalDagoverzicht = sqliteTable('signaal_dagoverzicht', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => account.id, { onDelete: 'cascade' }),
  totOp: text('tot_op').notNull(),
});

/** Closed signals past their keeping time, reduced to counts (src/lib/signalen/wissen.ts). */
export const signaalTelling = sqliteTable(
  'signaal_telling',
  {
    /** Local month of recording, "YYYY-MM". */
    maand: text('maand').notNull(),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
    /** '' for no thema (a key column cannot be null). */
    thema: text('thema').notNull(),
    aantal: integer('aantal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.maand, t.kernId, t.thema] })],
);

// Verwijzen (issue #7) ---------------------------------------------------------------------------
// A kernondersteuner (or a partner allowed to refer) refers an inwoner to an activity. The inwoner
// is never named: the referral is a code on a card. Only with recorded consent a contact detail is
// kept, encrypted, until the referral closes. After 12 months a referral becomes an anonymous count.

/** Partners (role via accountOrganisatie) who may refer in the kernen their organisations serve. */
export const verwijsrecht = sqliteTable('verwijsrecht', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => account.id, { onDelete: 'cascade' }),
});

export const VERWIJS_STATUS = [
  'verwezen',
  'aangekomen',
  'gestart',
  'niet-gekomen',
  'past-niet',
  'vol',
  'doet-mee',
  'gestopt',
  'afgerond',
] as const;

export const verwijzing = sqliteTable(
  'verwijzing',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Without look-alike characters and without hyphen, e.g. "K7FM3Q"; shown as "K7F-M3Q". */
    code: text('code').notNull().unique(),
    activiteitId: integer('activiteit_id').references(() => activiteit.id, { onDelete: 'set null' }),
    /** Kept when the activity is deleted, so the card and the figures still name it. */
    activiteitTitel: text('activiteit_titel').notNull(),
    organisatieId: integer('organisatie_id').references(() => organisatie.id, { onDelete: 'set null' }),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
    thema: text('thema').notNull(),
    verwijzerId: integer('verwijzer_id').references(() => account.id, { onDelete: 'set null' }),
    /** The referring professional's own contact, printed on the card. Never the inwoner's. */
    verwijzerNaam: text('verwijzer_naam').notNull(),
    verwijzerTelefoon: text('verwijzer_telefoon'),
    verwijzerEmail: text('verwijzer_email'),
    status: text('status', { enum: VERWIJS_STATUS }).notNull().default('verwezen'),
    reden: text('reden'),
    /** Local date (Amsterdam) of the referral; figures count per month of this date. */
    datum: text('datum').notNull(),
    /** Local date of the first "aangekomen" or "gestart": the six weeks of "doet nog mee?" start here. */
    startDatum: text('start_datum'),
    geslotenOp: text('gesloten_op'),
    /** When the inwoner agreed that the provider may make contact; without it, no contact detail. */
    toestemmingOp: text('toestemming_op'),
    /** AES-256-GCM of the contact detail (src/lib/verwijzen/sleutel.ts); null again once closed. */
    contactVersleuteld: text('contact_versleuteld'),
    gemeldGeenAntwoordOp: text('gemeld_geen_antwoord_op'),
    gemeldDoetNogMeeOp: text('gemeld_doet_nog_mee_op'),
    aangemaaktOp: tijdstempel('aangemaakt_op'),
  },
  (t) => [
    index('verwijzing_organisatie').on(t.organisatieId),
    index('verwijzing_verwijzer').on(t.verwijzerId),
    index('verwijzing_datum').on(t.datum),
  ],
);

/** Every answer with time and organisation, for the history on the referral page. */
export const verwijzingStatus = sqliteTable(
  'verwijzing_status',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    verwijzingId: integer('verwijzing_id')
      .notNull()
      .references(() => verwijzing.id, { onDelete: 'cascade' }),
    status: text('status', { enum: VERWIJS_STATUS }).notNull(),
    reden: text('reden'),
    moment: tijdstempel('moment'),
    accountId: integer('account_id').references(() => account.id, { onDelete: 'set null' }),
    /** The organisation the answer was given for; null when the referrer answered. */
    organisatieId: integer('organisatie_id').references(() => organisatie.id, { onDelete: 'set null' }),
  },
  (t) => [index('verwijzing_status_verwijzing').on(t.verwijzingId)],
);

/**
 * Where the collective offer falls short: a "vol" or "past niet" answer, or nothing fitting found.
 * Never about a person: kern, thema and doelgroep only. Read by tekortenPerKwartaal for signalen.
 */
export const tekort = sqliteTable(
  'tekort',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    soort: text('soort', { enum: ['vol', 'past-niet', 'niets-passend'] }).notNull(),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
    thema: text('thema').notNull(),
    doelgroep: text('doelgroep'),
    reden: text('reden'),
    activiteitId: integer('activiteit_id').references(() => activiteit.id, { onDelete: 'set null' }),
    verwijzingId: integer('verwijzing_id')
      .unique()
      .references(() => verwijzing.id, { onDelete: 'set null' }),
    datum: text('datum').notNull(),
    accountId: integer('account_id').references(() => account.id, { onDelete: 'set null' }),
  },
  (t) => [index('tekort_kern').on(t.kernId, t.datum)],
);

/** Referrals older than 12 months, reduced to counts: the figures read this table and verwijzing. */
export const verwijzingTelling = sqliteTable(
  'verwijzing_telling',
  {
    maand: text('maand').notNull(),
    kernId: integer('kern_id')
      .notNull()
      .references(() => kern.id),
    thema: text('thema').notNull(),
    /** 0 when the activity no longer exists (a key column cannot be null). */
    activiteitId: integer('activiteit_id').notNull(),
    activiteitTitel: text('activiteit_titel').notNull(),
    uitkomst: text('uitkomst', { enum: VERWIJS_STATUS }).notNull(),
    aantal: integer('aantal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.maand, t.kernId, t.thema, t.activiteitId, t.uitkomst] })],
);

// Gezocht, niets gevonden (issue #16) ------------------------------------------------------------
// A search on the public site that found nothing: only the normalised words and the kern chosen,
// by day. No IP address, no cookie, no time of day, no link between the words of one search.

/** One word of a search without results (src/lib/zoeken/nietgevonden.ts). */
export const zoekgat = sqliteTable(
  'zoekgat',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Local date, "YYYY-MM-DD". */
    dag: text('dag').notNull(),
    /** Kern slug, or null when none was chosen. */
    kern: text('kern'),
    woord: text('woord').notNull(),
  },
  (t) => [index('zoekgat_dag').on(t.dag), index('zoekgat_woord').on(t.woord, t.kern)],
);

// Agenda koppelen (issue #19) --------------------------------------------------------------------
// A partner connects the iCalendar feed of its own agenda; its dated events come in as proposals
// under review (src/lib/koppeling/). Nothing from a feed is published without review.

/** The feed of one organisation, and how the last fetch went. */
export const agendaKoppeling = sqliteTable('agenda_koppeling', {
  organisatieId: integer('organisatie_id')
    .primaryKey()
    .references(() => organisatie.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  /** Who connected it: the proposals are in their name, so a rejection reaches them. */
  accountId: integer('account_id').references(() => account.id, { onDelete: 'set null' }),
  aangemaaktOp: tijdstempel('aangemaakt_op'),
  opgehaaldOp: text('opgehaald_op'),
  /** The last fetch in plain Dutch: "3 nieuwe, 1 gewijzigd" or why it failed. */
  uitkomst: text('uitkomst'),
  gelukt: integer('gelukt', { mode: 'boolean' }),
});

/**
 * One event of a feed, keyed by its UID (and RECURRENCE-ID), so a refresh updates the proposal or
 * activity it became instead of making a second one. `vingerafdruk` is what was last proposed.
 */
export const agendaAfspraak = sqliteTable(
  'agenda_afspraak',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisatie.id, { onDelete: 'cascade' }),
    sleutel: text('sleutel').notNull(),
    vingerafdruk: text('vingerafdruk').notNull(),
    /** Local date of the event: one that vanished from the feed after it took place is not "removed". */
    datum: text('datum').notNull(),
    /** The last proposal made for it; its activity once approved. */
    revisieId: integer('revisie_id').references(() => revisie.id, { onDelete: 'set null' }),
    activiteitId: integer('activiteit_id').references(() => activiteit.id, { onDelete: 'set null' }),
    /** Cancelled in or removed from the feed, and proposed as such. */
    vervallen: integer('vervallen', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('agenda_afspraak_sleutel').on(t.organisatieId, t.sleutel)],
);
