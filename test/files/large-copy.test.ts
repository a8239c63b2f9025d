/**
 * `generar` on a workbook above `GENERAR_MAX_CELLS` makes the copy at the package level
 * (`src/xlsx/large-copy.ts`) instead of through exceljs's document model. These tests force that
 * path (`maxCells: 0`) on real workbooks and check:
 *
 * - the copy looks EXACTLY like the one the exceljs path writes — sheets, order, visibility,
 *   every cell's value, style and note, merges, views, widths, conditional formats, defined
 *   names — on the examples, on a person's workbook with its own notes, conditional formats,
 *   validation, frozen panes, a hidden sheet and a sheet named like the product's, and on a
 *   second run over an earlier output (regeneration);
 * - the units' cells are copied byte for byte (their `<sheetData>` is the input's);
 * - the streaming edit of a sheet gives the same bytes whatever the chunk boundaries, and keeps
 *   a namespace prefix (`<x:worksheet>`);
 * - the styles merge keeps the original's indices and creates missing sections in schema order.
 */
import ExcelJS from 'exceljs';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { CliDeps } from '../../src/cli/deps';
import { generateCopy } from '../../src/xlsx/generate';
import { editSheet, mergeStyles } from '../../src/xlsx/large-copy';
import { openZip, readPartText } from '../../src/xlsx/zip';
import { REGISTRY_SHEET } from '../../src/app/registry';
import { examples, tablero, tempDir } from '../cli/io';
import { captureWorkbook } from '../sheets/fixtures';
import { buildXlsx } from '../helpers/xlsx';
import { viewOfFile } from '../helpers/workbook-view';

const { dir, cleanup } = tempDir('tablero-large-');
afterAll(cleanup);

const NOW = new Date(2025, 6, 10, 9, 30);
const viaModel: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, Number.MAX_SAFE_INTEGER);
const viaPackage: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, 0);

async function generar(input: string, out: string, how: 'model' | 'package', extra: string[] = []) {
  const r = await tablero(['generar', input, '--corte', '2025-06-30', '-o', out, ...extra], dir, { now: NOW, deps: { generateCopy: how === 'model' ? viaModel : viaPackage } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

/** Both paths on `input`; returns the two outputs. */
async function both(input: string, stem: string): Promise<{ model: string; pkg: string; stdout: [string, string] }> {
  const model = path.join(dir, `${stem}.modelo.xlsx`);
  const pkg = path.join(dir, `${stem}.paquete.xlsx`);
  const a = await generar(input, model, 'model');
  const b = await generar(input, pkg, 'package');
  return { model, pkg, stdout: [a.stdout.replace(model, 'X'), b.stdout.replace(pkg, 'X')] };
}

/** `<sheetData>…</sheetData>` of every worksheet part of a package. */
function sheetDatas(file: string): string[] {
  const zip = openZip(Buffer.from(readFileSync(file)));
  return zip.entries
    .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))
    .map((e) => /<sheetData[\s\S]*<\/sheetData>|<sheetData\/>/.exec(readPartText(zip, e.name) ?? '')?.[0] ?? '');
}

/** A person's workbook: the capture sheet plus what people put in their workbooks. */
async function personsWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildXlsx(captureWorkbook())) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('HC T2')!;
  // Notes: one on a cell the product marks (payments > obligations of GOB-01), one elsewhere.
  let gobRow = 0;
  ws.eachRow((row, r) => {
    row.eachCell((c) => {
      if (c.value === 'GOB-01') gobRow = r;
    });
  });
  expect(gobRow).toBeGreaterThan(0);
  ws.getCell('A1').note = 'Nota de la dependencia: versión 2';
  ws.views = [{ state: 'frozen', ySplit: 6, xSplit: 0, topLeftCell: 'A7', activeCell: 'A7' }];
  ws.addConditionalFormatting({
    ref: 'B7:B40',
    rules: [{ type: 'expression', priority: 1, formulae: ['LEN(B7)>80'], style: { font: { bold: true } } } as ExcelJS.ConditionalFormattingRule],
  });
  ws.getCell('A3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Sí,No"'] };
  const own = wb.addWorksheet('Tablero de control');
  own.getCell('A1').value = 'Mi propio tablero (no lo borre)';
  own.getCell('B2').note = 'La nota de una persona';
  const hidden = wb.addWorksheet("Notas d'apoyo", { state: 'hidden' });
  hidden.getCell('A1').value = 'Apoyo: á é í ó ú ñ';
  wb.definedNames.add("'HC T2'!$A$7:$A$12", 'Codigos');
  await fs.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  // The marked cells of GOB-01 carry a person's note too.
  const again = new ExcelJS.Workbook();
  await again.xlsx.readFile(file);
  const s = again.getWorksheet('HC T2')!;
  s.getRow(gobRow).eachCell((c) => {
    if (typeof c.value === 'number' && c.value === 6_000_000) c.note = 'Pagos confirmados con tesorería';
  });
  await fs.writeFile(file, Buffer.from(await again.xlsx.writeBuffer()));
}

