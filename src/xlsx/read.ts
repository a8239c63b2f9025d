/**
 * exceljs host, reading side: turns an .xlsx workbook into the plain grids the engine reads.
 * This folder is the only code that imports exceljs.
 */
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, Grid, SheetVisibility, WorkbookGrids } from '../domain/grid';
import { readablePackage } from './package';
import { restoreOrphanNotes } from './orphan-notes';

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** exceljs keeps merges in a private map keyed by master address; it has no public accessor that does not build the whole sheet model. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model?: MergeRange } & Partial<MergeRange>> })._merges;
  const out: CellRange[] = [];
  if (internal) {
    for (const m of Object.values(internal)) {
      const r = m.model ?? m;
      if (typeof r.top === 'number' && typeof r.left === 'number' && typeof r.bottom === 'number' && typeof r.right === 'number') {
        out.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
      }
    }
  }
  return out;
}

/** The displayed value of an exceljs cell value: formulas give their cached result, rich text its plain text. */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return formulaResult((v as ExcelJS.CellFormulaValue).result);
    if ('text' in v && typeof (v as ExcelJS.CellHyperlinkValue).text === 'string') return (v as ExcelJS.CellHyperlinkValue).text;
  }
  return null;
}

/**
 * A formula's cached result as displayed: none (or `""`) is blank, an error value `{ error }`.
 * A result exceljs parsed as a number from an empty `<v/>` (openpyxl writes one for every
 * formula) or from an error code is `NaN` — blank here.
 */
function formulaResult(result: unknown): CellValue {
  if (result === undefined || result === null || result === '' || Number.isNaN(result)) return null;
  if (typeof result === 'object' && !(result instanceof Date)) return 'error' in result ? { error: String(result.error) } : null;
  return result as CellValue;
}

/**
 * The displayed value of an exceljs cell. A formula's cached result is taken from the cell itself:
 * exceljs's `cell.value` hands a copy of the formula that drops a falsy result, so a cached `0`
 * (`=A1*0`, a SUM of zeros) would read as blank — a missing report where the sheet says 0.
 */
function cellValueOf(cell: ExcelJS.Cell): CellValue {
  return cell.type === ExcelJS.ValueType.Formula ? formulaResult((cell as { result?: unknown }).result) : plainValue(cell.value);
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === 'hidden' ? 'hidden' : ws.state === 'veryHidden' ? 'veryHidden' : 'visible';
}

/** One worksheet to a grid. Cells covered by a merge (not its top-left) are blank, as in Excel. */
export function gridOfWorksheet(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      vr[c - 1] = cellValueOf(cell);
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') fr[c - 1] = fmt;
    });
    values[r - 1] = vr;
    if (fr.length) formats[r - 1] = fr;
  });
  return { name: ws.name, values, numberFormats: formats, merges: mergesOf(ws), visibility: visibilityOf(ws) };
}

export function gridsOfWorkbook(wb: ExcelJS.Workbook, name: string): WorkbookGrids {
  return { name, sheets: wb.worksheets.map(gridOfWorksheet) };
}

/**
 * Puts back, in exceljs's model, the texts exceljs decoded twice: a `t="str"` cell (a formula's
 * cached text, or a text written by a tool that uses no shared strings) whose text holds an entity
 * its author typed (`&amp;`, `&lt;`) is read by exceljs as `&`, `<` — and a copy saved from the
 * model would change what the person wrote. `grids` are the same package read by the cell scanner
 * (`sheet-cells.ts`), which decodes once: where the two differ on a text holding `&`, the scanner's
 * text is the cell's. Only such texts are looked at (a few cells, if any).
 */
export function restoreTypedTexts(wb: ExcelJS.Workbook, grids: WorkbookGrids): void {
  for (const grid of grids.sheets) {
    const ws = wb.getWorksheet(grid.name);
    if (!ws) continue;
    grid.values.forEach((row, r) => {
      row?.forEach((text, c) => {
        if (typeof text !== 'string' || !text.includes('&')) return;
        const cell = ws.getCell(r + 1, c + 1);
        const v = cell.value;
        if (typeof v === 'string') {
          if (v !== text) cell.value = text;
        } else if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && typeof v.result === 'string' && v.result !== text) {
          cell.value = { ...v, result: text };
        }
      });
    });
  }
}

/** exceljs's full model of the .xlsx `data`, after the package check (`package.ts`): every listed sheet is read, or it throws. */
export async function loadWorkbook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = readablePackage(Buffer.isBuffer(data) ? data : Buffer.from(data));
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  // exceljs drops a note on a cell its sheet XML does not list (an empty, unstyled cell).
  restoreOrphanNotes(wb, bytes);
  completeTableStyles(wb);
  return wb;
}

/** What exceljs keeps of a table it read (`Table.model`): its style may be missing. */
interface LoadedTable {
  readonly model: { style?: ExcelJS.TableStyleProperties | null };
}

/**
 * A table without `<tableStyleInfo>` (optional in the format, absent from tables that tools other
 * than Excel write — the DNP's follow-up report) is one with no style: exceljs reads it but then
 * cannot write the workbook back ("Cannot read properties of null (reading 'theme')"). It gets the
 * explicit "no style" that reads the same in Excel: no style name, no banding, no highlighted column.
 */
function completeTableStyles(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (const table of ws.getTables() as unknown as LoadedTable[]) {
      if (table.model.style) continue;
      table.model.style = { showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
}
