/**
 * Builds real .xlsx files for tests, the way units fill them (title rows, merged cells, text
 * numbers, formats), and reads them back through the exceljs host — so tests exercise the same
 * path as the CLI.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import type { WorkbookGrids } from '../../src/domain/grid';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';

export type CellInput =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { formula: string; result?: number | string }
  | { error: string };

export interface SheetSpec {
  name: string;
  /** Row-major, starting at A1 unless `startRow` says otherwise. */
  rows: CellInput[][];
  startRow?: number;
  /** Ranges such as `'A5:A9'`. */
  merges?: string[];
  /** Address → number format, e.g. `{ 'M6': '0%' }`; or column letter → format for all data. */
  formats?: Record<string, string>;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

export async function buildXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    const start = spec.startRow ?? 1;
    spec.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === undefined || v === null) return;
        const cell = ws.getCell(start + i, j + 1);
        cell.value = v as ExcelJS.CellValue;
      });
    });
    for (const [addr, fmt] of Object.entries(spec.formats ?? {})) {
      if (/^[A-Z]+$/.test(addr)) {
        for (let r = start; r < start + spec.rows.length; r++) ws.getCell(`${addr}${r}`).numFmt = fmt;
      } else {
        ws.getCell(addr).numFmt = fmt;
      }
    }
    for (const m of spec.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeXlsx(path: string, sheets: SheetSpec[]): Promise<void> {
  await fs.writeFile(path, await buildXlsx(sheets));
}

/** Build the file in memory and read it back through the exceljs host. */
export async function gridsOf(sheets: SheetSpec[], name = 'prueba.xlsx'): Promise<WorkbookGrids> {
  const wb = await loadWorkbook(await buildXlsx(sheets));
  return gridsOfWorkbook(wb, name);
}
