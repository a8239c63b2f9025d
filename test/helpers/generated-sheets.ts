/**
 * The generated sheets as a reviewer reads them, for tests: the observation table of an
 * «Observaciones» sheet and the goal codes of a numbered section of «Alertas».
 */
import ExcelJS from 'exceljs';
import { plainValue } from '../../src/xlsx/read';

export async function loadXlsx(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

/** Rows of a sheet as display values by column (1-based). */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.type !== ExcelJS.ValueType.Merge) vals[col] = plainValue(c.value);
    });
    out[r] = vals;
  });
  return out;
}

export interface ObsRow {
  file: string;
  sheet: string;
  cell: string;
  goal: string;
  rule: string;
  message: string;
}

/** The observation table of an «Observaciones» sheet (`file` is blank without the Archivo column). */
export function observations(ws: ExcelJS.Worksheet): ObsRow[] {
  const rows = rowsOf(ws);
  const header = rows.findIndex((v) => v?.[1] === 'N.º');
  expect(header).toBeGreaterThan(0);
  const h = rows[header];
  const col = (t: string) => h.indexOf(t);
  return rows
    .slice(header + 1)
    .filter((v) => v && typeof v[1] === 'number')
    .map((v) => ({
      file: col('Archivo') > 0 ? String(v[col('Archivo')]) : '',
      sheet: String(v[col('Hoja')]),
      cell: String(v[col('Celda')]),
      goal: v[col('Meta')] === undefined ? '' : String(v[col('Meta')]),
      rule: ruleIdOf(String(v[col('Regla')])),
      message: String(v[col('Observación')]),
    }));
}

/**
 * Goal codes of a numbered section of «Alertas» (1 = rezagadas, 2 = over 100 %): the rows under
 * the section's «Código» header that have a state (group lines have none).
 */
export function alertCodes(ws: ExcelJS.Worksheet, section: 1 | 2): string[] {
  const rows = rowsOf(ws);
  const start = rows.findIndex((v) => typeof v?.[1] === 'string' && (v[1] as string).startsWith(`${section}. `));
  const end = rows.findIndex((v, i) => i > start && typeof v?.[1] === 'string' && (v[1] as string).startsWith(`${section + 1}. `));
  const header = rows.findIndex((v, i) => i > start && v?.[1] === 'Código');
  const state = rows[header].indexOf('Estado');
  return rows
    .slice(header + 1, end)
    .filter((v) => v && v[1] !== undefined && v[state] !== undefined)
    .map((v) => String(v[1]));
}

/**
 * The rule id of a «Regla» cell, which a person reads as the rule's Spanish name and its id:
 * «Sobreejecución (over-execution)» → `over-execution` (a cell of any other form fails the test).
 */
export function ruleIdOf(label: string): string {
  const m = /^[^()]+ \(([a-z]+(?:-[a-z]+)*)\)$/.exec(label);
  if (!m) throw new Error(`«Regla» no tiene la forma «Nombre (id)»: ${label}`);
  return m[1];
}
