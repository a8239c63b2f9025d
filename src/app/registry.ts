/**
 * The product's registry inside a workbook — host-neutral, so the exceljs adapter and the
 * office-js adapter write and read the very same thing.
 *
 * Mechanism (chosen because both exceljs and office-js can write AND read it):
 *
 * 1. A **very hidden sheet `_tablero_pdm`** (users cannot unhide it from Excel's menu) holding a
 *    small table: `Tipo | Hoja | Referencia | Datos` from row 3 on. Row 1 says what it is.
 *    - `hoja`  — a generated sheet: its name when generated, the defined name that marks it, and
 *      `{"kind":"tablero","generatedAt":"…"}`.
 *    - `nota`  — a cell whose note the marks replaced: sheet, cell, and `{"original":…,"mark":"…"}`
 *      (`original` is the host's own note value, `null` when the cell had none; `mark` the text
 *      the product wrote, so a note a person edited after marking is left alone on clear).
 *      Data longer than a cell (32,767 characters) goes on in `nota+` rows right below, same
 *      sheet and cell; the reader joins them before parsing.
 *    - `marca` — a marked range list per sheet and severity (informational; the conditional formats
 *      themselves are recognised by their formula, see `app/marks.ts`).
 * 2. A **workbook defined name per generated sheet**, `_tablero_pdm_h<n>`, pointing at `A1` of the
 *    sheet. Excel moves a name with its sheet when the sheet is renamed, and a person's new sheet
 *    that happens to take the old name is not pointed at — so "is this sheet ours?" is answered
 *    by the name, confirmed by the registry row (`isProductSheet`).
 * 3. A workbook defined name `_tablero_pdm` pointing at the registry sheet, so any tool can tell
 *    the workbook carries product data.
 *
 * Regeneration replaces a sheet only when it is the product's AND of the same kind; otherwise
 * the new sheet takes a free name ("Tablero de control (2)").
 */
import type { CellValue, WorkbookGrids } from '../domain/grid';
import type { ReadWorkbook } from '../domain/sheet';
import type { GeneratedKind } from '../sheets/model';
import { MAX_CELL_CHARS, splitText } from '../domain/text';
import { consolidatedParts, parseOriginReadings, type OriginReading } from '../domain/consolidated';
import { oneCutoffPerPlan } from '../domain/other-cutoffs';
import type { ReaderOptions } from '../domain/reader';

export const REGISTRY_SHEET = '_tablero_pdm';
export const REGISTRY_NAME = '_tablero_pdm';
export const SHEET_NAME_PREFIX = '_tablero_pdm_h';
const REGISTRY_TITLE = 'Tablero PDM — registro interno (hojas generadas y notas originales). No modifique esta hoja.';
const REGISTRY_HEADER = ['Tipo', 'Hoja', 'Referencia', 'Datos'] as const;
/** First data row of the registry table (1-based). */
const REGISTRY_FIRST_ROW = 3;

export interface GeneratedEntry {
  readonly type: 'hoja';
  readonly sheet: string;
  /** Defined name marking the sheet (`_tablero_pdm_h3`). */
  readonly ref: string;
  readonly kind: GeneratedKind;
  readonly generatedAt: string;
  /** A consolidated sheet: how each origin sheet of its rows was read (`domain/consolidated.ts`). */
  readonly origins?: readonly OriginReading[];
}

export interface NoteEntry {
  readonly type: 'nota';
  readonly sheet: string;
  readonly cell: string;
  /** The host's note value before marking; `null` = no note. */
  readonly original: unknown;
  /** The text the product wrote. */
  readonly mark: string;
}

/** Type of the rows continuing a `nota` (or a `hoja`) whose data outgrows one cell: the type and `+`. */
const continued = (type: string): string => `${type}+`;

export interface MarkEntry {
  readonly type: 'marca';
  readonly sheet: string;
  readonly ranges: string;
  readonly severity: 'error' | 'warning';
}

export type RegistryEntry = GeneratedEntry | NoteEntry | MarkEntry;

export { MAX_CELL_CHARS };

