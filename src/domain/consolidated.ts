/**
 * A consolidated sheet read as its origins were read. `Consolidar` copies the capture rows of each
 * unit's file into one sheet with canonical headers and origin columns; what the reading of each
 * origin sheet decided — its known format (Cali's activity rows grouped into products, DNP's
 * annual period and joined financial sheet, Tenjo's year block), its value conventions, its
 * required fields, the headers as the unit wrote them — is not in those cells. It is kept beside
 * the sheet (`OriginReading`, in the workbook's registry: `app/registry.ts`), and reading the
 * consolidated sheet again gives one part per origin sheet, read with that origin's reading
 * (`consolidatedParts`): the same goals, states and findings as the units' own files, on the
 * consolidated sheet's cells.
 *
 * Why not normalise the rows into the canonical capture layout instead: a normalised row would
 * hold values nobody typed (Cali's product level summed from its activities, DNP's money summed
 * from its financial rows), the rules that judge what was typed (a number written as text, a
 * code that lost its zeros) would judge ours, and an activity-level or annual sheet has no
 * canonical layout to go to.
 */
import { headerOf, requiredFields, type FieldId, type PeriodKind, type RequiredField, type SheetKind } from './fields';
import { columnLetter, type CellValue, type Grid } from './grid';
import { readKnownRows, type ReaderOptions } from './reader';
import { isLeftOutNote } from './other-cutoffs';
import type { ReadSheet } from './sheet';

/** The origin columns of a consolidated sheet, after its fields. */
export const ORIGIN_FILE_HEADER = 'Archivo de origen';
export const ORIGIN_SHEET_HEADER = 'Hoja de origen';
export const ORIGIN_ROW_HEADER = 'Fila de origen';
const ORIGIN_HEADERS: readonly string[] = [ORIGIN_FILE_HEADER, ORIGIN_SHEET_HEADER, ORIGIN_ROW_HEADER];

