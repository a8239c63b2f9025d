import { gridsOf, type CellInput } from '../helpers/xlsx';
import { readSheet, readWorkbook } from '../../src/domain/reader';
import type { ReadSheet, UnknownSheet } from '../../src/domain/sheet';
import { okNumber, okValue } from '../../src/domain/sheet';

function asRead(s: ReadSheet | UnknownSheet): ReadSheet {
  if (!('kind' in s)) throw new Error(s.reason);
  return s;
}

const nulls = (n: number): null[] => new Array(n).fill(null);

/** A quarterly capture sheet: title block, group row over T1…T4 not merged down, text numbers. */
function captureRows(): CellInput[][] {
  return [
    ['GOBERNACIÓN DE NARIÑO'],
    ['HOJA DE CAPTURA - SEGUIMIENTO AL PLAN DE DESARROLLO'],
    ['Vigencia 2025'],
    ['Fecha de corte: 30/06/2025'],
    ['Dependencia', null, 'Secretaría de Educación'],
    [],
    [
      'Código meta', 'Meta', 'Dependencia', 'Tipo de acumulación', 'Línea base', 'Meta 2025',
      'PROGRAMACIÓN', null, null, null, 'AVANCE', null, null, null,
      'Ejecutado acumulado', '% avance', 'Estado', 'Observaciones', 'Notas internas',
    ],
    [...nulls(6), 'T1', 'T2', 'T3', 'T4', 'T1', 'T2', 'T3', 'T4'],
    ['GOB-01', 'Aulas construidas', 'Educación', 'Suma', null, '10', 2, 3, 3, 2, '2', '3,5', null, null, '5,5', 0.55, null, 'Avance normal', { error: '#REF!' }],
    ['GOB-02', 'Docentes formados', 'Educación', 'Creciente', 100, 200, 120, 150, 180, 200, 130, 'mucho', null, null, '1.234', 55, 'Activa', 'Sin novedad'],
    [],
    ['GOB-03', 'Meta retirada', 'Educación', 'Constante', null, 50, 50, 50, 50, 50, { error: '#N/A' }, null, null, null, null, '0 %', 'Meta eliminada', 'Se eliminó por ajuste'],
    ['Total metas', null, null, null, null, 260, ...nulls(12), 'x'],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'Nota al pie sin meta'],
  ];
}

describe('reading a hoja de captura with a two-row header', () => {
  let sheet: ReadSheet;
  beforeAll(async () => {
    const wb = await gridsOf([
      {
        name: 'HC T2',
        rows: captureRows(),
        merges: ['A1:S1', 'G7:J7', 'K7:N7'],
        formats: { P9: '0%' },
      },
    ]);
    sheet = asRead(readSheet(wb.sheets[0]));
  });

  it('finds the kind and both header rows', () => {
    expect(sheet.kind).toBe('hoja-captura');
    expect([sheet.firstHeaderRow, sheet.headerRow, sheet.headerCol]).toEqual([7, 8, 1]);
    expect(sheet.missing).toEqual([]);
  });

  it('names period columns by group and sub-header', () => {
    expect(sheet.columns).toMatchObject({
      goalCode: 1, goal: 2, unit: 3, accumulation: 4, baseline: 5, yearGoal: 6,
      planned1: 7, planned2: 8, planned3: 9, planned4: 10,
      executed1: 11, executed2: 12, executed3: 13, executed4: 14,
      executedTotal: 15, progressDeclared: 16, goalState: 17, analysis: 18,
    });
    expect(Object.keys(sheet.columns)).toHaveLength(18);
    expect(sheet.headers.executed2).toBe('AVANCE T2');
  });

  it('reads vigencia, fecha de corte, entity and unit from the title block', () => {
    expect(sheet.vigencia).toBe(2025);
    expect(sheet.cutoff).toBe('2025-06-30');
    expect(sheet.title).toEqual({ entity: 'GOBERNACIÓN DE NARIÑO', unit: 'Secretaría de Educación' });
  });

  it('skips blank rows, the totals row and rows with no required cell', () => {
    expect(sheet.rows.map((r) => r.row)).toEqual([9, 10, 12]);
  });

  it('reads executed values typed as text and keeps text that is no number', () => {
    const [g1, g2] = sheet.rows;
    expect(g1.cells.executed1?.parsed).toEqual({ status: 'ok', value: 2, fromText: true });
    expect(g1.cells.executed2?.parsed).toEqual({ status: 'ok', value: 3.5, fromText: true });
    expect(g1.cells.executed3?.parsed).toEqual({ status: 'blank' });
    expect(g1.cells.executedTotal?.parsed).toEqual({ status: 'ok', value: 5.5, fromText: true });
    expect(g2.cells.executed2?.parsed).toEqual({ status: 'invalid', text: 'mucho' });
    expect(g2.cells.executedTotal?.parsed).toEqual({ status: 'ok', value: 1234, fromText: true });
    expect(okNumber(g2, 'baseline')).toBe(100);
    expect(g1.cells.baseline?.parsed).toEqual({ status: 'blank' });
  });

  it('reads % avance with a % format as a fraction, without it as points', () => {
    expect(sheet.rows.map((r) => r.cells.progressDeclared?.parsed)).toEqual([
      { status: 'ok', value: 0.55 },
      { status: 'ok', value: 0.55 },
      { status: 'ok', value: 0, fromText: true },
    ]);
  });

  it('reads the goal state', () => {
    expect(sheet.rows.map((r) => r.cells.goalState?.parsed)).toEqual([
      { status: 'blank' },
      { status: 'ok', value: 'activa' },
      { status: 'ok', value: 'eliminada' },
    ]);
  });

  it('lists formula errors in known and unknown columns', () => {
    expect(sheet.errorCells).toEqual([
      { row: 9, col: 19, code: '#REF!' },
      { row: 12, col: 11, code: '#N/A', field: 'executed1' },
    ]);
    expect(sheet.rows[2].cells.executed1?.parsed).toEqual({ status: 'error', code: '#N/A' });
  });
});

