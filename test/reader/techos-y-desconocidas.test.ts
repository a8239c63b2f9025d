import { gridsOf } from '../helpers/xlsx';
import { readSheet, readWorkbook } from '../../src/domain/reader';
import type { Grid } from '../../src/domain/grid';
import type { ReadSheet, UnknownSheet } from '../../src/domain/sheet';
import { okValue } from '../../src/domain/sheet';
import { toExcelSerial } from '../../src/domain/dates';

function asRead(s: ReadSheet | UnknownSheet): ReadSheet {
  if (!('kind' in s)) throw new Error(s.reason);
  return s;
}

const techosRows = [
  ['TECHOS PRESUPUESTALES VIGENCIA 2026'],
  [],
  ['Código programa', 'Programa', 'Dependencia', 'Fuente', 'Techo presupuestal'],
  [1702, 'Salud pública', 'Salud', 'SGP - Salud', '$ 1.500.000.000'],
  ['0401', 'Gestión catastral', 'Hacienda', 'ICLD', 250000000],
  [2201, 'Calidad educativa', 'Educación', 'Fondo de Desarrollo Local', '12.500.000,75'],
  ['Total', null, null, null, 1750000000],
];

describe('reading techos presupuestales', () => {
  it('reads program code and ceiling, codes typed as numbers and leading zeros', async () => {
    const wb = await gridsOf([{ name: 'Techos', rows: techosRows }]);
    const sheet = asRead(readSheet(wb.sheets[0]));
    expect(sheet.kind).toBe('techos');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.vigencia).toBe(2026);
    expect(sheet.missing).toEqual([]);
    expect(sheet.columns).toEqual({ programCode: 1, program: 2, unit: 3, source: 4, ceiling: 5 });
    expect(sheet.rows.map((r) => [okValue(r, 'programCode'), okValue(r, 'ceiling')])).toEqual([
      ['1702', 1500000000],
      ['0401', 250000000],
      ['2201', 12500000.75],
    ]);
    expect(sheet.rows.map((r) => r.cells.source?.parsed)).toEqual([
      { status: 'ok', value: 'SGP Salud' },
      { status: 'ok', value: 'Recursos propios' },
      { status: 'invalid', text: 'Fondo de Desarrollo Local' },
    ]);
  });

  it('accepts the sources the user added', async () => {
    const wb = await gridsOf([{ name: 'Techos', rows: techosRows }]);
    const read = readWorkbook(wb, { extraSources: ['Fondo de Desarrollo Local'] });
    expect(okValue(read.sheets[0].rows[2], 'source')).toBe('Fondo de Desarrollo Local');
  });
});

describe('sheets the reader does not recognise', () => {
  it('lists them as unknown with a reason in Spanish and reads the rest', async () => {
    const wb = await gridsOf([
      { name: 'Instrucciones', rows: [['Diligencie la hoja de captura antes del 15 de julio.'], ['Use el formato PE-F-012.']] },
      { name: 'Vacía', rows: [] },
      { name: 'Casi', rows: [['Código meta', 'Meta', 'Observaciones'], ['X-1', 'Meta X', 'Nada']] },
      { name: 'HC', rows: [['Código meta', 'Meta', 'Dependencia', 'Avance T1'], ['A-1', 'Meta A', 'Salud', '3']] },
    ]);
    const read = readWorkbook(wb);
    expect(read.sheets.map((s) => s.name)).toEqual(['HC']);
    expect(read.unknown).toEqual([
      { name: 'Instrucciones', reason: 'No se encontró ningún encabezado conocido en las primeras 30 filas.' },
      { name: 'Vacía', reason: 'La hoja está vacía.' },
      {
        name: 'Casi',
        reason: 'No se reconoció el encabezado: la fila 1 coincide con 3 columnas de «Hoja de captura», pero faltan columnas obligatorias (4 de 6).',
      },
    ]);
  });

  it('does not look for a header below row 30', async () => {
    const rows: (string | null)[][] = Array.from({ length: 30 }, (_, i) => [`Nota ${i + 1}`]);
    rows.push(['Código meta', 'Meta', 'Dependencia', 'Ejecutado T1']);
    const wb = await gridsOf([{ name: 'Tarde', rows }]);
    expect('reason' in readSheet(wb.sheets[0])).toBe(true);
  });
});

