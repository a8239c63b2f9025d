/**
 * The door check of every .xlsx the product opens: looks at the raw bytes BEFORE exceljs (or any
 * zip library) loads anything, and refuses — with one Spanish line that names the limit — what
 * would crash the parser or exhaust memory:
 *
 * - zero bytes; a file above the size limit;
 * - an OLE compound file (D0 CF 11 E0 …): a password-protected / encrypted .xlsx (its directory
 *   holds an "EncryptionInfo" stream) or a legacy .xls / other Office 97-2003 file;
 * - not a zip at all (a PDF, a web page, text renamed to .xlsx); an empty zip;
 * - a truncated zip (no end-of-central-directory record, or a central directory that points
 *   outside the file) — a download or copy cut short;
 * - a zip bomb: the central directory is parsed here (ZIP64 aware) and the declared uncompressed
 *   sizes are added up; too many parts, a total above the limit, or an absurd compression ratio
 *   on a large part are refused;
 * - parts encrypted at the zip level or compressed with a method Excel never uses;
 * - a zip that is not an Excel workbook (no `xl/workbook.xml`): Word, PowerPoint, OpenDocument,
 *   binary .xlsb or any other zip.
 *
 * `inspectXlsxBytes` trusts the sizes the central directory declares (cheap, synchronous).
 * `verifyXlsxInflation` then inflates every part as a stream, keeping nothing, and stops as soon
 * as a part produces more than it declared or the total passes the limit — so a file that lies
 * about its sizes is refused too, in constant memory. `guardXlsxBytes` runs both.
 *
 * Host-neutral: plain `Uint8Array`/`DataView`, `TextDecoder` and the Web `DecompressionStream`
 * (Node ≥ 18 and every browser Office supports), so the pane can run it on a file the reviewer
 * picks. Never throws: every outcome is a value.
 */
import { kindLabels, type SheetKind } from '../domain/fields';

/**
 * A workbook whose package is not whole (a part it lists is missing, its relationships are gone):
 * thrown by the readers' package check (`xlsx/package.ts`); `reason` completes «está dañado o
 * incompleto: …» in Spanish.
 */
export class DamagedWorkbookError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DamagedWorkbookError';
  }
}

export interface GuardLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of the parts once uncompressed, in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest compression ratio (uncompressed / compressed) accepted on a large part. */
  readonly maxRatio: number;
  /** A part is "large" for the ratio check from this uncompressed size on. */
  readonly ratioMinBytes: number;
  /** Most parts (zip entries) accepted. */
  readonly maxEntries: number;
}

const MiB = 1024 * 1024;

/**
 * The product's limits. 100 MB of .xlsx is far above any real action plan or capture sheet (a
 * 200,000-row capture sheet is about 32 MB) and matches `MAX_FILE_BYTES` of `app/load.ts`; 1 GB
 * uncompressed is about three times what that 200,000-row sheet unpacks to; real sheet XML
 * compresses 5–30 to 1, so 200 to 1 on a part of 32 MB or more is a bomb, not a workbook.
 */
export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxFileBytes: 100 * MiB,
  maxUncompressedBytes: 1024 * MiB,
  maxRatio: 200,
  ratioMinBytes: 32 * MiB,
  maxEntries: 10_000,
};

export interface GuardOptions extends Partial<GuardLimits> {
  /** How the file is named in messages (as the user gave it). Default: "el archivo". */
  readonly name?: string;
}

/** Why a file was refused (tests and callers may branch on it; the reason is for people). */
export type GuardCode =
  | 'empty'
  | 'too-large'
  | 'encrypted'
  | 'legacy-office'
  | 'not-zip'
  | 'empty-zip'
  | 'truncated'
  | 'damaged'
  | 'too-many-entries'
  | 'too-big-uncompressed'
  | 'ratio'
  | 'size-mismatch'
  | 'truncated-part'
  | 'zip-encrypted'
  | 'unsupported-compression'
  | 'not-workbook'
  | 'xlsb';

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

export type GuardResult =
  | { readonly ok: true; readonly entries: readonly ZipEntryInfo[]; readonly uncompressedBytes: number }
  | { readonly ok: false; readonly code: GuardCode; readonly reason: string };

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO_UTF16 = utf16le('EncryptionInfo');
const ENCRYPTED_PACKAGE_UTF16 = utf16le('EncryptedPackage');

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** "1 GB", "1,5 GB", "100 MB", "12,3 MB", "850 KB" (binary units, Colombian decimal comma). */
export function formatBytes(n: number): string {
  const unit = (value: number, label: string) => {
    const text = value >= 10 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace('.', ',').replace(/,0$/, '');
    return `${text.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ${label}`;
  };
  if (n >= 1024 * MiB) return unit(n / (1024 * MiB), 'GB');
  if (n >= MiB) return unit(n / MiB, 'MB');
  if (n >= 1024) return unit(n / 1024, 'KB');
  return `${n} bytes`;
}

