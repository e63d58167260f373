import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { seedDemo } from '../data/seed.ts';
import { openDb } from '../db/client.ts';
import { aandeelVers, simuleerJaar, STANDAARD_MODEL, toeval } from './simulatie.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-sim-'));
process.env.OUTBOX_DIR = path.join(dir, 'outbox');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a simulated year of keeping the kaart current', () => {
  it('the seeded generator repeats itself', () => {
    const a = toeval(7);
    const b = toeval(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('keeps at least 90 % of the listings checked in the last six months from month 6 on', { timeout: 120_000 }, async () => {
    const db = openDb(path.join(dir, 'db.sqlite'));
    const config = loadConfig();
    seedDemo(db, config, '2027-01-01');
    const cijfers = await simuleerJaar(db, config, { start: '2027-01-01', model: STANDAARD_MODEL });
    expect(cijfers).toHaveLength(12);
    // The real code ran: reminders went out, kernondersteuners called, inwoners reported.
    expect(cijfers.reduce((s, m) => s + m.herinneringen, 0)).toBeGreaterThan(100);
    expect(cijfers.reduce((s, m) => s + m.gebeld, 0)).toBeGreaterThan(50);
    expect(cijfers.reduce((s, m) => s + m.meldingen, 0)).toBeGreaterThan(12);
    // "Gaat het weer door?" was asked before the seasons of the demo's seasonal activities, and mostly answered.
    const gevraagd = cijfers.reduce((s, m) => s + m.seizoenGevraagd, 0);
    expect(gevraagd).toBeGreaterThan(5);
    expect(cijfers.reduce((s, m) => s + m.seizoenBevestigd, 0)).toBeGreaterThan(gevraagd / 2);
    const te = cijfers
      .slice(5)
      .filter((m) => m.aandeel < 0.9)
      .map((m) => `${m.maand}: ${(m.aandeel * 100).toFixed(1)} %`);
    expect(te).toEqual([]);
    expect(aandeelVers(db, '2027-12-31').totaal).toBe(cijfers[11].totaal);
    db.$client.close();
  });

  it('without reminders or calls the share falls: the figure depends on the model', { timeout: 120_000 }, async () => {
    const db = openDb(path.join(dir, 'stil.sqlite'));
    const config = loadConfig();
    seedDemo(db, config, '2027-01-01');
    const stil = {
      ...STANDAARD_MODEL,
      eersteHerinnering: 0,
      tweedeHerinnering: 0,
      latereHerinnering: 0,
      bereikt: 0,
      meldingOpgepakt: 0,
    };
    const cijfers = await simuleerJaar(db, config, { start: '2027-01-01', dagen: 200, model: stil });
    expect(cijfers.at(-1)!.aandeel).toBeLessThan(0.1);
    db.$client.close();
  });
});
