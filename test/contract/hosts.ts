/**
 * The two hosts of the contract tests, built from the SAME .xlsx bytes:
 * - the xlsx host: exceljs (src/xlsx/read.ts, marks.ts, render.ts);
 * - the Excel host: the office-js adapter (src/excel/) over the in-memory Excel double, loaded
 *   with what Excel would hold for that file (values, cached formula results, error values,
 *   dates as serials with their format, merges, notes).
 * And normalisers, so "the same grid" means the same cell contents whatever each host's shape.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid, WorkbookGrids } from '../../src/domain/grid';
import { cellAddress, isCellError } from '../../src/domain/grid';
import { plainValue } from '../../src/xlsx/read';
import { noteTextOf } from '../../src/xlsx/marks';
import { ExcelDouble, type DoubleOptions } from '../excel-double/index';
import { key } from '../excel-double/state';
import type { SheetSpec } from '../helpers/xlsx';

/** Excel's serial for a JS date (exceljs gives dates at UTC midnight). */
export function serialOf(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** Loads an exceljs workbook into a new double, as Excel would show it. */
export function doubleFromWorkbook(wb: ExcelJS.Workbook, opts: DoubleOptions = {}): ExcelDouble {
  const xl = new ExcelDouble(opts);
  for (const ws of wb.worksheets) {
    const s = xl.addSheet({ name: ws.name, visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible' });
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = plainValue(cell.value);
        const fmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
        const raw = cell.value as unknown;
        const formula = typeof raw === 'object' && raw !== null && 'formula' in raw ? `=${String((raw as { formula: string }).formula)}` : undefined;
        const note = noteTextOf(cell.note);
        if (note !== null) s.notes.set(cellAddress(r, c), note);
        if (v === null && !fmt) return;
        const state = {
          v: v instanceof Date ? serialOf(v) : isCellError(v) || v === null ? null : (v as string | number | boolean),
          error: isCellError(v) ? v.error : undefined,
          formula,
          nf: fmt,
        };
        s.cells.set(key(r, c), state);
      });
    });
    const merges = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
    for (const m of Object.values(merges)) if (m.model) s.merges.push({ ...m.model });
  }
  return xl;
}

export async function workbookOf(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

/** A grid as 'A1' → value (dates as serials, errors as their code; blanks left out). */
export function cellsOf(grid: Grid): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const r0 = grid.origin?.row ?? 1;
  const c0 = grid.origin?.col ?? 1;
  grid.values.forEach((row, i) =>
    row?.forEach((v: CellValue, j) => {
      if (v === null || v === undefined || v === '') return;
      out[cellAddress(r0 + i, c0 + j)] = v instanceof Date ? serialOf(v) : isCellError(v) ? v.error : v;
    }),
  );
  return out;
}

export function formatsOf(grid: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  const r0 = grid.origin?.row ?? 1;
  const c0 = grid.origin?.col ?? 1;
  grid.numberFormats?.forEach((row, i) =>
    row?.forEach((f, j) => {
      if (f && f !== 'General') out[cellAddress(r0 + i, c0 + j)] = f;
    }),
  );
  return out;
}

/** Only what the engine sees of a cell's format: formats of blank cells do not matter. */
export function formatsOfValues(grid: Grid): Record<string, string> {
  const cells = cellsOf(grid);
  return Object.fromEntries(Object.entries(formatsOf(grid)).filter(([a]) => a in cells));
}

export function normalise(grids: WorkbookGrids, skip: readonly string[] = ['_tablero_pdm']) {
  return grids.sheets
    .filter((s) => !skip.includes(s.name))
    .map((s) => ({
      name: s.name,
      visibility: s.visibility ?? 'visible',
      cells: cellsOf(s),
      formats: formatsOfValues(s),
      merges: [...s.merges].map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).sort(),
    }));
}

/** Loads sheet specs (test/helpers/xlsx.ts) straight into a double, as Excel would hold them. */
export function doubleFromSpecs(specs: readonly SheetSpec[], opts: DoubleOptions = {}): ExcelDouble {
  const xl = new ExcelDouble(opts);
  for (const spec of specs) {
    const rows = spec.rows.map((row) =>
      row.map((v) => {
        if (v instanceof Date) return serialOf(v);
        if (v && typeof v === 'object' && 'formula' in v) return { formula: v.formula, result: v.result };
        return v;
      }),
    );
    xl.addSheet({
      name: spec.name,
      rows,
      startRow: spec.startRow,
      merges: spec.merges,
      formats: spec.formats,
      visibility: spec.state === 'veryHidden' ? 'VeryHidden' : spec.state === 'hidden' ? 'Hidden' : 'Visible',
    });
  }
  return xl;
}
