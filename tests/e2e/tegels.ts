import { deflateSync } from 'node:zlib';

/**
 * Tiny basemap fixtures for the browser tests: a Mapbox Vector Tile and a PMTiles v3 archive
 * written by hand (protobuf and header as in the specs), so the pmtiles and PDOK paths of the
 * map can be tested without any download.
 */

function varint(n: number): number[] {
  const uit: number[] = [];
  while (n > 0x7f) {
    uit.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  uit.push(n);
  return uit;
}

const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const veld = (nummer: number, type: number) => varint((nummer << 3) | type);
const bytesVeld = (nummer: number, inhoud: number[]) => [...veld(nummer, 2), ...varint(inhoud.length), ...inhoud];
const tekstVeld = (nummer: number, tekst: string) => bytesVeld(nummer, [...Buffer.from(tekst, 'utf8')]);
const getalVeld = (nummer: number, n: number) => [...veld(nummer, 0), ...varint(n)];

/** A vector tile with, per layer name, one polygon covering the whole tile. */
export function mvtTegel(lagen: string[]): Buffer {
  const e = 4096;
  // MoveTo(0,0), LineTo (e,0) (e,e) (0,e), ClosePath: clockwise in tile coordinates = outer ring.
  const geometrie = [9, zigzag(0), zigzag(0), 26, zigzag(e), zigzag(0), zigzag(0), zigzag(e), zigzag(-e), zigzag(0), 15];
  const feature = [...getalVeld(1, 1), ...getalVeld(3, 3), ...bytesVeld(4, geometrie.flatMap(varint))];
  const tegel = lagen.flatMap((naam) =>
    bytesVeld(3, [...getalVeld(15, 2), ...tekstVeld(1, naam), ...bytesVeld(2, feature), ...getalVeld(5, e)]),
  );
  return Buffer.from(tegel);
}

function u64(buf: Buffer, offset: number, n: number) {
  buf.writeUInt32LE(n % 2 ** 32, offset);
  buf.writeUInt32LE(Math.floor(n / 2 ** 32), offset + 4);
}

/** A PMTiles v3 archive holding one uncompressed vector tile at zoom 0 (the whole world). */
export function pmtilesArchief(tegel: Buffer): Buffer {
  const kop = Buffer.alloc(127);
  // Directory: one entry, tile id 0, run length 1, its length, offset 0 (written as offset + 1).
  const map = Buffer.from([...varint(1), ...varint(0), ...varint(1), ...varint(tegel.length), ...varint(1)]);
  const meta = Buffer.from(JSON.stringify({ vector_layers: [] }));
  const mapOffset = 127;
  const metaOffset = mapOffset + map.length;
  const tegelOffset = metaOffset + meta.length;
  kop.write('PMTiles', 0, 'latin1');
  kop.writeUInt8(3, 7);
  u64(kop, 8, mapOffset);
  u64(kop, 16, map.length);
  u64(kop, 24, metaOffset);
  u64(kop, 32, meta.length);
  u64(kop, 40, tegelOffset);
  u64(kop, 48, 0);
  u64(kop, 56, tegelOffset);
  u64(kop, 64, tegel.length);
  u64(kop, 72, 1);
  u64(kop, 80, 1);
  u64(kop, 88, 1);
  kop.writeUInt8(1, 96); // clustered
  kop.writeUInt8(1, 97); // internal compression: none
  kop.writeUInt8(1, 98); // tile compression: none
  kop.writeUInt8(1, 99); // tile type: MVT
  kop.writeUInt8(0, 100);
  kop.writeUInt8(0, 101);
  kop.writeInt32LE(-180e7, 102);
  kop.writeInt32LE(-85e7, 106);
  kop.writeInt32LE(180e7, 110);
  kop.writeInt32LE(85e7, 114);
  kop.writeUInt8(0, 118);
  return Buffer.concat([kop, map, meta, tegel]);
}

/** A 1×1 transparent PNG, for a sprite sheet without symbols. */
export function legePng(): Buffer {
  const crcTabel = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTabel[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const blok = (type: string, data: Buffer) => {
    const lengte = Buffer.alloc(4);
    lengte.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([lengte, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    blok('IHDR', ihdr),
    // One scanline: filter byte 0 and one RGBA pixel, all zero (transparent).
    blok('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))),
    blok('IEND', Buffer.alloc(0)),
  ]);
}
