import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/domain/reader';
import { validateWorkbook } from '../../src/app/validate';
import { resolveOptions } from '../../src/app/report';
import { templateSpec } from '../../src/app/templates';
import { expectOneCleanLine, tablero, tempDir } from './io';

type Row = Record<string, ExcelJS.CellValue>;

/** One filled data row per kind, keyed by the template's headers. */
const filled: Record<string, Row[]> = {
  'plan-accion': [
    {
      Dimensión: 'Dimensión Social', Sector: 'Salud', 'Código programa': '1905', Programa: 'Salud pública',
      'Código meta producto': '1905021', 'Meta de producto': 'Vacunar 6.000 niños', 'Tipo de meta': 'Producto',
      'Tipo de acumulación': 'Suma', 'Meta vigencia': 6000, 'Programado T1': 1500, 'Programado T2': 1500, 'Programado T3': 1500,
      'Programado T4': 1500, Dependencia: 'Secretaría de Salud', Responsable: 'Javier Benavides', 'Código BPIN': '2024520010035',
      Actividad: 'Jornadas de vacunación', 'Fecha inicio': new Date(Date.UTC(2025, 1, 3)), 'Fecha fin': new Date(Date.UTC(2025, 11, 15)),
      'Fuente de financiación': 'SGP Salud', 'Valor programado': 320000000, 'Requiere contratación': 'Sí',
    },
  ],
  'hoja-captura': [
    {
      'Código meta producto': '1905021', 'Meta de producto': 'Vacunar 6.000 niños', Dependencia: 'Secretaría de Salud',
      'Tipo de acumulación': 'Suma', 'Meta vigencia': 6000, 'Programado T1': 1500, 'Programado T2': 1500, 'Programado T3': 1500,
      'Programado T4': 1500, 'Ejecutado T1': 1500, 'Ejecutado T2': 1500, 'Ejecutado acumulado': 3000, '% avance': 0.5,
      'Análisis del avance': 'Al día', Evidencia: 'PAIWEB', 'Estado de la meta': 'Activa',
    },
  ],
  techos: [{ 'Código programa': '1905', Programa: 'Salud pública', 'Techo': 1250000000 }],
};

describe('tablero plantilla', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it.each(['plan-accion', 'hoja-captura', 'techos'] as const)('%s: written, then filled and read back as its own kind', async (kind) => {
    const r = await tablero(['plantilla', kind, '--vigencia', '2025', '-o', `${kind}.xlsx`], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`escrita en ${kind}.xlsx`);
    const file = path.join(dir, `${kind}.xlsx`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const spec = templateSpec(kind, { vigencia: 2025 });
    const ws = wb.getWorksheet(spec.sheetName)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: spec.headerRow });
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const lists = Object.values(validations).filter((v) => v.type === 'list');
    // exceljs expands each range to its cells when reading: one list per data cell of each list column.
    expect(lists.length).toBe(spec.columns.filter((c) => c.list).length * spec.dataRows);
    expect(lists.some((v) => v.formulae[0] === '"Suma,Creciente,Constante,Decreciente"')).toBe(kind !== 'techos');

    // Blank: recognised, no rows.
    const blank = readWorkbook(gridsOfWorkbook(wb, `${kind}.xlsx`));
    expect(blank.sheets.map((s) => [s.kind, s.rows.length, s.missing.length])).toEqual([[kind, 0, 0]]);
    expect(blank.sheets[0].vigencia).toBe(2025);

    // Filled: a person types a row under the header.
    const headerCells = ws.getRow(spec.headerRow).values as ExcelJS.CellValue[];
    for (const data of filled[kind]) {
      for (const [h, v] of Object.entries(data)) {
        const col = headerCells.indexOf(h);
        expect(col).toBeGreaterThan(0);
        ws.getCell(spec.headerRow + 1, col).value = v;
      }
    }
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = readWorkbook(gridsOfWorkbook(back, `${kind}.xlsx`));
    expect(read.sheets).toHaveLength(1);
    expect(read.sheets[0].kind).toBe(kind);
    expect(read.sheets[0].rows).toHaveLength(1);
    const options = resolveOptions({ cutoff: '2025-06-30' }, read, '2025-07-10');
    const { findings } = validateWorkbook(read, options);
    expect(findings.filter((f) => f.rule === 'header-missing' || f.rule === 'enum' || f.rule === 'number')).toEqual([]);
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const file = path.join(dir, 'existente.xlsx');
    await fs.writeFile(file, 'no tocar');
    const r = await tablero(['plantilla', 'techos', '-o', 'existente.xlsx'], dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toContain('ya existe; use --force');
    expect(await fs.readFile(file, 'utf8')).toBe('no tocar');
    const f = await tablero(['plantilla', 'techos', '-o', 'existente.xlsx', '--force'], dir);
    expect(f.code).toBe(0);
    expect((await fs.readFile(file)).subarray(0, 2).toString()).toBe('PK');
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a missing output folder is one line, exit 2', async () => {
    const r = await tablero(['plantilla', 'techos', '-o', 'no/existe/t.xlsx'], dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
  });
});
