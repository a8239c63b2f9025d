import { gridsOf, type CellInput } from '../helpers/xlsx';
import { readSheet, readWorkbook } from '../../src/domain/reader';
import type { ReadSheet } from '../../src/domain/sheet';
import { okValue } from '../../src/domain/sheet';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A PE-F-012 as a unit fills it: title block, two-row header, goals merged over their activities. */
function planRows(): CellInput[][] {
  const header6 = [
    'Dimensión', 'Código programa', 'Programa', 'Código meta producto', 'Meta de producto', 'Tipo de meta',
    'Tipo de acumulación', 'Meta vigencia', 'PROGRAMACIÓN', null, null, null, 'Dependencia', 'Responsable',
    'Actividad', 'Fecha inicio', 'Fecha fin', 'Fuente de financiación', 'Valor programado', '% avance actividad',
    'Requiere contratación',
  ];
  const header7 = [null, null, null, null, null, null, null, null, 'T1', 'T2', 'T3', 'T4'];
  const goal = ['Social', 1702, 'Salud pública', '1702017', 'Vacunar 5.000 niños', 'Producto', 'Suma', '5.000', 1250, '1.250', 1250, 1250, 'Secretaría de Salud', 'Ana Gómez'];
  return [
    ['ALCALDÍA DE SAN JUAN DE PASTO'],
    ['PLAN DE ACCIÓN - FORMATO PE-F-012'],
    ['Vigencia:', 2025],
    ['Dependencia: Secretaría de Salud'],
    ['Fecha de corte', utc(2025, 6, 30)],
    header6,
    header7,
    [...goal, 'Jornadas de vacunación', utc(2025, 1, 15), utc(2025, 12, 31), 'SGP - Salud', '$ 1.234.567,50', 0.5, 'Sí'],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'Compra de biológicos', '15-ene-2025', '30/06/2025', 'ICLD', 2000000, 50, 'No'],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'Seguimiento', '01/03/2025', '15 de marzo de 2025', 'Recursos propios', { error: '#DIV/0!' }, '45 %', 'X'],
    [],
    ['Social', 1702, 'Salud pública', 1702018, 'Dotar 3 puestos de salud', 'Gestión', 'Creciente', 3, 0, 1, 2, 3, 'Secretaría de Salud', 'Luis Díaz', 'Dotación', '2025-02-01', '31-dic-25', 'SGR', '1.500.000', null, 'S'],
    ['TOTAL', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, { formula: 'SUM(S8:S12)', result: 3500000 }],
  ];
}

const goalMerges = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((c) => `${c}8:${c}10`);
const headerMerges = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'].map((c) => `${c}6:${c}7`);

async function readPlan(): Promise<ReadSheet> {
  const wb = await gridsOf([
    {
      name: 'Plan de Acción 2025',
      rows: planRows(),
      merges: ['A1:U1', 'I6:L6', ...headerMerges, ...goalMerges],
      formats: { B5: 'dd/mm/yyyy', P8: 'dd/mm/yyyy', Q8: 'dd/mm/yyyy', T8: '0%', S9: '#,##0' },
    },
  ]);
  const sheet = readSheet(wb.sheets[0]);
  if (!('kind' in sheet)) throw new Error(sheet.reason);
  return sheet;
}