describe('reading a monthly hoja de captura', () => {
  const months = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'];
  const full = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];

  it('reads month columns as periods 1 to 12', async () => {
    const wb = await gridsOf([
      {
        name: 'Seguimiento mensual',
        rows: [
          ['Código meta', 'Meta', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', ...months.map((m) => `Programado ${m}`), ...full.map((m) => `Ejecutado ${m}`)],
          ['M-01', 'Kilómetros de vía mantenidos', 'Infraestructura', 'Suma', 120, ...new Array(12).fill(10), 8, 9, '10,5', ...nulls(9)],
        ],
      },
    ]);
    const sheet = asRead(readSheet(wb.sheets[0]));
    expect(sheet.kind).toBe('hoja-captura');
    expect(sheet.periodKind).toBe('month');
    expect(sheet.periodCount).toBe(12);
    expect(sheet.columns.planned1).toBe(6);
    expect(sheet.columns.planned12).toBe(17);
    expect(sheet.columns.executed1).toBe(18);
    expect(sheet.columns.executed12).toBe(29);
    expect(sheet.headers.executed9).toBe('Ejecutado Septiembre');
    const [row] = sheet.rows;
    expect([1, 2, 3, 4].map((k) => row.cells[`executed${k}`]?.parsed)).toEqual([
      { status: 'ok', value: 8 },
      { status: 'ok', value: 9 },
      { status: 'ok', value: 10.5, fromText: true },
      { status: 'blank' },
    ]);
    expect(sheet.vigencia).toBeUndefined();
    expect(sheet.title).toEqual({});
  });
});

