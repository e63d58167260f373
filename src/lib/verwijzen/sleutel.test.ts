import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laadSleutels, ontsleutel, sleutelPad, SleutelFout, versleutel } from './sleutel.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sk-sleutel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('encryption of a contact detail', () => {
  const s = { huidig: randomBytes(32) };

  it('round-trips, hides the text and differs every time', () => {
    const a = versleutel('06 12345678', 'K7FM3Q', s.huidig);
    const b = versleutel('06 12345678', 'K7FM3Q', s.huidig);
    expect(a).not.toBe(b);
    expect(a).not.toContain('12345678');
    expect(ontsleutel(a, 'K7FM3Q', s)).toBe('06 12345678');
  });

  it('refuses another referral’s context, altered data and a wrong key', () => {
    const a = versleutel('inwoner@voorbeeld.example', 'K7FM3Q', s.huidig);
    expect(ontsleutel(a, 'AAAAAA', s)).toBeUndefined();
    const delen = a.split('.');
    delen[3] = Buffer.from('x'.repeat(10)).toString('base64url');
    expect(ontsleutel(delen.join('.'), 'K7FM3Q', s)).toBeUndefined();
    expect(ontsleutel(a, 'K7FM3Q', { huidig: randomBytes(32) })).toBeUndefined();
  });

  it('still reads details of the previous key after a rotation', () => {
    const oud = randomBytes(32);
    const a = versleutel('0546 012 345', 'K7FM3Q', oud);
    expect(ontsleutel(a, 'K7FM3Q', { huidig: randomBytes(32), vorig: oud })).toBe('0546 012 345');
  });

  it('takes SK_SLEUTEL, or makes a key file once next to the database (mode 600)', () => {
    const db = path.join(dir, 'db.sqlite');
    const eerst = laadSleutels({}, db);
    expect(statSync(sleutelPad(db)).mode & 0o777).toBe(0o600);
    expect(laadSleutels({}, db).huidig.equals(eerst.huidig)).toBe(true);
    expect(Buffer.from(readFileSync(sleutelPad(db), 'utf8').trim(), 'base64').length).toBe(32);
    const env = randomBytes(32);
    expect(laadSleutels({ SK_SLEUTEL: env.toString('base64') }, db).huidig.equals(env)).toBe(true);
    expect(() => laadSleutels({ SK_SLEUTEL: 'kort' }, db)).toThrow(SleutelFout);
  });
});
