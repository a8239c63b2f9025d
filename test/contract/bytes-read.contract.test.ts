/**
 * Contract: the pane's reader of picked files (`src/xlsx/bytes-read.ts`: no exceljs, no Node)
 * gives the same grids as the command line's (`loadWorkbook` + `gridsOfWorkbook`, exceljs) on
 * every example, fixture and real layout, and on workbooks written the way other tools do (dates
 * in both systems, formulas, rich text, merges, hidden sheets, inline strings).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { guardXlsxBytes } from '../../src/app/guard';
import type { WorkbookGrids } from '../../src/domain/grid';
import { buildXlsx } from '../helpers/xlsx';
import { captureSheet, d } from '../helpers/sheets';

const root = path.resolve(__dirname, '..', '..');
const REAL = path.resolve(root, '..', 'shared', 'real-layouts');

/** Plain comparable form: only cells that hold something, dates as ISO text. */
function comparable(g: WorkbookGrids) {
  return g.sheets.map((s) => {
    const cells: Record<string, unknown> = {};
    s.values.forEach((row, r) =>
      (row ?? []).forEach((v, c) => {
        if (v === null || v === undefined) return;
        cells[`${r + 1},${c + 1}`] = [v instanceof Date ? `date:${v.toISOString()}` : v, s.numberFormats?.[r]?.[c] ?? null];
      }),
    );
    const merges = [...s.merges].map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
    return { name: s.name, visibility: s.visibility, merges, cells };
  });
}

async function expectSameGrids(bytes: Buffer): Promise<void> {
  const cli = gridsOfWorkbook(await loadWorkbook(bytes), 'libro.xlsx');
  const pane = await readXlsxGrids(new Uint8Array(bytes), 'libro.xlsx');
  expect(comparable(pane)).toEqual(comparable(cli));
}

const files = [
  ...readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(root, 'examples', f)),
  ...readdirSync(path.join(root, 'test', 'fixtures')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(root, 'test', 'fixtures', f)),
  ...readdirSync(REAL).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(REAL, f)),
];

describe('the pane reader and the command line reader give the same grids', () => {
  test.each(files.map((f) => [path.relative(path.resolve(root, '..'), f), f]))('%s', async (_, file) => {
    const bytes = readFileSync(file);
    expect((await guardXlsxBytes(bytes)).ok).toBe(true);
    await expectSameGrids(bytes);
  });

  test('a capture sheet with text numbers, dates, errors and merges', async () => {
    await expectSameGrids(
      await buildXlsx([
        captureSheet([
          { goalCode: '1905021', goal: 'Vacunar  niños & niñas', unit: 'Salud', yearGoal: '10', planned: [2, 2, 3, 3], executed: [1, d('2025-06-30'), null, null] },
          { goalCode: '1905022', goal: 'Meta <dos>', unit: 'Salud', yearGoal: 5, planned: [{ error: '#DIV/0!' }, 1, 1, 1], executed: [3, { formula: '1+1', result: 2 }, null, null] },
        ]),
      ]),
    );
  });

  test('formulas with cached results, rich text, inline strings, hidden sheets and the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Datos');
    ws.getCell('A1').value = { richText: [{ text: 'Secretaría ' }, { font: { bold: true }, text: 'de Salud' }] };
    ws.getCell('B1').value = { formula: 'C1*2', result: 8 };
    ws.getCell('C1').value = 4;
    ws.getCell('D1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2025, 5, 30)) };
    ws.getCell('D1').numFmt = 'dd/mm/yyyy';
    ws.getCell('E1').value = { formula: 'A1&""', result: 'texto' };
    ws.getCell('F1').value = 0.75;
    ws.getCell('F1').numFmt = '0%';
    ws.getCell('G1').value = true;
    ws.getCell('A3').value = 'combinada';
    ws.mergeCells('A3:C4');
    ws.getCell('H1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const hidden = wb.addWorksheet('Oculta', { state: 'hidden' });
    hidden.getCell('A1').value = new Date(Date.UTC(2024, 1, 29));
    wb.addWorksheet('Muy oculta', { state: 'veryHidden' }).getCell('B2').value = 'x';
    await expectSameGrids(Buffer.from(await wb.xlsx.writeBuffer()));
  });
});
