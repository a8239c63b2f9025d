/**
 * A tiny zip writer for tests of the door check (`src/app/guard.ts`): every field of the local
 * headers, central directory and end record is under the test's control — declared sizes that
 * lie, ZIP64 records, encrypted flags, odd compression methods — which no zip library allows.
 * Also real CFB (OLE) files as Excel writes for password-protected workbooks, and real zip bombs.
 */
import * as zlib from 'node:zlib';
import { crc32 } from '../../src/xlsx/zip';

export interface ZipPart {
  readonly name: string;
  /** Uncompressed content (compressed here with deflate unless `method: 0` or `raw` is given). */
  readonly data?: Buffer | string;
  /** Already-compressed bytes (with `uncompressedSize`). */
  readonly raw?: Buffer;
  readonly method?: number;
  /** Override the declared sizes (default: the real ones). */
  readonly uncompressedSize?: number;
  readonly compressedSize?: number;
  readonly flags?: number;
  /** Declare this entry's sizes through the ZIP64 extra field. */
  readonly zip64?: boolean;
}

export interface ZipOptions {
  /** Write ZIP64 end records (and 0xFFFF / 0xFFFFFFFF in the classic one). */
  readonly zip64?: boolean;
  /** Override the central directory offset written in the end record. */
  readonly cdOffset?: number;
}


export function buildZip(parts: readonly ZipPart[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const plain = p.data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const method = p.method ?? 8;
    const body = p.raw ?? (method === 8 ? zlib.deflateRawSync(plain) : plain);
    const usize = p.uncompressedSize ?? (p.raw ? 0 : plain.length);
    const csize = p.compressedSize ?? body.length;
    const crc = p.raw ? 0 : crc32(plain);
    const extra = p.zip64 ? Buffer.alloc(4 + 16) : Buffer.alloc(0);
    if (p.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(usize), 4);
      extra.writeBigUInt64LE(BigInt(csize), 12);
    }
    const u32 = (n: number) => (p.zip64 ? 0xffffffff : n);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(p.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(u32(csize), 18);
    local.writeUInt32LE(u32(usize), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(p.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(p.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(p.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(u32(csize), 20);
    central.writeUInt32LE(u32(usize), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const cdOffset = options.cdOffset ?? offset;
  const tail: Buffer[] = [];
  if (options.zip64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(parts.length), 24);
    z.writeBigUInt64LE(BigInt(parts.length), 32);
    z.writeBigUInt64LE(BigInt(cd.length), 40);
    z.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(z, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 8);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 10);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : cd.length, 12);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : cdOffset, 16);
  return Buffer.concat([...locals, cd, ...tail, eocd]);
}

/** The smallest parts an .xlsx needs to be recognised as one by the door check. */
export const workbookParts: readonly ZipPart[] = [
  { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
  { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook/>' },
];

/**
 * Raw deflate data of `mib` MiB of zeros, built fast: a 16 MiB segment is compressed once with a
 * full flush (byte-aligned, window reset, so it is self-contained), repeated, and closed with an
 * empty final block. A genuine deflate stream: `zlib.inflateRawSync` gives the zeros back.
 */
export function deflatedZeros(mib: number): Buffer {
  const SEG = 16;
  const d = zlib.deflateRawSync(Buffer.alloc(SEG * 1024 * 1024), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const whole = Math.floor(mib / SEG);
  const rest = mib - whole * SEG;
  const pieces: Buffer[] = Array.from({ length: whole }, () => d);
  if (rest > 0) pieces.push(zlib.deflateRawSync(Buffer.alloc(rest * 1024 * 1024), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH }));
  pieces.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return Buffer.concat(pieces);
}

/**
 * A zip bomb shaped like a workbook: the minimal workbook parts plus a worksheet of `mib` MiB of
 * zeros. `declare`: the uncompressed size written in the headers (default: the true one; a
 * smaller number makes a bomb that lies).
 */
export function zipBomb(mib: number, declare?: number): Buffer {
  const raw = deflatedZeros(mib);
  const size = declare ?? mib * 1024 * 1024;
  return buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', raw, uncompressedSize: size, zip64: size > 0xfffffffe }], { zip64: size > 0xfffffffe });
}

/**
 * A minimal but well-formed OLE compound file (CFB v3, 512-byte sectors): header, one FAT sector,
 * one directory sector. With `encrypted` its directory holds the "EncryptionInfo" and
 * "EncryptedPackage" streams Excel writes for a password-protected .xlsx; without it, a
 * "Workbook" stream as in a legacy .xls.
 */
export function cfbFile(encrypted: boolean): Buffer {
  const SECT = 512;
  const FREESECT = 0xffffffff;
  const ENDOFCHAIN = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const NOSTREAM = 0xffffffff;
  const header = Buffer.alloc(SECT);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(0, 40);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(ENDOFCHAIN, 60);
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68);
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + 4 * i);
  const fat = Buffer.alloc(SECT, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  const dir = Buffer.alloc(SECT);
  const entry = (i: number, name: string, type: number, child: number, right: number) => {
    const at = i * 128;
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(dir, at);
    dir.writeUInt16LE(n.length, at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1;
    dir.writeUInt32LE(NOSTREAM, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(type === 5 ? ENDOFCHAIN : 0, at + 116);
  };
  if (encrypted) {
    entry(0, 'Root Entry', 5, 1, NOSTREAM);
    entry(1, 'EncryptionInfo', 2, NOSTREAM, 2);
    entry(2, 'EncryptedPackage', 2, NOSTREAM, NOSTREAM);
  } else {
    entry(0, 'Root Entry', 5, 1, NOSTREAM);
    entry(1, 'Workbook', 2, NOSTREAM, NOSTREAM);
  }
  // Unused directory slots are empty entries (type 0) with NOSTREAM links.
  for (let i = encrypted ? 3 : 2; i < 4; i++) {
    const at = i * 128;
    dir.writeUInt32LE(NOSTREAM, at + 68);
    dir.writeUInt32LE(NOSTREAM, at + 72);
    dir.writeUInt32LE(NOSTREAM, at + 76);
  }
  return Buffer.concat([header, fat, dir]);
}
