/**
 * What the reader makes of a grid (workbooks.md "Reading cell values"): the sheet's kind, where
 * its header is, which column holds which field, and every data row with each cell parsed.
 * Parsing never throws and never changes a value: a cell that does not parse keeps its raw value
 * and says why, and the cell rules (`number`, `date`, `enum`, …) turn that into findings.
 */
import type { Baseline } from './baseline';
import type { Grid } from './grid';
import type { CellValue } from './grid';
import { requiredFields, type FieldId, type PeriodKind, type RequiredField, type SheetKind } from './fields';
import type { IsoDate } from './dates';
import type { MappingOrigin } from './mapping';

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

/** A known format's name on a sheet (real-formats.md "Know the standard formats by name"). */
export interface SheetFormat {
  readonly id: string;
  readonly name: string;
}

/** A column of the header the reading left unread (shown by `tablero columnas`). */
export interface UnreadColumn {
  readonly col: number;
  readonly header: string;
}

export interface ReadSheet {
  readonly name: string;
  readonly kind: SheetKind;
  /** The known format the sheet was read as, when one description of the catalog matched. */
  readonly format?: SheetFormat;
  /**
   * What the reading decided that the user must be told (never silent): the year block chosen,
   * the period chosen for per-period columns, a required field not found …, in Spanish.
   */
  readonly notes?: readonly string[];
  /**
   * Notes (also among `notes`) that must be said wherever the sheet's figures are shown
   * (`reporte`'s text): the vigencia's block has no follow-up columns yet, the cut-off is not the
   * period the workbook's title names.
   */
  readonly figureNotes?: readonly string[];
  /** Header columns no field was read from. */
  readonly unread?: readonly UnreadColumn[];
  /** Required fields of this sheet (the format's, else the kind's). */
  readonly required?: readonly RequiredField[];
  /** `activity`: one row per activity, goals are the distinct `goalKey` values (Cali). */
  readonly granularity?: 'goal' | 'activity';
  readonly goalKey?: readonly FieldId[];
  /** Accumulation of every goal when the sheet has no column for it (the format's convention). */
  readonly accumulation?: 'suma' | 'creciente' | 'constante' | 'decreciente';
  /** The format's quarters are shares that add up (see `FormatDescription.quarterShares`). */
  readonly quarterShares?: boolean;
  /** The year's quantity is due at every cut-off (see `FormatDescription.yearGoalDue`). */
  readonly yearGoalDue?: boolean;
  /** `budgetFinal` is the plan's programmed cost (see `FormatDescription.budgetIsProgrammed`). */
  readonly budgetIsProgrammed?: boolean;
  /** Number fields the format describes in words (see `FormatDescription.describedFields`): no `number` finding. */
  readonly describedFields?: readonly FieldId[];
  /** The format writes its codes as text (see `FormatDescription.textCodes`). */
  readonly textCodes?: boolean;
  /** Fields written exactly as in a catalog (see `FormatDescription.catalogFields`). */
  readonly catalogFields?: readonly FieldId[];
  /** The words the sheet's format writes a field's values with (see `FormatDescription.values`): what `enum` lists. */
  readonly valueWords?: Readonly<Partial<Record<FieldId, readonly string[]>>>;
  /** Plan indicativo: the years of the term (period n is `years[n - 1]`) and the funding sources. */
  readonly years?: readonly number[];
  readonly sources?: readonly string[];
  /** The years whose blocks the header holds (several for multi-year sheets). */
  readonly yearBlocks?: readonly number[];
  /** The last period of the vigencia whose executed column holds a value. */
  readonly reportedPeriod?: number;
  /** DNP: the sheet whose goals this one's rows join (by `joinOn`), instead of being goals themselves. */
  readonly joins?: { readonly sheet: string; readonly on: FieldId; readonly part?: number };
  /**
   * A part of a consolidated sheet: the rows of one origin sheet, read as that sheet was read
   * (`app/registry.ts` `throughConsolidated`). Several parts share the sheet's `name` (their cells
   * are on it); `sheetKey` tells them apart.
   */
  readonly part?: {
    readonly index: number;
    readonly file: string;
    readonly sheet: string;
    /** The origin sheet's own column of each field, when the consolidation kept them (`OriginReading.columns`). */
    readonly columns?: Partial<Record<FieldId, number>>;
    /** The origin sheet's columns no field was read from, by header (`OriginReading.unread`). */
    readonly unread?: readonly { readonly col: number; readonly header: string }[];
  };
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
  /**
   * The one year the sheet names for itself, whatever vigencia was asked for (its title block's,
   * else its only year block's or header's); absent for a multi-year sheet or one naming no year.
   */
  readonly namedVigencia?: number;
  /** "Fecha de corte" found in the title block above the header. */
  readonly cutoff?: IsoDate;
  /**
   * An annual follow-up whose title and group rows hold formulas saved with no calculated value
   * and name no period: how far its execution runs is not known from the sheet itself (the
   * workbook's typed titles are looked at, else a note says it).
   */
  readonly periodUnknown?: true;
  /** Title-block facts, when present: entity ("Alcaldía de …"), unit. */
  readonly title: { readonly entity?: string; readonly unit?: string };
  readonly rows: readonly DataRow[];
  readonly errorCells: readonly ErrorCell[];
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Fields whose column the user's mapping gave (domain/mapping.ts). */
  readonly mapped?: readonly FieldId[];
  /** What of the mapping could not be applied to this sheet, in Spanish. */
  readonly mappingProblems?: readonly string[];
}