describe('reading a Bogotá plan de gestión', () => {
  it('reads Proceso, Tipo de programación and Magnitud as a capture sheet', async () => {
    const wb = await gridsOf([
      {
        name: 'Plan de gestión',
        rows: [
          ['SECRETARÍA DISTRITAL DE PLANEACIÓN'],
          ['PLAN DE GESTIÓN - PLE-PIN-F017'],
          ['Vigencia: 2025'],
          [],
          ['Proceso', 'Meta', 'Tipo de programación', 'Magnitud', 'Programación T1', 'Programación T2', 'Programación T3', 'Programación T4', 'Ejecución T1', 'Ejecución T2', 'Ejecución T3', 'Ejecución T4', 'Numerador', 'Denominador', 'Análisis'],
          ['Direccionamiento estratégico', 'Formular 4 lineamientos', 'Suma', 4, 1, 1, 1, 1, 1, 1, null, null, null, null, 'Cumplido'],
          ['Gestión financiera', 'Mantener el 100 % de pagos a tiempo', 'Constante', '100', 100, 100, 100, 100, 98, '99,5', null, null, 995, 1000, 'En curso'],
        ],
      },
    ]);
    const sheet = asRead(readSheet(wb.sheets[0]));
    expect(sheet.kind).toBe('hoja-captura');
    expect(sheet.headerRow).toBe(5);
    expect(sheet.missing).toEqual(['goalCode']);
    expect(sheet.title).toEqual({ entity: 'SECRETARÍA DISTRITAL DE PLANEACIÓN' });
    expect(sheet.vigencia).toBe(2025);
    expect(sheet.rows.map((r) => [okValue(r, 'unit'), okValue(r, 'accumulation'), okValue(r, 'yearGoal')])).toEqual([
      ['Direccionamiento estratégico', 'suma', 4],
      ['Gestión financiera', 'constante', 100],
    ]);
    expect(sheet.rows[1].cells.executed2?.parsed).toEqual({ status: 'ok', value: 99.5, fromText: true });
    expect(okNumber(sheet.rows[1], 'numerator')).toBe(995);
  });

  it('reads quarter groups over Programado / Ejecutado sub-columns (Alcaldía local)', async () => {
    const wb = await gridsOf([
      {
        name: 'PG Usme',
        rows: [
          ['ALCALDÍA LOCAL DE USME'],
          ['Alcaldía local', 'Código meta', 'Meta', 'Tipo de programación', 'Magnitud', 'I TRIMESTRE', null, 'II TRIMESTRE', null],
          [null, null, null, null, null, 'Programado', 'Ejecutado', 'Programado', 'Ejecutado'],
          ['Usme', 'PG-01', 'Atender 200 solicitudes', 'Suma', 200, 50, 48, 50, null],
        ],
        merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:G2', 'H2:I2'],
      },
    ]);
    const sheet = asRead(readSheet(wb.sheets[0]));
    expect(sheet.kind).toBe('hoja-captura');
    expect([sheet.firstHeaderRow, sheet.headerRow]).toEqual([2, 3]);
    expect(sheet.columns).toEqual({ unit: 1, goalCode: 2, goal: 3, accumulation: 4, yearGoal: 5, planned1: 6, executed1: 7, planned2: 8, executed2: 9 });
    expect(sheet.title.entity).toBe('ALCALDÍA LOCAL DE USME');
    expect(sheet.rows).toHaveLength(1);
    expect(okNumber(sheet.rows[0], 'executed1')).toBe(48);
  });
});

describe('hidden capture sheets', () => {
  it('are listed, not read, unless asked', async () => {
    const wb = await gridsOf([
      { name: 'Visible', rows: [['Código meta', 'Meta', 'Dependencia', 'Ejecutado T1'], ['A-1', 'Meta A', 'Salud', 1]] },
      { name: 'Oculta', state: 'hidden', rows: [['Código meta', 'Meta', 'Dependencia', 'Ejecutado T1'], ['B-1', 'Meta B', 'Salud', 2]] },
    ]);
    const read = readWorkbook(wb);
    expect(read.sheets.map((s) => s.name)).toEqual(['Visible']);
    expect(read.hidden).toEqual([{ name: 'Oculta', reason: 'oculta' }]);
  });

  it('are read like any other, with their visibility, when asked', async () => {
    const wb = await gridsOf([
      { name: 'Visible', rows: [['Código meta', 'Meta', 'Dependencia', 'Ejecutado T1'], ['A-1', 'Meta A', 'Salud', 1]] },
      { name: 'Oculta', state: 'hidden', rows: [['Código meta', 'Meta', 'Dependencia', 'Ejecutado T1'], ['B-1', 'Meta B', 'Salud', 2]] },
    ]);
    const read = readWorkbook(wb, { includeHidden: true });
    expect(read.sheets.map((s) => [s.name, s.visibility, s.rows.length])).toEqual([
      ['Visible', 'visible', 1],
      ['Oculta', 'hidden', 1],
    ]);
    expect(read.sheets[1].missing).toEqual(['accumulation', 'yearGoal']);
  });
});