describe('generar, package-level copy (large workbooks)', () => {
  it.each([
    ['the bundled capture example', examples.capture],
    ['the bundled plan example', examples.plan],
  ])('writes the same workbook as the exceljs path: %s', async (_, input) => {
    const { model, pkg, stdout } = await both(input, path.basename(input, '.xlsx'));
    expect(stdout[1]).toBe(stdout[0]);
    expect(await viewOfFile(pkg)).toEqual(await viewOfFile(model));
  }, 60_000);

  it("keeps a person's notes, formats, validation, frozen panes, hidden sheet and names, as the exceljs path does", async () => {
    const input = path.join(dir, 'persona.xlsx');
    await personsWorkbook(input);
    const { model, pkg } = await both(input, 'persona');
    const view = await viewOfFile(pkg);
    expect(view).toEqual(await viewOfFile(model));
    expect(view.sheets.map((s) => `${s.name}:${s.state}`)).toEqual([
      'Tablero de control (2):visible',
      'Alertas:visible',
      'Observaciones:visible',
      'HC T2:visible',
      'Tablero de control:visible',
      "Notas d'apoyo:hidden",
      `${REGISTRY_SHEET}:veryHidden`,
    ]);
    const hc = view.sheets.find((s) => s.name === 'HC T2')!;
    const notes = hc.cells.filter((c) => c.note !== undefined).map((c) => JSON.stringify(c.note));
    expect(notes.some((n) => n.includes('Nota de la dependencia: versión 2'))).toBe(true);
    // The person's note on a marked cell is kept under the product's message.
    expect(notes.some((n) => n.includes('Pagos confirmados con tesorería') && /pagos/i.test(n.replace('Pagos confirmados', '')))).toBe(true);
    expect(JSON.stringify(hc.conditionalFormats)).toContain('LEN(B7)>80');
    expect(view.names.map((n) => n[0])).toContain('Codigos');
  }, 60_000);

  it('regenerating over an earlier output gives the same workbook by both paths (old sheets and marks replaced)', async () => {
    const input = path.join(dir, 'persona2.xlsx');
    await personsWorkbook(input);
    const first = path.join(dir, 'persona2.primera.xlsx');
    await generar(input, first, 'package');
    const { model, pkg } = await both(first, 'persona2.segunda');
    const view = await viewOfFile(pkg);
    expect(view).toEqual(await viewOfFile(model));
    expect(view.sheets.map((s) => s.name).filter((n) => n.startsWith('Tablero de control'))).toEqual(['Tablero de control (2)', 'Tablero de control']);
    // Notes are not stacked: the product's message appears once on a marked cell.
    const hc = view.sheets.find((s) => s.name === 'HC T2')!;
    for (const c of hc.cells) {
      const text = JSON.stringify(c.note ?? '');
      expect(text.split('Tablero PDM').length).toBeLessThanOrEqual(2);
    }
  }, 90_000);

  it("copies the units' cells byte for byte and leaves the input as it was", async () => {
    const input = path.join(dir, 'bytes.xlsx');
    await personsWorkbook(input);
    const before = await fs.readFile(input);
    const out = path.join(dir, 'bytes.salida.xlsx');
    await generar(input, out, 'package');
    expect((await fs.readFile(input)).equals(before)).toBe(true);
    const kept = sheetDatas(out);
    for (const data of sheetDatas(input)) expect(kept).toContain(data);
    // Parts nobody needed to change keep their stored bytes (the theme).
    const a = openZip(before);
    const b = openZip(await fs.readFile(out));
    const theme = 'xl/theme/theme1.xml';
    expect(readPartText(b, theme)).toBe(readPartText(a, theme));
    expect(b.byName.get(theme)!.crc32).toBe(a.byName.get(theme)!.crc32);
  }, 60_000);

  it('the copy reads back: validar finds the same in the data sheet as in the input', async () => {
    const input = examples.capture;
    const out = path.join(dir, 'releer.xlsx');
    await generar(input, out, 'package');
    const a = await tablero(['validar', input, '--corte', '2025-06-30', '--json'], dir, { now: NOW });
    const b = await tablero(['validar', out, '--corte', '2025-06-30', '--json'], dir, { now: NOW });
    const findings = (s: string) => (JSON.parse(s) as { files: { findings: unknown[] }[] }).files[0].findings;
    expect(findings(b.stdout)).toEqual(findings(a.stdout));
    expect(findings(a.stdout).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('editing a worksheet as a stream', () => {
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<x:sheetViews><x:sheetView tabSelected="1" workbookViewId="0"/></x:sheetViews><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Secretaría ñ</x:t></x:is></x:c></x:row></x:sheetData>' +
    '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>';

  async function edited(chunkSize: number, keepCells: boolean): Promise<string> {
    const bytes = Buffer.from(sheet, 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    }
    const out: Buffer[] = [];
    for await (const b of editSheet(chunks(), {
      keepCells,
      head: (h) => h.replace(' tabSelected="1"', ''),
      tail: (t) => t.replace('<x:pageMargins', '<x:conditionalFormatting sqref="A1"/><x:pageMargins'),
    })) out.push(b);
    return Buffer.concat(out).toString('utf8');
  }

  it('gives the same bytes whatever the chunk boundaries (1 to 64 bytes, and whole)', async () => {
    const whole = await edited(1 << 20, true);
    expect(whole).toContain('<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Secretaría ñ</x:t></x:is></x:c></x:row></x:sheetData>');
    expect(whole).not.toContain('tabSelected');
    expect(whole).toContain('</x:mergeCells><x:conditionalFormatting sqref="A1"/><x:pageMargins');
    for (const size of [1, 2, 3, 5, 7, 11, 13, 64]) expect(await edited(size, true)).toBe(whole);
  });

  it('the skeleton drops the cells and keeps the rest', async () => {
    const skeleton = await edited(3, false);
    expect(skeleton).toContain('<x:sheetData/><x:mergeCells');
    expect(skeleton).not.toContain('Secretaría');
    expect(skeleton).toBe(await edited(1 << 20, false));
  });

  it('inflated and deflated parts come out the same', async () => {
    const deflated = zlib.deflateRawSync(Buffer.from(sheet));
    expect(zlib.inflateRawSync(deflated).toString('utf8')).toBe(sheet);
  });
});

describe('merging the generated sheets\' styles into the original ones', () => {
  const original =
    '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts>' +
    '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
    '<x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf/></x:cellStyleXfs>' +
    '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>';
  const added =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="10"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
    '<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>';

  it('appends fonts, fills, borders, formats and dxfs, moving only the added indices', () => {
    const m = mergeStyles(original, added);
    expect(m.xfOffset).toBe(2);
    expect(m.dxfOffset).toBe(0);
    // The original's cell formats are unchanged and first.
    expect(m.xml).toContain('<x:cellXfs count="4"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="14"');
    // The added bold font is font 2 (after the original's one), its fill 2, its format a new id.
    expect(m.xml).toContain('<x:xf numFmtId="164" fontId="2" fillId="2" borderId="1" xfId="0"><x:alignment wrapText="1"/></x:xf>');
    expect(m.xml).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts><x:fonts count="3">');
    expect(m.xml).toMatch(/<\/x:cellXfs><x:dxfs count="1"><x:dxf>/);
    expect(m.xml.indexOf('<x:numFmts')).toBeLessThan(m.xml.indexOf('<x:fonts'));
  });
});
