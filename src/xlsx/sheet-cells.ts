/**
 * The cells of a worksheet part, read as exceljs's whole reader reads them, for both readers of
 * .xlsx packages: the command line's streaming reader (`stream-read.ts`, fed one inflated chunk at
 * a time) and the pane's reader of picked files (`bytes-read.ts`, fed the whole text). No Node
 * import.
 *
 * - a number whose style has a date format (exceljs's `isDateFmt`) is a `Date` (1900 or 1904
 *   system); a formula gives its cached result, dated the same way — a cached 0 or FALSE too; no
 *   cached result (no `<v>`, or an empty one on a formula not typed as text: a file saved by a tool
 *   that does not calculate) is `NOT_CALCULATED_CELL`, never blank; an empty text result is blank;
 * - shared and inline strings give their plain text (rich-text runs joined, phonetic runs left
 *   out); `t="b"` a boolean; `t="e"` a `{ error }`; a `t="str"` text (a formula's cached text, or
 *   a text written by a tool that uses no shared strings) has its entities decoded once — exceljs
 *   decodes it twice, turning a typed `&amp;` into `&`; here it stays what the person wrote;
 * - the number format is the style's (custom, or Excel's built-in code for ids 1–49), none for
 *   General or style 0;
 * - cells covered by a merge (not its top-left) are blank.
 *
 * The text is scanned once, tag by tag with `indexOf` (no pattern per cell, no attribute map, no
 * object per cell): this is most of the cost of reading a workbook, and every cell of the sheet
 * goes through it. What a style means (its number format, whether it is a date) is decided once
 * per style, not per cell.
 */
import type { CellRange, CellValue, Grid, SheetVisibility } from '../domain/grid';
import { NOT_CALCULATED_CELL, parseAddress } from '../domain/grid';
import { attrsOf, decodeXml, elements, section } from './ooxml';

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

/** XML text with its entities decoded (the text itself when it has none). */
function decoded(raw: string): string {
  return raw.indexOf('&') < 0 ? raw : decodeXml(raw);
}

/** Text of an XML text node: entities and Excel's `_xHHHH_` escapes decoded. */
function textOf(raw: string, escapes = true): string {
  const t = decoded(raw);
  return escapes && t.indexOf('_x') >= 0 ? t.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : t;
}

/** `<t>text</t>` or `<t xml:space="preserve">text</t>` and nothing else: its raw text; else undefined. */
function plainT(xml: string): string | undefined {
  if (!xml.startsWith('<t') || !xml.endsWith('</t>')) return undefined;
  const c = xml.charCodeAt(2);
  if (c !== 62 && c !== 32) return undefined; // `<t>` or `<t …>`, not `<tx>`
  const open = tagEnd(xml, 2);
  if (open < 0 || xml.charCodeAt(open - 1) === 47) return undefined; // `<t/>…`
  const close = xml.length - 4;
  const text = xml.slice(open + 1, close);
  return text.indexOf('<') < 0 ? text : undefined;
}

/**
 * The text of a shared string (`<si>`, whole) or an inline string (`<is>`'s content): rich-text
 * runs joined, phonetic runs left out. exceljs decodes `_xHHHH_` escapes in shared strings and in
 * runs, not in an inline string's plain `<t>` (`escapes` false).
 */
export function stringItem(xml: string, escapes = true): string | null {
  // The common case, one plain `<t>` (inside `<si>` for a shared string), without a pattern.
  const bare = xml.startsWith('<si>') && xml.endsWith('</si>') ? xml.slice(4, -5) : xml;
  const plain = plainT(bare);
  if (plain !== undefined) return textOf(plain, escapes);
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

export interface Styles {
  /** Number format code of each cell style (`cellXfs` index), undefined for General. */
  readonly formats: readonly (string | undefined)[];
  /** Whether each cell style's number format is a date or time (decided once per style). */
  readonly dates: readonly boolean[];
}

export function readStyles(xml: string | null): Styles {
  if (!xml) return { formats: [], dates: [] };
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
  return { formats, dates: formats.map(isDateFormat) };
}

export interface SheetContext {
  readonly strings: readonly (string | null)[];
  readonly styles: Styles;
  readonly date1904: boolean;
}

// ---------------------------------------------------------------------------------------------
// Scanning

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const COLON = 58;

/** Index of the `>` ending the tag whose attributes start at `i` (quoted values may hold `>`), or -1. */
function tagEnd(s: string, i: number): number {
  for (let k = i; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch === GT) return k;
    if (ch === 34 || ch === 39) {
      const q = s.indexOf(ch === 34 ? '"' : "'", k + 1);
      if (q < 0) return -1;
      k = q;
    }
  }
  return -1;
}

