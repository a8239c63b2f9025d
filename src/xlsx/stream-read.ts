/**
 * exceljs host, reading side, for LARGE workbooks: builds the same plain grids as
 * `gridsOfWorkbook(await loadWorkbook(bytes))` (src/xlsx/read.ts) without exceljs's full document
 * model. exceljs's `WorkbookReader` streams the rows (one `Row` at a time, discarded after use);
 * only the grid — values and number formats — is kept.
 *
 * Why: the full model keeps an object per cell with its style; a 200,000-row × 30-column capture
 * sheet loaded with `wb.xlsx.load` passes 3 GB of memory, while its grid is a fraction of that.
 *
 * exceljs's streaming reader ignores `<mergeCell>`; the merged areas are found here by a second,
 * streaming pass over the sheet's XML (inflated chunk by chunk, nothing kept but the matches), and
 * the cells they cover are blanked as in `gridOfWorksheet`.
 *
 * Strings are interned per workbook (the same unit, dimension or enum value repeated on 200,000
 * rows is stored once).
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { CellRange, CellValue, Grid, SheetVisibility, WorkbookGrids } from '../domain/grid';
import type { ZipEntryInfo } from '../app/zip-directory';
import { openZip, partChunks, readPartText, type ZipSource } from './zip';
import { attrsOf, decodeXml, elements, parseRels, resolveTarget } from './ooxml';
import { parseAddress } from '../domain/grid';
import { cellValueOf, gridsOfWorkbook, loadWorkbook } from './read';
import { readablePackage } from './package';

export interface StreamReadOptions {
  /** Called every few thousand rows with the rows read so far (progress on stderr). */
  readonly onRows?: (rows: number, sheet: string) => void;
  /** How often `onRows` is called. Default 10,000 rows. */
  readonly every?: number;
}

interface SheetRead {
  readonly sheetNo: number;
  grid: Grid;
}

/** The same bytes as a Buffer, without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Streams one zip entry's XML text (inflated chunk by chunk, decoded as latin1 — enough for tag
 * names and ASCII attributes) to `take`; `final` on the last call. Nothing is kept here.
 */
async function scanEntry(zip: ZipSource, entry: ZipEntryInfo, take: (text: string, final: boolean) => void): Promise<void> {
  const decoder = new TextDecoder('latin1');
  for await (const chunk of partChunks(zip, entry)) take(decoder.decode(chunk), false);
  take('', true);
}

/** A cell whose cached value exceljs's streaming reader gets wrong: an Excel error or a boolean. */
interface TypedCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

const MERGE_CELL = /<(?:[A-Za-z0-9_]+:)?mergeCell\s[^>]*?ref="([A-Z$]+\d+):([A-Z$]+\d+)"/y;
const TYPED_CELL_OPEN = /<(?:[A-Za-z0-9_]+:)?c\s[^>]*?r="([A-Z]+\d+)"[^>]*?\st="([eb])"[^>]*>/y;
const TYPED_CELL_VALUE = /(?:(?!<\/(?:[A-Za-z0-9_]+:)?c>)[\s\S])*?<(?:[A-Za-z0-9_]+:)?v>([^<]*)<\/(?:[A-Za-z0-9_]+:)?v>/y;
/** Characters kept from one chunk to the next: an element cut by a chunk's end is read whole in the next (a cell with its formula may be long). */
const SCAN_TAIL = 4096;

/**
 * One streaming pass over a worksheet part for what exceljs's streaming reader drops or misreads:
 * its merged areas (`<mergeCell ref="A1:B2"/>`), and the cells whose cached value is an Excel
 * error (`<c r="BH6" t="e"><f>…</f><v>#VALUE!</v></c>`) or a boolean (`t="b"`) — exceljs's
 * streaming reader parses a formula's result as a number, so the error came out blank and a cached
 * FALSE as 0, while its full model — `generar` — keeps both, so the verbs disagreed.
 *
 * All of them are rare, so the text is searched for `mergeCell`, `t="e"` and `t="b"` and only the
 * elements around those hits are parsed — not a pattern tried at every cell of the sheet (on a
 * 20,000-row sheet of long texts that was a second of the read). A hit whose element is cut by the
 * chunk's end is found again in the carried tail; one already read is skipped by its position in
 * the part.
 */
