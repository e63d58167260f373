import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Adres } from '../src/lib/model/velden.ts';
import type { Rooster } from '../src/lib/rooster/schema.ts';
import type { Kosten } from '../src/lib/model/schemas.ts';

/**
 * The public kaart. Nested values (addresses, schedules, costs) are JSON validated by the zod
 * schemas in src/lib/model, so a revision is the same shape as the row it describes.
 * Accounts, revisions, signalen and verwijzingen get their own tables that refer to these ids.
 */

const tijdstempel = (naam: string) =>
  text(naam)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

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
    status: text('status', { enum: ['gepubliceerd', 'concept'] }).notNull().default('concept'),
    gecontroleerdOp: text('gecontroleerd_op').notNull(),
    /** Changes by partners of a trusted organisation publish without review. */
    vertrouwd: integer('vertrouwd', { mode: 'boolean' }).notNull().default(false),
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
    contact: text('contact', { mode: 'json' }).$type<{ naam: string; telefoon?: string; email?: string }>(),
    capaciteit: text('capaciteit', { enum: ['plaatsen-vrij', 'bijna-vol', 'vol', 'wachtlijst'] }),
    status: text('status', { enum: ['gepubliceerd', 'concept', 'gepauzeerd'] }).notNull().default('concept'),
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
