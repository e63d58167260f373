import { openDb, type Db } from '../db/client.ts';
import { Publiceerder } from './publiceren.ts';

/** Process-wide singletons of the portal: one database connection, one publisher. */
type Singletons = { db?: Db; publiceerder?: Publiceerder };
const g = globalThis as typeof globalThis & { __socialeKaart?: Singletons };
const s = (g.__socialeKaart ??= {});

export function portaalDb(): Db {
  return (s.db ??= openDb());
}

export function publiceerder(): Publiceerder {
  return (s.publiceerder ??= new Publiceerder(portaalDb()));
}

export const SESSIE_COOKIE = 'sk_sessie';
export const BEWAARD_COOKIE = 'sk_bewaard';