async function scanSheetExtras(zip: ZipSource, entry: ZipEntryInfo): Promise<{ merges: CellRange[]; typed: TypedCell[] }> {
  const merges: CellRange[] = [];
  const typed: TypedCell[] = [];
  let carry = '';
  /** Position in the part of `carry`'s first character. */
  let base = 0;
  /** Per needle, the position in the part where the last element read through it ends. */
  const read = { merge: 0, e: 0, b: 0 };
  await scanEntry(zip, entry, (text) => {
    const s = carry + text;
    for (let hit = s.indexOf('mergeCell'); hit >= 0; hit = s.indexOf('mergeCell', hit + 9)) {
      const at = s.lastIndexOf('<', hit);
      if (at < 0 || base + at < read.merge) continue;
      MERGE_CELL.lastIndex = at;
      const m = MERGE_CELL.exec(s);
      if (!m) continue;
      read.merge = base + MERGE_CELL.lastIndex;
      const a = parseAddress(m[1]);
      const b = parseAddress(m[2]);
      if (a && b) merges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    }
    for (const type of ['e', 'b'] as const) {
      const needle = `t="${type}"`;
      for (let hit = s.indexOf(needle); hit >= 0; hit = s.indexOf(needle, hit + needle.length)) {
        const at = s.lastIndexOf('<', hit);
        if (at < 0 || base + at < read[type]) continue;
        TYPED_CELL_OPEN.lastIndex = at;
        const open = TYPED_CELL_OPEN.exec(s);
        if (!open) continue;
        TYPED_CELL_VALUE.lastIndex = TYPED_CELL_OPEN.lastIndex;
        const v = TYPED_CELL_VALUE.exec(s);
        if (!v) continue;
        read[type] = base + TYPED_CELL_VALUE.lastIndex;
        const a = parseAddress(open[1]);
        if (a) typed.push({ row: a.row, col: a.col, value: type === 'e' ? { error: v[1].trim() } : parseInt(v[1], 10) !== 0 });
      }
    }
    const keep = Math.max(0, s.length - SCAN_TAIL);
    carry = s.slice(keep);
    base += keep;
  });
  return { merges, typed };
}

export interface WorkbookSize {
  /** `<row>` elements over every worksheet. */
  readonly rows: number;
  /** `<c>` elements (cells written in the file, values or only a style) over every worksheet. */
  readonly cells: number;
}

/**
 * How many rows and cells the worksheets of an .xlsx hold, by streaming their XML (a second or
 * two for 200,000 rows; nothing kept). Lets a verb that needs exceljs's full document model
 * refuse a workbook too large for it BEFORE loading it. Run the door check (`app/guard.ts`) first.
 */
export async function countWorkbookSize(bytes: Uint8Array): Promise<WorkbookSize> {
  const zip = openZip(asBuffer(bytes));
  let rows = 0;
  let cells = 0;
  const re = /<(?:[A-Za-z0-9_]+:)?(row|c)[\s>/]/g;
  for (const entry of zip.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
    let carry = '';
    await scanEntry(zip, entry, (text, final) => {
      const s = carry + text;
      // A tag cut at the end of a chunk is counted with the next one.
      const limit = final ? s.length : s.length - 16;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) && m.index < limit) {
        if (m[1] === 'c') cells++;
        else rows++;
      }
      carry = final ? '' : s.slice(Math.max(limit, 0));
    });
  }
  return { rows, cells };
}

