import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startProefSmtp } from '../../../tests/e2e/smtp-hulp.ts';
import { openDb } from '../db/client.ts';
import { verstuur } from './mail.ts';
import { MAX_POGINGEN, verwerkWachtrij, wachtrijStand, zetInWachtrij } from './wachtrij.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-wachtrij-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A port nothing listens on: the mail server is down. */
async function dichtePoort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((klaar) => s.listen(0, '127.0.0.1', klaar));
  const poort = (s.address() as { port: number }).port;
  await new Promise((klaar) => s.close(klaar));
  return poort;
}

const bericht = {
  aan: 'lid@test.example',
  onderwerp: 'Uw inloglink',
  tekst: 'https://kaart.example/partners/inloggen/link/?token=abc',
};

describe('the mail queue', () => {
  it('keeps a mail while the mail server is down, shows it, and sends it on a later attempt', async () => {
    const db = openDb(path.join(dir, 'neer.sqlite'));
    const poort = await dichtePoort();
    const t0 = new Date('2026-12-02T10:00:00Z');
    zetInWachtrij(db, bericht, t0);
    const naar = (url: string) => ({ verstuur: (b: typeof bericht) => verstuur(b, url), nu: () => t0 });

    expect(await verwerkWachtrij(db, naar(`smtp://127.0.0.1:${poort}`))).toEqual({ verzonden: 0, mislukt: 1 });
    const stand = wachtrijStand(db, t0);
    expect(stand).toMatchObject({ wachtend: 1, opgegeven: 0 });
    expect(stand.laatsteFout).toMatch(/ECONNREFUSED/);
    // Not due yet: the retry waits (back-off), so a dead server is not hammered.
    expect(await verwerkWachtrij(db, naar(`smtp://127.0.0.1:${poort}`))).toEqual({ verzonden: 0, mislukt: 0 });

    const smtp = await startProefSmtp();
    const later = new Date(t0.getTime() + 60_000);
    expect(
      await verwerkWachtrij(db, { verstuur: (b) => verstuur(b, `smtp://127.0.0.1:${smtp.poort}`), nu: () => later }),
    ).toEqual({
      verzonden: 1,
      mislukt: 0,
    });
    expect(smtp.ontvangen).toHaveLength(1);
    expect(smtp.ontvangen[0].aan).toEqual(['lid@test.example']);
    expect(smtp.ontvangen[0].data).toContain('token=abc');
    expect(wachtrijStand(db, later)).toMatchObject({ wachtend: 0, opgegeven: 0 });
    await smtp.stop();
  });

  it(`gives up after ${MAX_POGINGEN} attempts and keeps no text (it may hold a login link)`, async () => {
    const db = openDb(path.join(dir, 'opgeven.sqlite'));
    let nu = new Date('2026-12-02T10:00:00Z');
    zetInWachtrij(db, bericht, nu);
    const kapot = async () => {
      throw new Error('454 Tijdelijk niet beschikbaar');
    };
    for (let i = 0; i < MAX_POGINGEN; i++) {
      expect(await verwerkWachtrij(db, { verstuur: kapot, nu: () => nu }), `poging ${i + 1}`).toEqual({
        verzonden: 0,
        mislukt: 1,
      });
      nu = new Date(nu.getTime() + 24 * 3_600_000);
    }
    expect(await verwerkWachtrij(db, { verstuur: kapot, nu: () => nu })).toEqual({ verzonden: 0, mislukt: 0 });
    expect(wachtrijStand(db, nu)).toEqual({ wachtend: 0, opgegeven: 1, laatsteFout: '454 Tijdelijk niet beschikbaar' });
    const rijen = db.$client.prepare('select tekst from mail_wachtrij').all() as { tekst: string }[];
    expect(rijen).toEqual([{ tekst: '' }]);
  });

  it('sends each mail once when two senders work at the same time', async () => {
    const db = openDb(path.join(dir, 'samen.sqlite'));
    for (let i = 0; i < 5; i++) zetInWachtrij(db, { ...bericht, aan: `lid${i}@test.example` });
    const verzonden: string[] = [];
    const stuur = async (b: typeof bericht) => {
      await new Promise((klaar) => setImmediate(klaar));
      verzonden.push(b.aan);
    };
    const [a, b] = await Promise.all([verwerkWachtrij(db, { verstuur: stuur }), verwerkWachtrij(db, { verstuur: stuur })]);
    expect(a.verzonden + b.verzonden).toBe(5);
    expect(verzonden.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `lid${i}@test.example`));
  });
});
