/**
 * Excel's 32,767-character cell limit (issue 12, defect 8): a unit that types pages into one cell
 * (an analysis, a "number") and keeps a long note of its own on a marked cell. Every text the
 * product writes — generated cells, notes, registry cells — stays within the limit, on both copy
 * paths of `generar` and on the Excel host; the person's own cells are untouched; and clearing the
 * marks gives the person's long note back byte for byte (the registry splits it over rows).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { examples, tablero, tempDir } from '../cli/io';
import { generateCopy } from '../../src/xlsx/generate';
import { clearMarks, noteTextOf } from '../../src/xlsx/marks';
import { gridsOfWorkbook, plainValue } from '../../src/xlsx/read';
import { generate, prepare } from '../../src/app/generate';
import { MAX_CELL_CHARS, parseRegistry, REGISTRY_SHEET, registryValues } from '../../src/app/registry';
import { hostOn } from '../excel-double/harness';
import { unkey } from '../excel-double/state';
import { doubleFromWorkbook, workbookOf } from '../contract/hosts';

const { dir, cleanup } = tempDir('tablero-limit-');
afterAll(cleanup);

const SHEET = 'HC T2';
/** Ejecutado T2 and Análisis del avance of the first goal of the example capture sheet. */
const NUMBER_CELL = 'N9';
const ANALYSIS_CELL = 'W9';
// Pages of text with accents, line breaks, spaces at the ends of the split pieces and an emoji
// (a surrogate pair a split must not cut).
const page = 'Se realizaron jornadas de vacunación casa a casa 😀 en las comunas\n  ';
const long = (n: number, lead: string) => (lead + page.repeat(Math.ceil(n / page.length))).slice(0, n);
const analysis = long(33_000, 'Análisis: ');
const typedNumber = long(33_000, 'Avance: ');
const personNote = long(33_000, 'Nota de la unidad: ');

/** The example capture sheet with the long texts and the person's long note, as a real .xlsx. */
async function hostileCapture(): Promise<{ file: string; bytes: Buffer }> {
  const wb = await workbookOf(readFileSync(examples.capture));
  const ws = wb.getWorksheet(SHEET)!;
  ws.getCell(ANALYSIS_CELL).value = analysis;
  ws.getCell(NUMBER_CELL).value = typedNumber;
  ws.getCell(NUMBER_CELL).note = personNote;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const file = path.join(dir, 'captura-larga.xlsx');
  writeFileSync(file, bytes);
  return { file, bytes };
}

/** Every text of a workbook longer than Excel's cell: `sheet!cell (what, length)`. */
function overLimit(wb: ExcelJS.Workbook, personSheets: ReadonlySet<string>): string[] {
  const over: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const note = noteTextOf(cell.note);
        if (note !== null && note.length > MAX_CELL_CHARS) over.push(`${ws.name}!${cell.address} (nota, ${note.length})`);
        if (personSheets.has(ws.name)) return; // the person's own cells are theirs, untouched
        const v = plainValue(cell.value);
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) over.push(`${ws.name}!${cell.address} (${v.length})`);
      }),
    );
  }
  return over;
}

