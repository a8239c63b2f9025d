/**
 * Formula / CSV injection (issue 5, "Nothing lost"): text that came from a person's workbook —
 * goal names, analyses, unit names — starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * must be written by `tablero generar` as a plain string, never as a formula, with its value
 * identical; and the person's own sheets keep their values exactly.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gridsOfWorkbook, plainValue } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/domain/reader';
import { examples, tablero, tempDir } from '../cli/io';

const payloads = {
  goal: ['=HYPERLINK("http://x","clic")', '-1+1', '@SUM(A1)', '=1+1', '\tMeta con tabulador', '\rMeta con retorno'],
  analysis: ['+57 300 123 4567', '=cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+2', '\r=3+4'],
  unit: ['=HYPERLINK("http://x","Secretaría")', '+Secretaría de Salud', '-Secretaría de Gobierno', '@Secretaría de Hacienda'],
};
const all = [...payloads.goal, ...payloads.analysis, ...payloads.unit];
const risky = (s: string) => /^[=+\-@\t\r]/.test(s);

let dir: string;
let cleanup: () => void;
let source: ExcelJS.Workbook;
let output: ExcelJS.Workbook;
let outputZip: JSZip;
let captureName: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('tablero-injection-'));
  // The clean example with dangerous text typed into its capture sheet.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examples.clean);
  const read = readWorkbook(gridsOfWorkbook(wb, 'x.xlsx'));
  const capture = read.sheets.find((s) => s.kind === 'hoja-captura')!;
  captureName = capture.name;
  const ws = wb.getWorksheet(capture.name)!;
  const put = (field: 'goal' | 'analysis' | 'unit', values: string[]) => {
    values.forEach((v, i) => {
      const row = capture.rows[i].row;
      ws.getCell(row, capture.columns[field]!).value = v;
    });
  };
  put('goal', payloads.goal);
  put('analysis', payloads.analysis);
  put('unit', payloads.unit);
  await wb.xlsx.writeFile(path.join(dir, 'inyeccion.xlsx'));

  const r = await tablero(['generar', 'inyeccion.xlsx', '-o', 'salida.xlsx'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);

  source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path.join(dir, 'inyeccion.xlsx'));
  output = new ExcelJS.Workbook();
  await output.xlsx.readFile(path.join(dir, 'salida.xlsx'));
  outputZip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'salida.xlsx')));
});
afterAll(() => cleanup());

function textOf(cell: ExcelJS.Cell): string | null {
  const v = plainValue(cell.value);
  return typeof v === 'string' ? v : null;
}

describe('formula injection: text from a workbook is written as text', () => {
  it('the payloads reach the generated sheets (the test would see a regression)', () => {
    const generated = output.worksheets.filter((w) => !source.getWorksheet(w.name));
    expect(generated.length).toBeGreaterThanOrEqual(3);
    const texts = new Set<string>();
    for (const ws of generated) ws.eachRow((row) => row.eachCell((c) => void (textOf(c) !== null && texts.add(textOf(c)!))));
    const found = all.filter((p) => [...texts].some((t) => t === p || t.includes(p)));
    // Unit names appear in the Tablero (aggregates by unit); goal names in Alertas / Observaciones.
    expect(found).toEqual(expect.arrayContaining(payloads.unit));
    expect(found.length).toBeGreaterThanOrEqual(payloads.unit.length + 2);
  });

  it('every generated cell that starts like a formula is a plain string cell, never a formula', () => {
    let checked = 0;
    for (const ws of output.worksheets) {
      if (source.getWorksheet(ws.name)) continue;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            // The product writes no formula in its generated sheets with text from a workbook.
            expect({ sheet: ws.name, cell: cell.address, formula: cell.formula }).toEqual({ sheet: ws.name, cell: cell.address, formula: expect.not.stringMatching(/HYPERLINK\("http|SUM\(A1|calc|1\+1/) });
          }
          const t = textOf(cell);
          if (t === null || !risky(t)) return;
          checked++;
          // A cell covered by a merge shows its master's value; the master is checked on its own.
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Hyperlink, ExcelJS.ValueType.RichText, ExcelJS.ValueType.Merge]).toContain(cell.type);
          expect(cell.formula).toBeUndefined();
          // Text format '@' too, so editing the cell in Excel (F2, Enter) keeps it text.
          if (cell.type !== ExcelJS.ValueType.Merge) expect({ at: `${ws.name}!${cell.address}`, numFmt: cell.numFmt }).toEqual({ at: `${ws.name}!${cell.address}`, numFmt: '@' });
        }),
      );
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the saved XML holds no <f> element carrying a payload', async () => {
    for (const name of Object.keys(outputZip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await outputZip.file(name)!.async('string');
      for (const f of xml.match(/<f[ >][^<]*<\/f>/g) ?? []) {
        expect(f).not.toMatch(/HYPERLINK\(&quot;http|SUM\(A1|calc|300 123 4567/);
      }
    }
  });

  it("the person's sheets keep every value exactly (and no cell became a formula)", () => {
    for (const ws of source.worksheets) {
      const out = output.getWorksheet(ws.name);
      expect(out).toBeDefined();
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const o = out!.getCell(r, c);
          expect({ at: `${ws.name}!${cell.address}`, v: plainValue(o.value) }).toEqual({ at: `${ws.name}!${cell.address}`, v: plainValue(cell.value) });
          if (cell.type !== ExcelJS.ValueType.Formula) expect(o.type === ExcelJS.ValueType.Formula).toBe(false);
        }),
      );
    }
    const texts = (w: ExcelJS.Worksheet) => {
      const values: string[] = [];
      w.eachRow((row) => row.eachCell((c) => void (textOf(c) !== null && values.push(textOf(c)!))));
      return values;
    };
    // The source as saved (a bare carriage return does not survive an XML round trip: exceljs
    // writes it raw and XML readers turn it into a line feed — that is the test file, not the product).
    const typed = texts(source.getWorksheet(captureName)!).filter(risky);
    expect(typed.length).toBeGreaterThanOrEqual(all.length - 2);
    expect(texts(output.getWorksheet(captureName)!).filter(risky)).toEqual(typed);
  });

  it('validar reports on the same workbook without executing anything (text stays text in --json)', async () => {
    const r = await tablero(['reporte', 'inyeccion.xlsx', '--json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { goals: { goal: string; unit: string }[] };
    expect(report.goals.map((g) => g.goal)).toEqual(expect.arrayContaining(payloads.goal.map((g) => g.trim())));
  });
});
