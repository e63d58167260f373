import { createHash, randomUUID } from 'node:crypto';

/** Namespace for name-based UUIDs of this project (RFC 9562, version 5). */
const NAMESPACE = 'b0c7b7e2-5c1f-4f8e-9d33-3c1c8b1a0f42';

/**
 * A UUID derived from a name, so that the same demo or imported record always gets the same
 * identifier in the open data, also after the database is rebuilt.
 */
export function naamUuid(soort: string, naam: string): string {
  const sleutel = `${soort}:${naam}`;
  let uuid = uuids.get(sleutel);
  if (uuid) return uuid;
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(sleutel).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  // Every publish names every record again (open data): the resident render process remembers.
  if (uuids.size >= 500_000) uuids.clear();
  uuids.set(sleutel, uuid);
  return uuid;
}
const uuids = new Map<string, string>();

export function nieuweUuid(): string {
  return randomUUID();
}

/** A URL slug from a name: "Dorpshuis 't Hooge Huus" → "dorpshuis-t-hooge-huus". */
export function maakSlug(naam: string): string {
  return naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