describe('reading a plan de acción (PE-F-012)', () => {
  let sheet: ReadSheet;
  beforeAll(async () => {
    sheet = await readPlan();
  });

  it('finds the kind and the two-row header below the title block', () => {
    expect(sheet.kind).toBe('plan-accion');
    expect(sheet.firstHeaderRow).toBe(6);
    expect(sheet.headerRow).toBe(7);
    expect(sheet.headerCol).toBe(1);
    expect(sheet.missing).toEqual([]);
    expect(sheet.periodKind).toBe('quarter');
    expect(sheet.periodCount).toBe(4);
  });

  it('names every column, the group and the sub-header together', () => {
    expect(sheet.columns).toEqual({
      dimension: 1, programCode: 2, program: 3, goalCode: 4, goal: 5, goalType: 6, accumulation: 7, yearGoal: 8,
      planned1: 9, planned2: 10, planned3: 11, planned4: 12, unit: 13, responsible: 14, activity: 15, startDate: 16,
      endDate: 17, source: 18, amount: 19, activityProgress: 20, needsContract: 21,
    });
    expect(sheet.headers.planned3).toBe('PROGRAMACIÓN T3');
    expect(sheet.headers.goalCode).toBe('Código meta producto');
  });

  it('reads the title block: entity, vigencia in the next cell, unit and fecha de corte', () => {
    expect(sheet.title).toEqual({ entity: 'ALCALDÍA DE SAN JUAN DE PASTO', unit: 'Secretaría de Salud' });
    expect(sheet.vigencia).toBe(2025);
    expect(sheet.cutoff).toBe('2025-06-30');
  });

  it('skips the blank row and the totals row', () => {
    expect(sheet.rows.map((r) => r.row)).toEqual([8, 9, 10, 12]);
  });

  it('applies a merged goal to every activity row it spans', () => {
    const [r8, r9, r10] = sheet.rows;
    for (const r of [r8, r9, r10]) {
      expect(okValue(r, 'goalCode')).toBe('1702017');
      expect(okValue(r, 'goal')).toBe('Vacunar 5.000 niños');
      expect(okValue(r, 'accumulation')).toBe('suma');
      expect(okValue(r, 'unit')).toBe('Secretaría de Salud');
    }
    expect(r8.cells.goalCode).toMatchObject({ col: 4, raw: '1702017', merged: false });
    expect(r9.cells.goalCode).toMatchObject({ col: 4, raw: '1702017', merged: true });
    expect(r10.cells.goal?.merged).toBe(true);
    expect(r9.cells.activity).toMatchObject({ raw: 'Compra de biológicos', merged: false });
  });

  it('reads codes typed as numbers as their digits', () => {
    expect(sheet.rows[0].cells.programCode?.parsed).toEqual({ status: 'ok', value: '1702' });
    expect(sheet.rows[3].cells.goalCode?.parsed).toEqual({ status: 'ok', value: '1702018' });
  });

  it('reads numbers typed as text in Colombian style, marked as read from text', () => {
    expect(sheet.rows[0].cells.yearGoal?.parsed).toEqual({ status: 'ok', value: 5000, fromText: true });
    expect(sheet.rows[0].cells.planned2?.parsed).toEqual({ status: 'ok', value: 1250, fromText: true });
    expect(sheet.rows[0].cells.amount?.parsed).toEqual({ status: 'ok', value: 1234567.5, fromText: true });
    expect(sheet.rows[0].cells.amount?.raw).toBe('$ 1.234.567,50');
    expect(sheet.rows[1].cells.amount?.parsed).toEqual({ status: 'ok', value: 2000000 });
    expect(sheet.rows[1].cells.amount?.numberFormat).toBe('#,##0');
    expect(sheet.rows[3].cells.amount?.parsed).toEqual({ status: 'ok', value: 1500000, fromText: true });
  });

  it('reads percents with a % format as fractions and without it as points', () => {
    expect(sheet.rows.map((r) => r.cells.activityProgress?.parsed)).toEqual([
      { status: 'ok', value: 0.5 },
      { status: 'ok', value: 0.5 },
      { status: 'ok', value: 0.45, fromText: true },
      { status: 'blank' },
    ]);
    expect(sheet.rows[0].cells.activityProgress?.numberFormat).toBe('0%');
  });

  it('reads date cells and dates typed as text, day before month', () => {
    expect(sheet.rows.map((r) => okValue(r, 'startDate'))).toEqual(['2025-01-15', '2025-01-15', '2025-03-01', '2025-02-01']);
    expect(sheet.rows.map((r) => okValue(r, 'endDate'))).toEqual(['2025-12-31', '2025-06-30', '2025-03-15', '2025-12-31']);
    expect(sheet.rows[0].cells.startDate?.parsed).toEqual({ status: 'ok', value: '2025-01-15' });
    expect(sheet.rows[1].cells.startDate?.parsed).toEqual({ status: 'ok', value: '2025-01-15', fromText: true });
  });

  it('reads sources, sí/no and tipo de meta as canonical values', () => {
    expect(sheet.rows.map((r) => okValue(r, 'source'))).toEqual(['SGP Salud', 'Recursos propios', 'Recursos propios', 'SGR']);
    expect(sheet.rows.map((r) => okValue(r, 'needsContract'))).toEqual([true, false, true, true]);
    expect(sheet.rows.map((r) => okValue(r, 'goalType'))).toEqual(['Producto', 'Producto', 'Producto', 'Gestión']);
    expect(okValue(sheet.rows[3], 'accumulation')).toBe('creciente');
  });

  it('keeps a formula error where it stands and lists it', () => {
    expect(sheet.rows[2].cells.amount?.parsed).toEqual({ status: 'error', code: '#DIV/0!' });
    expect(sheet.errorCells).toEqual([{ row: 10, col: 19, code: '#DIV/0!', field: 'amount' }]);
  });

  it('reads the same file the same way through readWorkbook', async () => {
    const wb = await gridsOf([{ name: 'PE-F-012', rows: planRows(), merges: ['I6:L6', ...goalMerges] }], 'plan.xlsx');
    const read = readWorkbook(wb);
    expect(read.name).toBe('plan.xlsx');
    expect(read.unknown).toEqual([]);
    expect(read.sheets.map((s) => [s.name, s.kind, s.firstHeaderRow, s.headerRow])).toEqual([['PE-F-012', 'plan-accion', 6, 7]]);
  });
});
