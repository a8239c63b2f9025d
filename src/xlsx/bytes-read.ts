/**
 * The pane's reader of .xlsx files the reviewer picks (Consolidar): bytes → the same plain grids
 * `gridsOfWorkbook(await loadWorkbook(bytes))` gives the command line, without exceljs and
 * without Node — the zip directory of the door check (`app/guard.ts`), the Web
 * `DecompressionStream` (`app/inflate.ts`) and the project's exact XML text helpers (`ooxml.ts`).
 * exceljs's browser build would add about 250 KB gzipped to the pane for a job this small.
 *
 * It reads cells as exceljs does, with the cell scanner the command line's streaming reader uses
 * too (`sheet-cells.ts`), so both hosts hand the engine the same values (the contract test
 * `test/contract/bytes-read.contract.test.ts` compares them with exceljs's whole reader on every
 * example, fixture and real layout).
 *
 * A package that is not whole is refused by the same structure check as the command line's
 * (`structure.ts`), with the same `DamagedWorkbookError`.
 */
import { inspectXlsxBytes } from '../app/guard';
import { inflateRaw } from '../app/inflate';
import type { ZipEntryInfo } from '../app/zip-directory';
import { DamagedWorkbookError } from '../app/errors';
import type { Grid, WorkbookGrids } from '../domain/grid';
import { SharedStrings, SheetCells, readStyles, type SheetContext } from './sheet-cells';
import { readingLayout } from './structure';

/** The part's bytes inflated and decoded as UTF-8; null when absent. */
async function partText(bytes: Uint8Array, byName: ReadonlyMap<string, ZipEntryInfo>, name: string): Promise<string | null> {
  const entry = byName.get(name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localHeaderOffset;
  const start = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder('utf-8').decode(data);
  const chunks: Uint8Array[] = [];
  await inflateRaw(data, (chunk) => {
    chunks.push(chunk);
  });
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8').decode(out);
}


/**
 * Reads an .xlsx's bytes into grids. The caller ran the door check (`guardXlsxBytes`); a package
 * that is not whole throws `DamagedWorkbookError`.
 */
export async function readXlsxGrids(bytes: Uint8Array, name: string): Promise<WorkbookGrids> {
  const inspected = inspectXlsxBytes(bytes);
  if (!inspected.ok) throw new DamagedWorkbookError(inspected.reason);
  const byName = new Map(inspected.entries.map((e) => [e.name, e]));
  const texts = new Map<string, string | null>();
  const text = async (part: string) => {
    if (!texts.has(part)) texts.set(part, await partText(bytes, byName, part));
    return texts.get(part) ?? null;
  };
  for (const part of ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) await text(part);
  const layout = readingLayout({ text: (part) => texts.get(part) ?? null, has: (part) => byName.has(part) });
  const sst = await text(layout.sharedStringsPart);
  const shared = new SharedStrings();
  if (sst) shared.feed(sst);
  const ctx: SheetContext = { strings: shared.items, styles: readStyles(await text(layout.stylesPart)), date1904: layout.date1904 };
  const grids: Grid[] = [];
  for (const s of layout.sheets) {
    if (s.part === null) continue;
    const cells = new SheetCells(ctx);
    cells.feed((await partText(bytes, byName, s.part)) ?? '');
    grids.push(cells.finish(s.name, s.visibility));
  }
  return { name, sheets: grids };
}
