/**
 * The pane's reader of .xlsx files the reviewer picks (Consolidar): bytes → the same plain grids
 * `gridsOfWorkbook(await loadWorkbook(bytes))` gives the command line, without exceljs and
 * without Node — the zip directory of the door check (`app/guard.ts`), the Web
 * `DecompressionStream` (`app/inflate.ts`) and the project's exact XML text helpers (`ooxml.ts`).
 * exceljs's browser build would add about 250 KB gzipped to the pane for a job this small.
 *
 * It reads cells as exceljs does, so both hosts hand the engine the same values (the contract test
 * `test/contract/consolidar-pane.test.ts` compares them on every example and real layout):
 * - a number whose style has a date format (exceljs's `isDateFmt`) is a `Date` (1900 or 1904
 *   system); a formula gives its cached result, dated the same way — a cached 0 or FALSE too (the
 *   CLI reads it from the cell, past exceljs's copy that drops it: `cellValueOf`); no cached
 *   result is blank;
 * - shared and inline strings give their plain text (rich-text runs joined, phonetic runs left
 *   out); `t="b"` a boolean; `t="e"` a `{ error }`;
 * - the number format is the style's (custom, or Excel's built-in code for ids 1–49), none for
 *   General or style 0;
 * - cells covered by a merge (not its top-left) are blank; sheet states are kept.
 *
 * A package that is not whole is refused by the same structure check as the command line's
 * (`structure.ts`), with the same `DamagedWorkbookError`.
 */
import { inspectXlsxBytes } from '../app/guard';
import { inflateRaw } from '../app/inflate';
import type { ZipEntryInfo } from '../app/zip-directory';
import { DamagedWorkbookError } from '../app/errors';
import type { CellRange, CellValue, Grid, SheetVisibility, WorkbookGrids } from '../domain/grid';
import { parseAddress } from '../domain/grid';
import { attrsOf, decodeXml, elements, parseRels, relIs, relsPathOf, resolveTarget, section } from './ooxml';
import { structureOf } from './structure';

/** exceljs's table of Excel's built-in number formats (`defaultnumformats.js`, the codes it reports). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's `isDateFmt`: a date or time code outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** exceljs's `excelToDate`. */
function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Text of an XML text node: entities and Excel's `_xHHHH_` escapes decoded. */
function textOf(raw: string, escapes = true): string {
  const t = decodeXml(raw);
  return escapes ? t.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : t;
}

/**
 * The text of a shared string (`<si>`) or an inline string (`<is>`): rich-text runs joined,
 * phonetic runs left out. exceljs decodes `_xHHHH_` escapes in shared strings and in runs, not in
 * an inline string's plain `<t>` (`escapes` false).
 */
function stringItem(xml: string, escapes = true): string | null {
  const body = xml.replace(/<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>/g, '');
  const runs = elements(body, 'r');
  if (runs.length > 0) return runs.map((r) => tText(r.text)).join('');
  const t = section(body, 't');
  return t ? textOf(t.inner, escapes) : null;
}

function tText(xml: string): string {
  const t = section(xml, 't');
  return t ? textOf(t.inner) : '';
}

interface Styles {
  /** Number format code of each cell style (`cellXfs` index), undefined for General. */
  readonly formats: readonly (string | undefined)[];
}

function readStyles(xml: string | null): Styles {
  if (!xml) return { formats: [] };
  const custom = new Map<number, string>();
  const numFmts = section(xml, 'numFmts');
  for (const e of numFmts ? elements(numFmts.inner, 'numFmt') : []) {
    const a = attrsOf(e.open);
    // exceljs drops the backslash of escaped characters (`\$#,##0` → `$#,##0`).
    custom.set(Number(a.get('numFmtId')), (a.get('formatCode') ?? '').replace(/\\(.)/g, '$1'));
  }
  const xfs = section(xml, 'cellXfs');
  const formats = (xfs ? elements(xfs.inner, 'xf') : []).map((e) => {
    const id = Number(attrsOf(e.open).get('numFmtId') ?? 0);
    return id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined;
  });
  return { formats };
}

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


interface SheetContext {
  readonly strings: readonly (string | null)[];
  readonly styles: Styles;
  readonly date1904: boolean;
}

