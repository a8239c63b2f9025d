/**
 * The command line's reader of .xlsx packages (`validar`, `reporte`, the large `generar`): the
 * same plain grids as `gridsOfWorkbook(await loadWorkbook(bytes))` (src/xlsx/read.ts) without
 * exceljs's document model, streaming. Each worksheet part is inflated chunk by chunk, decoded as
 * UTF-8 with one streaming decoder (a character whose bytes straddle two chunks comes out whole)
 * and read by the cell scanner both hosts share (`sheet-cells.ts`); only the grid — values,
 * number formats, merged areas — is kept.
 *
 * Why: the full model keeps an object per cell with its style; a 200,000-row × 30-column capture
 * sheet loaded with `wb.xlsx.load` passes 3 GB of memory, while its grid is a fraction of that.
 * And reading is most of what `validar` costs: exceljs's streaming reader (a SAX parser, a `Row`
 * and a `Cell` with its style per cell) took ~5 µs per cell; the scanner reads the package's own
 * parts in its own order (no temporary files, no part missed when the package stores
 * `xl/workbook.xml` or `xl/styles.xml` after the worksheets).
 *
 * Strings are interned per workbook (the same unit, dimension or enum value repeated on 200,000
 * rows is stored once).
 */
import type { Grid, WorkbookGrids } from '../domain/grid';
import type { ZipEntryInfo } from '../app/zip-directory';
import { openZip, partChunks, readPartText, type ZipSource } from './zip';
import { SharedStrings, SheetCells, readStyles, type SheetContext } from './sheet-cells';
import { readingLayout } from './structure';

export interface StreamReadOptions {
  /** Called every few thousand rows with the rows read so far (progress on stderr). */
  readonly onRows?: (rows: number, sheet: string) => void;
  /** How often `onRows` is called. Default 10,000 rows. */
  readonly every?: number;
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

/** Feeds a part's text to `take`, inflated chunk by chunk and decoded with ONE streaming UTF-8 decoder. */
async function feedPart(zip: ZipSource, entry: ZipEntryInfo, take: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of partChunks(zip, entry)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) take(text);
  }
  const tail = decoder.decode();
  if (tail) take(tail);
}

/**
 * What keeps a string read from a chunk of XML: a copy of it — ONE slice kept in the grid keeps the
 * whole chunk alive, and at 200,000 rows that retained most of the sheet's XML text (hundreds of
 * MB) — and, for a short one, the same copy every time it repeats (the same unit, dimension or enum
 * value on every row is stored once). One per workbook read.
 */
export function stringKeeper(): (s: string) => string {
  const interned = new Map<string, string>();
  const own = (s: string): string => (' ' + s).slice(1);
  return (s) => {
    if (s.length > 64) return own(s);
    const hit = interned.get(s);
    if (hit !== undefined) return hit;
    const copy = own(s);
    interned.set(copy, copy);
    return copy;
  };
}

/**
 * Reads every worksheet of the .xlsx `bytes` into grids, streaming. Same result as
 * `gridsOfWorkbook(await loadWorkbook(bytes), name)`; throws (like `loadWorkbook`) on a package
 * that is not whole (`DamagedWorkbookError`) — run the door check (`app/guard.ts`) first.
 */
export async function readGridsStreaming(input: Uint8Array, name: string, options: StreamReadOptions = {}): Promise<WorkbookGrids> {
  const zip = openZip(asBuffer(input));
  const every = options.every ?? 10_000;
  const intern = stringKeeper();
  const layout = readingLayout({ text: (part) => readPartText(zip, part), has: (part) => zip.byName.has(part) });
  const shared = new SharedStrings(intern);
  const sst = zip.byName.get(layout.sharedStringsPart);
  if (sst) await feedPart(zip, sst, (text) => shared.feed(text));
  const ctx: SheetContext = { strings: shared.items, styles: readStyles(readPartText(zip, layout.stylesPart)), date1904: layout.date1904 };

  const grids: Grid[] = [];
  let total = 0;
  for (const s of layout.sheets) {
    const entry = s.part === null ? undefined : zip.byName.get(s.part);
    if (!entry) continue;
    const before = total;
    const onRows = options.onRows;
    const cells = new SheetCells(ctx, intern, onRows && ((n) => (before + n) % every === 0 && onRows(before + n, s.name)));
    await feedPart(zip, entry, (text) => cells.feed(text));
    total += cells.rows;
    grids.push(cells.finish(s.name, s.visibility));
  }
  options.onRows?.(total, '');
  return { name, sheets: grids };
}
