/**
 * Reads one workbook file safely for the command line: existence, size, the door check of
 * `guard.ts` (magic bytes, zip structure, zip bombs) and the extension come before the parser sees
 * the bytes, and every way a file can be unusable becomes ONE
 * Spanish line (`InputError`, exit code 2) — never an exceljs or zip stack trace.
 *
 * The parser is injected (`parse` + `toGrids`), so this use case does not import the exceljs
 * adapter: only the composition root (`cli/main.ts`) does. Node's `fs` is used here, which is
 * why the pane never imports this module.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { WorkbookGrids } from '../domain/grid';
import type { ReadWorkbook } from '../domain/sheet';
import type { ReaderOptions } from '../domain/reader';
import { guardXlsxBytes } from './guard';
import { throughConsolidated, withoutProductSheets } from './registry';
import { InputError, VigenciaNotHeldError } from './errors';
import { damaged, extensionProblem, quoted, recognise } from './admit';
import { vigenciaNotInWorkbook } from './run-options';

export { quoted } from './admit';

/** 100 MB: far above any real action plan, low enough to refuse a wrong file before exceljs tries. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface WorkbookParser<H> {
  /** Bytes to the host's workbook object (exceljs). May throw anything: it is mapped here. */
  parse(bytes: Buffer): Promise<H>;
  toGrids(host: H, name: string): WorkbookGrids;
}

export interface LoadOptions {
  readonly cwd: string;
  readonly extraSources?: readonly string[];
  readonly maxBytes?: number;
  /**
   * Runs on the checked bytes before the parser (`loadWorkbookFile`): a verb that needs the host's
   * full document model refuses here a workbook too large for it (throw `InputError`).
   */
  readonly beforeParse?: (bytes: Buffer) => Promise<void>;
  /** How to read the sheets: `--vigencia`, `--corte`, `--incluir-ocultas`, `--mapa`. */
  readonly reading?: ReaderOptions;
  /** Return a workbook with no recognised sheet as read, instead of refusing it (`tablero columnas`). */
  readonly listAll?: boolean;
}

export interface LoadedFile<H> extends ReadFile {
  readonly host: H;
  readonly grids: WorkbookGrids;
}

/** What a read-only verb keeps of a file: the recognised workbook, no host object, no grids. */
export interface ReadFile {
  /** The file as given on the command line (used in messages and JSON). */
  readonly file: string;
  /** Absolute path. */
  readonly path: string;
  readonly bytes: number;
  readonly workbook: ReadWorkbook;
}

/** Bytes to plain grids without a host document model (the streaming reader); may throw anything. */
export type GridReader = (bytes: Buffer, name: string) => Promise<WorkbookGrids>;

/**
 * The checks before any parser: existence, kind, size, the door check (`guard.ts`) and the
 * extension. Returns the file's bytes; throws `InputError` with one Spanish line.
 */
async function checkedBytes(file: string, options: LoadOptions): Promise<{ abs: string; size: number; bytes: Buffer }> {
  const abs = path.resolve(options.cwd, file);
  const q = quoted(file);
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`No se encontró el archivo ${q}.`, e);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`No se puede leer el archivo ${q}: permiso denegado.`, e);
    throw new InputError(`No se puede leer el archivo ${q} (${code ?? 'error del sistema'}).`, e);
  }
  if (stat.isDirectory()) throw new InputError(`${q} es una carpeta, no un libro de Excel (.xlsx).`);
  if (!stat.isFile()) throw new InputError(`${q} no es un archivo común; indique un libro de Excel (.xlsx).`);
  if (stat.size === 0) throw new InputError(`El archivo ${q} está vacío (0 bytes).`);
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  if (stat.size > max) {
    throw new InputError(`El archivo ${q} pesa ${megabytes(stat.size)} y supera el límite de ${megabytes(max)}; ¿es el libro correcto?`);
  }

  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`No se puede leer el archivo ${q}: permiso denegado.`, e);
    throw new InputError(`No se puede leer el archivo ${q} (${code ?? 'error del sistema'}).`, e);
  }

  // The door check (app/guard.ts): encrypted or legacy Office files, not a zip, truncated or
  // damaged zips, zip bombs, zips that are no workbook — refused before exceljs sees the bytes.
  const guard = await guardXlsxBytes(bytes, { name: file, maxFileBytes: max });
  if (!guard.ok) throw new InputError(guard.reason);
  const wrongKind = extensionProblem(file);
  if (wrongKind) throw new InputError(wrongKind);
  return { abs, size: stat.size, bytes };
}

/**
 * Checks and reads `file` (relative to `cwd`), parses it and recognises its sheets.
 * Throws `InputError` with one Spanish line when the file cannot be used.
 * Keeps the host's workbook and the grids: for the verbs that write a copy (`generar`, `consolidar`).
 */
export async function loadWorkbookFile<H>(file: string, parser: WorkbookParser<H>, options: LoadOptions): Promise<LoadedFile<H>> {
  const { abs, size, bytes } = await checkedBytes(file, options);
  await options.beforeParse?.(bytes);
  let host: H;
  let grids: WorkbookGrids;
  try {
    host = await parser.parse(bytes);
    grids = parser.toGrids(host, path.basename(abs));
  } catch (e) {
    throw damaged(file, e);
  }
  const workbook = recognise(file, grids, { ...options.reading, extraSources: options.extraSources }, options.listAll);
  return { file, path: abs, bytes: size, host, grids, workbook };
}

/**
 * Like `loadWorkbookFile`, for the verbs that only read (`validar`, `reporte`): the grids come
 * from `readGrids` (the streaming reader: no document model) and are dropped as soon as the
 * `ReadWorkbook` exists — only the recognised workbook is returned.
 */
export async function readWorkbookFile(file: string, readGrids: GridReader, options: LoadOptions): Promise<ReadFile> {
  const { abs, size, grids } = await gridsOfFile(file, readGrids, options);
  // The product's own sheets (an output of `generar` sent back) are never read as data.
  const reading = { ...options.reading, extraSources: options.extraSources };
  const workbook = recognise(file, withoutProductSheets(grids), reading, options.listAll);
  const wrongYear = vigenciaNotInWorkbook(workbook, options.reading?.vigencia);
  if (wrongYear) throw new VigenciaNotHeldError(`${path.basename(file)}: ${wrongYear}`);
  return { file, path: abs, bytes: size, workbook: throughConsolidated(workbook, grids, reading) };
}

/** The checked file's grids; its bytes go out of reach when this returns. */
async function gridsOfFile(file: string, readGrids: GridReader, options: LoadOptions): Promise<{ abs: string; size: number; grids: WorkbookGrids }> {
  const { abs, size, bytes } = await checkedBytes(file, options);
  try {
    return { abs, size, grids: await readGrids(bytes, path.basename(abs)) };
  } catch (e) {
    throw damaged(file, e);
  }
}

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1).replace('.', ',')} MB`;
}