export interface UnknownSheet {
  readonly name: string;
  /** Best guess and its score, for the pane's "hoja no reconocida" line. */
  readonly reason: string;
  readonly mappingProblems?: readonly string[];
  /**
   * A visible sheet that looks like data (a row of column titles over rows holding numbers) but
   * whose header was not recognised: what it holds, so every verb can say it was not read and how
   * to fix it (real-formats.md "Never silent"). Absent for empty sheets, lists and instructions.
   */
  readonly data?: UnreadData;
}

/** What an unrecognised data-looking sheet holds (`UnknownSheet.data`). */
export interface UnreadData {
  /** 1-based row of its column titles (the lower one of a two-row header). */
  readonly headerRow: number;
  /** Rows with values under the header. */
  readonly rows: number;
  /** The kind its header came closest to (a capture sheet when nothing matched). */
  readonly kind: SheetKind;
  /** Every titled column, in order, with the field the general matcher read in it (if any). */
  readonly columns: readonly { readonly col: number; readonly header: string; readonly field?: FieldId }[];
  /** Required fields of `kind` not found (`executed` / `planned` stand for the period family). */
  readonly missing: readonly string[];
}

/** A sheet that is not data: hidden (not asked for), or a helper of a known format. */
export interface ListedSheet {
  readonly name: string;
  /** Spanish: "oculta", "resumen por proyecto (Cuadro 1S …)". */
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
  /** Hidden and very hidden sheets left out (real-formats.md "Hidden sheets"). */
  readonly hidden?: readonly ListedSheet[];
  /** Helper sheets of a known format: summaries, descriptions, formulas. */
  readonly helpers?: readonly ListedSheet[];
  /**
   * What of the user's mapping could not be applied (a sheet, a column that does not exist), in
   * Spanish: a usage error on the command line, a warning in the pane.
   */
  readonly mappingProblems?: readonly string[];
  /** Where the mapping the sheets were read with came from (`--mapa` or the workbook), when there was one. */
  readonly mappingOrigin?: MappingOrigin;
  /**
   * The workbook holds the product's consolidated sheet (`by`): its own capture sheets (`sheets`)
   * are not read, the consolidated one stands for them (app/registry.ts `throughConsolidated`).
   */
  readonly superseded?: { readonly by: string; readonly sheets: readonly string[] };
}

/**
 * True for a sheet whose rows are goals with follow-up (a capture sheet), false for a joined
 * sheet whose rows only add figures to another sheet's goals (DNP's financial follow-up).
 */
export function isGoalSheet(sheet: Pick<ReadSheet, 'kind' | 'joins'>): boolean {
  return sheet.kind === 'hoja-captura' && sheet.joins === undefined;
}

/** What tells a read sheet from every other of its workbook: its name, and its part of a consolidated sheet. */
export function sheetKey(sheet: Pick<ReadSheet, 'name' | 'part'>): string {
  return sheet.part === undefined ? sheet.name : `${sheet.name}\u0000${sheet.part.index}`;
}

/** True when `joined` names `sheet` as the sheet whose goals its rows join. */
export function joinsSheet(joined: Pick<ReadSheet, 'joins'>, sheet: Pick<ReadSheet, 'name' | 'part'>): boolean {
  return joined.joins !== undefined && joined.joins.sheet === sheet.name && joined.joins.part === sheet.part?.index;
}

/** The required fields of a sheet: its format's, else its kind's (workbooks.md `*`). */
export function requiredOf(sheet: Pick<ReadSheet, 'kind' | 'required'>): readonly RequiredField[] {
  return sheet.required ?? requiredFields[sheet.kind];
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

/**
 * The number of `field` in the row's own cell: `undefined` where the cell is covered by a merged
 * area from a row above (a Valor programado merged over a goal's activity rows is one amount,
 * counted on its first row, not once per row).
 */
export function ownNumber(row: DataRow, field: FieldId): number | undefined {
  return row.cells[field]?.merged === true ? undefined : okNumber(row, field);
}

export function okText(row: DataRow, field: FieldId): string | undefined {
  const v = okValue(row, field);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
