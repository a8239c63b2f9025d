/**
 * The zip level of an .xlsx, for `large-copy/`: read a part (whole or as a stream of inflated
 * chunks) and write a new package in which untouched parts keep their original compressed bytes.
 *
 * Reading trusts `inspectXlsxBytes` (the door check, `app/guard.ts`) for the central directory,
 * which it has already validated. Writing produces a plain zip (no ZIP64: the product refuses any
 * workbook that unpacks to more than 1 GB, and a part never reaches 4 GB), names in UTF-8.
 */
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { inspectXlsxBytes } from '../app/guard';
import type { ZipEntryInfo } from '../app/zip-directory';

export interface ZipSource {
  readonly bytes: Buffer;
  readonly entries: readonly ZipEntryInfo[];
  readonly byName: ReadonlyMap<string, ZipEntryInfo>;
}

/** Opens an .xlsx's directory; throws (with the guard's Spanish reason) on a file that is no usable zip. */
export function openZip(bytes: Buffer): ZipSource {
  const inspected = inspectXlsxBytes(bytes);
  if (!inspected.ok) throw new Error(inspected.reason);
  return { bytes, entries: inspected.entries, byName: new Map(inspected.entries.map((e) => [e.name, e])) };
}

/** The entry's data as stored (compressed when `method` is 8). */
export function storedData(src: ZipSource, entry: ZipEntryInfo): Buffer {
  const lh = entry.localHeaderOffset;
  const start = lh + 30 + src.bytes.readUInt16LE(lh + 26) + src.bytes.readUInt16LE(lh + 28);
  return src.bytes.subarray(start, start + entry.compressedSize);
}

/** The whole part, uncompressed (for the small parts: workbook, styles, rels, comments). */
export function readPart(src: ZipSource, name: string): Buffer | null {
  const entry = src.byName.get(name);
  if (!entry) return null;
  const data = storedData(src, entry);
  return entry.method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data);
}

export function readPartText(src: ZipSource, name: string): string | null {
  const b = readPart(src, name);
  return b === null ? null : b.toString('utf8');
}

const CHUNK = 1 << 20;
/**
 * Size of the uncompressed chunks a part is given out in. 64 KB, not 256 KB: the readers decode
 * each chunk to a string, and V8 decodes a 256 KB chunk holding non-ASCII text (every Spanish
 * sheet) about five times slower per byte than four of 64 KB — measured on the SisPT export of
 * `npm run bench -- formatos`, 23 ms against 4–5 ms per read of its 3.5 MB sheet.
 */
const OUT_CHUNK = 64 * 1024;

/** The part as a stream of uncompressed chunks: memory stays at a few chunks whatever its size. */
export async function* partChunks(src: ZipSource, entry: ZipEntryInfo): AsyncGenerator<Buffer> {
  const data = storedData(src, entry);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += OUT_CHUNK) yield data.subarray(i, Math.min(i + OUT_CHUNK, data.length));
    return;
  }
  const slices = function* () {
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, Math.min(i + CHUNK, data.length));
  };
  const inflater = Readable.from(slices()).pipe(zlib.createInflateRaw({ chunkSize: OUT_CHUNK }));
  for await (const chunk of inflater) yield chunk as Buffer;
}

// ---------------------------------------------------------------------------------------------
// Writing

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `data` continuing from `crc` (zlib's when this Node has it). */
export function crc32(data: Uint8Array, crc = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (typeof native === 'function') return native(data, crc);
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part already deflated, with what its zip entry declares. */
export interface DeflatedPart {
  readonly chunks: readonly Buffer[];
  readonly crc: number;
  readonly size: number;
}

/** Deflates a stream of uncompressed chunks as they come; only the compressed bytes are kept. */
export async function deflatePart(source: AsyncIterable<Buffer>): Promise<DeflatedPart> {
  let crc = 0;
  let size = 0;
  async function* counted() {
    for await (const chunk of source) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  }
  const chunks: Buffer[] = [];
  const deflater = Readable.from(counted()).pipe(zlib.createDeflateRaw({ level: 6 }));
  for await (const chunk of deflater) chunks.push(chunk as Buffer);
  return { chunks, crc, size };
}

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

const MAX_32 = 0xffffffff;

/** Builds a zip in memory, part by part, in the order added. */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly written: Written[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(now = new Date()) {
    this.dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
    this.dosDate = ((Math.max(now.getFullYear(), 1980) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /** Copies a part of `src` as stored: no inflating, same bytes, same CRC. */
  addStored(src: ZipSource, entry: ZipEntryInfo, as = entry.name): void {
    this.push(as, entry.method, entry.crc32, entry.uncompressedSize, [storedData(src, entry)]);
  }

  /** Adds a part from its uncompressed bytes (deflated). */
  addBytes(name: string, data: Buffer | string): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.push(name, 8, crc32(buf), buf.length, [zlib.deflateRawSync(buf, { level: 6 })]);
  }

  /** Adds a part from a stream of uncompressed chunks, deflating as they come. */
  async addStream(name: string, source: AsyncIterable<Buffer>): Promise<void> {
    this.addDeflated(name, await deflatePart(source));
  }

  /** Adds a part compressed beforehand (`deflatePart`). */
  addDeflated(name: string, part: DeflatedPart): void {
    this.push(name, 8, part.crc, part.size, part.chunks);
  }

  private push(name: string, method: number, crc: number, size: number, data: readonly Buffer[]): void {
    if (this.names.has(name)) throw new Error(`zip: parte repetida ${name}`);
    const compressedSize = data.reduce((n, b) => n + b.length, 0);
    if (size > MAX_32 || compressedSize > MAX_32 || this.offset > MAX_32) throw new Error('zip: parte demasiado grande');
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressedSize, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.written.push({ name: nameBytes, method, crc: crc >>> 0, compressedSize, size, offset: this.offset });
    this.names.add(name);
    this.chunks.push(header, nameBytes, ...data);
    this.offset += header.length + nameBytes.length + compressedSize;
  }

  /** The finished zip (central directory appended). */
  finish(): Buffer {
    const cdStart = this.offset;
    const cd: Buffer[] = [];
    let cdSize = 0;
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt16LE(this.dosTime, 12);
      h.writeUInt16LE(this.dosDate, 14);
      h.writeUInt32LE(w.crc, 16);
      h.writeUInt32LE(w.compressedSize, 20);
      h.writeUInt32LE(w.size, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt32LE(w.offset, 42);
      cd.push(h, w.name);
      cdSize += h.length + w.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdStart, 16);
    return Buffer.concat([...this.chunks, ...cd, end]);
  }
}
