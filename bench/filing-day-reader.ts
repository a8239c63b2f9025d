/**
 * The capture sheet read the way `validar` read it on 3/12, the day issue 9 set the real formats'
 * goal («reading cost per row stays within 1.3× of today's capture-sheet figure»): exceljs's
 * streaming reader (`WorkbookReader`, a `Row` and a `Cell` with its style per cell) into grids,
 * each text through one streaming UTF-8 decoder, strings interned, and a second streaming pass
 * over the sheet's XML for its merged areas — the core of `src/xlsx/stream-read.ts` at 20d32e7,
 * kept here only as the bench's yardstick. The product no longer reads this way (since ce5f3c7
 * both hosts share the cell scanner of `src/xlsx/sheet-cells.ts`, ~4× cheaper per row).
 *
 * Measured on the machine running the bench, in the same process and run as the real formats,
 * that figure no longer depends on the machine a number was written down on (the README's
 * 144–172 µs per row were this machine's on that day). The grids it gives are the same as the
 * product's for the synthetic capture sheet (the bench checks the rows the engine reads).
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { CellRange, CellValue, Grid, WorkbookGrids } from '../src/domain/grid';
import { parseAddress } from '../src/domain/grid';
import { openZip, partChunks } from '../src/xlsx/zip';
import { plainValue } from '../src/xlsx/read';
import { stringKeeper } from '../src/xlsx/stream-read';

/** One streaming UTF-8 decoder over the chunks (a character split between two chunks comes out whole). */
async function* utf8Text(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Makes the reader's worksheets and shared strings go through `utf8Text`, as the reader of 3/12 did. */
function decodeWholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as {
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
    _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  };
  const worksheet = r._parseWorksheet;
  const sharedStrings = r._parseSharedStrings;
  if (typeof worksheet !== 'function' || typeof sharedStrings !== 'function') throw new Error('bench: lector en flujo de exceljs no reconocido');
  r._parseWorksheet = function (iterator, sheetNo) {
    return worksheet.call(this, utf8Text(iterator), sheetNo);
  };
  r._parseSharedStrings = function (entry) {
    return sharedStrings.call(this, Readable.from(utf8Text(entry as AsyncIterable<Buffer>)));
  };
}

/** The `<mergeCell>` areas of a worksheet part, by a second streaming pass over its XML. */
async function scanMerges(bytes: Buffer, part: string): Promise<CellRange[]> {
  const zip = openZip(bytes);
  const entry = zip.byName.get(part);
  if (!entry) return [];
  const re = /<(?:[A-Za-z0-9_]+:)?mergeCell\s[^>]*?ref="([A-Z$]+\d+):([A-Z$]+\d+)"/g;
  const out: CellRange[] = [];
  const decoder = new TextDecoder('latin1');
  let carry = '';
  for await (const chunk of partChunks(zip, entry)) {
    const s = carry + decoder.decode(chunk);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(s))) {
      const a = parseAddress(m[1]);
      const b = parseAddress(m[2]);
      if (a && b) out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
      consumed = re.lastIndex;
    }
    carry = s.slice(Math.max(consumed, s.length - 256));
  }
  return out;
}

/** The worksheets of `bytes` as grids, read the way `validar` read them on 3/12. */
export async function readGridsAsOnFilingDay(bytes: Buffer, name: string): Promise<WorkbookGrids> {
  // The strings kept as the product keeps them (then and now).
  const intern = stringKeeper();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    entries: 'ignore',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  decodeWholeCharacters(reader);
  const grids: Grid[] = [];
  for await (const wsReader of reader) {
    const ws = wsReader as unknown as { id: number | string; name: string; sheetNo?: string } & AsyncIterable<ExcelJS.Row>;
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for await (const row of ws) {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        let v = plainValue(cell.value);
        if (typeof v === 'string') v = intern(v);
        vr[c - 1] = v;
        const fmt = cell.numFmt;
        if (fmt && fmt !== 'General') fr[c - 1] = intern(fmt);
      });
      if (vr.length) values[row.number - 1] = vr;
      if (fr.length) formats[row.number - 1] = fr;
    }
    const merges = await scanMerges(bytes, `xl/worksheets/sheet${Number(ws.sheetNo ?? ws.id)}.xml`);
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          if (values[r - 1]?.[c - 1] !== undefined) delete values[r - 1][c - 1];
          if (formats[r - 1]?.[c - 1] !== undefined) delete formats[r - 1][c - 1];
        }
      }
    }
    grids.push({ name: ws.name, values, numberFormats: formats, merges, visibility: 'visible' });
  }
  return { name, sheets: grids };
}