/** End of a tag's name that starts at `i` (at whitespace, `/` or `>`). */
function nameEnd(s: string, i: number): number {
  let k = i;
  for (; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 32 || ch === GT || ch === SLASH || ch === 10 || ch === 9 || ch === 13) break;
  }
  return k;
}

/** Start of the local part of the name `s[i..end)` (after its prefix, if any). */
function localStart(s: string, i: number, end: number): number {
  for (let k = end - 1; k >= i; k--) if (s.charCodeAt(k) === COLON) return k + 1;
  return i;
}

function isLocal(s: string, start: number, end: number, local: string): boolean {
  return end - start === local.length && s.startsWith(local, start);
}

/** The attributes `r`, `s` and `t` of a tag's attribute text `s[from..to)` (raw values). */
interface CellAttrs {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
}

function readAttrs(s: string, from: number, to: number, out: CellAttrs): void {
  out.r = out.s = out.t = undefined;
  let k = from;
  while (k < to) {
    const ch = s.charCodeAt(k);
    if (ch === 32 || ch === 10 || ch === 9 || ch === 13 || ch === SLASH) {
      k++;
      continue;
    }
    const n0 = k;
    while (k < to && s.charCodeAt(k) !== 61 /* = */ && s.charCodeAt(k) > 32) k++;
    const n1 = k;
    while (k < to && s.charCodeAt(k) !== 34 && s.charCodeAt(k) !== 39) k++;
    if (k >= to) return;
    const q = s.indexOf(s.charCodeAt(k) === 34 ? '"' : "'", k + 1);
    if (q < 0 || q > to) return;
    if (n1 - n0 === 1) {
      const v = s.slice(k + 1, q);
      const c = s.charCodeAt(n0);
      if (c === 114) out.r = decoded(v);
      else if (c === 115) out.s = decoded(v);
      else if (c === 116) out.t = decoded(v);
    }
    k = q + 1;
  }
}

/** What a cell's `t` says, as the reading uses it (`n`, `d` and unknown types read as numbers, as exceljs does). */
const enum CellType {
  Number,
  Shared,
  Str,
  Bool,
  Error,
  Inline,
}

function cellType(t: string): CellType {
  switch (t) {
    case 's':
      return CellType.Shared;
    case 'str':
      return CellType.Str;
    case 'b':
      return CellType.Bool;
    case 'e':
      return CellType.Error;
    case 'inlineStr':
      return CellType.Inline;
    default:
      return CellType.Number;
  }
}