/** Where a consolidated row came from (its origin columns). */
export interface Origin {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

/** The facts of an origin sheet's reading: everything but its cells and where they are. */
export type OriginFacts = Omit<
  ReadSheet,
  'name' | 'rows' | 'errorCells' | 'columns' | 'firstHeaderRow' | 'headerRow' | 'headerCol' | 'visibility' | 'unread' | 'mapped' | 'mappingProblems' | 'joins' | 'part'
>;

/** How one origin sheet of a consolidation was read. */
export interface OriginReading {
  /** The unit's file, as the consolidation names it (its «Archivo de origen»). */
  readonly file: string;
  /** The origin sheet (its «Hoja de origen»). */
  readonly sheet: string;
  /** The fields its reading read (its rows' known cells). */
  readonly fields: readonly FieldId[];
  /**
   * The origin sheet's own column of each of those fields (1-based): what lets a finding on the
   * consolidated sheet name the unit's cell (`devolver`). Absent in consolidations written before it was kept.
   */
  readonly columns?: Partial<Record<FieldId, number>>;
  /** The origin sheet's columns no field was read from, by header (an Excel error copied from one is found there). */
  readonly unread?: readonly { readonly col: number; readonly header: string }[];
  /** Its rows join the goals of another origin (DNP's financial sheet): that origin's index and the shared field. */
  readonly joins?: { readonly origin: number; readonly on: FieldId };
  readonly facts: OriginFacts;
}

/**
 * The header a column the sheet's reading left unread goes under in the consolidated sheet (an
 * Excel error copied from it): its own header, with its letter when the sheet repeats that header
 * (Cali's «% de Avance Producto» of each quarter: «% de Avance Producto (AI)»), else its letter.
 */
export function unreadHeader(sheet: Pick<ReadSheet, 'unread'>, col: number): string {
  const header = sheet.unread?.find((u) => u.col === col)?.header;
  if (header === undefined) return `Columna ${columnLetter(col)}`;
  return (sheet.unread ?? []).some((u) => u.header === header && u.col !== col) ? `${header} (${columnLetter(col)})` : header;
}

/** The reading of `sheet` of `file`, to keep beside its copied rows; `origins` are the sheets of the consolidation so far. */
export function originReadingOf(file: string, sheet: ReadSheet, origins: readonly { readonly file: string; readonly sheet: string }[]): OriginReading {
  const {
    name: _name, rows: _rows, errorCells: _errors, columns, firstHeaderRow: _first, headerRow: _header, headerCol: _col,
    visibility: _visibility, unread, mapped: _mapped, mappingProblems: _problems, joins, part: _part, ...facts
  } = sheet;
  const target = joins ? origins.findIndex((o) => o.file === file && o.sheet === joins.sheet) : -1;
  // What the reading said of the file's OTHER tabs is not how this sheet was read: not kept.
  const own = (notes: readonly string[] | undefined) => notes?.filter((n) => !isLeftOutNote(n));
  if (facts.notes) facts.notes = own(facts.notes);
  if (facts.figureNotes) facts.figureNotes = own(facts.figureNotes);
  return {
    file,
    sheet: sheet.name,
    fields: Object.keys(columns) as FieldId[],
    columns: { ...columns },
    unread: (unread ?? []).map((u) => ({ col: u.col, header: unreadHeader(sheet, u.col) })),
    ...(joins && target >= 0 ? { joins: { origin: target, on: joins.on } } : {}),
    facts,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const sheetKinds: readonly SheetKind[] = ['plan-accion', 'hoja-captura', 'techos', 'plan-indicativo'];
const periodKinds: readonly PeriodKind[] = ['quarter', 'month', 'year'];

/**
 * The origin readings kept in a registry entry (`undefined` when it keeps none or they are not
 * whole: the sheet is then read by its headers, as any sheet).
 */
export function parseOriginReadings(v: unknown): OriginReading[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out: OriginReading[] = [];
  for (const o of v) {
    if (!isObject(o) || typeof o.file !== 'string' || typeof o.sheet !== 'string' || !strings(o.fields) || !isObject(o.facts)) return undefined;
    const f = o.facts;
    if (!sheetKinds.includes(f.kind as SheetKind) || !periodKinds.includes(f.periodKind as PeriodKind) || typeof f.periodCount !== 'number') return undefined;
    if (!isObject(f.title) || !isObject(f.headers) || !strings(f.missing)) return undefined;
    if (f.required !== undefined && !strings(f.required)) return undefined;
    const j = o.joins;
    if (j !== undefined && (!isObject(j) || typeof j.origin !== 'number' || typeof j.on !== 'string')) return undefined;
    const c = o.columns;
    if (c !== undefined && (!isObject(c) || !Object.values(c).every((n) => Number.isInteger(n) && (n as number) > 0))) return undefined;
    const u = o.unread;
    if (u !== undefined && (!Array.isArray(u) || !u.every((x) => isObject(x) && Number.isInteger(x.col) && typeof x.header === 'string'))) return undefined;
    out.push(o as unknown as OriginReading);
  }
  return out;
}

/**
 * The consolidated sheet (`sheet`, as read by its headers) as one part per origin sheet, each read
 * as that origin was: its rows (by their origin columns), its fields' columns (by their canonical
 * headers), its format's parsers and every fact of its reading. The parts keep the sheet's name
 * (their cells are on it) and the consolidation's cut-off.
 */
export function consolidatedParts(grid: Grid, sheet: ReadSheet, origins: readonly OriginReading[], options?: ReaderOptions): ReadSheet[] {
  const rowsOf = origins.map(() => new Set<number>());
  const index = new Map(origins.map((o, k) => [`${o.file}\u0000${o.sheet}`, k]));
  for (const [row, o] of originsOf(grid, sheet.headerRow)) {
    const k = index.get(`${o.file}\u0000${o.sheet}`);
    if (k !== undefined) rowsOf[k].add(row);
  }
  const all = consolidatedColumns(grid, sheet.headerRow, origins);
  // The other columns: the unread columns of the origins whose Excel errors were copied (`consolidate`).
  const fieldCols = new Set(all.values());
  const origin = grid.origin ?? { row: 1, col: 1 };
  const others = (grid.values[sheet.headerRow - origin.row] ?? []).flatMap((v, j) =>
    typeof v === 'string' && !fieldCols.has(origin.col + j) && !ORIGIN_HEADERS.includes(v.trim()) ? [{ col: origin.col + j, header: v.trim() }] : [],
  );
  return origins.map((o, k) => {
    const columns = new Map<FieldId, number>();
    for (const f of o.fields) {
      const col = all.get(f);
      if (col !== undefined) columns.set(f, col);
    }
    const facts = o.facts;
    const required: readonly RequiredField[] = facts.required ?? requiredFields[facts.kind];
    const read = readKnownRows(grid, { headerRow: sheet.headerRow, columns, rows: rowsOf[k], kind: facts.kind, required, ...(facts.format ? { formatId: facts.format.id } : {}) }, options);
    const target = o.joins ? origins[o.joins.origin] : undefined;
    return {
      ...facts,
      name: sheet.name,
      part: { index: k, file: o.file, sheet: o.sheet, ...(o.columns ? { columns: o.columns } : {}), ...(o.unread ? { unread: o.unread } : {}) },
      ...(o.joins && target ? { joins: { sheet: sheet.name, on: o.joins.on, part: o.joins.origin } } : {}),
      ...(sheet.cutoff !== undefined ? { cutoff: sheet.cutoff } : {}),
      firstHeaderRow: sheet.firstHeaderRow,
      headerRow: sheet.headerRow,
      headerCol: sheet.headerCol,
      columns: Object.fromEntries(columns),
      unread: others,
      visibility: sheet.visibility,
      ...read,
    };
  });
}

/**
 * The columns of a consolidated sheet's fields, by the canonical headers `consolidate` wrote in
 * its header row (a column a person moved is still found).
 */
function consolidatedColumns(grid: Grid, headerRow: number, origins: readonly OriginReading[]): Map<FieldId, number> {
  const o = grid.origin ?? { row: 1, col: 1 };
  const header = grid.values[headerRow - o.row] ?? [];
  const colOf = new Map<string, number>();
  header.forEach((v, j) => {
    if (typeof v === 'string' && !colOf.has(v.trim())) colOf.set(v.trim(), o.col + j);
  });
  const out = new Map<FieldId, number>();
  for (const r of origins) {
    for (const f of r.fields) {
      const col = colOf.get(headerOf(f, r.facts.periodKind));
      if (col !== undefined && !out.has(f)) out.set(f, col);
    }
  }
  return out;
}

/**
 * The origin of each data row of a consolidated capture sheet, read from its origin columns
 * («Archivo de origen», «Hoja de origen», «Fila de origen») in the header row.
 */
export function originsOf(grid: Grid, headerRow: number): Map<number, Origin> {
  const o = grid.origin ?? { row: 1, col: 1 };
  const at = (row: number, col: number): CellValue | undefined => grid.values[row - o.row]?.[col - o.col];
  const header = grid.values[headerRow - o.row] ?? [];
  const colOf = (text: string) => {
    const i = header.findIndex((v) => typeof v === 'string' && v.trim() === text);
    return i < 0 ? null : i + o.col;
  };
  const [fileCol, sheetCol, rowCol] = [colOf(ORIGIN_FILE_HEADER), colOf(ORIGIN_SHEET_HEADER), colOf(ORIGIN_ROW_HEADER)];
  const out = new Map<number, Origin>();
  if (fileCol === null || sheetCol === null || rowCol === null) return out;
  for (let r = headerRow + 1; r < o.row + grid.values.length; r++) {
    const file = at(r, fileCol);
    const sheet = at(r, sheetCol);
    const row = at(r, rowCol);
    if (typeof file === 'string' && typeof sheet === 'string' && typeof row === 'number') out.set(r, { file, sheet, row });
  }
  return out;
}
