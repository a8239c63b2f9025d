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
import { inspectXlsxBytes, type ZipEntryInfo } from '../app/guard';
import { plainValue } from './read';

export interface StreamReadOptions {
  /** Called every few thousand rows with the rows read so far (progress on stderr). */
  readonly onRows?: (rows: number, sheet: string) => void;
  /** How often `onRows` is called. Default 10,000 rows. */
  readonly every?: number;
}

interface SheetRead {
  readonly sheetNo: number;
  readonly grid: Grid;
}

/** Excel-style A1 address → 1-based row and column. */
function decode(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Streams one zip entry's XML and collects its `<mergeCell ref="A1:B2"/>` areas. */
export async function scanMerges(bytes: Uint8Array, entry: ZipEntryInfo): Promise<CellRange[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localHeaderOffset;
  const start = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const re = /<(?:[A-Za-z0-9_]+:)?mergeCell\s[^>]*?ref="([A-Z$]+\d+):([A-Z$]+\d+)"/g;
  const out: CellRange[] = [];
  const decoder = new TextDecoder('latin1');
  let carry = '';
  const take = (text: string, final: boolean) => {
    const s = carry + text;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(s))) {
      const a = decode(m[1].replace(/\$/g, ''));
      const b = decode(m[2].replace(/\$/g, ''));
      if (a && b) out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
      consumed = re.lastIndex;
    }
    // Keep the tail (a tag may straddle two chunks), never more than a tag's length.
    carry = final ? '' : s.slice(Math.max(consumed, s.length - 256));
  };
  if (entry.method === 0) {
    take(decoder.decode(data), true);
    return out;
  }
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  const CHUNK = 1 << 20;
  const writing = (async () => {
    for (let i = 0; i < data.length; i += CHUNK) await writer.write(data.subarray(i, Math.min(i + CHUNK, data.length)) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    take(decoder.decode(value), false);
  }
  take('', true);
  await writing;
  return out;
}

function visibilityOf(state: unknown): SheetVisibility {
  return state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
}

/**
 * Reads every worksheet of the .xlsx `bytes` into grids, streaming. Same result as
 * `gridsOfWorkbook(await loadWorkbook(bytes), name)`; throws (like `loadWorkbook`) on a file
 * exceljs cannot read — run the door check (`app/guard.ts`) first.
 */
export async function readGridsStreaming(bytes: Uint8Array, name: string, options: StreamReadOptions = {}): Promise<WorkbookGrids> {
  const inspected = inspectXlsxBytes(bytes);
  if (!inspected.ok) throw new Error(inspected.reason);
  const entryByPath = new Map(inspected.entries.map((e) => [e.name, e]));
  const every = options.every ?? 10_000;
  const interned = new Map<string, string>();
  const intern = (s: string): string => {
    if (s.length > 64) return s;
    const hit = interned.get(s);
    if (hit !== undefined) return hit;
    // Copy out of the parser's buffers (a sliced string would keep the whole chunk alive).
    const own = (' ' + s).slice(1);
    interned.set(own, own);
    return own;
  };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    entries: 'ignore',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const sheets: SheetRead[] = [];
  let total = 0;
  for await (const wsReader of reader) {
    const ws = wsReader as unknown as ExcelJS.stream.xlsx.WorksheetReader & { id: number | string; name: string; state?: string };
    const sheetNo = Number((ws as unknown as { sheetNo?: string }).sheetNo ?? ws.id);
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
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
      total++;
      if (options.onRows && total % every === 0) options.onRows(total, ws.name);
    }
    sheets.push({ sheetNo, grid: { name: ws.name, values, numberFormats: formats, merges: [], visibility: visibilityOf(ws.state) } });
  }
  options.onRows?.(total, '');

  // The `id` exceljs gives a worksheet reader is the workbook's sheetId when found; map the file
  // number back through the relationship targets to find each sheet's XML part.
  const model = (reader as unknown as { model?: { sheets?: { id: number; name: string; rId: string }[] } }).model;
  const rels = (reader as unknown as { workbookRels?: { Id: string; Target: string }[] }).workbookRels ?? [];
  const order = (model?.sheets ?? []).map((s) => s.name);
  const partOf = (sheetName: string): string | undefined => {
    const s = model?.sheets?.find((x) => x.name === sheetName);
    const rel = s && rels.find((r) => r.Id === s.rId);
    return rel ? `xl/${rel.Target.replace(/^\/?xl\//, '').replace(/^\//, '')}` : undefined;
  };

  const grids: Grid[] = [];
  for (const s of sheets) {
    const part = partOf(s.grid.name) ?? `xl/worksheets/sheet${s.sheetNo}.xml`;
    const entry = entryByPath.get(part);
    const merges = entry ? await scanMerges(bytes, entry) : [];
    const values = s.grid.values as CellValue[][];
    const formats = s.grid.numberFormats as (string | null)[][];
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