/** The non-negative integer written in `s[from..to)` with digits only (up to 15: exact), or -1. */
function digitsAt(s: string, from: number, to: number): number {
  if (from >= to || to - from > 15) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The column of the reference `s[from..to)` when it is plain (`AB12`: 1–3 capitals, a row from 1 with up to 7 digits), else 0. */
function plainColumn(s: string, from: number, to: number): number {
  let col = 0;
  let k = from;
  for (; k < to && k < from + 3; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else break;
  }
  if (k === from || k >= to || to - k > 7) return 0;
  const first = s.charCodeAt(k);
  if (first < 49 || first > 57) return 0;
  for (let j = k + 1; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return 0;
  }
  return col;
}

/** A cell's start tag as the reading uses it: its column (from `r`), style id (`s`) and type (`t`). */
interface CellStart {
  col: number | undefined;
  style: number;
  type: CellType;
}

/**
 * Reads `r`, `s` and `t` of a cell's start tag from `from` (after its name) in place — no string
 * per attribute in the common case; the index of the tag's `>`, or -1 when the tag is cut.
 */
function cellAttrs(s: string, from: number, out: CellStart): number {
  out.col = undefined;
  out.style = NaN;
  out.type = CellType.Number;
  const to = s.length;
  let k = from;
  while (k < to) {
    const ch = s.charCodeAt(k);
    if (ch === GT) return k;
    if (ch === 32 || ch === 10 || ch === 9 || ch === 13 || ch === SLASH) {
      k++;
      continue;
    }
    const n0 = k;
    while (k < to && s.charCodeAt(k) !== 61 /* = */ && s.charCodeAt(k) > 32 && s.charCodeAt(k) !== GT) k++;
    const n1 = k;
    while (k < to && s.charCodeAt(k) !== 34 && s.charCodeAt(k) !== 39 && s.charCodeAt(k) !== GT) k++;
    if (k >= to) return -1;
    if (s.charCodeAt(k) === GT) return k;
    const q0 = k + 1;
    // The closing quote, by hand: attribute values are a few characters (a call to indexOf cost more).
    const quote = s.charCodeAt(k);
    let q1 = q0;
    while (q1 < to && s.charCodeAt(q1) !== quote) q1++;
    if (q1 >= to) return -1;
    k = q1 + 1;
    if (n1 - n0 !== 1) continue;
    const name = s.charCodeAt(n0);
    if (name === 114 /* r */) {
      out.col = plainColumn(s, q0, q1) || parseAddress(decoded(s.slice(q0, q1)))?.col;
    } else if (name === 115 /* s */) {
      const d = digitsAt(s, q0, q1);
      out.style = d >= 0 ? d : parseInt(decoded(s.slice(q0, q1)), 10);
    } else if (name === 116 /* t */) {
      const len = q1 - q0;
      const c = s.charCodeAt(q0);
      out.type =
        len === 1
          ? c === 115
            ? CellType.Shared
            : c === 98
              ? CellType.Bool
              : c === 101
                ? CellType.Error
                : CellType.Number
          : cellType(decoded(s.slice(q0, q1)));
    }
  }
  return -1;
}

/**
 * A worksheet part read into a grid, fed its text in pieces (`feed`; an element cut by a piece's
 * end is read with the next piece) and closed by `finish`. Kept strings go through `keep` (the
 * streaming reader copies them out of the chunk they were cut from, and interns the short ones).
 */
export class SheetCells {
  /** `<row>` elements read so far. */
  rows = 0;
  private readonly values: CellValue[][] = [];
  private readonly formats: (string | null)[][] = [];
  /** The text of each formula read with no cached value (`NOT_CALCULATED_CELL`), same shape as `values`. */
  private readonly formulas: string[][] = [];
  private readonly merges: CellRange[] = [];
  /** Per column (0-based), the last `t="str"` text read whose XML had no entity (see `textAt`). */
  private readonly lastText: (string | undefined)[] = [];
  private carry = '';
  private inData = false;
  private rowNo = 0;
  private colNo = 0;
  private readonly attrs: CellAttrs = { r: undefined, s: undefined, t: undefined };
  private readonly at: CellStart = { col: undefined, style: NaN, type: CellType.Number };

  constructor(
    private readonly ctx: SheetContext,
    private readonly keep: (s: string) => string = (s) => s,
    /** Called at each `<row>` with the rows read so far (progress). */
    private readonly onRow?: (rows: number) => void,
  ) {}

  /** Reads the complete elements of `carry + text`; the rest waits for the next piece. */
  feed(text: string): void {
    this.carry = feedElements(this.carry, text, (s, lt) => this.element(s, lt));
  }

  /** The grid read, cells covered by a merge blanked (as in `gridOfWorksheet`). */
  finish(name: string, visibility: SheetVisibility): Grid {
    const { values, formats, merges, formulas } = this;
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if ((r !== m.top || c !== m.left) && values[r - 1]?.[c - 1] !== undefined) {
            delete values[r - 1][c - 1];
            if (formats[r - 1]) delete formats[r - 1][c - 1];
          }
        }
      }
    }
    return { name, values, numberFormats: formats, merges, visibility, ...(formulas.length > 0 ? { formulas } : {}) };
  }

  /** Reads the element (or closing tag, comment…) at `lt`; the index after it, or -1 when it is cut. */
  private element(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (this.inData && c1 === 99 /* c */) {
      const c2 = s.charCodeAt(lt + 2);
      if (c2 === 32 || c2 === GT || c2 === SLASH) return this.cell(s, lt + 1, lt + 2);
    }
    if (c1 === 33 /* ! */) {
      const close = s.startsWith('<!--', lt) ? '-->' : s.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const at = s.indexOf(close, lt + 2);
      return at < 0 ? -1 : at + close.length;
    }
    if (c1 === 63 /* ? */) {
      const at = s.indexOf('?>', lt + 2);
      return at < 0 ? -1 : at + 2;
    }
    const closing = c1 === SLASH;
    const n0 = closing ? lt + 2 : lt + 1;
    const n1 = nameEnd(s, n0);
    if (n1 >= s.length) return -1;
    const end = tagEnd(s, n1);
    if (end < 0) return -1;
    const l0 = localStart(s, n0, n1);
    if (closing) {
      if (isLocal(s, l0, n1, 'sheetData')) this.inData = false;
      return end + 1;
    }
    const selfClosing = s.charCodeAt(end - 1) === SLASH;
    if (this.inData) {
      if (n1 - l0 === 1 && s.charCodeAt(l0) === 99 /* c */) return this.cell(s, n0, n1);
      if (isLocal(s, l0, n1, 'row')) {
        readAttrs(s, n1, end, this.attrs);
        const r = this.attrs.r;
        this.rowNo = r ? Number(r) : this.rowNo + 1;
        this.colNo = 0;
        this.rows++;
        this.onRow?.(this.rows);
      }
      return end + 1;
    }
    if (isLocal(s, l0, n1, 'sheetData')) {
      this.inData = !selfClosing;
    } else if (isLocal(s, l0, n1, 'mergeCell')) {
      const [from, to = from] = (attrsOf(s.slice(lt, end + 1)).get('ref') ?? '').split(':');
      const tl = from ? parseAddress(from) : null;
      const br = to ? parseAddress(to) : null;
      if (tl && br) this.merges.push({ top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) });
    }
    return end + 1;
  }

  /** One `<c>` (its name is `s[n0..n1)`): its value and format go in the grid. Index after it, or -1 when cut. */
  private cell(s: string, n0: number, n1: number): number {
    const at = this.at;
    const end = cellAttrs(s, n1, at);
    if (end < 0) return -1;
    let after = end + 1;
    /** The first `<v>`'s text, `s[v0..v1)` (v0 < 0: none). */
    let v0 = -1;
    let v1 = -1;
    let formula = false;
    /** The formula's text, `s[f0..f1)` (f0 < 0: none, or a shared formula's other cells). */
    let f0 = -1;
    let f1 = -1;
    let inline: string | undefined;
    if (s.charCodeAt(end - 1) !== SLASH) {
      const prefixed = n1 - n0 !== 1;
      const closeTag = prefixed ? `</${s.slice(n0, n1)}>` : '</c>';
      // The cell's children up to its closing tag: `<f>`, `<v>`, `<is>` (others are skipped). The first of each counts.
      // The next tag is most often right after the start tag (`<c …><v>`): no search then.
      let k = s.charCodeAt(end + 1) === LT ? end + 1 : s.indexOf('<', end + 1);
      for (;;) {
        if (k < 0) return -1;
        const c1 = s.charCodeAt(k + 1);
        if (c1 === 118 /* v */ && s.charCodeAt(k + 2) === GT) {
          // `<v>`, the common case
          const vEnd = s.indexOf('<', k + 3);
          if (vEnd < 0) return -1;
          if (v0 < 0) {
            v0 = k + 3;
            v1 = vEnd;
          }
          // Past `</v>` (usually followed right away by `</c>`) without searching; else the next `<`.
          if (s.charCodeAt(vEnd + 1) === SLASH && s.charCodeAt(vEnd + 2) === 118 && s.charCodeAt(vEnd + 3) === GT) {
            k = vEnd + 4;
            if (s.charCodeAt(k) !== LT) k = s.indexOf('<', k);
          } else {
            k = s.indexOf('<', vEnd + 1);
          }
          continue;
        }
        if (c1 === SLASH) {
          if (prefixed ? s.startsWith(closeTag, k) : s.charCodeAt(k + 2) === 99 && s.charCodeAt(k + 3) === GT) {
            after = k + closeTag.length;
            break;
          }
          k = s.indexOf('<', k + 2);
          continue;
        }
        const c0 = k + 1;
        const cn = nameEnd(s, c0);
        const ce = tagEnd(s, cn);
        if (ce < 0) return -1;
        const l0 = localStart(s, c0, cn);
        const self = s.charCodeAt(ce - 1) === SLASH;
        const local = cn - l0 === 1 ? s.charCodeAt(l0) : cn - l0 === 2 && s.startsWith('is', l0) ? 1 : 0;
        let next = ce + 1;
        if (local === 118 /* v */) {
          const vEnd = self ? ce + 1 : s.indexOf('<', ce + 1);
          if (vEnd < 0) return -1;
          if (v0 < 0) {
            v0 = ce + 1;
            v1 = vEnd;
          }
          next = self ? ce + 1 : vEnd + 1;
        } else if (local === 102 /* f */) {
          if (!formula) {
            readAttrs(s, cn, ce, this.attrs);
            formula = this.attrs.t !== undefined || (!self && s.charCodeAt(ce + 1) !== LT);
            if (!self && s.charCodeAt(ce + 1) !== LT) {
              f0 = ce + 1;
              f1 = s.indexOf('<', f0);
              if (f1 < 0) return -1;
            }
          }
        } else if (local === 1 && !self) {
          const ie = s.indexOf(`</${s.slice(c0, cn)}>`, ce + 1);
          if (ie < 0) return -1;
          inline ??= s.slice(ce + 1, ie);
          next = ie + 1;
        } else if (local === 1) {
          inline ??= '';
        }
        k = s.indexOf('<', next);
      }
    }
    this.colNo = at.col ?? this.colNo + 1;
    const value = this.valueOf(s, at.type, v0, v1, formula, inline, at.style);
    if (value === null) return after;
    const row = this.rowNo - 1;
    const col = this.colNo - 1;
    (this.values[row] ??= [])[col] = value;
    if (value === NOT_CALCULATED_CELL && f0 >= 0) (this.formulas[row] ??= [])[col] = this.keep(decoded(s.slice(f0, f1)));
    const fmt = at.style ? this.ctx.styles.formats[at.style] : undefined;
    if (fmt && fmt !== 'General') (this.formats[row] ??= [])[col] = fmt;
    return after;
  }

  /**
   * The text of a `t="str"` cell's `<v>`, `s[v0..v1)` (not empty), entities decoded once. When its
   * XML is the column's previous text (consecutive rows repeat their municipality, sector, program
   * or unit) that same string is returned: no slice, no copy, no lookup in the interned strings.
   * Only texts written without entities are remembered (their XML is their text).
   */
  private textAt(s: string, v0: number, v1: number): string {
    const col = this.colNo - 1;
    const last = this.lastText[col];
    if (last !== undefined && last.length === v1 - v0 && s.startsWith(last, v0)) return last;
    const raw = s.slice(v0, v1);
    if (raw.indexOf('&') >= 0) return this.keep(decodeXml(raw));
    const kept = this.keep(raw);
    this.lastText[col] = kept;
    return kept;
  }

  private isDate(styleId: number): boolean {
    return styleId ? this.ctx.styles.dates[styleId] === true : false;
  }

  /**
   * The displayed value of one cell (what exceljs's cell value and `plainValue` give), from its
   * type, the text of its `<v>` (`s[v0..v1)`, none when v0 < 0), whether it has a formula, its
   * inline string and its style.
   */
  private valueOf(s: string, type: CellType, v0: number, v1: number, formula: boolean, inline: string | undefined, styleId: number): CellValue {
    if (formula) {
      // No cached result (a file saved without calculating) is unknown, not blank; a cached 0 or
      // FALSE is a value; an empty cached text (`=IF(A1="";"";…)`, `t="str"`) is blank.
      if (v0 < 0) return NOT_CALCULATED_CELL;
      if (v1 === v0) return type === CellType.Str ? null : NOT_CALCULATED_CELL;
      if (type === CellType.Str) return this.textAt(s, v0, v1);
      const raw = decoded(s.slice(v0, v1));
      if (!raw) return null;
      if (type === CellType.Bool) return parseInt(raw, 10) !== 0;
      if (type === CellType.Error) return { error: raw };
      const n = parseFloat(raw);
      if (Number.isNaN(n)) return null;
      return this.isDate(styleId) ? excelToDate(n, this.ctx.date1904) : n;
    }
    if (type === CellType.Inline) {
      if (inline === undefined) return null;
      const text = stringItem(inline, false);
      return text === null ? null : this.keep(text);
    }
    if (v0 < 0 || v1 === v0) return null;
    if (type === CellType.Shared) {
      const i = digitsAt(s, v0, v1);
      return this.ctx.strings[i >= 0 ? i : parseInt(decoded(s.slice(v0, v1)), 10)] ?? null;
    }
    if (type === CellType.Number) {
      // A whole number read in place; anything else (sign, decimals, exponent) by `parseFloat`.
      const i = digitsAt(s, v0, v1);
      const n = i >= 0 ? i : parseFloat(decoded(s.slice(v0, v1)));
      return this.isDate(styleId) ? excelToDate(n, this.ctx.date1904) : n;
    }
    if (type === CellType.Str) return this.textAt(s, v0, v1);
    const raw = decoded(s.slice(v0, v1));
    switch (type) {
      case CellType.Bool:
        return parseInt(raw, 10) !== 0;
      case CellType.Error:
        return { error: raw };
      default: {
        const n = parseFloat(raw);
        return this.isDate(styleId) ? excelToDate(n, this.ctx.date1904) : n;
      }
    }
  }
}