describe('Excel cell limit (32,767 characters)', () => {
  test.each([
    ['exceljs model', undefined],
    ['package-level copy', 100],
  ] as const)('generar (%s): no generated cell, note or registry cell over the limit; clearing restores the long note exactly', async (_label, maxCells) => {
    const { file } = await hostileCapture();
    const out = path.join(dir, `salida-${maxCells ?? 'modelo'}.xlsx`);
    const r = await tablero(['generar', file, '-o', out], dir, maxCells ? { deps: { generateCopy: (req, p) => generateCopy(req, p, maxCells) } } : {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const wb = await workbookOf(readFileSync(out));
    expect(overLimit(wb, new Set(['PE-F-012', SHEET]))).toEqual([]);
    // The person's own cells keep every character.
    const ws = wb.getWorksheet(SHEET)!;
    expect(plainValue(ws.getCell(ANALYSIS_CELL).value)).toBe(analysis);
    expect(plainValue(ws.getCell(NUMBER_CELL).value)).toBe(typedNumber);
    // The long value is quoted shortened, and the message says so.
    const note = noteTextOf(ws.getCell(NUMBER_CELL).note)!;
    expect(note).toMatch(/^Tablero PDM\n/);
    expect(note).toMatch(/…» \(valor recortado; tiene 33\.000 caracteres\)/);
    expect(note).toContain('Nota anterior:\nNota de la unidad: ');
    expect(note).toContain('[nota anterior recortada aquí; vuelve completa con «Limpiar marcas»]');
    // The registry keeps the whole note, split over rows.
    const regRows = wb.getWorksheet(REGISTRY_SHEET)!.getSheetValues().filter(Boolean) as unknown[][];
    expect(regRows.some((row) => row[1] === 'nota+' && row[3] === NUMBER_CELL)).toBe(true);

    // "Limpiar marcas" on the saved copy: the person's note comes back byte for byte.
    expect(clearMarks(wb)).toBeGreaterThan(0);
    const cleared = await workbookOf(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noteTextOf(cleared.getWorksheet(SHEET)!.getCell(NUMBER_CELL).note)).toBe(personNote);
    expect(cleared.getWorksheet(REGISTRY_SHEET)?.getSheetValues().some((row) => Array.isArray(row) && row[1] === 'nota')).toBeFalsy();
  }, 120_000);

  test('Excel host (the double refuses a value over the limit): marks and registry fit, clearing restores the note', async () => {
    const { bytes } = await hostileCapture();
    const wb = await workbookOf(bytes);
    const { workbook, options } = prepare(gridsOfWorkbook(wb, 'x.xlsx'), [], { cutoff: '2025-06-30' }, '2025-07-10');
    const gen = generate({ workbook, options, workbookName: 'x.xlsx', generatedAt: '2025-07-10T09:30' });
    const xl = doubleFromWorkbook(wb);
    const host = hostOn(xl);
    await host.applyMarkPlan(gen.marks);

    const notes = xl.sheet(SHEET).notes;
    expect(notes.get(NUMBER_CELL)).toMatch(/valor recortado/);
    for (const [cell, text] of notes) expect([cell, text.length <= MAX_CELL_CHARS]).toEqual([cell, true]);
    const rows: (string | number | boolean | null)[][] = [];
    for (const [k, c] of xl.sheet(REGISTRY_SHEET).cells) {
      const { row, col } = unkey(k);
      (rows[row - 1] ??= [])[col - 1] = c.v;
      if (typeof c.v === 'string') expect(c.v.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    }
    const note = parseRegistry(rows).entries.find((e) => e.type === 'nota' && e.cell === NUMBER_CELL);
    expect(note).toMatchObject({ original: personNote });

    // The generated sheets rendered on the Excel host fit too (the double refuses longer values).
    await host.renderSheets(gen.sheets, undefined, undefined, '2025-07-10T09:30');

    await host.clearMarks();
    expect(xl.sheet(SHEET).notes.get(NUMBER_CELL)).toBe(personNote);
  }, 120_000);

  test('the registry round trip: a split note is read back whole, a short one stays one row', () => {
    const entries = [
      { type: 'nota' as const, sheet: 'H', cell: 'A1', original: personNote, mark: 'Tablero PDM\nx' },
      { type: 'nota' as const, sheet: 'H', cell: 'B2', original: null, mark: 'corta' },
    ];
    const rows = registryValues({ entries });
    expect(rows.map((r) => r[0])).toEqual(['Tablero PDM — registro interno (hojas generadas y notas originales). No modifique esta hoja.', 'Tipo', 'nota', 'nota+', 'nota']);
    for (const r of rows) for (const v of r) expect(v.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(parseRegistry(rows).entries).toEqual(entries);
  });
});
