/**
 * A text a person typed that spells an XML entity (`&amp;`, `&lt;2025&gt;`) stays what they typed,
 * in what every verb reads and in the copies `generar` and `aprobar` write. Such a text is stored
 * `t="str"` by tools that use no shared strings (and as a formula's cached text by Excel), and
 * exceljs decodes those twice (`&amp;` → `&`): the copy saved from its model would have changed the
 * person's words. The unit's sheet here is the bundled capture sheet saved again that way.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, tablero, tempDir } from '../cli/io';
import { readGridsStreaming } from '../../src/xlsx/stream-read';

const TYPED = 'Meta &amp; ajuste &lt;2025&gt;';
const ROW = 8;
const COL = 5;

/** The bundled capture sheet saved by exceljs's streaming writer (texts `t="str"`), with `TYPED` typed in row 8, column E, and a formula in AE8 whose cached text is TYPED. */
async function captureWithTypedEntities(file: string): Promise<string> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(examples.capture);
  const sheet = src.worksheets[0];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const out = wb.addWorksheet(sheet.name);
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const values: ExcelJS.CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      values[c - 1] = cell.value;
    });
    if (r === ROW) {
      values[COL - 1] = TYPED;
      values[30] = { formula: `E${ROW}&""`, result: TYPED };
    }
    out.addRow(values).commit();
  });
  out.commit();
  await wb.commit();
  return sheet.name;
}

async function sheetXml(file: string, part = 'xl/worksheets/sheet1.xml'): Promise<string> {
  return (await (await JSZip.loadAsync(readFileSync(file))).file(part)?.async('string')) ?? '';
}

/** The text at row/column of sheet `name` in an .xlsx, read by the cell scanner (its own test: stream-read.test.ts). */
async function textAt(file: string, name: string, row: number, col: number): Promise<unknown> {
  const grids = await readGridsStreaming(readFileSync(file), path.basename(file));
  return grids.sheets.find((s) => s.name === name)?.values[row - 1]?.[col - 1];
}

describe('a typed text that spells an entity stays what was typed', () => {
  const tmp = tempDir('tablero-entities-');
  const input = path.join(tmp.dir, 'captura-str.xlsx');
  let sheetName = '';
  beforeAll(async () => {
    sheetName = await captureWithTypedEntities(input);
  });
  afterAll(() => tmp.cleanup());

  it('the input holds the typed text as `t="str"` with its entities escaped once more', async () => {
    const xml = await sheetXml(input);
    expect(xml).toContain(`<c r="E${ROW}" t="str"><v>Meta &amp;amp; ajuste &amp;lt;2025&amp;gt;</v></c>`);
    expect(await textAt(input, sheetName, ROW, COL)).toBe(TYPED);
    expect(await textAt(input, sheetName, ROW, 31)).toBe(TYPED);
  });

  it('generar: the copy keeps the typed text and the formula\'s cached text', async () => {
    const out = path.join(tmp.dir, 'generado.xlsx');
    const r = await tablero(['generar', input, '-o', out], tmp.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await textAt(out, sheetName, ROW, COL)).toBe(TYPED);
    expect(await textAt(out, sheetName, ROW, 31)).toBe(TYPED);
    // and exceljs, reading the copy (shared strings, which it decodes once), agrees.
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet(sheetName)?.getCell(ROW, COL).value).toBe(TYPED);
  });

  it('aprobar: the approved plan\'s copy keeps the typed text', async () => {
    const out = path.join(tmp.dir, 'aprobado.xlsx');
    const r = await tablero(['aprobar', input, '--fecha', '2025-07-01', '--acta', 'Acta 7 & anexo', '-o', out], tmp.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await textAt(out, sheetName, ROW, COL)).toBe(TYPED);
  });

  it('a filled-down (shared) formula\'s cached text is put back too, in generar\'s copy', async () => {
    // exceljs's whole writer: typed texts in shared strings (decoded once), formula texts `t="str"`;
    // AE9 is the shared formula of AE8 (`<f t="shared" si="0"/>`), its cached text TYPED escaped once more.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(examples.capture);
    const ws = book.worksheets[0];
    // exceljs reads `shareType` and `ref` on a shared formula's master; its types leave them out.
    const master = { formula: `E${ROW}&""`, result: TYPED, shareType: 'shared', ref: `AE${ROW}:AE${ROW + 1}` };
    ws.getCell(ROW, 31).value = master as ExcelJS.CellFormulaValue;
    ws.getCell(ROW + 1, 31).value = { sharedFormula: `AE${ROW}`, result: TYPED };
    const file = path.join(tmp.dir, 'compartida.xlsx');
    await book.xlsx.writeFile(file);
    expect(await sheetXml(file)).toContain(`<c r="AE${ROW + 1}" t="str"><f t="shared" si="0"/><v>Meta &amp;amp; ajuste &amp;lt;2025&amp;gt;</v></c>`);
    const out = path.join(tmp.dir, 'compartida-generado.xlsx');
    const r = await tablero(['generar', file, '-o', out], tmp.dir);
    expect(r.stderr).toBe('');
    expect(await textAt(out, ws.name, ROW + 1, 31)).toBe(TYPED);
    expect(await textAt(out, ws.name, ROW, 31)).toBe(TYPED);
  });
});
