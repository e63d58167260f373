import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as t from '../../../db/schema.ts';
import { openDb, type Db } from '../db/client.ts';
import { BouwFout } from '../release/bouwen.ts';
import type { ReleaseInfo } from '../release/paden.ts';
import { NALEVEREN_NA_MS, openstaandeFout, Publiceerder } from './publiceren.ts';

/**
 * The publisher's scheduling, with a build the test finishes by hand: each call to `bouw`
 * waits until the test says how it ends, so bursts and overlaps are exact, not timed.
 */

const WACHT = 300;
const OPNIEUW = [60_000, 300_000];

let dir: string;
let db: Db;

type Opties = { volledig: boolean; naleveren: boolean };
type Lopend = { opties: Opties; klaar: (id: string, uitgesteld?: number) => void; faal: (melding: string) => void };
let lopend: Lopend[];
const bouw = (opties: Opties) =>
  new Promise<ReleaseInfo>((resolve, reject) => {
    lopend.push({
      opties,
      klaar: (id, uitgesteld) =>
        resolve({ id, gebouwdOp: new Date().toISOString(), paginas: 1, bouwSeconden: 0, zoekindexSeconden: 0, uitgesteld }),
      faal: (melding) => reject(new BouwFout(melding, 'uitvoer van de stap')),
    });
  });

const rijen = () => db.select().from(t.publicatie).all();

