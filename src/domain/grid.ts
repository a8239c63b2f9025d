/**
 * The plain grid both hosts feed to the engine: values, number formats and merged areas of one
 * sheet, exactly as the host read them. Nothing here is interpreted yet.
 *
 * Rows and columns are 1-based sheet coordinates everywhere in the engine. `values[i][j]` is the
 * cell at sheet row `origin.row + i`, column `origin.col + j` (a used range need not start at A1).
 */

/** An Excel error value shown in a cell (`#REF!`, `#DIV/0!`, `#VALUE!`, `#N/A`, `#NAME?`, `#NUM!`, `#NULL!`). */
export interface CellError {
  readonly error: string;
}

/**
 * One cell's value as a host gives it.
 * - exceljs gives `Date` for date cells; office-js gives the serial number plus a date number format.
 * - Rich text and formulas are flattened by the host to their displayed/cached value.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A rectangular area, 1-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface Grid {
  readonly name: string;
  /** Row-major values; rows may be ragged or missing (treated as blank). */
  readonly values: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  /** Number formats, same shape as `values`; absent or `null` = General. */
  readonly numberFormats?: ReadonlyArray<ReadonlyArray<string | null | undefined> | undefined>;
  readonly merges: readonly CellRange[];
  /** Sheet coordinates of `values[0][0]`; default `{ row: 1, col: 1 }`. */
  readonly origin?: { readonly row: number; readonly col: number };
  readonly visibility?: SheetVisibility;
  /**
   * The formula of each cell read as `NOT_CALCULATED_CELL` (saved with no cached value), same
   * shape as `values`, as the file spells it (no leading `=`): what can still be known of it
   * (`domain/formula-text.ts`). Absent when the host calculates (Excel) or no such cell exists.
   */
  readonly formulas?: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
}

export interface WorkbookGrids {
  /** File name or workbook title, for messages. */
  readonly name: string;
  readonly sheets: readonly Grid[];
}

/**
 * The error code a reader gives a formula cell saved with no cached value (a workbook written by a
 * tool that does not calculate: openpyxl, report generators): its value is unknown, not blank. It
 * is no Excel error value; `formula-error` reports these cells once per sheet.
 */
export const NOT_CALCULATED = 'SIN CALCULAR';

/** The value of a formula cell with no cached value (one shared, frozen object). */
export const NOT_CALCULATED_CELL: CellError = Object.freeze({ error: NOT_CALCULATED });

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

/** Letters of the columns asked so far (a sheet has at most 16,384 columns): built once each. */
const letters: string[] = [];

/** Column number (1-based) to letters: 1 → A, 28 → AB. */
export function columnLetter(col: number): string {
  if (col >= 1 && col <= 16384 && Number.isInteger(col)) return (letters[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 1-based cell. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Letters to a 1-based column number: A → 1, AB → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `'AB12'` (or `$AB$12`) → `{ row: 12, col: 28 }`; `null` when it is not one A1 cell. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = CELL.exec(a1.trim());
  if (!m) return null;
  const row = Number(m[2]);
  return row >= 1 ? { row, col: columnNumber(m[1]) } : null;
}

/** Removes the sheet part of an address: "'Hoja 1'!B3:F20" → "B3:F20". */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

/** "Hoja!B3:F20" or "B3" → a 1-based inclusive range; undefined for whole rows/columns or junk. */
export function parseRange(address: string): CellRange | undefined {
  const [p, q] = stripSheet(address).trim().split(':');
  const start = parseAddress(p);
  const end = q === undefined ? start : parseAddress(q);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** A 1-based range as "B3:F20" (one cell: "B3"). */
export function rangeAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Quotes a sheet name for a formula or address: Hoja1 → Hoja1, "Hoja 1" → 'Hoja 1'. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