function fail(code: GuardCode, reason: string): GuardResult {
  return { ok: false, code, reason };
}

function limitsOf(options: GuardOptions): GuardLimits {
  const pick = (k: keyof GuardLimits) => {
    const v = options[k];
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_GUARD_LIMITS[k];
  };
  return {
    maxFileBytes: pick('maxFileBytes'),
    maxUncompressedBytes: pick('maxUncompressedBytes'),
    maxRatio: pick('maxRatio'),
    ratioMinBytes: pick('ratioMinBytes'),
    maxEntries: pick('maxEntries'),
  };
}

/** What a non-zip file most likely is, for the message. */
function describeForeign(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'es un PDF';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'es una página web (HTML)';
  if (head.startsWith('<?xml')) return head.includes('urn:schemas-microsoft-com:office:spreadsheet') ? 'es una hoja XML 2003 de Excel' : 'es un archivo XML';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'es una imagen';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'es un archivo comprimido RAR';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'es un archivo comprimido gzip';
  let printable = 0;
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  }
  if (n > 0 && printable / n > 0.95) return 'es un archivo de texto (¿un CSV renombrado?)';
  return 'tiene un formato desconocido';
}

/** Reads the End Of Central Directory (classic + ZIP64). */
function readDirectoryBounds(
  bytes: Uint8Array,
  view: DataView,
): { entries: number; cdSize: number; cdOffset: number; eocdPos: number } | null {
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
 * Checks `bytes` as an .xlsx without decompressing anything. Synchronous and cheap (it reads the
 * first bytes, the end of the file and the central directory).
 */
export function inspectXlsxBytes(bytes: Uint8Array, options: GuardOptions = {}): GuardResult {
  const limits = limitsOf(options);
  const q = options.name !== undefined ? `El archivo «${options.name}»` : 'El archivo';
  const size = bytes.length;

  if (size === 0) return fail('empty', `${q} está vacío (0 bytes).`);
  if (size > limits.maxFileBytes) {
    return fail('too-large', `${q} pesa ${formatBytes(size)} y supera el límite de ${formatBytes(limits.maxFileBytes)} del producto; ¿es el libro correcto?`);
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    if (indexOf(bytes, ENCRYPTION_INFO_UTF16) >= 0 || indexOf(bytes, ENCRYPTED_PACKAGE_UTF16) >= 0) {
      return fail(
        'encrypted',
        `${q} está protegido con contraseña o cifrado; quítele la contraseña en Excel (Archivo › Información › Proteger libro) y vuelva a intentarlo.`,
      );
    }
    return fail('legacy-office', `${q} está en el formato antiguo de Excel (.xls) u otro formato de Office 97-2003; ábralo en Excel y guárdelo como libro de Excel (.xlsx).`);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return fail('empty-zip', `${q} es un archivo comprimido vacío, no un libro de Excel (.xlsx).`);
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail('not-zip', `${q} no es un libro de Excel (.xlsx) válido: ${describeForeign(bytes)}.`);
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = fail(
    'truncated',
    `${q} no es un libro de Excel (.xlsx) válido: está dañado o incompleto (le falta el final; ¿se cortó al descargarlo o copiarlo?).`,
  );
  const damaged = fail('damaged', `${q} no es un libro de Excel (.xlsx) válido: está dañado o incompleto (su índice interno no es coherente).`);
  const bounds = size >= 22 ? readDirectoryBounds(bytes, view) : null;
  if (!bounds) return truncated;
  const { entries: declared, cdSize, cdOffset, eocdPos } = bounds;
  if (declared < 0 || !Number.isSafeInteger(cdOffset) || !Number.isSafeInteger(cdSize) || cdOffset + cdSize > eocdPos) {
    // The directory claims to be where the file no longer reaches: cut short (or garbage).
    return cdOffset + cdSize > size ? truncated : damaged;
  }
  if (declared > limits.maxEntries) {
    return fail('too-many-entries', `${q} tiene ${declared.toLocaleString('es-CO')} partes internas y supera el límite de ${limits.maxEntries.toLocaleString('es-CO')} del producto; no parece un libro de Excel normal.`);
  }

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < declared; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== ZIP_CENTRAL) return damaged;
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
    if (next > end) return damaged;
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
        if (uncompressedSize < 0 || compressedSize < 0 || localHeaderOffset < 0) return damaged;
      }
      e += 4 + len;
    }
    if (!Number.isSafeInteger(uncompressedSize) || !Number.isSafeInteger(compressedSize)) {
      return fail('too-big-uncompressed', `${q} se descomprime en más de ${formatBytes(limits.maxUncompressedBytes)} (límite del producto): declara tamaños imposibles; no se abrió.`);
    }
    if (localHeaderOffset + 30 > cdOffset || localHeaderOffset + compressedSize > cdOffset) return damaged;
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      return fail(
        'too-big-uncompressed',
        `${q} se descomprime en más de ${formatBytes(limits.maxUncompressedBytes)} (límite del producto): sus partes declaran al menos ${formatBytes(total)}; ¿es el libro correcto?`,
      );
    }
    if (uncompressedSize >= limits.ratioMinBytes && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
      const ratio = Math.round(uncompressedSize / Math.max(compressedSize, 1));
      return fail(
        'ratio',
        `${q} parece una bomba de compresión: la parte «${name}» pasa de ${formatBytes(compressedSize)} a ${formatBytes(uncompressedSize)} (${ratio.toLocaleString('es-CO')} a 1; límite del producto: ${limits.maxRatio} a 1); no se abrió.`,
      );
    }
    if (flags & 0x0001) {
      return fail('zip-encrypted', `${q} tiene partes cifradas con contraseña; quítele la contraseña y guárdelo de nuevo como libro de Excel (.xlsx).`);
    }
    if (method !== 0 && method !== 8) {
      return fail('unsupported-compression', `${q} usa un método de compresión que Excel no produce (método ${method}); ábralo en Excel y guárdelo de nuevo como .xlsx.`);
    }
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    p = next;
  }

  const names = new Set(entries.map((x) => x.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) {
      return fail('xlsb', `${q} es un libro binario de Excel (.xlsb); ábralo en Excel y guárdelo como libro de Excel (.xlsx).`);
    }
    const what = names.has('word/document.xml')
      ? 'un documento de Word'
      : names.has('ppt/presentation.xml')
        ? 'una presentación de PowerPoint'
        : names.has('content.xml') && names.has('mimetype')
          ? 'un documento OpenDocument (LibreOffice, .ods/.odt)'
          : 'un archivo comprimido (.zip)';
    return fail('not-workbook', `${q} es ${what}, no un libro de Excel (.xlsx): no contiene xl/workbook.xml.`);
  }
  return { ok: true, entries, uncompressedBytes: total };
}