/**
 * The XML of an entry as text, decoded with ONE streaming decoder: a character whose UTF-8 bytes
 * straddle two inflated chunks comes out whole. (exceljs 4.4.0's streaming reader decodes each
 * chunk on its own — `utils/parse-sax.js` — which turns such a character into two U+FFFD: a
 * "Secretaría" became "Secretar��a" every few thousand rows.)
 */
async function* utf8Text(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Makes this reader's worksheets and shared strings go through `utf8Text` (exceljs passes strings through). */
function decodeWholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as {
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
    _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  };
  const worksheet = r._parseWorksheet;
  const sharedStrings = r._parseSharedStrings;
  if (typeof worksheet !== 'function' || typeof sharedStrings !== 'function') throw new Error('exceljs: lector en streaming no reconocido');
  r._parseWorksheet = function* (iterator, sheetNo) {
    // The part's number is kept on the reader, as exceljs replaces `id` by the sheetId when known.
    for (const event of worksheet.call(this, utf8Text(iterator), sheetNo)) {
      const e = event as { eventType?: string; value?: { partNo?: string } };
      if (e.eventType === 'worksheet' && e.value) e.value.partNo = sheetNo;
      yield event;
    }
  };
  r._parseSharedStrings = function (entry) {
    // exceljs reads this entry with its own `iterateStream` (stream events): hand it a stream of text.
    return sharedStrings.call(this, Readable.from(utf8Text(entry as AsyncIterable<Buffer>)));
  };
}

function visibilityOf(state: unknown): SheetVisibility {
  return state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
}

/**
 * Reads every worksheet of the .xlsx `bytes` into grids, streaming. Same result as
 * `gridsOfWorkbook(await loadWorkbook(bytes), name)`; throws (like `loadWorkbook`) on a file
 * exceljs cannot read — run the door check (`app/guard.ts`) first.
 */
