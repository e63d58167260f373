import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databasePath } from '../db/client.ts';

/**
 * Encryption of an inwoner's contact detail (only stored with consent). AES-256-GCM with a key
 * from SK_SLEUTEL (base64, 32 bytes) or, when that is absent, from a key file made once in the
 * data folder next to the database, so it never ends up in git. SK_SLEUTEL_VORIG is tried when
 * decrypting, so a key can be rotated without losing details that are still open (README).
 */

export const SLEUTEL_BESTAND = 'verwijzen.sleutel';
const VERSIE = 'v1';

export class SleutelFout extends Error {}

function uitBase64(waarde: string, naam: string): Buffer {
  const sleutel = Buffer.from(waarde.trim(), 'base64');
  if (sleutel.length !== 32)
    throw new SleutelFout(`${naam} moet 32 bytes zijn, in base64 (bijvoorbeeld: openssl rand -base64 32)`);
  return sleutel;
}

export function sleutelPad(database = databasePath()): string {
  return path.join(path.dirname(database), SLEUTEL_BESTAND);
}

/** Reads the key file, or creates it the first time (flag wx: never overwrites an existing key). */
function sleutelUitBestand(pad: string): Buffer {
  try {
    return uitBase64(readFileSync(pad, 'utf8'), pad);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    writeFileSync(pad, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(pad, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return uitBase64(readFileSync(pad, 'utf8'), pad);
}

export type Sleutels = { huidig: Buffer; vorig?: Buffer };

export function laadSleutels(env: NodeJS.ProcessEnv = process.env, database = databasePath()): Sleutels {
  const huidig = env.SK_SLEUTEL ? uitBase64(env.SK_SLEUTEL, 'SK_SLEUTEL') : sleutelUitBestand(sleutelPad(database));
  const vorig = env.SK_SLEUTEL_VORIG ? uitBase64(env.SK_SLEUTEL_VORIG, 'SK_SLEUTEL_VORIG') : undefined;
  return { huidig, vorig };
}

let gedeeld: Sleutels | undefined;
/** The process's keys, read once. */
export function sleutels(): Sleutels {
  return (gedeeld ??= laadSleutels());
}

/**
 * "v1.<iv>.<tag>.<ciphertext>" in base64url. `context` (the referral code) is authenticated data:
 * a ciphertext copied to another referral does not decrypt there.
 */
export function versleutel(tekst: string, context: string, sleutel: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', sleutel, iv);
  c.setAAD(Buffer.from(context, 'utf8'));
  const geheim = Buffer.concat([c.update(tekst, 'utf8'), c.final()]);
  return [VERSIE, iv, c.getAuthTag(), geheim].map((d) => (typeof d === 'string' ? d : d.toString('base64url'))).join('.');
}

/** The plain text, or undefined when no key fits (key lost or rotated away) or it was tampered with. */
export function ontsleutel(waarde: string, context: string, s: Sleutels): string | undefined {
  const [versie, iv, tag, geheim] = waarde.split('.');
  if (versie !== VERSIE || !iv || !tag || geheim === undefined) return undefined;
  for (const sleutel of [s.huidig, s.vorig]) {
    if (!sleutel) continue;
    try {
      const d = createDecipheriv('aes-256-gcm', sleutel, Buffer.from(iv, 'base64url'));
      d.setAAD(Buffer.from(context, 'utf8'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(geheim, 'base64url')), d.final()]).toString('utf8');
    } catch {
      // Wrong key or altered data: try the previous key, then give up.
    }
  }
  return undefined;
}
