/**
 * The reader with a mapping (domain/mapping.ts, real-formats.md "Seeing and correcting the
 * reading"): a sheet no kind qualifies for is read where the mapping says; sheets are found by
 * name, without case, or by a `*` pattern; a column by its header text or its letter; two
 * columns with the same header are a problem that names both letters.
 */
import type { Grid } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/reader';
import type { WorkbookMapping } from '../../src/domain/mapping';

function grid(name: string, headerRow: number, header: string[], rows: (string | number | null)[][]): Grid {
  const values: (string | number | null)[][] = [];
  values[0] = ['Secretaría de Salud — seguimiento'];
  for (let i = 1; i < headerRow - 1; i++) values[i] = [];
  values[headerRow - 1] = header;
  rows.forEach((r, k) => (values[headerRow + k] = r));
  return { name, values, merges: [] };
}

// Words no alias knows: the general matcher cannot tell what this sheet is.
const header = ['Id', 'Qué', 'Quién', 'Cómo suma', 'Cuánto', 'Hecho 1', 'Hecho 2', 'Hecho 3', 'Hecho 4', 'L.B', 'L.B'];
const rows = [
  ['1905021', 'Vacunar niños', 'Salud', 'Suma', 100, 20, 30, null, null, 5, 6],
  ['1905031', 'Puntos de atención', 'Salud', 'Constante', 12, 12, 12, null, null, 10, 10],
];
const full: WorkbookMapping['hojas'][string] = {
  tipo: 'hoja-captura',
  filaEncabezado: 14,
  vigencia: 2025,
  columnas: { goalCode: 'Id', goal: 'qué', unit: 'QUIEN', accumulation: 'Cómo suma', yearGoal: 'Cuánto', executed1: 'Hecho 1', executed2: 'Hecho 2', executed3: 'Hecho 3', executed4: 'I' },
};

describe('the reader with a mapping', () => {
  const sheet = grid('Seguimiento Salud', 14, header, rows);

  it('without one, the sheet is not recognised', () => {
    const wb = readWorkbook({ name: 'x.xlsx', sheets: [sheet] });
    expect(wb.sheets).toEqual([]);
    expect(wb.unknown.map((u) => u.name)).toEqual(['Seguimiento Salud']);
  });

  it('reads it as the kind, header row and columns the mapping gives (text without case or accents, or a letter)', () => {
    const wb = readWorkbook({ name: 'x.xlsx', sheets: [sheet] }, { mapping: { hojas: { 'Seguimiento Salud': full } } });
    expect(wb.mappingProblems).toBeUndefined();
    const [s] = wb.sheets;
    expect(s).toMatchObject({ kind: 'hoja-captura', headerRow: 14, vigencia: 2025, missing: [] });
    expect(s.columns).toMatchObject({ goalCode: 1, goal: 2, unit: 3, accumulation: 4, yearGoal: 5, executed1: 6, executed4: 9 });
    expect(s.mapped).toHaveLength(9);
    expect(s.rows.map((r) => r.cells.goalCode?.raw)).toEqual(['1905021', '1905031']);
    expect(s.rows[0].cells.accumulation?.parsed).toEqual({ status: 'ok', value: 'suma' });
    expect(s.notes).toContain('Se aplicó el mapa de columnas («Seguimiento Salud»): tipo hoja de captura, encabezado en la fila 14, vigencia 2025, 9 columnas.');
  });

  it('finds the header row by the mapping’s column headers when it does not say it', () => {
    const { filaEncabezado: _row, ...noRow } = full;
    const wb = readWorkbook({ name: 'x.xlsx', sheets: [sheet] }, { mapping: { hojas: { 'seguimiento salud': noRow } } });
    expect(wb.sheets[0]).toMatchObject({ name: 'Seguimiento Salud', headerRow: 14, missing: [] });
  });

  it('a `*` pattern names every sheet it matches', () => {
    const other = grid('Seguimiento Cultura', 14, header, rows);
    const wb = readWorkbook({ name: 'x.xlsx', sheets: [sheet, other] }, { mapping: { hojas: { 'Seguimiento *': full } } });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Seguimiento Salud', 'Seguimiento Cultura']);
    expect(wb.mappingProblems).toBeUndefined();
  });

  it('two columns with the same header: a problem naming both letters', () => {
    const m = { ...full, columnas: { ...full.columnas, baseline: 'L.B' } };
    const wb = readWorkbook({ name: 'x.xlsx', sheets: [sheet] }, { mapping: { hojas: { 'Seguimiento Salud': m } } });
    expect(wb.mappingProblems).toEqual([
      'En la hoja «Seguimiento Salud» hay 2 columnas «L.B» (J, K): indique en el mapa la letra de la que es «Línea base» (baseline).',
    ]);
    const byLetter = readWorkbook({ name: 'x.xlsx', sheets: [sheet] }, { mapping: { hojas: { 'Seguimiento Salud': { ...full, columnas: { ...full.columnas, baseline: 'K' } } } } });
    expect(byLetter.sheets[0].columns.baseline).toBe(11);
  });

  it('a header row the sheet does not have is a problem', () => {
    const wb = readWorkbook({ name: 'x.xlsx', sheets: [sheet] }, { mapping: { hojas: { 'Seguimiento Salud': { ...full, filaEncabezado: 40 } } } });
    expect(wb.mappingProblems).toEqual(['En la hoja «Seguimiento Salud» la fila de encabezado 40 del mapa está vacía o fuera de la hoja.']);
  });

  it('a column the mapping gives is taken from the field the matcher read it as', () => {
    const known = grid('HC', 3, ['Código meta producto', 'Meta de producto', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', 'Ejecutado T1', 'Observaciones'], [['1', 'Meta', 'Salud', 'Suma', 4, 1, 'x']]);
    const plain = readWorkbook({ name: 'x.xlsx', sheets: [known] });
    expect(plain.sheets[0].columns.analysis).toBe(7);
    const wb = readWorkbook({ name: 'x.xlsx', sheets: [known] }, { mapping: { hojas: { HC: { columnas: { evidence: 'Observaciones' } } } } });
    expect(wb.sheets[0].columns).toMatchObject({ evidence: 7 });
    expect(wb.sheets[0].columns.analysis).toBeUndefined();
  });
});