describe('grids as office-js gives them', () => {
  /** office-js: a used range not starting at A1, error values as strings, dates as serials with a format. */
  const grid: Grid = {
    name: 'HC',
    origin: { row: 3, col: 2 },
    values: [
      ['Código meta', 'Meta', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', 'Ejecutado T1', 'Fecha reporte'],
      ['A-1', 'Meta A', 'Salud', 'Flujo', 10, '#DIV/0!', toExcelSerial('2025-04-15')],
      ['A-2', '#NAME?', 'Salud', 'Stock', 10, 4, null],
    ],
    numberFormats: [[], [null, null, null, null, null, null, 'dd/mm/yyyy']],
    merges: [],
  };

  it('places rows and columns in sheet coordinates and treats error strings as errors', () => {
    const sheet = asRead(readSheet(grid));
    expect([sheet.headerRow, sheet.headerCol]).toEqual([3, 2]);
    expect(sheet.columns.goalCode).toBe(2);
    expect(sheet.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(sheet.rows.map((r) => okValue(r, 'accumulation'))).toEqual(['suma', 'creciente']);
    expect(sheet.errorCells).toEqual([
      { row: 4, col: 7, code: '#DIV/0!', field: 'executed1' },
      { row: 5, col: 3, code: '#NAME?', field: 'goal' },
    ]);
    expect(sheet.visibility).toBe('visible');
  });
});

describe('an unrecognised sheet that looks like data (real-formats.md «Never silent»)', () => {
  const asUnknown = (s: ReadSheet | UnknownSheet): UnknownSheet => {
    if ('kind' in s) throw new Error(`read as ${s.kind}`);
    return s;
  };

  it('a row of titles over rows with numbers: its columns and the required fields not found', async () => {
    const wb = await gridsOf([
      {
        name: 'Avance',
        rows: [
          ['Informe del semestre'],
          ['Identificador', 'Compromiso', 'Área', 'Esperado', 'Logrado'],
          ['A-1', 'Vacunar', 'Salud', 100, 40],
          ['A-2', 'Pavimentar', 'Obras', 12, 3],
          ['A-3', 'Capacitar', 'Educación', 30, 30],
        ],
      },
    ]);
    const u = asUnknown(readSheet(wb.sheets[0]));
    expect(u.data).toEqual({
      headerRow: 2,
      rows: 3,
      kind: 'hoja-captura',
      columns: [
        { col: 1, header: 'Identificador' },
        { col: 2, header: 'Compromiso' },
        { col: 3, header: 'Área' },
        { col: 4, header: 'Esperado' },
        { col: 5, header: 'Logrado' },
      ],
      missing: ['goalCode', 'goal', 'unit', 'accumulation', 'yearGoal', 'executed'],
    });
    expect(u.reason).toMatch(/^Parece una hoja de datos \(títulos en la fila 2, 3 filas debajo\) pero no se leyó/);
  });

  it('lists, instructions and empty sheets are not data', async () => {
    const wb = await gridsOf([
      { name: 'Listas', rows: [['Dependencias', 'Código'], ['Salud', 1], ['Obras', 2], ['Educación', 3]] },
      { name: 'Instrucciones', rows: [['Instrucciones'], ['1. Diligencie cada fila.'], ['2. Envíe el 15 de julio.']] },
      { name: 'Vacía', rows: [] },
      // Titles over rows of text only (a directory of contacts): no figures, not a follow-up.
      { name: 'Contactos', rows: [['Nombre', 'Cargo', 'Correo', 'Teléfono fijo'], ['Ana', 'Enlace', 'a@x.co', 'n/d'], ['Luis', 'Jefe', 'l@x.co', 'n/d']] },
    ]);
    const read = readWorkbook(wb);
    expect(read.unknown.map((u) => [u.name, u.data])).toEqual([
      ['Listas', undefined],
      ['Instrucciones', undefined],
      ['Vacía', undefined],
      ['Contactos', undefined],
    ]);
  });

  it('a hidden one read on request is listed with its reason, not as unread data', async () => {
    const wb = await gridsOf([
      { name: 'Oculta', state: 'hidden', rows: [['Identificador', 'Compromiso', 'Área', 'Esperado', 'Logrado'], ['A-1', 'Vacunar', 'Salud', 100, 40], ['A-2', 'Pavimentar', 'Obras', 12, 3]] },
    ]);
    const read = readWorkbook(wb, { includeHidden: true });
    expect(read.unknown.map((u) => u.name)).toEqual(['Oculta']);
    expect(read.unknown[0].data).toBeUndefined();
  });
});
