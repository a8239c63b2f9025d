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
import { kindLabels } from '../domain/fields';
import { readMapped } from './mapping';
import { guardXlsxBytes } from './guard';
import { withoutProductSheets } from './registry';
import { DamagedWorkbookError, InputError } from './errors';

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

/** Display form of a file name in messages: «nombre». */
export function quoted(file: string): string {
  return `«${file}»`;
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
  const ext = path.extname(abs).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') {
    const what = ext === '' ? 'un archivo sin extensión' : `un archivo ${ext}`;
    throw new InputError(`El archivo ${q} es ${what}, no un libro de Excel (.xlsx); guárdelo con la extensión .xlsx.`);
  }
  return { abs, size: stat.size, bytes };
}

function damaged(file: string, e: unknown): InputError {
  const why = e instanceof DamagedWorkbookError ? `: ${e.reason}` : '';
  return new InputError(`El archivo ${quoted(file)} no es un libro de Excel (.xlsx) válido: está dañado o incompleto${why}.`, e);
}

/** Recognises the sheets of `grids`; throws `InputError` when none is known or none has data. */
function recognise(file: string, grids: WorkbookGrids, options: LoadOptions): ReadWorkbook {
  const workbook = readMapped(grids, { ...options.reading, extraSources: options.extraSources }, file);
  if (options.listAll) return workbook;
  if (workbook.sheets.length === 0) {
    const names = grids.sheets.map((s) => s.name);
    const found = names.length ? ` Hojas del libro: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}.` : '';
    const hidden = workbook.hidden?.length
      ? ` Hay hojas ocultas que no se leyeron (${workbook.hidden.map((h) => h.name).join(', ')}); para leerlas use --incluir-ocultas.`
      : '';
    const helpers = workbook.helpers?.length ? ` Solo se reconocieron hojas auxiliares: ${workbook.helpers.map((h) => `${h.name} (${h.reason})`).join(', ')}.` : '';
    throw new InputError(`En el archivo ${quoted(file)} no se reconoció ninguna hoja de datos (plan de acción, hoja de captura, plan indicativo o techos).${found}${helpers}${hidden}`);
  }
  const empty = noDataReason(workbook, file);
  if (empty) throw new InputError(empty);
  return workbook;
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
  const workbook = recognise(file, grids, options);
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
  return { file, path: abs, bytes: size, workbook: recognise(file, withoutProductSheets(grids), options) };
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

/**
 * A workbook whose recognised sheets hold headers but not one data row (a blank template, or a
 * file saved before anyone typed) cannot be validated, reported or turned into a tablero: the
 * product's decision is exit code 2 with this one line. `null` when at least one recognised sheet
 * has rows (other empty sheets are fine), or when there is no recognised sheet at all (the
 * caller's "no recognisable sheet" message applies).
 */
function noDataReason(workbook: ReadWorkbook, file: string): string | null {
  if (workbook.sheets.length === 0 || workbook.sheets.some((s) => s.rows.length > 0)) return null;
  const list = workbook.sheets.slice(0, 4).map((s) => `«${s.name}» (${kindLabels[s.kind]})`).join(', ');
  const more = workbook.sheets.length > 4 ? ', …' : '';
  const one = workbook.sheets.length === 1;
  return `El archivo «${file}» no tiene filas de datos: ${one ? 'la hoja' : 'las hojas'} ${list}${more} solo ${one ? 'tiene' : 'tienen'} encabezados; diligencie al menos una fila y vuelva a intentarlo.`;
}
