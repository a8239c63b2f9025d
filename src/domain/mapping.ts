/**
 * The user's mapping (real-formats.md "Seeing and correcting the reading"): per sheet, what the
 * engine got wrong — kind, header row, vigencia, and field → column (by header text or letter).
 * What the mapping gives wins over what the engine guessed; the rest is still guessed.
 *
 * This module holds the shape (plain types, no zod: the reader and the pane's first load use it)
 * and where a mapping lives inside a workbook. The zod schema that checks a mapping file or a
 * stored one is `app/mapping.ts`; the reader applies a mapping in `domain/reader.ts`.
 *
 * Stored in the workbook: a very hidden sheet `_tablero_pdm_mapa` — row 1 says what it is, row 2
 * is a header, and from row 3 down column A holds the mapping's JSON in pieces of at most 32,000
 * characters (a cell holds 32,767). The sheet is never deleted (real Excel cannot delete a very
 * hidden sheet, test/excel-double/CATALOG.md #1): a new mapping overwrites its cells, an empty
 * mapping (`{"hojas":{}}`) is "no mapping".
 */
import type { FieldId, SheetKind } from './fields';
import type { CellValue, WorkbookGrids } from './grid';
import { columnNumber } from './grid';
import { normalize, splitText } from './text';

/** One sheet's corrections. Every key is optional. */
export interface SheetMapping {
  readonly tipo?: SheetKind;
  /** 1-based sheet row of the header (the last header row when it spans two). */
  readonly filaEncabezado?: number;
  readonly vigencia?: number;
  /** Field id → the column: its header text as written in the sheet, or its letter (`"K"`). */
  readonly columnas?: Readonly<Partial<Record<FieldId, string>>>;
}

/** A mapping file / the mapping stored in a workbook: sheets by name (or a `*` pattern). */
export interface WorkbookMapping {
  readonly hojas: Readonly<Record<string, SheetMapping>>;
}

/** Where the mapping a run used came from. */
export type MappingOrigin = 'archivo' | 'libro';

export const MAPPING_SHEET = '_tablero_pdm_mapa';
export const MAPPING_TITLE = 'Tablero PDM — mapa de columnas (correcciones de la lectura hechas en el panel). No modifique esta hoja.';
export const MAPPING_HEADER = 'Mapa (JSON)';
/** First row of the JSON pieces (1-based). */
export const MAPPING_FIRST_ROW = 3;
/** Characters of JSON per cell: under Excel's 32,767 (test/excel-double/CATALOG.md #7). */
export const MAPPING_CHUNK = 32000;

/** The sheet's column A, top to bottom: title, header, the JSON in pieces. */
export function mappingSheetRows(mapping: WorkbookMapping): string[] {
  return [MAPPING_TITLE, MAPPING_HEADER, ...splitText(JSON.stringify(mapping), MAPPING_CHUNK)];
}

/**
 * The JSON text of the mapping stored in `grids` (its `_tablero_pdm_mapa` sheet), or `undefined`
 * when there is none or it is empty. Not parsed: the zod schema (`app/mapping.ts`) does that.
 */
export function storedMappingText(grids: WorkbookGrids): string | undefined {
  const grid = grids.sheets.find((g) => g.name === MAPPING_SHEET);
  if (!grid) return undefined;
  const origin = grid.origin?.row ?? 1;
  const originCol = grid.origin?.col ?? 1;
  if (originCol !== 1) return undefined;
  let text = '';
  for (let i = MAPPING_FIRST_ROW - origin; i < grid.values.length; i++) {
    if (i < 0) continue;
    const v: CellValue | undefined = grid.values[i]?.[0];
    if (typeof v === 'string') text += v;
  }
  text = text.trim();
  return text === '' ? undefined : text;
}

/** True for a sheet key that is a pattern (`*` any characters, `?` one). */
function isSheetPattern(key: string): boolean {
  return /[*?]/.test(key);
}

function patternRegExp(key: string): RegExp {
  const body = [...key].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'iu');
}

/**
 * The mapping's entry for sheet `name`: the exact name first, then the name compared without
 * case (Excel's sheet names are case-insensitive), then the first pattern that matches.
 */
export function sheetMappingOf(mapping: WorkbookMapping | undefined, name: string): { readonly key: string; readonly sheet: SheetMapping } | undefined {
  if (!mapping) return undefined;
  const hojas = mapping.hojas;
  if (Object.prototype.hasOwnProperty.call(hojas, name)) return { key: name, sheet: hojas[name] };
  const lower = name.toLocaleLowerCase('es');
  for (const key of Object.keys(hojas)) if (!isSheetPattern(key) && key.toLocaleLowerCase('es') === lower) return { key, sheet: hojas[key] };
  for (const key of Object.keys(hojas)) if (isSheetPattern(key) && patternRegExp(key).test(name)) return { key, sheet: hojas[key] };
  return undefined;
}

/** The keys of `mapping` that name no sheet of `names` (exact names and patterns alike). */
export function unmatchedSheetKeys(mapping: WorkbookMapping | undefined, names: readonly string[]): string[] {
  if (!mapping) return [];
  const used = new Set(names.map((n) => sheetMappingOf(mapping, n)?.key).filter((k): k is string => k !== undefined));
  return Object.keys(mapping.hojas).filter((k) => !used.has(k));
}

/** A column given by its letter: one to three capital letters, up to XFD. */
export function columnOfLetter(spec: string): number | undefined {
  const s = spec.trim();
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  const n = columnNumber(s);
  return n >= 1 && n <= 16384 ? n : undefined;
}

/** Header texts compare like the matcher's: case, accents, spaces and punctuation aside. */
export function sameHeader(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

/** A copy of `mapping` with one sheet's entry replaced (or removed when `sheet` is empty). */
export function withSheetMapping(mapping: WorkbookMapping | undefined, name: string, sheet: SheetMapping): WorkbookMapping {
  const hojas: Record<string, SheetMapping> = { ...(mapping?.hojas ?? {}) };
  const empty = sheet.tipo === undefined && sheet.filaEncabezado === undefined && sheet.vigencia === undefined && Object.keys(sheet.columnas ?? {}).length === 0;
  if (empty) delete hojas[name];
  else hojas[name] = sheet;
  return { hojas };
}
