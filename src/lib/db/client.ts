import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import * as schema from '../../../db/schema.ts';
import { dataPad, projectRoot } from '../config/inhoud.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or a transaction on it: what query helpers need. */
export type DbOfTx = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

export function databasePath(): string {
  return process.env.DATABASE_PATH ? path.resolve(projectRoot(), process.env.DATABASE_PATH) : dataPad('sociale-kaart.sqlite');
}

export function migrationsFolder(): string {
  return path.resolve(projectRoot(), 'db/migrations');
}

/**
 * The database holds partners' work and session hashes: readable by the server's user only.
 * SQLite gives the -wal and -shm files the mode of the database file; existing ones are fixed too.
 */
function alleenVoorEigenaar(pad: string) {
  if (!existsSync(pad)) closeSync(openSync(pad, 'a', 0o600));
  for (const bestand of [pad, `${pad}-wal`, `${pad}-shm`]) if (existsSync(bestand)) chmodSync(bestand, 0o600);
}

/** How many migrations the database has had (drizzle's own table; 0 for a new database). */
function toegepast(sqlite: Database.Database): number {
  const tabel = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return tabel ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
}

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), unless it asks otherwise.
 * A deferred one that reads and then writes, while another process (a CLI script, a second
 * server, the build) wrote in between, fails at once with SQLITE_BUSY_SNAPSHOT: in WAL mode the
 * busy timeout cannot help a reader whose snapshot is stale (https://sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode).
 * Immediate, it waits for the other writer instead, and a partner's save is never lost to that.
 */
function metSchrijfslotVooraf(db: Db): void {
  const transactie = db.transaction.bind(db);
  db.transaction = ((fn, config) => transactie(fn, { behavior: 'immediate', ...config })) as Db['transaction'];
}

/**
 * Opens the database and brings its schema up to date. WAL lets the public build read while
 * the portal writes; the busy timeout makes concurrent writers wait instead of failing.
 */
export function openDb(pad = databasePath(), opties: { readonly?: boolean } = {}): Db {
  if (pad !== ':memory:') mkdirSync(path.dirname(pad), { recursive: true });
  if (pad !== ':memory:' && !opties.readonly) alleenVoorEigenaar(pad);
  const sqlite = new Database(pad, { readonly: opties.readonly ?? false, fileMustExist: opties.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!opties.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  // Off while migrating: a migration that rebuilds a table (SQLite cannot drop NOT NULL in place) drops the
  // old one, and with foreign keys on that deletes its rows first, emptying references to them elsewhere
  // (agendaAfspraak.revisieId when revisie is rebuilt). The PRAGMA in such a migration has no effect
  // inside the migrator's transaction; afterwards every reference is checked.
  sqlite.pragma('foreign_keys = OFF');
  const db = drizzle(sqlite, { schema }) as Db;
  if (!opties.readonly) {
    metSchrijfslotVooraf(db);
    const voor = toegepast(sqlite);
    migrate(db, { migrationsFolder: migrationsFolder() });
    // Only after a migration ran: the check reads every table, and an open without changes needs none.
    if (toegepast(sqlite) !== voor) {
      const fout = sqlite.pragma('foreign_key_check') as unknown[];
      if (fout.length > 0) throw new Error(`Database: ${fout.length} verwijzingen kloppen niet na het bijwerken`);
    }
  }
  sqlite.pragma('foreign_keys = ON');
  // Deleted data (a referral's contact detail, session hashes) is overwritten, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  return db;
}