beforeEach(() => {
  vi.useFakeTimers();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sk-publiceren-'));
  db = openDb(path.join(dir, 'db.sqlite'));
  lopend = [];
});
afterEach(() => {
  vi.useRealTimers();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Publiceerder', () => {
  it('merges a burst of requests into one build', async () => {
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    for (let i = 0; i < 5; i++) p.vraagAan(`Goedgekeurd: wijziging ${i}`);
    await vi.advanceTimersByTimeAsync(WACHT);
    expect(lopend).toHaveLength(1);
    lopend[0].klaar('r1');
    await p.klaar();
    expect(rijen().map((r) => [r.status, r.releaseId])).toEqual(Array(5).fill(['klaar', 'r1']));
  });

  it('combines requests made during a build into exactly one next build', async () => {
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    p.vraagAan('eerste');
    await vi.advanceTimersByTimeAsync(WACHT);
    for (let i = 0; i < 3; i++) p.vraagAan(`tijdens de bouw ${i}`);
    lopend[0].klaar('r1');
    await vi.advanceTimersByTimeAsync(0);
    expect(lopend).toHaveLength(2);
    lopend[1].klaar('r2');
    await p.klaar();
    expect(rijen().map((r) => r.releaseId)).toEqual(['r1', 'r2', 'r2', 'r2']);
  });

  it('makes the open-data files after a quiet spell following publishes that left them for later, once', async () => {
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    p.vraagAan('Goedgekeurd: wijziging 1');
    await vi.advanceTimersByTimeAsync(WACHT);
    expect(lopend[0].opties.naleveren).toBe(true);
    lopend[0].klaar('r1', 26);
    // A second approval within the quiet spell: live at once, and it postpones the follow-up.
    await vi.advanceTimersByTimeAsync(NALEVEREN_NA_MS - 1000);
    p.vraagAan('Goedgekeurd: wijziging 2');
    await vi.advanceTimersByTimeAsync(WACHT);
    expect(lopend).toHaveLength(2);
    expect(lopend[1].opties.naleveren).toBe(true);
    // An approval during a publish postpones it too (a large site's publish takes half a minute).
    await vi.advanceTimersByTimeAsync(NALEVEREN_NA_MS - 1000);
    p.vraagAan('Goedgekeurd: wijziging 3');
    await vi.advanceTimersByTimeAsync(NALEVEREN_NA_MS - 1000);
    expect(lopend).toHaveLength(2);
    lopend[1].klaar('r2', 26);
    await vi.advanceTimersByTimeAsync(WACHT);
    expect(lopend).toHaveLength(3);
    expect(lopend[2].opties.naleveren).toBe(true);
    lopend[2].klaar('r3', 26);
    await vi.advanceTimersByTimeAsync(NALEVEREN_NA_MS - 1000);
    expect(lopend).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1000 + WACHT);
    expect(lopend).toHaveLength(4);
    expect(lopend[3].opties.naleveren).toBe(false);
    lopend[3].klaar('r4', 0);
    await p.klaar();
    await vi.advanceTimersByTimeAsync(10 * NALEVEREN_NA_MS);
    expect(lopend).toHaveLength(4);
    expect(rijen().map((r) => [r.reden, r.releaseId])).toEqual([
      ['Goedgekeurd: wijziging 1', 'r1'],
      ['Goedgekeurd: wijziging 2', 'r2'],
      ['Goedgekeurd: wijziging 3', 'r3'],
      ['Open data bijwerken na de vorige publicatie', 'r4'],
    ]);
  });

  it('makes the open-data files at the latest five minutes after the first publish that left them, however busy', async () => {
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    for (let i = 0; i < 12; i++) {
      p.vraagAan(`Goedgekeurd: wijziging ${i}`);
      await vi.advanceTimersByTimeAsync(WACHT);
      const laatste = lopend.at(-1)!;
      if (!laatste.opties.naleveren) break;
      laatste.klaar(`r${i}`, 26);
      await vi.advanceTimersByTimeAsync(NALEVEREN_NA_MS - 1000 - WACHT);
    }
    const nalevering = lopend.findIndex((l) => !l.opties.naleveren);
    // One approval every 29 s: the follow-up comes after at most 5 minutes, not never.
    expect(nalevering).toBeGreaterThan(0);
    expect(nalevering).toBeLessThanOrEqual(11);
  });

  it('recovers a build interrupted by a crash: closes it as failed and publishes once more', async () => {
    const nu = new Date().toISOString();
    db.insert(t.publicatie)
      .values({ status: 'bezig', reden: 'Goedgekeurd: wijziging 7', aangevraagdOp: nu, gestartOp: nu })
      .run();
    db.insert(t.publicatie).values({ status: 'wacht', reden: 'Goedgekeurd: wijziging 8', aangevraagdOp: nu }).run();
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    expect(rijen().map((r) => r.status)).toEqual(['mislukt', 'wacht', 'wacht']);
    expect(rijen()[0].fout).toBe('Onderbroken doordat de server stopte.');
    await vi.advanceTimersByTimeAsync(WACHT);
    expect(lopend).toHaveLength(1);
    lopend[0].klaar('r1');
    await p.klaar();
    expect(rijen().map((r) => r.status)).toEqual(['mislukt', 'klaar', 'klaar']);
    expect(rijen()[2].reden).toBe('Opnieuw na een onderbroken publicatie');
    expect(openstaandeFout(db)).toBeUndefined();
  });

  it('starts nothing when nothing was left unfinished', async () => {
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    await vi.advanceTimersByTimeAsync(WACHT);
    await p.klaar();
    expect(lopend).toHaveLength(0);
    expect(rijen()).toEqual([]);
  });

  it('retries a failed build with back-off, shows it to the beheerder meanwhile, and stops after the last try', async () => {
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    p.vraagAan('Handmatig');
    await vi.advanceTimersByTimeAsync(WACHT);
    lopend[0].faal('astro is mislukt (SIGKILL)');
    await p.klaar();
    expect(openstaandeFout(db)?.fout).toContain('astro is mislukt (SIGKILL)');
    expect(p.volgendePoging()?.getTime()).toBe(Date.now() + OPNIEUW[0]);

    await vi.advanceTimersByTimeAsync(OPNIEUW[0] + WACHT);
    expect(lopend).toHaveLength(2);
    expect(rijen().at(-1)!.reden).toBe('Automatisch opnieuw na een mislukte publicatie (poging 2)');
    lopend[1].faal('pagefind is mislukt (SIGKILL)');
    await p.klaar();
    expect(p.volgendePoging()?.getTime()).toBe(Date.now() + OPNIEUW[1]);

    await vi.advanceTimersByTimeAsync(OPNIEUW[1] + WACHT);
    lopend[2].faal('nog steeds mis');
    await p.klaar();
    expect(p.volgendePoging()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10 * OPNIEUW[1]);
    expect(lopend).toHaveLength(3);
    expect(openstaandeFout(db)?.fout).toContain('nog steeds mis');

    // The beheerder asks again; success clears the warning and resets the back-off.
    p.vraagAan('Handmatig');
    await vi.advanceTimersByTimeAsync(WACHT);
    lopend[3].klaar('r4');
    await p.klaar();
    expect(openstaandeFout(db)).toBeUndefined();
    expect(p.volgendePoging()).toBeUndefined();
  });

  it('lets a new request replace the planned retry', async () => {
    const p = new Publiceerder(db, bouw, WACHT, OPNIEUW);
    p.vraagAan('Handmatig');
    await vi.advanceTimersByTimeAsync(WACHT);
    lopend[0].faal('mis');
    await p.klaar();
    p.vraagAan('Goedgekeurd: wijziging 3');
    await vi.advanceTimersByTimeAsync(WACHT);
    lopend[1].klaar('r2');
    await p.klaar();
    await vi.advanceTimersByTimeAsync(OPNIEUW[0] * 2);
    expect(lopend).toHaveLength(2);
    expect(p.volgendePoging()).toBeUndefined();
  });
});
