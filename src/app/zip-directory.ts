/**
 * The zip directory of a file, read from its bytes without decompressing anything: the End Of
 * Central Directory record (classic and ZIP64) and the central directory's entries. Used by the
 * door check (`guard.ts`), which judges what it finds, and by the exceljs adapter's zip level
 * (`xlsx/zip.ts`), which trusts what the door check accepted. Host-neutral (`DataView`,
 * `TextDecoder`); never throws.
 */

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  /** CRC-32 of the uncompressed data, as the central directory declares it. */
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

/** Where the central directory is and how many entries it declares (-1 each: a ZIP64 record that is not where it says). */
export interface DirectoryBounds {
  readonly entries: number;
  readonly cdSize: number;
  readonly cdOffset: number;
  readonly eocdPos: number;
}

/** Reads the End Of Central Directory (classic + ZIP64); `null` when the file has none (cut short, or no zip). */
export function readDirectoryBounds(bytes: Uint8Array, view: DataView): DirectoryBounds | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let pos = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && view.getUint32(i, true) === ZIP_EOCD) {
      // The comment must end exactly at the end of the file (a stray signature inside data does not).
      const commentLength = view.getUint16(i + 20, true);
      if (i + 22 + commentLength <= bytes.length) {
        pos = i;
        break;
      }
    }
  }
  if (pos < 0) return null;
  let entries = view.getUint16(pos + 10, true);
  let cdSize = view.getUint32(pos + 12, true);
  let cdOffset = view.getUint32(pos + 16, true);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = pos - 20;
    if (loc < 0 || view.getUint32(loc, true) !== ZIP64_LOCATOR) return { entries: -1, cdSize: -1, cdOffset: -1, eocdPos: pos };
    const z64 = Number(view.getBigUint64(loc + 8, true));
    if (!Number.isSafeInteger(z64) || z64 < 0 || z64 + 56 > bytes.length || view.getUint32(z64, true) !== ZIP64_EOCD) {
      return { entries: -1, cdSize: -1, cdOffset: -1, eocdPos: pos };
    }
    entries = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
    pos = z64;
  }
  return { entries, cdSize, cdOffset, eocdPos: pos };
}

/**
 * The central directory's entries, one at a time and in order, as declared (ZIP64 sizes and
 * offsets resolved; a size may be beyond `Number.MAX_SAFE_INTEGER`, for the caller to judge).
 * Yields `'damaged'` — and stops — where a record is not where the directory says or overruns it.
 */
export function* centralDirectory(bytes: Uint8Array, view: DataView, bounds: DirectoryBounds): Generator<ZipEntryInfo | 'damaged'> {
  const decoder = new TextDecoder('utf-8');
  let p = bounds.cdOffset;
  const end = bounds.cdOffset + bounds.cdSize;
  for (let i = 0; i < bounds.entries; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== ZIP_CENTRAL) return yield 'damaged';
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > end) return yield 'damaged';
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extended information: the 8-byte fields present are those whose 4-byte field is 0xFFFFFFFF, in order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let f = e + 4;
        const fEnd = Math.min(f + len, extraEnd);
        const take = () => {
          if (f + 8 > fEnd) return -1;
          const v = Number(view.getBigUint64(f, true));
          f += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
        if (uncompressedSize < 0 || compressedSize < 0 || localHeaderOffset < 0) return yield 'damaged';
      }
      e += 4 + len;
    }
    yield { name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset };
    p = next;
  }
}