export async function readGridsStreaming(input: Uint8Array, name: string, options: StreamReadOptions = {}): Promise<WorkbookGrids> {
  const bytes = readablePackage(asBuffer(input));
  const zip = openZip(bytes);
  const every = options.every ?? 10_000;
  const interned = new Map<string, string>();
  // Every kept string is copied out of the parser's buffers: the XML parser hands out slices of
  // the chunk it decoded, and ONE such slice kept in the grid keeps the whole chunk alive — at
  // 200,000 rows that retained most of the sheet's XML text (hundreds of MB).
  const own = (s: string): string => (' ' + s).slice(1);
  const intern = (s: string): string => {
    if (s.length > 64) return own(s);
    const hit = interned.get(s);
    if (hit !== undefined) return hit;
    const copy = own(s);
    interned.set(copy, copy);
    return copy;
  };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([asBuffer(bytes)]), {
    entries: 'ignore',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  decodeWholeCharacters(reader);
  // exceljs looks a worksheet up in the workbook part, which it has not read yet when the package
  // stores that worksheet before `xl/workbook.xml` (any part order is valid, and some writers do
  // it): it would then fail. Seed what it needs from the package itself; it replaces both when it
  // reads the workbook part.
  const workbookXml = readPartText(zip, 'xl/workbook.xml') ?? '';
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookXml);
  const seededModel = { sheets: [] };
  Object.assign(reader, { model: seededModel, properties: { model: { date1904 } } });
  const parsed = reader as unknown as { model?: unknown; styles?: unknown; sharedStrings?: unknown };
  const defaultStyles = parsed.styles;
  const partsSeen = new Set<number>();
  const sheets: SheetRead[] = [];
  let total = 0;
  for await (const wsReader of reader) {
    const ws = wsReader as unknown as ExcelJS.stream.xlsx.WorksheetReader & { id: number | string; name: string; state?: string };
    const sheetNo = Number((ws as unknown as { partNo?: string }).partNo ?? ws.id);
    partsSeen.add(sheetNo);
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        let v = cellValueOf(cell);
        if (typeof v === 'string') v = intern(v);
        vr[c - 1] = v;
        const fmt = cell.numFmt;
        if (fmt && fmt !== 'General') fr[c - 1] = intern(fmt);
      });
      if (vr.length) values[row.number - 1] = vr;
      if (fr.length) formats[row.number - 1] = fr;
      total++;
      if (options.onRows && total % every === 0) options.onRows(total, ws.name);
    }
    sheets.push({ sheetNo, grid: { name: ws.name, values, numberFormats: formats, merges: [], visibility: visibilityOf(ws.state) } });
  }
  options.onRows?.(total, '');
  // exceljs's streaming reader sometimes stops before the package's last parts (seen on packages
  // that store `xl/workbook.xml` or `xl/styles.xml` after the worksheets, as exceljs writes them):
  // dates would then read as bare numbers, sheets as `Sheet<n>`, or a sheet go missing. Such a
  // reading is not whole: the package is read again with the whole reader.
  const has = (part: string) => zip.byName.has(part);
  const worksheetParts = [...zip.byName.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  if (
    (has('xl/workbook.xml') && parsed.model === seededModel) ||
    (has('xl/styles.xml') && parsed.styles === defaultStyles) ||
    (has('xl/sharedStrings.xml') && parsed.sharedStrings === undefined) ||
    worksheetParts.some((n) => !partsSeen.has(Number(/(\d+)\.xml$/.exec(n)?.[1])))
  ) {
    return gridsOfWorkbook(await loadWorkbook(bytes), name);
  }
  // exceljs names a worksheet it parsed before the workbook part was known `Sheet<n>`; the names
  // and states are taken from the package itself, by part, once every part has been seen.
  const declared = declaredSheets(workbookXml, readPartText(zip, 'xl/_rels/workbook.xml.rels'));
  for (const s of sheets) {
    const d = declared.get(`xl/worksheets/sheet${s.sheetNo}.xml`);
    if (d) s.grid = { ...s.grid, name: d.name, visibility: visibilityOf(d.state) };
  }

  // Sheets come in the workbook's order (`declared` follows `xl/workbook.xml`).
  const order = [...declared.values()].map((d) => d.name);

  const grids: Grid[] = [];
  for (const s of sheets) {
    const entry = zip.byName.get(`xl/worksheets/sheet${s.sheetNo}.xml`);
    const { merges, typed } = entry ? await scanSheetExtras(zip, entry) : { merges: [], typed: [] };
    const values = s.grid.values as CellValue[][];
    const formats = s.grid.numberFormats as (string | null)[][];
    for (const e of typed) {
      const vr = (values[e.row - 1] ??= []);
      vr[e.col - 1] = e.value;
    }
    for (const m of merges) {
      // Cells covered by a merge (not its top-left) are blank, as in `gridOfWorksheet`.
      for (let r = m.top; r <= m.bottom; r++) {
        const vr = values[r - 1];
        const fr = formats[r - 1];
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          if (vr && vr[c - 1] !== undefined) delete vr[c - 1];
          if (fr && fr[c - 1] !== undefined) delete fr[c - 1];
        }
      }
    }
    grids.push({ ...s.grid, merges });
  }
  grids.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return { name, sheets: grids };
}

/** Each worksheet part's declared name and state, from the text of `xl/workbook.xml` and of its relationships. */
function declaredSheets(wb: string, relsXml: string | null): Map<string, { name: string; state: string | undefined }> {
  const out = new Map<string, { name: string; state: string | undefined }>();
  const rels = parseRels(relsXml);
  if (!wb) return out;
  for (const el of elements(wb, 'sheet')) {
    const a = attrsOf(el.open);
    const rid = [...a.entries()].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const rel = rels.find((r) => r.id === rid);
    const name = a.get('name');
    if (rel && name !== undefined) out.set(resolveTarget('xl/workbook.xml', rel.target), { name: decodeXml(name), state: a.get('state') });
  }
  return out;
}