/**
 * The shared-strings part read into its items, fed in pieces like `SheetCells`; `keep` copies
 * each text out of the piece it was cut from.
 */
export class SharedStrings {
  readonly items: (string | null)[] = [];
  private carry = '';

  constructor(private readonly keep: (s: string) => string = (s) => s) {}

  feed(text: string): void {
    this.carry = feedElements(this.carry, text, (s, lt) => this.item(s, lt));
  }

  /** Reads the element at `lt` (an `<si>` is kept); where the next one starts, or -1 when cut off. */
  private item(s: string, lt: number): number {
    const n0 = lt + 1;
    const n1 = nameEnd(s, n0);
    if (n1 >= s.length) return -1;
    const l0 = localStart(s, n0, n1);
    if (s.charCodeAt(n0) === SLASH || !isLocal(s, l0, n1, 'si')) {
      const end = tagEnd(s, n1);
      return end < 0 ? -1 : end + 1;
    }
    const end = tagEnd(s, n1);
    if (end < 0) return -1;
    if (s.charCodeAt(end - 1) === SLASH) {
      this.items.push(stringItem(s.slice(lt, end + 1)));
      return end + 1;
    }
    const closeTag = `</${s.slice(n0, n1)}>`;
    const close = s.indexOf(closeTag, end + 1);
    if (close < 0) return -1;
    const pos = close + closeTag.length;
    const text = stringItem(s.slice(lt, pos));
    this.items.push(text === null ? null : this.keep(text));
    return pos;
  }
}