/** One worksheet's XML to a grid, cell by cell as exceljs reads it (see the module's doc). */
export function gridOfSheetXml(name: string, visibility: SheetVisibility, xml: string, ctx: SheetContext): Grid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const data = section(xml, 'sheetData');
  let rowNo = 0;
  const rowRe = /<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?row>)/g;
  const cellRe = /<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?c>)/g;
  let rm: RegExpExecArray | null;
  while (data && (rm = rowRe.exec(data.inner))) {
    const r = attrsOf(`<row${rm[1]}>`).get('r');
    rowNo = r ? Number(r) : rowNo + 1;
    let colNo = 0;
    let cm: RegExpExecArray | null;
    cellRe.lastIndex = 0;
    const inner = rm[2] ?? '';
    while ((cm = cellRe.exec(inner))) {
      const a = attrsOf(`<c${cm[1]}>`);
      const ref = a.get('r');
      colNo = (ref ? parseAddress(ref)?.col : undefined) ?? colNo + 1;
      const styleId = parseInt(a.get('s') ?? '', 10);
      const fmt = styleId ? ctx.styles.formats[styleId] : undefined;
      const value = cellValue(a.get('t'), cm[2] ?? '', fmt, ctx);
      if (value === null) continue;
      (values[rowNo - 1] ??= [])[colNo - 1] = value;
      if (fmt && fmt !== 'General') (formats[rowNo - 1] ??= [])[colNo - 1] = fmt;
    }
  }
  const merges: CellRange[] = [];
  const mergeList = section(xml, 'mergeCells');
  for (const e of mergeList ? elements(mergeList.inner, 'mergeCell') : []) {
    const [from, to = from] = (attrsOf(e.open).get('ref') ?? '').split(':');
    if (!from) continue;
    const tl = parseAddress(from);
    const br = parseAddress(to);
    if (!tl || !br) continue;
    const m = { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
    merges.push(m);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if ((r !== m.top || c !== m.left) && values[r - 1]?.[c - 1] !== undefined) {
          delete values[r - 1][c - 1];
          if (formats[r - 1]) delete formats[r - 1][c - 1];
        }
      }
    }
  }
  return { name, values, numberFormats: formats, merges, visibility };
}

/** The displayed value of one `<c>` (what exceljs's cell value and `plainValue` give). */
function cellValue(t: string | undefined, inner: string, fmt: string | undefined, ctx: SheetContext): CellValue {
  const f = section(inner, 'f');
  const v = section(inner, 'v');
  const raw = v ? decodeXml(v.inner) : undefined;
  if (f && (f.inner !== '' || attrsOf(f.open).has('t'))) {
    // No cached result (a file saved without calculating) is blank; a cached 0 or FALSE is a value.
    if (!raw) return null;
    if (t === 'str') return decodeXml(raw);
    if (t === 'b') return parseInt(raw, 10) !== 0;
    if (t === 'e') return { error: raw };
    const n = parseFloat(raw);
    if (Number.isNaN(n)) return null;
    return isDateFormat(fmt) ? excelToDate(n, ctx.date1904) : n;
  }
  if (t === 'inlineStr') {
    const is = section(inner, 'is');
    return is ? stringItem(is.inner, false) : null;
  }
  if (raw === undefined || raw === '') return null;
  switch (t) {
    case 's':
      return ctx.strings[parseInt(raw, 10)] ?? null;
    case 'str':
      return decodeXml(raw);
    case 'b':
      return parseInt(raw, 10) !== 0;
    case 'e':
      return { error: raw };
    default: {
      const n = parseFloat(raw);
      return isDateFormat(fmt) ? excelToDate(n, ctx.date1904) : n;
    }
  }
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
  const { workbookPart, sheets } = structureOf({ text: (part) => texts.get(part) ?? null, has: (part) => byName.has(part) });
  const workbookXml = texts.get(workbookPart) ?? '';
  const rels = parseRels(texts.get(relsPathOf(workbookPart)) ?? null);
  const partOf = (kind: 'sharedStrings' | 'styles', fallback: string) => {
    const rel = rels.find((r) => relIs(r.type, kind) && !r.external);
    return rel ? resolveTarget(workbookPart, rel.target) : fallback;
  };
  const sst = await text(partOf('sharedStrings', 'xl/sharedStrings.xml'));
  const strings = sst ? elements(sst, 'si').map((si) => stringItem(si.text)) : [];
  const styles = readStyles(await text(partOf('styles', 'xl/styles.xml')));
  const pr = section(workbookXml, 'workbookPr');
  const ctx: SheetContext = { strings, styles, date1904: pr ? attrsOf(pr.open).get('date1904') === '1' : false };
  const listed = section(workbookXml, 'sheets');
  const states = new Map(
    (listed ? elements(listed.inner, 'sheet') : []).map((e) => {
      const a = attrsOf(e.open);
      return [a.get('name') ?? '', a.get('state')] as const;
    }),
  );
  const grids: Grid[] = [];
  for (const s of sheets) {
    if (s.part === null) continue;
    const state = states.get(s.name);
    const visibility: SheetVisibility = state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
    grids.push(gridOfSheetXml(s.name, visibility, (await partText(bytes, byName, s.part)) ?? '', ctx));
  }
  return { name, sheets: grids };
}
