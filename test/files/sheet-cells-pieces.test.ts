/**
 * The cell scanner (src/xlsx/sheet-cells.ts) reads a worksheet fed in pieces of any size exactly as
 * it reads the whole text: an element cut at a piece's end is finished with the next piece (or the
 * next several, for a cell longer than many pieces). The command line feeds it inflated chunks
 * (stream-read.ts), whose ends fall anywhere in the XML.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { openZip, readPartText } from '../../src/xlsx/zip';
import { SheetCells, readStyles, type SheetContext } from '../../src/xlsx/sheet-cells';
import { readingLayout } from '../../src/xlsx/structure';

const samples = path.resolve(__dirname, '..', '..', '..', 'shared', 'real-layouts');

function read(xml: string, ctx: SheetContext, piece: number) {
  const cells = new SheetCells(ctx);
  for (let i = 0; i < xml.length; i += piece) cells.feed(xml.slice(i, i + piece));
  return { rows: cells.rows, grid: cells.finish('Hoja', 'visible') };
}

/** The largest worksheet of a real sample, with what reading it needs. */
function sampleSheet(file: string): { xml: string; ctx: SheetContext } {
  const zip = openZip(readFileSync(path.join(samples, file)));
  const layout = readingLayout({ text: (part) => readPartText(zip, part), has: (part) => zip.byName.has(part) });
  const texts = layout.sheets.map((s) => (s.part === null ? null : readPartText(zip, s.part)));
  const xml = texts.reduce<string>((a, t) => (t !== null && t.length > a.length ? t : a), '');
  if (!xml) throw new Error(`${file}: no tiene hojas legibles`);
  // Shared strings are not what this test is about: index them by number so a shared cell reads as text.
  const strings = Array.from({ length: 50_000 }, (_, i) => `s${i}`);
  return { xml, ctx: { strings, styles: readStyles(readPartText(zip, layout.stylesPart)), date1904: layout.date1904 } };
}

describe('SheetCells fed in pieces', () => {
  const long = 'Texto largo de una meta, '.repeat(700); // ~17,500 characters: spans many pieces
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Código</t></is></c><c r="B1" t="str"><v>Descripción &amp; notas</v></c><c r="C1"><v>1.5</v></c></row>' +
    `<row r="2"><c r="A2" t="str"><v>${long}</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2"><f>1/0</f></c></row>` +
    '<row r="3"><c r="A3" t="str"><v>Sí</v></c><c r="C3" s="0"><v>-2.25E+3</v></c><c r="E3" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells></worksheet>';
  const ctx: SheetContext = { strings: [], styles: { formats: [], dates: [] }, date1904: false };

  it('gives the same rows, values and merges for every piece size, a cell longer than many pieces included', () => {
    const whole = read(xml, ctx, xml.length);
    expect(whole.rows).toBe(3);
    expect(whole.grid.values[0]).toEqual(['Código', 'Descripción & notas', 1.5]);
    expect(whole.grid.values[1]?.[0]).toBe(long);
    expect(whole.grid.values[2]).toEqual(['Sí', undefined, -2250, undefined, 'ab']);
    expect(whole.grid.merges).toEqual([{ top: 3, left: 1, bottom: 3, right: 2 }]);
    for (const piece of [1, 2, 3, 5, 7, 13, 64, 100, 1000, 1500, 5000]) {
      expect(read(xml, ctx, piece)).toEqual(whole);
    }
  });

  const real = ['sispt-plan-indicativo-cajica.xlsx', 'cali-cuadro1s-plan-accion-T2-2025.xlsx'].filter((f) => existsSync(path.join(samples, f)));
  it.each(real)('reads the real sample %s the same in pieces as whole', (file) => {
    const { xml: sheet, ctx: c } = sampleSheet(file);
    const whole = read(sheet, c, sheet.length);
    expect(whole.rows).toBeGreaterThan(10);
    for (const piece of [17, 251, 4096, 65_536]) expect(read(sheet, c, piece)).toEqual(whole);
  });
});