/**
 * Inflates every part of an already inspected zip as a stream, keeping nothing, and refuses the
 * file as soon as a part yields more than it declared or the total passes the limit (a zip bomb
 * that lies in its directory), or the data does not inflate (damaged). Memory stays at a few
 * chunks whatever the file claims.
 */
export async function verifyXlsxInflation(bytes: Uint8Array, inspected: Extract<GuardResult, { ok: true }>, options: GuardOptions = {}): Promise<GuardResult> {
  const limits = limitsOf(options);
  const q = options.name !== undefined ? `El archivo «${options.name}»` : 'El archivo';
  const damaged = fail('damaged', `${q} no es un libro de Excel (.xlsx) válido: está dañado o incompleto (una de sus partes no se puede descomprimir).`);
  if (typeof DecompressionStream !== 'function') return inspected;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of inspected.entries) {
    const lh = entry.localHeaderOffset;
    if (lh + 30 > bytes.length || view.getUint32(lh, true) !== ZIP_LOCAL) return damaged;
    const start = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
    const stop = start + entry.compressedSize;
    if (stop > bytes.length) return damaged;
    const data = bytes.subarray(start, stop);
    const ends = new PartEnds();
    let produced: number;
    if (entry.method === 0) {
      produced = data.length;
      ends.take(data);
    } else {
      // Never let a part produce more than it declared (+ a little slack), nor the file more than the limit.
      const cap = Math.min(entry.uncompressedSize + 1024, limits.maxUncompressedBytes - total + 1);
      const r = await inflateCounting(data, cap, (chunk) => ends.take(chunk));
      if (r === 'error') return damaged;
      produced = r;
    }
    if (produced > entry.uncompressedSize) {
      const over = total + produced > limits.maxUncompressedBytes;
      return over
        ? fail('too-big-uncompressed', `${q} se descomprime en más de ${formatBytes(limits.maxUncompressedBytes)} (límite del producto): la parte «${entry.name}» declara ${formatBytes(entry.uncompressedSize)} pero produce más; no se abrió.`)
        : fail('size-mismatch', `${q} no es un libro de Excel (.xlsx) válido: la parte «${entry.name}» declara ${formatBytes(entry.uncompressedSize)} pero produce más (archivo dañado o manipulado); no se abrió.`);
    }
    if (produced < entry.uncompressedSize) {
      return fail('size-mismatch', `${q} no es un libro de Excel (.xlsx) válido: está dañado o incompleto (la parte «${entry.name}» declara ${formatBytes(entry.uncompressedSize)} pero trae menos).`);
    }
    if (/\.(xml|rels)$/i.test(entry.name) && !ends.closesItsRoot()) {
      return fail('truncated-part', `${q} no es un libro de Excel (.xlsx) válido: está dañado o incompleto (la parte «${entry.name}» se corta antes de terminar; pida de nuevo el archivo).`);
    }
    total += produced;
  }
  return inspected;
}

