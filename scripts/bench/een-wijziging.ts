/**
 * Bench helper (own process, in a bench environment): changes the title of one published
 * activity, as an approval does, and publishes; writes how long the publish took to the file
 * given as argument.
 */
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { openDb } from '../../src/lib/db/client.ts';
import { bouwRelease } from '../../src/lib/release/bouwen.ts';

const db = openDb();
const a = db.select().from(t.activiteit).where(eq(t.activiteit.status, 'gepubliceerd')).get()!;
db.update(t.activiteit)
  .set({ titel: `${a.titel.replace(/ \(\d+\)$/, '')} (${Date.now()})` })
  .where(eq(t.activiteit.id, a.id))
  .run();
db.$client.close();
const start = performance.now();
const info = await bouwRelease({ log: () => {} });
writeFileSync(process.argv[2], JSON.stringify({ seconden: (performance.now() - start) / 1000, info }));