/**
 * The registry rows for one sheet's marked ranges of one severity: as many `marca` rows as it takes
 * to keep each reference cell under Excel's 32,767-character limit (one row per sheet would
 * overflow at a few thousand scattered findings).
 */
export function markEntries(sheet: string, severity: 'error' | 'warning', addresses: readonly string[], maxChars = MAX_CELL_CHARS): MarkEntry[] {
  const out: MarkEntry[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push({ type: 'marca', sheet, ranges: cur, severity });
      cur = '';
    }
    cur = cur ? `${cur} ${a}` : a;
  }
  if (cur) out.push({ type: 'marca', sheet, ranges: cur, severity });
  return out;
}

export interface Registry {
  readonly entries: readonly RegistryEntry[];
}

function json(v: CellValue | undefined): Record<string, unknown> | null {
  if (typeof v !== 'string' || v === '') return null;
  try {
    const o = JSON.parse(v) as unknown;
    return typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const kinds: readonly GeneratedKind[] = ['tablero', 'alertas', 'observaciones', 'consolidado', 'devolucion'];

/** Reads the registry table from the sheet's values (row-major from A1). Unknown rows are skipped. */
export function parseRegistry(values: ReadonlyArray<ReadonlyArray<CellValue> | undefined>): Registry {
  const entries: RegistryEntry[] = [];
  for (let i = REGISTRY_FIRST_ROW - 1; i < values.length; i++) {
    const row = values[i];
    if (!row) continue;
    const [type, sheet, ref] = [row[0], row[1], row[2]];
    let data = row[3];
    if (typeof sheet !== 'string' || typeof ref !== 'string') continue;
    // A long `nota` (or `hoja`) goes on in the `nota+` rows right below it (same sheet and reference).
    while ((type === 'nota' || type === 'hoja') && typeof data === 'string') {
      const next = values[i + 1];
      if (!next || next[0] !== continued(type) || next[1] !== sheet || next[2] !== ref || typeof next[3] !== 'string') break;
      data += next[3];
      i++;
    }
    const d = json(data);
    if (!d) continue;
    if (type === 'hoja' && typeof d.kind === 'string' && (kinds as readonly string[]).includes(d.kind)) {
      const origins = d.kind === 'consolidado' ? parseOriginReadings(d.origins) : undefined;
      entries.push({ type: 'hoja', sheet, ref, kind: d.kind as GeneratedKind, generatedAt: String(d.generatedAt ?? ''), ...(origins ? { origins } : {}) });
    } else if (type === 'nota' && 'original' in d && typeof d.mark === 'string') {
      entries.push({ type: 'nota', sheet, cell: ref, original: d.original, mark: d.mark });
    } else if (type === 'marca' && (d.severity === 'error' || d.severity === 'warning')) {
      entries.push({ type: 'marca', sheet, ranges: ref, severity: d.severity });
    }
  }
  return { entries };
}

/** The registry sheet's rows (row 1 title, row 2 header, entries from row 3). */
export function registryValues(reg: Registry): string[][] {
  const rows: string[][] = [[REGISTRY_TITLE], [...REGISTRY_HEADER]];
  for (const e of reg.entries) {
    // A person's long note (up to Excel's limit) plus the mark, or the readings of many origins, outgrow one cell: split them.
    const long = (type: 'hoja' | 'nota', ref: string, data: unknown) =>
      splitText(JSON.stringify(data), MAX_CELL_CHARS).forEach((part, k) => rows.push([k === 0 ? type : continued(type), e.sheet, ref, part]));
    if (e.type === 'hoja') long('hoja', e.ref, { kind: e.kind, generatedAt: e.generatedAt, ...(e.origins ? { origins: e.origins } : {}) });
    else if (e.type === 'nota') long('nota', e.cell, { original: e.original ?? null, mark: e.mark });
    else rows.push(['marca', e.sheet, e.ranges, JSON.stringify({ severity: e.severity })]);
  }
  return rows;
}

/** A defined name as a host lists it: its name and the sheet its range is on. */
export interface NamedSheetRef {
  readonly name: string;
  readonly sheet: string | null;
}

/** Kind of the product sheet `sheet`, or `null` when it is not the product's. */
export function productKindOf(sheet: string, names: readonly NamedSheetRef[], reg: Registry): GeneratedKind | null {
  for (const n of names) {
    if (!n.name.startsWith(SHEET_NAME_PREFIX) || n.sheet !== sheet) continue;
    const e = reg.entries.find((x): x is GeneratedEntry => x.type === 'hoja' && x.ref === n.name);
    if (e) return e.kind;
  }
  return null;
}

/** Next free marker name. */
export function nextSheetMarker(names: readonly NamedSheetRef[], reg: Registry): string {
  let max = 0;
  const scan = (s: string) => {
    if (s.startsWith(SHEET_NAME_PREFIX)) {
      const n = Number(s.slice(SHEET_NAME_PREFIX.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  };
  names.forEach((n) => scan(n.name));
  reg.entries.forEach((e) => e.type === 'hoja' && scan(e.ref));
  return `${SHEET_NAME_PREFIX}${max + 1}`;
}

/** Longest sheet name Excel takes ("Rename a worksheet", CATALOG.md #12). */
export const MAX_SHEET_NAME = 31;

/** Between a generated sheet's name and its unit, in a unit's own sheet: «Alertas – Salud» (`unitSheetName`, app/generate.ts). */
export const UNIT_SHEET_SEPARATOR = ' – ';

/**
 * Where a generated sheet of `kind` named `preferred` goes: the product's sheet of that kind when
 * there is one — recognised by the registry, not by its name, so a sheet the person renamed
 * ("Alertas T2") is replaced under the name they gave it instead of staying as a stale copy —
 * otherwise the first of `preferred`, `preferred (2)`, `preferred (3)` … that is free. A person's
 * sheet is never chosen. A unit's own sheet («Alertas – Salud») replaces only the product's sheet
 * of that name, and the all-units sheet («Alertas») never takes a unit's.
 */
export function placeGeneratedSheet(
  preferred: string,
  kind: GeneratedKind,
  existing: readonly { readonly name: string; readonly productKind: GeneratedKind | null }[],
): { name: string; replace: boolean } {
  const lower = (s: string) => s.toLocaleLowerCase('es');
  const at = preferred.indexOf(UNIT_SHEET_SEPARATOR);
  const forUnit = at > 0;
  const unitPrefix = lower(forUnit ? preferred.slice(0, at + UNIT_SHEET_SEPARATOR.length) : preferred + UNIT_SHEET_SEPARATOR);
  const same = existing.filter((s) => s.productKind === kind && lower(s.name).startsWith(unitPrefix) === forUnit);
  const ours = same.find((s) => lower(s.name) === lower(preferred)) ?? (forUnit ? undefined : same[0]);
  if (ours) return { name: ours.name, replace: true };
  for (let i = 1; i < 1000; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = preferred.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    const found = existing.find((s) => lower(s.name) === lower(name)); // Excel sheet names are case-insensitive
    if (!found) return { name, replace: false };
    if (found.productKind === kind) return { name: found.name, replace: true };
  }
  throw new Error('No hay un nombre libre para la hoja generada.');
}

/**
 * The names of the product's own sheets in a workbook read as plain grids (no defined names):
 * the registry sheet and the generated sheets its entries list (a consolidated data sheet is
 * data, not listed). For the verbs that only read (`validar`, `reporte`), so an output of
 * `generar` sent back for review is validated on the units' sheets only, never on its Alertas.
 * Without the defined-name markers a stale entry cannot be told from a live one: a person's sheet
 * that took the exact name of a deleted generated sheet is skipped until the next `generar`.
 */
export function productSheetsOf(sheets: readonly { readonly name: string; readonly values: ReadonlyArray<ReadonlyArray<CellValue> | undefined> }[]): string[] {
  const registry = sheets.find((s) => s.name === REGISTRY_SHEET);
  if (!registry) return [];
  const listed = new Set(
    parseRegistry(registry.values)
      .entries.filter((e): e is GeneratedEntry => e.type === 'hoja' && e.kind !== 'consolidado')
      .map((e) => e.sheet),
  );
  return [REGISTRY_SHEET, ...sheets.filter((s) => listed.has(s.name)).map((s) => s.name)];
}

/**
 * A workbook that holds the product's «Consolidado» (written by Consolidar in the pane or by
 * `tablero consolidar`) is read through it, by every verb and both hosts:
 * - The consolidated sheet is read as its origins were read: when its registry entry keeps how
 *   each origin sheet was read (`domain/consolidated.ts`), the sheet becomes one part per origin
 *   sheet, read with that reading — a unit's Cali activity rows, DNP annual goals and financial
 *   rows, Tenjo year block give the same goals and findings as in the unit's own file.
 * - The consolidated sheet already holds the rows of every unit file it was made from, so the
 *   workbook's own capture sheets are not read again — a goal never counts twice. (The workbook's
 *   own rows, when they are a unit's too, go into the consolidation like any other file's.) Its
 *   plan de acción and techos sheets are still read. What was left out is said in `superseded`
 *   (`supersededNote`).
 * `grids` are the workbook's grids with the registry sheet; `reading` the options it was read with.
 * Every host and verb reads through here, so capture tabs of one plan at different cut-offs are
 * narrowed to one here too (`oneCutoffPerPlan`).
 */
export function throughConsolidated(workbook: ReadWorkbook, grids: WorkbookGrids, reading: ReaderOptions = {}): ReadWorkbook {
  const registry = grids.sheets.find((s) => s.name === REGISTRY_SHEET);
  // Then tabs of one plan at different cut-offs: one is read (`domain/other-cutoffs.ts`).
  if (!registry) return oneCutoffPerPlan(workbook, reading);
  const entries = new Map(
    parseRegistry(registry.values)
      .entries.filter((e): e is GeneratedEntry => e.type === 'hoja' && e.kind === 'consolidado')
      .map((e) => [e.sheet, e]),
  );
  const by = workbook.sheets.find((s) => entries.has(s.name) && s.kind === 'hoja-captura');
  if (!by) return oneCutoffPerPlan(workbook, reading, new Set(entries.keys()));
  const origins = entries.get(by.name)?.origins;
  const grid = grids.sheets.find((g) => g.name === by.name);
  const parts = origins && grid ? consolidatedParts(grid, by, origins, reading) : [by];
  const own = workbook.sheets.filter((s) => s.kind === 'hoja-captura' && !entries.has(s.name));
  const sheets = workbook.sheets.flatMap((s) => (s === by ? parts : own.includes(s) ? [] : [s]));
  const through = { ...workbook, sheets, ...(own.length > 0 ? { superseded: { by: by.name, sheets: own.map((s) => s.name) } } : {}) };
  return oneCutoffPerPlan(through, reading, new Set(entries.keys()));
}

/** What a reading through the consolidated sheet left out, in Spanish (`null` when nothing was). */
export function supersededNote(workbook: Pick<ReadWorkbook, 'superseded'>): string | null {
  const s = workbook.superseded;
  if (!s) return null;
  const names = s.sheets.map((n) => `«${n}»`).join(', ');
  const one = s.sheets.length === 1;
  return (
    `Se leyó la hoja consolidada «${s.by}»; ${one ? 'la hoja de captura propia del libro' : 'las hojas de captura propias del libro'} (${names}) ` +
    `no se ${one ? 'leyó' : 'leyeron'}: el consolidado ${one ? 'la' : 'las'} reemplaza (si sus filas no están en él, incluya este libro al consolidar).`
  );
}

/**
 * The own-sheets rule, for every host and verb: the product's own sheets — the registry and the
 * generated sheets it lists (a consolidated data sheet is data, not listed) — are never read as
 * data. `own` defaults to what the grids' registry lists (`productSheetsOf`); a host that also
 * reads the registry's defined-name markers (exceljs) passes its own, more exact list.
 */
export function withoutProductSheets(grids: WorkbookGrids, own: readonly string[] = productSheetsOf(grids.sheets)): WorkbookGrids {
  const skip = new Set([REGISTRY_SHEET, ...own]);
  return { ...grids, sheets: grids.sheets.filter((s) => !skip.has(s.name)) };
}
