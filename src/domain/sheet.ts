/**
 * What the reader makes of a grid (workbooks.md "Reading cell values"): the sheet's kind, where
 * its header is, which column holds which field, and every data row with each cell parsed.
 * Parsing never throws and never changes a value: a cell that does not parse keeps its raw value
 * and says why, and the cell rules (`number`, `date`, `enum`, …) turn that into findings.
 */
import type { Baseline } from './baseline';
import type { Grid } from './grid';
import type { CellValue } from './grid';
import type { FieldId, PeriodKind, SheetKind } from './fields';
import type { IsoDate } from './dates';

export type ParsedValue = number | string | IsoDate | boolean;

export type Parsed =
  /** Nothing in the cell (and not covered by a merged area with a value). */
  | { readonly status: 'blank' }
  /**
   * A usable value: number (percents as fractions: 0.45 = 45 %), text (trimmed), ISO date
   * (`'2025-06-30'`), enum value (canonical id, e.g. `'suma'`, `'Recursos propios'`, `true` for Sí),
   * code (trimmed text). `fromText` is true when a number or date was read from text
   * (drives `number-as-text`).
   */
  | { readonly status: 'ok'; readonly value: ParsedValue; readonly fromText?: boolean }
  /** Something that is not a value of the column's type (`number`, `date`, `enum`, …). */
  | { readonly status: 'invalid'; readonly text: string }
  /** An Excel error value (`#REF!` …). */
  | { readonly status: 'error'; readonly code: string };

export interface ReadCell {
  /** 1-based sheet column. */
  readonly col: number;
  /** The value as the host gave it (for a merged area: the value of its top-left cell). */
  readonly raw: CellValue;
  /** True when the value came from a merged area that spans this row. */
  readonly merged: boolean;
  /** The cell's number format (of the top-left cell for merged areas), when not General. */
  readonly numberFormat?: string;
  readonly parsed: Parsed;
}

export interface DataRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** Only the columns the engine knows; absent = column not in the sheet. */
  readonly cells: Partial<Record<FieldId, ReadCell>>;
}

/** An Excel error value anywhere in a data row (any column, known or not). */
export interface ErrorCell {
  readonly row: number;
  readonly col: number;
  readonly code: string;
  readonly field?: FieldId;
}

export interface ReadSheet {
  readonly name: string;
  readonly kind: SheetKind;
  /** First header row (the group row when headers span two rows). */
  readonly firstHeaderRow: number;
  /** Last header row; data starts below it. This is the `headerRow` of the JSON output. */
  readonly headerRow: number;
  /** First non-blank column of the header row (anchor of sheet-level findings). */
  readonly headerCol: number;
  /** Field → 1-based column. */
  readonly columns: Partial<Record<FieldId, number>>;
  /** Header text as found, per field (for messages). */
  readonly headers: Partial<Record<FieldId, string>>;
  /** Required fields of the kind that no column matched (`'executed'` stands for the executed family). */
  readonly missing: readonly string[];
  readonly periodKind: PeriodKind;
  /** 4 (quarters) or 12 (months). */
  readonly periodCount: number;
  /** Year named by a header ("Meta 2025") or the title block ("Vigencia: 2025"). */
  readonly vigencia?: number;
  /** "Fecha de corte" found in the title block above the header. */
  readonly cutoff?: IsoDate;
  /** Title-block facts, when present: entity ("Alcaldía de …"), unit. */
  readonly title: { readonly entity?: string; readonly unit?: string };
  readonly rows: readonly DataRow[];
  readonly errorCells: readonly ErrorCell[];
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface UnknownSheet {
  readonly name: string;
  /** Best guess and its score, for the pane's "hoja no reconocida" line. */
  readonly reason: string;
}

export interface ReadWorkbook {
  readonly name: string;
  readonly sheets: readonly ReadSheet[];
  readonly unknown: readonly UnknownSheet[];
  /** The very hidden sheet of the approved plan ("Aprobar plan"), when there is one (`storedBaseline` reads it). */
  readonly baselineGrid?: Grid;
  /** The "Control de cambios" sheet, when there is one (`changeLogOf` reads it). */
  readonly changesGrid?: Grid;
  /** An approved plan given from outside (`tablero comparar`): wins over the stored one. */
  readonly baseline?: Baseline;
}

/** The parsed value of a field when it is usable, else `undefined`. */
export function okValue(row: DataRow, field: FieldId): ParsedValue | undefined {
  const p = row.cells[field]?.parsed;
  return p && p.status === 'ok' ? p.value : undefined;
}

export function okNumber(row: DataRow, field: FieldId): number | undefined {
  const v = okValue(row, field);
  return typeof v === 'number' ? v : undefined;
}

export function okText(row: DataRow, field: FieldId): string | undefined {
  const v = okValue(row, field);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
