/**
 * The readings a «Consolidado» keeps in the registry (`domain/consolidated.ts`): a consolidation of
 * many units' files outgrows one cell (32,767 characters), so the entry goes on in `hoja+` rows and
 * comes back whole; an entry whose readings are damaged is read without them (the sheet is then
 * read by its headers, as before), never half.
 */
import { MAX_CELL_CHARS, parseRegistry, registryValues, type GeneratedEntry } from '../../src/app/registry';
import { originReadingOf, type OriginReading } from '../../src/domain/consolidated';
import { readWorkbook } from '../../src/domain/reader';
import { isGoalSheet } from '../../src/domain/sheet';

/** A capture sheet read by the reader, with its title block and a few goals. */
function readCapture(unit: string) {
  const header = ['Código meta producto', 'Meta de producto', 'Dependencia', 'Meta vigencia', 'Programado T1', 'Programado T2', 'Ejecutado T1', 'Ejecutado T2', 'Análisis del avance'];
  const values = [
    ['Alcaldía de Ejemplo'],
    [`Dependencia: ${unit}`],
    ['Vigencia: 2025', null, 'Fecha de corte: 30/06/2025'],
    header,
    ['1905021', 'Vacunar niños', unit, 100, 25, 25, 20, 30, 'Va bien'],
  ];
  const wb = readWorkbook({ name: `${unit}.xlsx`, sheets: [{ name: 'HC T2', values, merges: [] }] });
  const sheet = wb.sheets.find(isGoalSheet);
  if (!sheet) throw new Error('no capture sheet');
  return sheet;
}

it('the readings of 40 units go on in hoja+ rows and come back whole', () => {
  const sheet = readCapture('Secretaría de Salud');
  const origins: OriginReading[] = [];
  for (let k = 0; k < 40; k++) {
    // Each origin's notes as long as a real format's (year blocks, periods, mapping).
    const long = { ...sheet, notes: [...(sheet.notes ?? []), 'x'.repeat(900)] };
    origins.push(originReadingOf(`unidad-${k}.xlsx`, long, origins));
  }
  const entry: GeneratedEntry = { type: 'hoja', sheet: 'Consolidado', ref: '_tablero_pdm_h1', kind: 'consolidado', generatedAt: '2025-07-10T09:00', origins };
  const rows = registryValues({ entries: [entry] });
  const types = rows.slice(2).map((r) => r[0]);
  expect(types[0]).toBe('hoja');
  expect(types.filter((t) => t === 'hoja+').length).toBeGreaterThan(0);
  expect(rows.every((r) => r.every((c) => c.length <= MAX_CELL_CHARS))).toBe(true);
  expect(parseRegistry(rows).entries).toEqual([JSON.parse(JSON.stringify(entry))]);
});

it('an entry whose readings are damaged is kept without them', () => {
  const sheet = readCapture('Secretaría de Educación');
  const good = originReadingOf('educacion.xlsx', sheet, []);
  const damaged = { ...good, facts: { ...good.facts, periodKind: 'semana' } };
  const rows = [
    ['título'],
    ['Tipo', 'Hoja', 'Referencia', 'Datos'],
    ['hoja', 'Consolidado', '_tablero_pdm_h1', JSON.stringify({ kind: 'consolidado', generatedAt: 'x', origins: [good, damaged] })],
  ];
  expect(parseRegistry(rows).entries).toEqual([{ type: 'hoja', sheet: 'Consolidado', ref: '_tablero_pdm_h1', kind: 'consolidado', generatedAt: 'x' }]);
});