/**
 * Inflates raw deflate data in 1 MB steps, handing each output chunk to `take`; `take` returning
 * `false` stops there (the rest is never inflated). Rejects on corrupt data. Memory stays
 * constant whatever the entry claims or really holds.
 */
export async function inflateRaw(data: Uint8Array, take: (chunk: Uint8Array) => boolean | void): Promise<void> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  const CHUNK = 1 << 20;
  const writing = (async () => {
    for (let i = 0; i < data.length; i += CHUNK) await writer.write(data.subarray(i, Math.min(i + CHUNK, data.length)) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (take(value) === false) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        break;
      }
    }
  } finally {
    await writing;
  }
}

/** Inflates raw deflate data, counting the output (each chunk seen by `see`) and stopping beyond `cap` bytes. */
async function inflateCounting(data: Uint8Array, cap: number, see: (chunk: Uint8Array) => void): Promise<number | 'error'> {
  let produced = 0;
  try {
    await inflateRaw(data, (chunk) => {
      produced += chunk.byteLength;
      if (produced > cap) return false;
      see(chunk);
      return true;
    });
  } catch {
    return 'error';
  }
  return produced;
}

/**
 * The first and last bytes of an XML part, seen as it streams by: enough to tell whether the
 * document ends with its root element's closing tag — a part cut short (a sheet that stops after
 * row 13, shared strings missing their end) inside an otherwise intact zip does not.
 */
class PartEnds {
  private static readonly HEAD = 4096;
  private static readonly TAIL = 512;
  private head = '';
  private tail = '';
  private readonly latin1 = new TextDecoder('latin1');

  take(chunk: Uint8Array): void {
    if (this.head.length < PartEnds.HEAD) this.head += this.latin1.decode(chunk.subarray(0, PartEnds.HEAD - this.head.length));
    const end = this.latin1.decode(chunk.subarray(Math.max(0, chunk.byteLength - PartEnds.TAIL)));
    this.tail = (this.tail + end).slice(-PartEnds.TAIL);
  }

  /** True when the root element is closed (`</x:root>`, or a self-closing root); false for an empty part. */
  closesItsRoot(): boolean {
    // Skip the BOM, the declaration, comments, processing instructions and a doctype.
    const prolog = /^(?:\uFEFF|\xEF\xBB\xBF)?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/.exec(this.head)![0];
    const root = /^<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(this.head.slice(prolog.length));
    if (!root) return this.head.length > 0; // empty: cut to nothing; else a start tag too long to judge
    const rest = this.tail.replace(/[\s\0]+$/, '');
    if (root[2] === '/') return rest.endsWith('>');
    return new RegExp(`</${root[1].replace(/[.]/g, '\\.')}\\s*>$`).test(rest);
  }
}

/** `inspectXlsxBytes`, then `verifyXlsxInflation`: the whole door check. */
export async function guardXlsxBytes(bytes: Uint8Array, options: GuardOptions = {}): Promise<GuardResult> {
  const inspected = inspectXlsxBytes(bytes, options);
  if (!inspected.ok) return inspected;
  return verifyXlsxInflation(bytes, inspected, options);
}

/** What `noDataReason` needs of a read workbook (structural, so this module stays independent of the reader). */
export interface SheetsWithRows {
  readonly sheets: readonly { readonly name: string; readonly kind: string; readonly rows: readonly unknown[] }[];
}

/**
 * A workbook whose recognised sheets hold headers but not one data row (a blank template, or a
 * file saved before anyone typed) cannot be validated, reported or turned into a tablero: the
 * product's decision is exit code 2 with this one line. `null` when at least one recognised sheet
 * has rows (other empty sheets are fine), or when there is no recognised sheet at all (the
 * caller's "no recognisable sheet" message applies).
 */
export function noDataReason(workbook: SheetsWithRows, file: string): string | null {
  if (workbook.sheets.length === 0 || workbook.sheets.some((s) => s.rows.length > 0)) return null;
  const list = workbook.sheets.slice(0, 4).map((s) => `«${s.name}» (${kindLabels[s.kind as SheetKind] ?? s.kind})`).join(', ');
  const more = workbook.sheets.length > 4 ? ', …' : '';
  const one = workbook.sheets.length === 1;
  return `El archivo «${file}» no tiene filas de datos: ${one ? 'la hoja' : 'las hojas'} ${list}${more} solo ${one ? 'tiene' : 'tienen'} encabezados; diligencie al menos una fila y vuelva a intentarlo.`;
}