/**
 * Reads the complete elements of `carry + text` in order: `element` reads the one at `lt` and
 * returns where the next starts, or -1 when it is cut off by the end of the piece. Returns what
 * waits for the next piece (from the first incomplete element).
 */
function feedElements(carry: string, text: string, element: (s: string, lt: number) => number): string {
  let s = text;
  let pos = 0;
  if (carry) {
    // The element cut at the end of the last piece (`carry` starts at its `<`) is read from a short
    // string joining the two, not from `carry + text` whole: that copied every piece (hundreds of KB)
    // once more, and the rest of the piece is read where it is.
    for (let m = Math.min(text.length, 1024); ; m = Math.min(text.length, m * 8)) {
      const head = carry + text.slice(0, m);
      const next = element(head, 0);
      if (next > carry.length) {
        pos = next - carry.length;
        break;
      }
      if (next >= 0) {
        // Complete within `carry` (it never is: it was cut): read the two joined, as before.
        s = carry + text;
        pos = 0;
        break;
      }
      if (m >= text.length) return head;
    }
  }
  for (;;) {
    const lt = s.charCodeAt(pos) === LT ? pos : s.indexOf('<', pos);
    if (lt < 0) return '';
    const next = element(s, lt);
    if (next < 0) return s.slice(lt);
    pos = next;
  }
}
