/**
 * Node side of the browser test: a bundled example workbook (.xlsx, read with exceljs through the
 * project's own xlsx host) turned into the Excel double's sheet inputs, as plain JSON for
 * `window.__paneFixture`. Dates become Excel serial numbers with their date format, as office-js
 * gives them.
 */
import { promises as fs } from 'node:fs';
import type { SheetInput } from '../excel-double/index';
import { cellAddress, isCellError, type CellValue, type WorkbookGrids } from '../../src/domain/grid';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { fromJsDate, toExcelSerial } from '../../src/domain/dates';
import type { PaneFixture } from './double-entry';

type DoubleValue = NonNullable<SheetInput['rows']>[number][number];

function doubleValue(v: CellValue): { value: DoubleValue; dateFormat?: boolean } {
  if (v === null) return { value: null };
  if (v instanceof Date) return { value: toExcelSerial(fromJsDate(v)), dateFormat: true };
  if (isCellError(v)) return { value: { error: v.error } };
  return { value: v };
}

export function sheetsOfGrids(grids: WorkbookGrids): SheetInput[] {
  return grids.sheets.map((g) => {
    const r0 = g.origin?.row ?? 1;
    const c0 = g.origin?.col ?? 1;
    const formats: Record<string, string> = {};
    // Array.from, not map: a blank row is a hole in the grid, and a hole would reach the double as null.
    const rows: DoubleValue[][] = Array.from(g.values, (row, i) =>
      (row ?? []).map((v, j) => {
        const { value, dateFormat } = doubleValue(v);
        const nf = g.numberFormats?.[i]?.[j];
        if (nf) formats[cellAddress(r0 + i, c0 + j)] = nf;
        else if (dateFormat) formats[cellAddress(r0 + i, c0 + j)] = 'dd/mm/yyyy';
        return value;
      }),
    );
    return {
      name: g.name,
      rows,
      startRow: r0,
      startCol: c0,
      merges: g.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
      formats,
      visibility: g.visibility === 'hidden' ? 'Hidden' : g.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible',
    };
  });
}

export async function fixtureOf(file: string, opts: { active?: string; bodyBackgroundColor?: string } = {}): Promise<PaneFixture> {
  const wb = await loadWorkbook(await fs.readFile(file));
  const name = file.split('/').pop() ?? file;
  const grids = gridsOfWorkbook(wb, name);
  return { workbookName: name, sheets: sheetsOfGrids(grids), ...opts };
}
