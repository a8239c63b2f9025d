/**
 * A layout no format description knows (real-formats.md "Anything else still reads"): the example
 * capture sheet (`examples/hoja-captura-T2-2025.xlsx`, sheet «HC T2») with every header renamed to
 * other plausible wording a unit might use, the header moved down to rows 8–9 (a group row over
 * its sub-headers) and a hidden helper sheet of lists added. It must be read through the general
 * header matcher — no format named — with the findings of the original, one row further down.
 *
 * What the general matcher misses is fixed with a mapping (`--mapa`, the pane's «En este libro»):
 * that part is the "mapping" work of issue 9 and may extend this file.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { examples, tablero, tempDir } from '../cli/io';

const NOW = new Date(2025, 6, 10);
const SHEET = 'HC T2';

/** Original header (row 8 of the example; the group row 7 names T1…T4) → the variant's wording. */
const renamed: Readonly<Record<string, string>> = {
  Dimensión: 'Eje estratégico',
  'Cód. programa': 'Código del programa',
  'Código meta producto': 'Cód. meta',
  'Meta de producto': 'Descripción de la meta',
  Dependencia: 'Dependencia responsable',
  'Tipo de acumulación': 'Comportamiento',
  'Línea base': 'LB',
  'Meta vigencia 2025': 'Meta programada vigencia 2025',
  'Ejecutado acumulado': 'Avance acumulado',
  '% avance': 'Porcentaje de avance',
  'Apropiación definitiva': 'Presupuesto definitivo',
  Compromisos: 'Registros presupuestales',
  Obligaciones: 'Obligaciones ($)',
  Pagos: 'Pagos ($)',
  'Análisis del avance': 'Observaciones',
  Evidencia: 'Medio de verificación',
  'Estado de la meta': 'Estado',
};
/** The group row over the quarters, and the quarters' own names. */
const groups: Readonly<Record<string, string>> = { Programado: 'Programación', Ejecutado: 'Logro' };
const quarters: Readonly<Record<string, string>> = { T1: 'I trimestre', T2: 'II trimestre', T3: 'III trimestre', T4: 'IV trimestre' };

/** The example's capture sheet rebuilt with the variant's header at rows 8–9, plus a hidden helper sheet. */
async function variant(file: string): Promise<void> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(examples.capture);
  const from = src.getWorksheet(SHEET);
  if (!from) throw new Error(`sin hoja ${SHEET}`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  // Title rows stay where they are; the header (rows 7–8) and the data move one row down.
  from.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const to = ws.getCell(r >= 7 ? r + 1 : r, c);
      let value = cell.value;
      if (r === 7 && typeof value === 'string') value = groups[value] ?? renamed[value] ?? value;
      if (r === 8 && typeof value === 'string') value = quarters[value] ?? renamed[value] ?? value;
      to.value = value;
      if (cell.numFmt) to.numFmt = cell.numFmt;
    });
  });
  for (const m of from.model.merges) {
    const [a, b] = m.split(':');
    const shift = (ref: string) => ref.replace(/\d+$/, (n) => String(Number(n) >= 7 ? Number(n) + 1 : Number(n)));
    ws.mergeCells(`${shift(a)}:${shift(b)}`);
  }
  // A helper sheet of lists, hidden, whose header looks like a capture sheet's.
  const lists = wb.addWorksheet('Listas', { state: 'hidden' });
  lists.addRow(['Código meta producto', 'Dependencia', 'Tipo de acumulación', 'Ejecutado T1']);
  lists.addRow(['1905021', 'Secretaría de Salud', 'Suma', 'texto']);
  lists.addRow(['', 'Secretaría de Gobierno', 'Creciente', '']);
  await wb.xlsx.writeFile(file);
}

interface Json {
  files: {
    sheets: { name: string; kind: string; format?: string; headerRow: number; dataRows: number }[];
    hidden?: string[];
    findings: { rule: string; severity: string; sheet: string; cell: string; row: number; goal?: string }[];
  }[];
}

async function validar(file: string, dir: string): Promise<Json['files'][number]> {
  const r = await tablero(['validar', file, '--json'], dir, { now: NOW });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as Json).files[0];
}

describe('a layout no format knows: the example capture sheet renamed, its header at row 9, a hidden helper', () => {
  const { dir, cleanup } = tempDir('tablero-unknown-');
  afterAll(cleanup);
  const file = path.join(dir, 'hoja-desconocida.xlsx');

  it('reads through the general matcher with the findings of the original, one row down', async () => {
    await variant(file);
    const original = await validar(examples.capture, dir);
    const read = await validar(file, dir);

    const sheet = read.sheets.find((s) => s.name === SHEET);
    expect(sheet).toEqual(expect.objectContaining({ kind: 'hoja-captura', headerRow: 9 }));
    expect(sheet?.format).toBeUndefined();
    expect(sheet?.dataRows).toBe(original.sheets.find((s) => s.name === SHEET)?.dataRows);
    expect(read.hidden).toEqual(['Listas']);
    expect(read.findings.some((f) => f.sheet === 'Listas')).toBe(false);

    const down = (cell: string) => cell.replace(/\d+$/, (n) => String(Number(n) + 1));
    const expected = original.findings
      .filter((f) => f.sheet === SHEET)
      .map((f) => `${down(f.cell)} ${f.rule} ${f.severity} ${f.goal ?? ''}`)
      .sort();
    const found = read.findings
      .filter((f) => f.sheet === SHEET)
      .map((f) => `${f.cell} ${f.rule} ${f.severity} ${f.goal ?? ''}`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
  });
});
