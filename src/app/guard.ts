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
 * picks. Never throws: every outcome is a value. Its pieces: the zip directory (`zip-directory.ts`),
 * streamed inflation (`inflate.ts`), what a file's first bytes say it is (`bytes.ts`).
 */
import { describeForeign, formatBytes, isCompoundFile, isEncryptedPackage, startsWith } from './bytes';
import { inflateCounting, PartEnds } from './inflate';
import { centralDirectory, readDirectoryBounds, ZIP_LOCAL, type ZipEntryInfo } from './zip-directory';

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

export type GuardResult =
  | { readonly ok: true; readonly entries: readonly ZipEntryInfo[]; readonly uncompressedBytes: number }
  | { readonly ok: false; readonly code: GuardCode; readonly reason: string };

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
  if (isCompoundFile(bytes)) {
    if (isEncryptedPackage(bytes)) {
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

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  for (const entry of centralDirectory(bytes, view, bounds)) {
    if (entry === 'damaged') return damaged;
    const { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset } = entry;
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
    entries.push(entry);
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

/** `inspectXlsxBytes`, then `verifyXlsxInflation`: the whole door check. */
export async function guardXlsxBytes(bytes: Uint8Array, options: GuardOptions = {}): Promise<GuardResult> {
  const inspected = inspectXlsxBytes(bytes, options);
  if (!inspected.ok) return inspected;
  return verifyXlsxInflation(bytes, inspected, options);
}
