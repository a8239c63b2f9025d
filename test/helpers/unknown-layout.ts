/**
 * "A layout no description knows" (issue 9, Done when): the example capture sheet with every
 * header renamed to other plausible wording, the header moved to row 9 (one row), the data below
 * it, and a hidden helper sheet of lists — written by exceljs as a real .xlsx.
 *
 * `renamed: false` writes the same sheet with the original headers at the same place: the
 * reading any mapping must reproduce (same cells, same findings).
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { MAPPING_SHEET, mappingSheetRows, type WorkbookMapping } from '../../src/domain/mapping';

export const EXAMPLE_CAPTURE = path.join(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx');
export const UNKNOWN_SHEET = 'Avance metas';
export const UNKNOWN_HEADER_ROW = 9;

/** Original sub-header (row 8 of the example's «HC T2») → other plausible wording, column by column. */
export const renamedHeaders: readonly (readonly [original: string, renamed: string])[] = [
  ['Dimensión', 'Eje estratégico'],
  ['Cód. programa', 'Código del programa'],
  ['Código meta producto', 'Identificador del compromiso'],
  ['Meta de producto', 'Descripción de la meta'],
  ['Dependencia', 'Dependencia responsable'],
  ['Tipo de acumulación', 'Forma de acumular'],
  ['Línea base', 'Valor inicial'],
  ['Meta vigencia 2025', 'Meta física 2025'],
  ['Programado T1', 'Planeado T1'],
  ['Programado T2', 'Planeado T2'],
  ['Programado T3', 'Planeado T3'],
  ['Programado T4', 'Planeado T4'],
  ['Ejecutado T1', 'Logro T1'],
  ['Ejecutado T2', 'Logro T2'],
  ['Ejecutado T3', 'Logro T3'],
  ['Ejecutado T4', 'Logro T4'],
  ['Ejecutado acumulado', 'Avance acumulado'],
  ['% avance', 'Porcentaje de avance'],
  ['Apropiación definitiva', 'Presupuesto definitivo'],
  ['Compromisos', 'Valor comprometido'],
  ['Obligaciones', 'Valor obligado'],
  ['Pagos', 'Valor pagado'],
  ['Análisis del avance', 'Observaciones'],
  ['Evidencia', 'Medio de verificación'],
  ['Estado de la meta', 'Situación'],
];

/**
 * What fixes the reading of the renamed sheet: the columns the general matcher does not read,
 * by their header text as written, and one by its letter.
 */
export const unknownLayoutMapping = {
  hojas: {
    [UNKNOWN_SHEET]: {
      columnas: {
        goalCode: 'Identificador del compromiso',
        accumulation: 'Forma de acumular',
        baseline: 'Valor inicial',
        commitments: 'Valor comprometido',
        obligations: 'Valor obligado',
        payments: 'Valor pagado',
        goalState: 'Y',
      },
    },
  },
};

/** The example's capture sheet rebuilt as described above; resolves to the .xlsx bytes. */
export async function unknownLayoutWorkbook(renamed: boolean): Promise<Buffer> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(EXAMPLE_CAPTURE);
  const hc = src.getWorksheet('HC T2');
  if (!hc) throw new Error('examples/hoja-captura-T2-2025.xlsx has no «HC T2» sheet');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(UNKNOWN_SHEET);
  for (let r = 1; r <= 6; r++) ws.getCell(r, 1).value = hc.getCell(r, 1).value;
  renamedHeaders.forEach(([original, other], j) => (ws.getCell(UNKNOWN_HEADER_ROW, j + 1).value = renamed ? other : original));
  for (let r = 9; r <= hc.rowCount; r++) {
    for (let c = 1; c <= renamedHeaders.length; c++) {
      const from = hc.getCell(r, c);
      const to = ws.getCell(r + UNKNOWN_HEADER_ROW - 8, c);
      to.value = from.value;
      if (from.numFmt) to.numFmt = from.numFmt;
    }
  }
  const lists = wb.addWorksheet('Listas', { state: 'hidden' });
  ['Suma', 'Constante', 'Creciente', 'Decreciente'].forEach((v, i) => (lists.getCell(i + 1, 1).value = v));
  ['Activa', 'Eliminada'].forEach((v, i) => (lists.getCell(i + 1, 2).value = v));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * `bytes` with `mapping` stored the way the pane stores it (domain/mapping.ts: the very hidden
 * sheet `_tablero_pdm_mapa`, its JSON in column A from row 3) — or, with `raw`, that text as is.
 */
export async function withStoredMapping(bytes: Buffer, mapping: unknown, raw?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.addWorksheet(MAPPING_SHEET, { state: 'veryHidden' });
  const rows = raw !== undefined ? ['x', 'y', raw] : mappingSheetRows(mapping as WorkbookMapping);
  rows.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.numFmt = '@';
    cell.value = text;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet of the Excel double as row-major text cells (what Excel would save), for `withSheetCells`. */
export interface SavedSheet {
  readonly name: string;
  readonly visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** [row, col, value] of every non-empty cell. */
  readonly cells: readonly (readonly [number, number, string | number | boolean])[];
}

/**
 * `bytes` with a sheet as the double holds it (the workbook "saved" after the pane wrote in it):
 * its cells' values, as text cells, and its visibility.
 */
export async function withSavedSheet(bytes: Buffer, sheet: SavedSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const old = wb.getWorksheet(sheet.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility === 'VeryHidden' ? 'veryHidden' : sheet.visibility === 'Hidden' ? 'hidden' : 'visible' });
  for (const [r, c, v] of sheet.cells) {
    const cell = ws.getCell(r, c);
    if (typeof v === 'string') cell.numFmt = '@';
    cell.value = v;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
