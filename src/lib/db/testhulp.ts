import type { Db } from './client.ts';

/** Every row of every table, to compare database states in tests. */
export function dumpDb(db: Db): Record<string, unknown[]> {
  const tabellen = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tabellen.map(({ name }) => [name, db.$client.prepare(`select * from "${name}" order by rowid`).all()]),
  );
}
