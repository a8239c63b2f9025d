/**
 * The reader (workbooks.md "Sheet kinds", "Header matching", "Reading cell values"): from a plain
 * grid to a `ReadSheet` — kind, header rows, columns, title block and every data row with each
 * known cell parsed. It only reads: no value is ever changed.
 *
 * Decisions worth knowing:
 * - Merged areas: in data rows a merged value applies to every row the area spans, in the area's
 *   first column (the column of its value). Other columns of a wide merged area stay blank:
 *   pasting a goal over its code column must not make the code the goal. Only covered cells get
 *   `merged: true`; the top-left cell is the value's own cell. In header rows a merged value
 *   applies to every cell of the area (a group "PROGRAMACIÓN" spans its T1…T4).
 * - A row with no value of its own is a blank row and is skipped, even when a merged area from
 *   above covers it; a row whose required cells are all blank (after merges) is not a data row.
 * - A totals row is one whose first non-blank cell starts with the word "Total"/"Totales".
 * - `errorCells` lists error values where they stand (own cells of data rows), not their merged copies.
 * - The title block's "Vigencia" wins over a year found in a header.
 * - Identical cells down a column (same value, same format, not merged) may be the same
 *   immutable `ReadCell` object: never mutate a cell, and do not use cells as identity keys.
 */
import { BASELINE_SHEET, isChangeLogSheet } from './baseline-sheets';
import { columnLetter, isCellError, NOT_CALCULATED, type CellRange, type CellValue, type Grid, type SheetVisibility, type WorkbookGrids } from './grid';
import { resolveUncalculated } from './formula-text';
import { fieldType, headerOf, kindLabels, plannedField, requiredFields, requiredLabel, type FieldId, type PeriodKind, type RequiredField, type SheetKind } from './fields';
import type { DataRow, ErrorCell, ListedSheet, ParsedValue, ReadCell, ReadSheet, ReadWorkbook, UnknownSheet, UnreadColumn, UnreadData } from './sheet';
import { formatDate, type IsoDate } from './dates';
import {
  decideKind,
  matchHeader,
  matchHeaderRows,
  normalizeHeader,
  type HeaderCell,
  type HeaderRowMatch,
} from './headers';
import { errorCodeOf, isEnumType, isPercentFormat, parseDate, parseDateText, parserFor, type CellParser } from './values';
import { capitalized, isBlankText, listOf, normalize } from './text';
import { cutoffPeriod, periodCount, periodEnd } from './periods';
import { companionOf, formatById, formatColumns, formatOfRow, formats, type FormatDescription, type RowFormat } from './formats/index';
import { MAPPING_SHEET, columnOfLetter, sameHeader, sheetMappingOf, unmatchedSheetKeys, type SheetMapping, type WorkbookMapping } from './mapping';

export interface ReaderOptions {
  /** Funding sources accepted besides the default list. */
  readonly extraSources?: readonly string[];
  /** The vigencia the user asked for (`--vigencia`, the pane's setting): multi-year sheets read its block. */
  readonly vigencia?: number;
  /** The cut-off the user asked for: its year is the vigencia when nothing else names one. */
  readonly cutoff?: IsoDate;
  /** Read hidden and very hidden sheets too (`--incluir-ocultas`). */
  readonly includeHidden?: boolean;
  /** The user's corrections (`--mapa`, or the mapping stored in the workbook): they win over the guesses. */
  readonly mapping?: WorkbookMapping;
}

/** Rows searched for the header (workbooks.md: "within the first 30"). */
const headerWindow = 30;
/** Columns looked at in header and title rows. */
const maxHeaderCols = 1000;
/** Longest cell text looked at as a header or a title label. */
const maxLabelLength = 300;

// ---------------------------------------------------------------------------------------------
// The grid as 0-based indices

interface Span {
  /** 0-based row indices into `values`, inclusive. */
  readonly top: number;
  readonly bottom: number;
  /** 0-based column index of the area's first column. */
  readonly left: number;
  readonly right: number;
}

interface SheetView {
  readonly values: Grid['values'];
  readonly formats: Grid['numberFormats'];
  readonly originRow: number;
  readonly originCol: number;
  /** Sane merged areas (multi-cell, ordered corners), in value indices. */
  readonly merges: readonly Span[];
}

function positiveInt(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : fallback;
}

function viewOf(grid: Grid): SheetView {
  const originRow = positiveInt(grid.origin?.row, 1);
  const originCol = positiveInt(grid.origin?.col, 1);
  const values = Array.isArray(grid.values) ? grid.values : [];
  const formats = Array.isArray(grid.numberFormats) ? grid.numberFormats : undefined;
  return { values, formats, originRow, originCol, merges: saneMerges(grid.merges, originRow, originCol) };
}

/** Drops merged areas that are malformed or a single cell; converts to value indices. */
function saneMerges(merges: readonly CellRange[] | undefined, originRow: number, originCol: number): Span[] {
  const out: Span[] = [];
  if (!Array.isArray(merges)) return out;
  for (const m of merges) {
    if (!m || !isInt(m.top) || !isInt(m.left) || !isInt(m.bottom) || !isInt(m.right)) continue;
    if (m.top > m.bottom || m.left > m.right) continue;
    if (m.top === m.bottom && m.left === m.right) continue;
    out.push({ top: m.top - originRow, bottom: m.bottom - originRow, left: m.left - originCol, right: m.right - originCol });
  }
  return out;
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

function valueAt(view: SheetView, i: number, j: number): CellValue | undefined {
  if (i < 0 || j < 0) return undefined;
  const row = view.values[i];
  return row ? row[j] : undefined;
}

function formatAt(view: SheetView, i: number, j: number): string | undefined {
  if (i < 0 || j < 0 || !view.formats) return undefined;
  const f = view.formats[i]?.[j];
  return typeof f === 'string' && f.length > 0 && f !== 'General' ? f : undefined;
}

function isBlankValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && isBlankText(v));
}

// ---------------------------------------------------------------------------------------------
// Header

/** Header-row text of a cell: trimmed strings and numbers; nothing for long texts, dates, errors. */
function labelOf(v: CellValue | undefined): string | undefined {
  if (typeof v === 'string') return v.length <= maxLabelLength && !isBlankText(v) ? v.trim() : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Texts of the first rows with merged values spread over their whole area. */
function headerTexts(view: SheetView, rows: number): (string | undefined)[][] {
  let width = 0;
  for (let i = 0; i < rows; i++) width = Math.max(width, view.values[i]?.length ?? 0);
  width = Math.min(width, maxHeaderCols);
  const t: (string | undefined)[][] = [];
  for (let i = 0; i < rows; i++) {
    const line: (string | undefined)[] = new Array(width).fill(undefined);
    const row = view.values[i];
    if (row) for (let j = 0; j < Math.min(width, row.length); j++) line[j] = labelOf(row[j]);
    t.push(line);
  }
  for (const m of view.merges) {
    const i0 = Math.max(m.top, 0);
    const i1 = Math.min(m.bottom, rows - 1);
    const j0 = Math.max(m.left, 0);
    const j1 = Math.min(m.right, width - 1);
    if (i0 > i1 || j0 > j1) continue;
    const text = labelOf(valueAt(view, m.top, m.left));
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) t[i][j] = text;
  }
  return t;
}

interface HeaderChoice {
  readonly match: HeaderRowMatch;
  /** 0-based indices of the first and last header rows. */
  readonly first: number;
  readonly last: number;
}

interface HeaderSearch {
  readonly choice?: HeaderChoice;
  /** The row that matched most columns of any kind, qualifying or not (for the "unknown" reason). */
  readonly closest?: { readonly match: HeaderRowMatch; readonly row: number };
}

/**
 * Finds the header: the row (or pair of rows) within the first 30 that matches most columns of
 * a kind it qualifies for. On a tie, a single row wins over a pair, unless the pair shares cells
 * merged down both rows (a true two-row header).
 */
function findHeader(view: SheetView, texts: readonly (string | undefined)[][], only: HeaderConstraint = {}): HeaderSearch {
  let best: { choice: HeaderChoice; score: number; tie: number } | undefined;
  let closest: HeaderSearch['closest'];
  const rows = only.row !== undefined ? Math.min(texts.length, only.row + 1) : Math.min(texts.length, headerWindow);
  const relaxed = only.row !== undefined || only.kind !== undefined;
  for (let i = only.row ?? 0; i < rows; i++) {
    if (!texts[i].some((s) => s !== undefined)) continue;
    const variants: { cells: HeaderCell[]; first: number; tie: number }[] = [{ cells: singleCells(view, texts[i]), first: i, tie: 1 }];
    if (i > 0) {
      const pair = pairCells(view, texts[i - 1], texts[i]);
      variants.push({ cells: pair.cells, first: i - 1, tie: pair.shared ? 2 : 0 });
    }
    for (const v of variants) {
      const all = matchHeaderRows(v.cells);
      const matches = only.kind !== undefined ? all.filter((m) => m.kind === only.kind) : all;
      for (const m of matches) {
        if (!closest || m.columns.size > closest.match.columns.size) closest = { match: m, row: view.originRow + i };
      }
      // The user named the row or the kind: the best match there is taken even below the minimum.
      const chosen = decideKind(matches) ?? (relaxed ? largestMatch(matches) : undefined);
      if (!chosen) continue;
      const score = chosen.columns.size;
      if (!best || score > best.score || (score === best.score && best.choice.last === i && v.tie > best.tie)) {
        best = { choice: { match: chosen, first: v.first, last: i }, score, tie: v.tie };
      }
    }
  }
  return { choice: best?.choice, closest };
}

/** Where the mapping says the header is: its 0-based row index and/or its kind. */
interface HeaderConstraint {
  readonly row?: number;
  readonly kind?: SheetKind;
}

/** The match with most columns (at least one), or undefined. */
function largestMatch(matches: readonly HeaderRowMatch[]): HeaderRowMatch | undefined {
  let best: HeaderRowMatch | undefined;
  for (const m of matches) if (m.columns.size > 0 && (!best || m.columns.size > best.columns.size)) best = m;
  return best;
}

function singleCells(view: SheetView, line: readonly (string | undefined)[]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (let j = 0; j < line.length; j++) if (line[j] !== undefined) cells.push({ col: view.originCol + j, text: line[j] });
  return cells;
}

function pairCells(
  view: SheetView,
  group: readonly (string | undefined)[],
  line: readonly (string | undefined)[],
): { cells: HeaderCell[]; shared: boolean } {
  const cells: HeaderCell[] = [];
  let shared = false;
  for (let j = 0; j < line.length; j++) {
    const g = group[j];
    const t = line[j];
    if (g === undefined && t === undefined) continue;
    if (g !== undefined && g === t) shared = true;
    cells.push({ col: view.originCol + j, group: g, text: t });
  }
  return { cells, shared };
}

// ---------------------------------------------------------------------------------------------
// Title block

interface TitleFacts {
  vigencia?: number;
  cutoff?: IsoDate;
  entity?: string;
  unit?: string;
}

const entityPrefixes = [
  'alcaldia', 'gobernacion', 'municipio de', 'municipio del', 'secretaria distrital', 'distrito de',
  'distrito especial', 'departamento de', 'departamento del',
];

function yearIn(words: readonly string[]): number | undefined {
  for (const w of words) if (w.length === 4 && (w.startsWith('19') || w.startsWith('20')) && /^\d{4}$/.test(w)) return Number(w);
  return undefined;
}

/** The first non-blank cell right of a label (labels often sit in merged cells). */
function rightOf(view: SheetView, i: number, j: number): { v: CellValue; fmt?: string } | undefined {
  for (let k = j + 1; k <= j + 8; k++) {
    const v = valueAt(view, i, k);
    if (!isBlankValue(v)) return { v: v as CellValue, fmt: formatAt(view, i, k) };
  }
  return undefined;
}

/** Text after a label's colon ("Dependencia: Salud" → "Salud"), or undefined. */
function afterColon(s: string): string | undefined {
  const k = s.indexOf(':');
  if (k < 0) return undefined;
  const rest = s.slice(k + 1).trim();
  return rest.length > 0 ? rest : undefined;
}

/** Title-block facts from the rows above the header: vigencia, fecha de corte, entity, unit. */
function readTitle(view: SheetView, upTo: number): TitleFacts {
  const facts: TitleFacts = {};
  for (let i = 0; i < upTo; i++) {
    const row = view.values[i];
    if (!row) continue;
    const width = Math.min(row.length, maxHeaderCols);
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (typeof v !== 'string' || v.length > maxLabelLength || isBlankText(v)) continue;
      titleCell(view, i, j, v, facts);
    }
  }
  return facts;
}

function titleCell(view: SheetView, i: number, j: number, text: string, facts: TitleFacts): void {
  const norm = normalize(text);
  const words = norm.split(' ');
  const vig = words.indexOf('vigencia');
  if (facts.vigencia === undefined && (vig >= 0 || words[0] === 'ano')) {
    const from = vig >= 0 ? vig : 0;
    const year = yearIn(words.slice(from + 1)) ?? (words.length - from <= 2 ? yearRightOf(view, i, j) : undefined);
    if (year !== undefined) facts.vigencia = year;
    return;
  }
  if (facts.cutoff === undefined && (norm.startsWith('fecha de corte') || norm.startsWith('fecha corte') || words[0] === 'corte')) {
    facts.cutoff = cutoffOf(view, i, j, text);
    return;
  }
  if (facts.unit === undefined && words[0] === 'dependencia') {
    facts.unit = afterColon(text) ?? textRightOf(view, i, j);
    return;
  }
  if (facts.entity === undefined && words[0] === 'entidad') {
    facts.entity = afterColon(text) ?? textRightOf(view, i, j);
    return;
  }
  if (facts.entity === undefined && entityPrefixes.some((p) => norm.startsWith(p))) facts.entity = text.trim();
}

function yearRightOf(view: SheetView, i: number, j: number): number | undefined {
  const r = rightOf(view, i, j);
  if (!r) return undefined;
  if (typeof r.v === 'number') return Number.isInteger(r.v) && r.v >= 1900 && r.v <= 2099 ? r.v : undefined;
  if (typeof r.v === 'string' && r.v.length <= maxLabelLength) return yearIn(normalize(r.v).split(' '));
  return undefined;
}

function textRightOf(view: SheetView, i: number, j: number): string | undefined {
  const r = rightOf(view, i, j);
  return r && typeof r.v === 'string' && r.v.length <= maxLabelLength ? r.v.trim() : undefined;
}

function cutoffOf(view: SheetView, i: number, j: number, text: string): IsoDate | undefined {
  const inline = afterColon(text) ?? text.replace(/^\s*(?:fecha\s+(?:de\s+)?)?corte\s*/i, '').trim();
  if (inline.length > 0) {
    const d = parseDateText(inline);
    if (d) return d;
  }
  const r = rightOf(view, i, j);
  if (!r) return undefined;
  const p = parseDate(r.v, r.fmt);
  return p.status === 'ok' ? (p.value as IsoDate) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Data rows

interface FieldColumn {
  readonly field: FieldId;
  /** 1-based sheet column and 0-based value index. */
  readonly col: number;
  readonly j: number;
  readonly parse: CellParser;
  readonly required: boolean;
  /** Vertical merged areas whose value is in this column, sorted, non-overlapping. */
  readonly spans: readonly Span[];
}

/** Caches the results of repeated texts (enumerations repeat down a column). */
function cached(parse: CellParser): CellParser {
  const cache = new Map<string, ReturnType<CellParser>>();
  return (raw, fmt) => {
    if (typeof raw !== 'string' || raw.length > 100) return parse(raw, fmt);
    let p = cache.get(raw);
    if (p === undefined) {
      p = parse(raw, fmt);
      if (cache.size < 1000) cache.set(raw, p);
    }
    return p;
  };
}

function fieldColumns(
  view: SheetView,
  kind: SheetKind,
  columns: ReadonlyMap<FieldId, { readonly col: number }>,
  required: readonly RequiredField[],
  dataFrom: number,
  options: ReaderOptions | undefined,
  format: FormatDescription | undefined,
): FieldColumn[] {
  const spansByCol = verticalSpans(view, dataFrom);
  const out: FieldColumn[] = [];
  for (const [field, m] of columns) {
    const type = fieldType(field);
    let base = parserFor(type, options);
    const words = format?.values?.[field];
    if (words) base = withWords(base, words);
    if (type === 'percent' && (format?.fractionPercents?.includes(field) || holdsFractions(view, m.col - view.originCol, dataFrom))) base = asFraction(base);
    const j = m.col - view.originCol;
    out.push({
      field,
      col: m.col,
      j,
      parse: isEnumType(type) || words ? cached(base) : base,
      required: isRequiredIn(required, field),
      spans: spansByCol.get(j) ?? [],
    });
  }
  out.sort((a, b) => a.col - b.col);
  return out;
}

/**
 * A percent column with no `%` number format whose numbers are fractions: an export that writes
 * 0.45 for 45 % (real-formats.md: percentages as 0–1 or 0–100). Judged by the column's typical
 * value, not its largest: at least one number strictly between 0 and 1, the median of the non-zero
 * numbers at most 1, and none above 5 (500 %) — so a goal over-executed at 1.5 (150 %, which the
 * DNP's follow-up expects and shades) does not turn the column's 0.8s into 0,8 %. A column whose
 * typical value is above 1 is in points, as before.
 */
function holdsFractions(view: SheetView, j: number, from: number): boolean {
  let between = false;
  const nonZero: number[] = [];
  for (let i = from; i < view.values.length; i++) {
    const v = view.values[i]?.[j];
    if (typeof v !== 'number' || isPercentFormat(formatAt(view, i, j))) continue;
    if (v < 0 || v > 5) return false;
    if (v > 0 && v < 1) between = true;
    if (v !== 0) nonZero.push(v);
  }
  if (!between) return false;
  nonZero.sort((a, b) => a - b);
  const mid = nonZero.length >> 1;
  const median = nonZero.length % 2 === 1 ? nonZero[mid] : (nonZero[mid - 1] + nonZero[mid]) / 2;
  return median <= 1;
}

/** A percent column its format writes as a fraction whatever its number format (a formula's ratio). */
function asFraction(parse: CellParser): CellParser {
  return (raw, fmt) => parse(raw, typeof raw === 'number' ? '0%' : fmt);
}

/** A format's own words for a field's values (`I` = increasing) before the field's parser. */
/** The words of each field the format writes its values with (for `enum`'s message). */
function valueWordsOf(values: NonNullable<FormatDescription['values']>): Partial<Record<FieldId, readonly string[]>> {
  const out: Partial<Record<FieldId, readonly string[]>> = {};
  for (const [field, words] of Object.entries(values) as [FieldId, Readonly<Record<string, ParsedValue>> | undefined][]) if (words) out[field] = Object.keys(words);
  return out;
}

function withWords(parse: CellParser, words: Readonly<Record<string, ParsedValue>>): CellParser {
  const byKey = new Map(Object.entries(words).map(([word, value]) => [normalize(word), value]));
  return (raw, fmt) => {
    if (typeof raw === 'string') {
      const v = byKey.get(normalize(raw));
      if (v !== undefined) return { status: 'ok', value: v };
    }
    return parse(raw, fmt);
  };
}

/**
 * Merged areas that span more than one row and reach the data, listed under the column of their
 * value, sorted by top row; an area overlapping an earlier one (not possible in Excel) is dropped.
 */
function verticalSpans(view: SheetView, dataFrom: number): Map<number, Span[]> {
  const byCol = new Map<number, Span[]>();
  for (const m of view.merges) {
    if (m.bottom === m.top || m.bottom < dataFrom || m.left < 0) continue;
    let list = byCol.get(m.left);
    if (!list) byCol.set(m.left, (list = []));
    list.push(m);
  }
  for (const [j, list] of byCol) {
    list.sort((a, b) => a.top - b.top);
    const kept: Span[] = [];
    for (const s of list) if (kept.length === 0 || s.top > kept[kept.length - 1].bottom) kept.push(s);
    byCol.set(j, kept);
  }
  return byCol;
}

/** Index of the first non-blank own cell of a row, or -1 for a blank row. */
function firstNonBlank(row: readonly CellValue[]): number {
  for (let j = 0; j < row.length; j++) if (!isBlankValue(row[j])) return j;
  return -1;
}

/** "Total", "TOTAL GENERAL", "Totales:" — not "Totalizar". */
function isTotalText(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  const s = v.trimStart();
  if (s.length < 5 || s.slice(0, 5).toLowerCase() !== 'total') return false;
  const rest = s.slice(5, 7).toLowerCase();
  const next = rest === 'es' ? s.charAt(7) : s.charAt(5);
  return next === '' || !/\p{L}/u.test(next);
}

/**
 * Shares identical cells down a column: the same text or number with the same format parses to
 * the same immutable `ReadCell`. Columns of mostly distinct values (goal texts) switch it off
 * after a while, so the cache never costs more than it saves.
 */
class CellCache {
  private readonly map = new Map<string | number | boolean, ReadCell>();
  private blank: ReadCell | undefined;
  private lookups = 0;
  private hits = 0;
  private on = true;

  get(raw: CellValue, fmt: string | undefined): ReadCell | undefined {
    if (raw === null) return this.blank && this.blank.numberFormat === fmt ? this.blank : undefined;
    if (!this.on || typeof raw === 'object' || Object.is(raw, -0) || (typeof raw === 'string' && raw.length > 120)) return undefined;
    this.lookups++;
    const c = this.map.get(raw);
    if (c && c.numberFormat === fmt) {
      this.hits++;
      return c;
    }
    if (this.lookups >= 2048 && this.hits * 4 < this.lookups) {
      this.on = false;
      this.map.clear();
    }
    return undefined;
  }

  set(raw: CellValue, cell: ReadCell): void {
    if (raw === null) this.blank = cell;
    else if (this.on && typeof raw !== 'object' && !Object.is(raw, -0) && this.map.size < 2048) this.map.set(raw, cell);
  }
}

/**
 * An object with the sheet's fields as properties, in column order (every one is overwritten in
 * each row: `cellsOf` sets a cell for every known column). Built by `JSON.parse` so that it — and
 * every row's copy of it (`{ ...template }` keeps its hidden class) — is a fast-properties object:
 * adding 20–30 properties one by one with computed keys leaves V8 objects in dictionary mode, which
 * made each row's `cells` slow to build and every `row.cells[field]` a hash lookup.
 */
function cellsTemplate(columns: readonly FieldColumn[]): Partial<Record<FieldId, ReadCell>> {
  return JSON.parse(`{${columns.map((c) => `${JSON.stringify(c.field)}:null`).join(',')}}`) as Partial<Record<FieldId, ReadCell>>;
}

/** Walks the data rows once, keeping one cursor per merged column. */
class DataReader {
  private readonly cursors: number[];
  private readonly caches: CellCache[];
  /** The current row's cells by column index, kept in `byColumn` when the row is a data row. */
  private readonly scratch: ReadCell[];
  readonly rows: DataRow[] = [];
  /** The cells of each column, one per data row (`columns` order): see `columnCells`. */
  readonly byColumn: ReadCell[][];
  readonly errorCells: ErrorCell[] = [];
  private readonly fieldByJ = new Map<number, FieldId>();
  /** Every row's `cells` starts as a copy of this object: see `cellsTemplate`. */
  private readonly template: Partial<Record<FieldId, ReadCell>>;

  constructor(
    private readonly view: SheetView,
    private readonly columns: readonly FieldColumn[],
  ) {
    this.cursors = columns.map(() => 0);
    this.caches = columns.map(() => new CellCache());
    this.scratch = columns.map(() => undefined as unknown as ReadCell);
    this.byColumn = columns.map(() => []);
    for (const c of columns) this.fieldByJ.set(c.j, c.field);
    this.template = cellsTemplate(columns);
  }

  readFrom(from: number): void {
    const values = this.view.values;
    for (let i = from; i < values.length; i++) {
      const row = values[i];
      if (!row) continue;
      const first = firstNonBlank(row);
      if (first < 0 || isTotalText(row[first])) continue;
      const cells = this.cellsOf(i);
      if (!cells) continue;
      this.rows.push({ row: this.view.originRow + i, cells });
      this.collectErrors(i, row);
    }
  }

  /** The known cells of a row, or undefined when all its required cells are blank. */
  private cellsOf(i: number): DataRow['cells'] | undefined {
    const cells = { ...this.template };
    let anyRequired = false;
    for (let k = 0; k < this.columns.length; k++) {
      const c = this.columns[k];
      const cell = this.cellAt(k, c, i);
      cells[c.field] = cell;
      this.scratch[k] = cell;
      if (c.required && cell.parsed.status !== 'blank') anyRequired = true;
    }
    if (!anyRequired) return undefined;
    for (let k = 0; k < this.columns.length; k++) this.byColumn[k].push(this.scratch[k]);
    return cells;
  }

  /** The cell of column `k` at row `i`: its own value, or the value of a merged area above. */
  private cellAt(k: number, c: FieldColumn, i: number): ReadCell {
    let src = i;
    let merged = false;
    if (c.spans.length > 0) {
      const spans = c.spans;
      let p = this.cursors[k];
      while (p < spans.length && spans[p].bottom < i) p++;
      this.cursors[k] = p;
      if (p < spans.length && spans[p].top < i) {
        src = spans[p].top;
        merged = true;
      }
    }
    const v = valueAt(this.view, src, c.j);
    const raw = v === undefined ? null : v;
    const fmt = formatAt(this.view, src, c.j);
    if (merged) return this.makeCell(c, raw, fmt, true);
    const cache = this.caches[k];
    const hit = cache.get(raw, fmt);
    if (hit) return hit;
    const cell = this.makeCell(c, raw, fmt, false);
    cache.set(raw, cell);
    return cell;
  }

  private makeCell(c: FieldColumn, raw: CellValue, fmt: string | undefined, merged: boolean): ReadCell {
    const parsed = c.parse(raw, fmt);
    return fmt ? { col: c.col, raw, merged, numberFormat: fmt, parsed } : { col: c.col, raw, merged, parsed };
  }

  private collectErrors(i: number, row: readonly CellValue[]): void {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') continue;
      if (typeof v === 'string' && v.charCodeAt(0) !== 35) continue;
      const code = errorCodeOf(v);
      if (code === undefined) continue;
      const field = this.fieldByJ.get(j);
      const at = { row: this.view.originRow + i, col: this.view.originCol + j, code };
      this.errorCells.push(field ? { ...at, field } : at);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets and workbooks

function visibilityOf(v: unknown): SheetVisibility {
  return v === 'hidden' || v === 'veryHidden' ? v : 'visible';
}

/**
 * A hidden sheet read on request (`includeHidden`) that the general matcher took for a kind while
 * more than half of that kind's required columns are missing, and that no known format describes:
 * another table, not a data sheet of a kind the product knows — an unrecognised sheet, with why.
 */
function notDataIfForeign(sheet: ReadSheet): ReadSheet | UnknownSheet {
  if (sheet.format !== undefined || sheet.mapped !== undefined) return sheet;
  const required = sheet.required?.length ?? requiredFields[sheet.kind].length;
  if (required === 0 || sheet.missing.length * 2 <= required) return sheet;
  return {
    name: sheet.name,
    reason:
      `Hoja oculta leída a pedido: no es una hoja de datos de un tipo conocido. Se parece a «${capitalized(kindLabels[sheet.kind])}» ` +
      `solo en ${Object.keys(sheet.columns).length} columnas y le faltan ${sheet.missing.length} de sus ${required} columnas obligatorias, así que no se valida.`,
  };
}

function unknownReason(view: SheetView, search: HeaderSearch): string {
  if (!view.values.some((r) => r && firstNonBlank(r) >= 0)) return 'La hoja está vacía.';
  const c = search.closest;
  if (!c || c.match.columns.size === 0) {
    return `No se encontró ningún encabezado conocido en las primeras ${headerWindow} filas.`;
  }
  const n = c.match.columns.size;
  return (
    `No se reconoció el encabezado: la fila ${c.row} coincide con ${n} ${n === 1 ? 'columna' : 'columnas'} ` +
    `de «${capitalized(kindLabels[c.match.kind])}», pero faltan columnas obligatorias ` +
    `(${c.match.missing.length} de ${requiredFields[c.match.kind].length}).`
  );
}

/** Distinct column titles of a header-text row (numbers are not titles). */
function titlesOf(line: readonly (string | undefined)[]): number {
  const seen = new Set<string>();
  for (const t of line) if (t !== undefined && !/^[-+]?[\d.,]+$/.test(t)) seen.add(t);
  return seen.size;
}

/** Least column titles, data rows and number columns for an unrecognised sheet to look like data. */
const dataLike = { titles: 4, rows: 2, numberColumns: 2 } as const;

/**
 * What an unrecognised sheet holds when it looks like data (real-formats.md "Never silent"): the
 * row with most distinct column titles within the first 30 (the lower of two equal ones: a group
 * row over its sub-titles), at least two rows under it with three or more values, and numbers in
 * at least two columns — a follow-up or a plan whose titles the matcher did not know. A list
 * (one or two columns), instructions (one column of text) or an empty sheet is not.
 */
function unreadDataOf(view: SheetView, texts: readonly (string | undefined)[][], search: HeaderSearch): UnreadData | undefined {
  let at = -1;
  let most = 0;
  for (let i = 0; i < Math.min(texts.length, headerWindow); i++) {
    const n = titlesOf(texts[i]);
    if (n >= most && n > 0) {
      at = i;
      most = n;
    }
  }
  if (at < 0 || most < dataLike.titles) return undefined;
  let rows = 0;
  const numberColumns = new Set<number>();
  for (let i = at + 1; i < view.values.length; i++) {
    const row = view.values[i];
    if (!row) continue;
    const first = firstNonBlank(row);
    if (first < 0 || isTotalText(row[first])) continue;
    let filled = 0;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (isBlankValue(v)) continue;
      filled++;
      if ((typeof v === 'number' && Number.isFinite(v)) || v instanceof Date) numberColumns.add(j);
    }
    if (filled >= 3) rows++;
  }
  if (rows < dataLike.rows || numberColumns.size < dataLike.numberColumns) return undefined;
  const line = texts[at];
  const above = at > 0 && titlesOf(texts[at - 1]) >= dataLike.titles ? texts[at - 1] : undefined;
  // The closest match of the general matcher, when it is this header: the fields it did read.
  const near = search.closest && search.closest.match.columns.size > 0 ? search.closest : undefined;
  const closest = near && (near.row === view.originRow + at || near.row === view.originRow + at - 1) ? near.match : undefined;
  const fieldAt = new Map<number, FieldId>();
  for (const [field, c] of closest?.columns ?? []) if (!fieldAt.has(c.col)) fieldAt.set(c.col, field);
  const columns: { col: number; header: string; field?: FieldId }[] = [];
  for (let j = 0; j < line.length; j++) {
    const t = line[j];
    const g = above?.[j];
    if (t === undefined && g === undefined) continue;
    const header = g !== undefined && t !== undefined && g !== t ? `${g} ${t}` : (t ?? g ?? '');
    const col = view.originCol + j;
    const field = fieldAt.get(col);
    columns.push(field ? { col, header, field } : { col, header });
  }
  // Nothing matched anywhere: a follow-up sheet is what an unknown layout most often is (real-formats.md).
  const kind: SheetKind = closest?.kind ?? near?.match.kind ?? 'hoja-captura';
  const missing = closest?.missing ?? (near && near.match.kind === kind ? near.match.missing : requiredFields[kind].map(String));
  return { headerRow: view.originRow + at, rows, kind, columns, missing: [...missing] };
}

/** The reason an unrecognised data-looking sheet was not read, naming what is missing. */
function unreadDataReason(d: UnreadData): string {
  const found = d.columns.filter((c) => c.field !== undefined).length;
  const missing = d.missing.map((m) => `«${requiredLabel(m)}»`).join(', ');
  return (
    `Parece una hoja de datos (títulos en la fila ${d.headerRow}, ${d.rows} ${d.rows === 1 ? 'fila' : 'filas'} debajo) pero no se leyó: ` +
    `${found === 0 ? 'ninguno de sus títulos' : `solo ${found} de sus títulos`} coincide con los de «${capitalized(kindLabels[d.kind])}» ` +
    `y no se encontraron sus campos obligatorios ${missing}.`
  );
}

/** First non-blank column of the header rows (merged values count). */
function headerColOf(view: SheetView, texts: readonly (string | undefined)[][], first: number, last: number): number {
  let best = -1;
  for (let i = first; i <= last; i++) {
    const line = texts[i] ?? [];
    const j = line.findIndex((t) => t !== undefined);
    if (j >= 0 && (best < 0 || j < best)) best = j;
  }
  return view.originCol + Math.max(best, 0);
}

/** A column the reading may read a field from, before the year and period blocks are chosen. */
interface Candidate {
  readonly field: FieldId;
  readonly col: number;
  readonly text: string;
  readonly year?: number;
  readonly period?: number;
  readonly pick?: 'first' | 'last';
  readonly yearly?: 'planned' | 'cost' | 'source';
  readonly source?: string;
}

/** What finding the header gives, by a known format or by the general matcher. */
interface HeaderReading {
  readonly kind: SheetKind;
  readonly format?: FormatDescription;
  /** The header is the format's joined sheet (DNP's financial follow-up), not its data sheet. */
  readonly joined?: boolean;
  /** How well the header row shows the known format (`formatOfRow`). */
  readonly shown?: RowFormat;
  readonly first: number;
  readonly last: number;
  readonly candidates: readonly Candidate[];
  readonly unread: readonly UnreadColumn[];
  readonly periodKind: PeriodKind;
  /** A year named by the general match ("Meta 2025"), when there is one. */
  readonly headerYear?: number;
}

/** Fields whose columns belong to a year's block; a year on any other column names no block. */
function isBlockField(field: FieldId): boolean {
  return (
    /^(planned|executed)\d/.test(field) ||
    field === 'yearGoal' ||
    field === 'budgetFinal' ||
    field === 'commitments' ||
    field === 'obligations' ||
    field === 'payments' ||
    field === 'executedTotal' ||
    field === 'progressDeclared' ||
    field === 'evidence' ||
    field === 'analysis'
  );
}

/** The known format whose signature a row (within the first 30) shows, with its columns. */
function knownHeader(view: SheetView, texts: readonly (string | undefined)[][]): HeaderReading | undefined {
  const rows = Math.min(texts.length, headerWindow);
  for (let i = 0; i < rows; i++) {
    const cells: { col: number; text: string }[] = [];
    const line = texts[i];
    for (let j = 0; j < line.length; j++) {
      const t = line[j];
      if (t !== undefined) cells.push({ col: view.originCol + j, text: t });
    }
    if (cells.length < 3) continue;
    const shown = formatOfRow(cells.map((c) => c.text));
    if (!shown) continue;
    const described = shown.format;
    const format = shown.joined ? undefined : described;
    const columns = format ? format.columns : (described.joined?.columns ?? []);
    const { matches, rest } = formatColumns(columns, cells);
    const candidates: Candidate[] = [...matches];
    const unread: UnreadColumn[] = [];
    const kind = described.kind;
    const have = new Set(candidates.map((c) => c.field));
    for (const cell of rest) {
      const m = kind !== 'plan-indicativo' && format ? matchHeader(cell.text, kind) : undefined;
      if (m && !have.has(m.field) && !m.field.startsWith('planned') && !m.field.startsWith('executed')) {
        candidates.push({ field: m.field, col: cell.col, text: cell.text, ...(m.vigencia !== undefined ? { year: m.vigencia } : {}) });
        have.add(m.field);
      } else unread.push({ col: cell.col, header: cell.text.replace(/\s+/g, ' ').trim() });
    }
    return { kind, format: described, joined: !format, shown, first: i, last: i, candidates, unread, periodKind: described.periodKind ?? 'quarter' };
  }
  return undefined;
}

/** The general matcher's header as a reading. */
function generalHeader(view: SheetView, texts: readonly (string | undefined)[][], choice: HeaderChoice): HeaderReading {
  const { match, first, last } = choice;
  const used = new Set(match.candidates.map((c) => c.col));
  const unread: UnreadColumn[] = [];
  const line = texts[last] ?? [];
  for (let j = 0; j < line.length; j++) {
    const col = view.originCol + j;
    const text = line[j] ?? (first < last ? texts[first]?.[j] : undefined);
    if (text !== undefined && !used.has(col)) unread.push({ col, header: text.replace(/\s+/g, ' ').trim() });
  }
  const candidates: Candidate[] = match.candidates.map((c) => ({
    field: c.field,
    col: c.col,
    text: c.text,
    ...(c.vigencia !== undefined ? { year: c.vigencia } : {}),
  }));
  const format = formats.find((f) => f.signature.length === 0 && namesGeneral(f.id, match));
  return {
    kind: match.kind,
    ...(format ? { format } : {}),
    first,
    last,
    candidates,
    unread,
    periodKind: match.periodKind,
    ...(match.vigencia !== undefined ? { headerYear: match.vigencia } : {}),
  };
}

/** The formats the general matcher reads, named by what their header shows. */
function namesGeneral(id: string, m: HeaderRowMatch): boolean {
  if (id === 'pe-f-012') return m.kind === 'plan-accion' && m.columns.has('activity') && m.columns.has('startDate') && m.columns.has('amount');
  if (id === 'bogota-plan-gestion') {
    const unit = m.columns.get('unit');
    const unitText = unit ? normalize(unit.text) : '';
    return (
      m.kind === 'hoja-captura' &&
      (unitText.includes('proceso') || unitText.includes('alcaldia local')) &&
      [...m.columns.values()].some((c) => /tipo de programacion|magnitud/.test(normalize(c.text)))
    );
  }
  return false;
}

/**
 * The entity a column repeats on every data row (`FormatDescription.entityHeader`): its one value,
 * or `undefined` when the column is absent, empty or holds more than one.
 */
function entityOfColumn(view: SheetView, header: readonly (string | undefined)[], pattern: RegExp, from: number): string | undefined {
  const j = header.findIndex((t) => t !== undefined && pattern.test(normalize(t)));
  if (j < 0) return undefined;
  let found: string | undefined;
  for (let i = from; i < view.values.length; i++) {
    const v = view.values[i]?.[j];
    if (typeof v !== 'string' || isBlankText(v)) continue;
    const name = v.replace(/\s+/g, ' ').trim();
    if (found === undefined) found = name;
    else if (found !== name) return undefined;
  }
  return found;
}

/** True when column `col` holds a value in a data row (below `from`). */
function columnHasData(view: SheetView, col: number, from: number): boolean {
  const j = col - view.originCol;
  for (let i = from; i < view.values.length; i++) {
    const v = view.values[i]?.[j];
    if (!isBlankValue(v) && !(typeof v === 'string' && isTotalText(v))) return true;
  }
  return false;
}

const ordinalQuarter: Readonly<Record<string, number>> = {
  primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4,
  '1er': 1, '1ro': 1, '1o': 1, '2do': 2, '2o': 2, '3er': 3, '3ro': 3, '3o': 3, '4to': 4, '4o': 4,
  i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4,
};
const Q = '(?<q>primero|primer|segundo|tercero|tercer|cuarto|1er|1ro|1o|2do|2o|3er|3ro|3o|4to|4o|iv|iii|ii|i|[1-4])';
const TRIM = 'trim(?:estre)?';
const Y = '(?<year>(?:19|20)\\d\\d)';
/** The wordings of a quarter and its year in a title, in the order they are tried. */
const quarterTitlePatterns = [
  new RegExp(`\\b${Y}\\b.*?\\b${Q}\\s+${TRIM}\\b`), // Ejecución PIIP 2025 - tercer trimestre
  new RegExp(`\\b${Q}\\s+${TRIM}\\s+(?:de\\s+|del\\s+)?${Y}\\b`), // II TRIMESTRE 2025
  new RegExp(`\\b${Y}\\b.*?\\b${TRIM}\\s+${Q}\\b`), // Ejecución PIIP 2025 - trimestre III
  new RegExp(`\\b${TRIM}\\s+${Q}\\s+(?:de\\s+|del\\s+)?${Y}\\b`), // Trimestre 2 de 2025
];

/**
 * A quarter and year named together in a title or group cell ("Ejecución PIIP 2025 - tercer
 * trimestre", "… 2025 - 3er trimestre", "… 2025 - trimestre III", "II TRIMESTRE 2025",
 * "Trimestre 2 de 2025"): the execution runs to the end of that quarter.
 */
export function quarterTitle(text: string): { year: number; quarter: number } | undefined {
  const n = normalize(text);
  for (const re of quarterTitlePatterns) {
    const m = re.exec(n);
    if (!m?.groups) continue;
    const quarter = ordinalQuarter[m.groups.q];
    if (quarter) return { year: Number(m.groups.year), quarter };
  }
  return undefined;
}

/** A formula saved with no calculated value in the first `rows` rows (titles, group and header rows). */
function uncalculatedAbove(view: SheetView, rows: number): boolean {
  for (let i = 0; i < rows && i < view.values.length; i++) if (view.values[i]?.some((v) => isCellError(v) && v.error === NOT_CALCULATED)) return true;
  return false;
}

/** The first quarter-and-year title in the first rows of any sheet of the workbook (with the sheet's name). */
function quarterTitleOfGrids(grids: readonly Grid[]): { year: number; quarter: number; sheet: string } | undefined {
  for (const grid of grids) {
    const view = viewOf(grid);
    const q = quarterTitleOf(headerTexts(view, Math.min(view.values.length, 10)), 9);
    if (q) return { ...q, sheet: typeof grid.name === 'string' ? grid.name : '' };
  }
  return undefined;
}

/** The quarter-and-year title of the header area (title and group rows). */
function quarterTitleOf(texts: readonly (string | undefined)[][], upTo: number): { year: number; quarter: number } | undefined {
  for (let i = 0; i <= upTo && i < texts.length; i++) {
    for (const t of texts[i]) {
      if (t === undefined) continue;
      const q = quarterTitle(t);
      if (q) return q;
    }
  }
  return undefined;
}

/**
 * The vigencia of a multi-year sheet (real-formats.md "Years and the vigencia"): the user's, the
 * title block's, the cut-off's year, then the latest year whose block holds execution (or, with no
 * execution at all, the latest block with a value). Only years of blocks count: a year in a header
 * that names no block (`LÍNEA BASE (2023)`) never sets it.
 */
function chooseVigencia(
  view: SheetView,
  reading: HeaderReading,
  title: TitleFacts,
  options: ReaderOptions | undefined,
): { vigencia?: number; blocks: number[]; why?: string } {
  const blocks = [...new Set(reading.candidates.filter((c) => c.year !== undefined && isBlockField(c.field) && !c.yearly).map((c) => c.year as number))].sort();
  if (options?.vigencia !== undefined) return { vigencia: options.vigencia, blocks, why: 'indicada por el usuario' };
  if (title.vigencia !== undefined) return { vigencia: title.vigencia, blocks, why: 'la del encabezado del libro' };
  if (options?.cutoff !== undefined) return { vigencia: Number(options.cutoff.slice(0, 4)), blocks, why: 'la de la fecha de corte' };
  if (blocks.length === 0) return { ...(reading.headerYear !== undefined ? { vigencia: reading.headerYear } : {}), blocks };
  if (blocks.length === 1) return { vigencia: blocks[0], blocks };
  const from = reading.last + 1;
  const withData = (executedOnly: boolean) =>
    blocks.filter((y) =>
      reading.candidates.some(
        (c) => c.year === y && (executedOnly ? isExecutionField(c.field) : isBlockField(c.field)) && columnHasData(view, c.col, from),
      ),
    );
  const executed = withData(true);
  if (executed.length > 0) return { vigencia: executed[executed.length - 1], blocks, why: 'el último año con ejecución reportada' };
  const any = withData(false);
  if (any.length > 0) return { vigencia: any[any.length - 1], blocks, why: 'el último año con datos' };
  return { vigencia: blocks[blocks.length - 1], blocks, why: 'el último año del encabezado' };
}

/**
 * A field that reports execution: the physical (`executed<n>`) or the budget's (commitments,
 * obligations, payments — the CUIPO block of DNP's financial follow-up, beside the plan's
 * programmed cost of every year of the term).
 */
function isExecutionField(field: FieldId): boolean {
  return /^executed\d/.test(field) || field === 'commitments' || field === 'obligations' || field === 'payments';
}

/**
 * The note for a vigencia whose block holds no follow-up columns while other years' blocks do
 * (`undefined` otherwise): what was read of that year, and that its execution is not reported yet.
 */
function followUpNotYet(
  candidates: readonly Candidate[],
  blocks: readonly number[],
  year: number | undefined,
  chosen: ReadonlyMap<FieldId, { text: string }>,
): string | undefined {
  if (year === undefined || blocks.length < 2 || !blocks.includes(year)) return undefined;
  const followUp = (c: Candidate) => /^(executed|planned)\d/.test(c.field);
  if (candidates.some((c) => c.year === year && followUp(c))) return undefined;
  const followed = [...new Set(candidates.filter((c) => c.year !== undefined && followUp(c)).map((c) => c.year as number))].sort();
  if (followed.length === 0) return undefined;
  const held = candidates.filter((c) => c.year === year && chosen.get(c.field)?.text === c.text).map((c) => `«${c.text}»`);
  const what = held.length > 0 ? `se leyó ${held.join(', ')}` : 'no trae columnas que leer';
  const years = listOf(followed.map(String));
  return (
    `El bloque de ${year} de la hoja no tiene aún columnas de seguimiento por trimestre (${followed.length === 1 ? `el año ${years} sí las tiene` : `los años ${years} sí las tienen`}): ` +
    `${what}; no hay ejecución de ${year} que validar ni medir.`
  );
}

/**
 * When a cut-off of the titles' year falls in another quarter than the one the titles name (Cali's
 * Cuadro 1S of «II TRIMESTRE 2025» read with `--corte 2025-09-30`): what was read instead, and the
 * cut-off that matches the titles; `undefined` when they agree or no cut-off was given (a cut-off
 * of another year is a usage error, `cutoffOutsideVigencia`).
 */
function titlePeriodNote(title: { year: number; quarter: number }, cutoff: string | undefined, where: string): string | undefined {
  if (cutoff === undefined || Number(cutoff.slice(0, 4)) !== title.year) return undefined;
  const period = cutoffPeriod(cutoff as IsoDate, title.year, 'quarter');
  if (period === title.quarter) return undefined;
  const date = (iso: string) => formatDate(iso as IsoDate);
  return (
    `La fecha de corte ${date(cutoff)} es del trimestre ${period}, pero ${where} ${where.startsWith('los ') ? 'son' : 'es'} del trimestre ${title.quarter} de ${title.year}: ` +
    `se leyeron las columnas del trimestre ${period}. Si el libro es el informe del trimestre ${title.quarter}, use --corte ${periodEnd(title.year, title.quarter)}.`
  );
}

/**
 * An annual follow-up (DNP) whose titles say its execution runs to a quarter («Ejecución PIIP 2026
 * - primer trimestre»), read with a cut-off of another quarter of that year: the figures are still
 * that execution's, compared with the whole year's programming, so the date shown beside them is not
 * how far they run. `undefined` when they agree or no cut-off was given.
 */
function annualCutoffNote(title: { year: number; quarter: number }, cutoff: string | undefined): string | undefined {
  if (cutoff === undefined || Number(cutoff.slice(0, 4)) !== title.year) return undefined;
  const named = periodEnd(title.year, title.quarter);
  if (cutoff === named) return undefined;
  const date = (iso: string) => formatDate(iso as IsoDate);
  return (
    `La fecha de corte ${date(cutoff)} no es la de los títulos de la hoja: su ejecución de ${title.year} llega al trimestre ${title.quarter} (${date(named)}), ` +
    `y esa es la que se comparó con lo programado para el año. Si el informe es el del trimestre ${title.quarter}, use --corte ${named}.`
  );
}

const departments = [
  'amazonas', 'antioquia', 'arauca', 'atlantico', 'bolivar', 'boyaca', 'caldas', 'caqueta', 'casanare', 'cauca', 'cesar', 'choco',
  'cordoba', 'cundinamarca', 'guainia', 'guaviare', 'huila', 'la guajira', 'magdalena', 'meta', 'narino', 'norte de santander',
  'putumayo', 'quindio', 'risaralda', 'san andres', 'san andres y providencia', 'san andres providencia y santa catalina',
  'santander', 'sucre', 'tolima', 'valle del cauca', 'valle', 'vaupes', 'vichada',
];
const departmentSet = new Set(departments);

/**
 * The entity a title block names as «Municipio, Departamento» (a whole cell: «Cajicá,
 * Cundinamarca»), as written; `undefined` when no cell of `rows` does.
 */
function municipalityOf(rows: readonly (readonly unknown[] | undefined)[]): string | undefined {
  for (const row of rows) {
    for (const v of row ?? []) {
      if (typeof v !== 'string' || v.length > 80) continue;
      const t = v.trim().replace(/\s+/g, ' ');
      const comma = t.lastIndexOf(',');
      if (comma <= 0) continue;
      const place = normalize(t.slice(0, comma));
      if (place && /^[a-z ]+$/.test(place) && place.split(' ').length <= 5 && departmentSet.has(normalize(t.slice(comma + 1)))) return t;
    }
  }
  return undefined;
}

/** One column per field: the vigencia's block, the measured period's column, the format's pick. */
function chooseColumns(candidates: readonly Candidate[], vigencia: number | undefined, period: number | undefined): Map<FieldId, Candidate> {
  const byField = new Map<FieldId, Candidate[]>();
  for (const c of candidates) {
    if (c.yearly) continue;
    const list = byField.get(c.field) ?? [];
    list.push(c);
    byField.set(c.field, list);
  }
  const out = new Map<FieldId, Candidate>();
  for (const [field, list] of byField) {
    let pool = list;
    if (isBlockField(field) && list.some((c) => c.year !== undefined)) {
      const ofYear = list.filter((c) => c.year === vigencia);
      pool = ofYear.length > 0 ? ofYear : list.filter((c) => c.year === undefined);
    }
    if (pool.some((c) => c.period !== undefined)) pool = pool.filter((c) => c.period === period);
    if (pool.length === 0) continue;
    out.set(field, pool[0].pick === 'last' ? pool[pool.length - 1] : pool[0]);
  }
  return out;
}

/**
 * The latest period the sheet reports: whose executed column (among `columns`) is filled in at
 * least a quarter of the rows that report anything (one stray `0` in T4 is not a T4 report).
 */
function lastReportedPeriod(view: SheetView, columns: ReadonlyMap<FieldId, Candidate>, from: number): number | undefined {
  const filled = new Map<number, number>();
  let reporting = 0;
  const cols: [number, number][] = [];
  for (const [field, c] of columns) {
    const m = /^executed(\d+)$/.exec(field);
    if (m) cols.push([Number(m[1]), c.col - view.originCol]);
  }
  if (cols.length === 0) return undefined;
  for (let i = from; i < view.values.length; i++) {
    const row = view.values[i];
    if (!row) continue;
    let any = false;
    for (const [n, j] of cols) {
      if (isBlankValue(row[j])) continue;
      any = true;
      filled.set(n, (filled.get(n) ?? 0) + 1);
    }
    if (any) reporting++;
  }
  let last: number | undefined;
  for (const [n, count] of filled) if (count * 4 >= reporting && (last === undefined || n > last)) last = n;
  return last;
}

/**
 * The note for a quarterly sheet of a known format whose executed columns were not all recognised
 * (`undefined` when all four were): which quarters are missing, and that the cut-off must be given.
 */
function quarterGapNote(columns: ReadonlyMap<FieldId, unknown>, year: number | undefined): string | undefined {
  const missing = [1, 2, 3, 4].filter((n) => !columns.has(`executed${n}` as FieldId));
  if (missing.length === 0) return undefined;
  const which =
    missing.length === 4
      ? `ninguna columna de lo ejecutado por trimestre${year !== undefined ? ` de ${year}` : ''}`
      : `${missing.length === 1 ? 'la columna de lo ejecutado del trimestre' : 'las columnas de lo ejecutado de los trimestres'} ${listOf(missing.map(String))}${year !== undefined ? ` de ${year}` : ''}`;
  return (
    `No se ${missing.length > 1 && missing.length < 4 ? 'reconocieron' : 'reconoció'} ${which}: no se sabe hasta qué trimestre llega la ejecución, así que el corte no se toma de la hoja. ` +
    `Indique la fecha de corte (--corte AAAA-MM-DD) y revise los encabezados con «tablero columnas».`
  );
}


/** A plan indicativo's yearly columns: programming, total and each source's cost per year of the term. */
function yearlyColumns(candidates: readonly Candidate[]): { years: number[]; sources: string[]; columns: Map<FieldId, Candidate> } {
  const yearly = candidates.filter((c) => c.yearly && c.year !== undefined);
  const years = [...new Set(yearly.map((c) => c.year as number))].sort();
  const sources: string[] = [];
  const columns = new Map<FieldId, Candidate>();
  for (const c of yearly) {
    const n = years.indexOf(c.year as number) + 1;
    let field: FieldId;
    if (c.yearly === 'planned') field = plannedField(n);
    else if (c.yearly === 'cost') field = `cost${n}`;
    else {
      const name = c.text.replace(/\s*\d{4}\s*$/, '').trim();
      let k = sources.indexOf(name);
      if (k < 0) k = sources.push(name) - 1;
      field = `source${n}_${k + 1}`;
    }
    if (!columns.has(field)) columns.set(field, { ...c, field });
  }
  return { years, sources, columns };
}

function isRequiredIn(required: readonly RequiredField[], field: FieldId): boolean {
  const req = required as readonly string[];
  if (req.includes(field)) return true;
  if (req.includes('executed') && /^executed\d/.test(field)) return true;
  return false;
}

function missingOf(required: readonly RequiredField[], columns: ReadonlyMap<FieldId, unknown>): string[] {
  const fields = [...columns.keys()];
  return required.filter((f) =>
    f === 'executed' ? !fields.some((x) => /^executed\d/.test(x)) : f === 'planned' ? !fields.some((x) => /^planned\d/.test(x)) : !columns.has(f),
  );
}

/**
 * Reads one sheet: its kind and header (within the first 30 rows), title block, columns and
 * data rows. A known format's description is tried first, then the general header matcher. A
 * sheet no kind qualifies for comes back as an `UnknownSheet` with a Spanish reason.
 */
export function readSheet(grid: Grid, options?: ReaderOptions): ReadSheet | UnknownSheet {
  const sheet = readSheetAsIs(grid, options);
  // A hidden sheet read on request that no known format describes, with most of the required
  // columns of the kind the general matcher guessed missing, is some other table (another
  // period's indicators, a list): said so, not validated with the wrong kind.
  if (visibilityOf(grid.visibility) === 'visible') return sheet;
  if (isReadSheet(sheet)) return notDataIfForeign(sheet);
  // A hidden sheet read on request is listed with its reason; the "not read" alarm is for visible data.
  if (!sheet.data) return sheet;
  return { name: sheet.name, reason: sheet.reason, ...(sheet.mappingProblems ? { mappingProblems: sheet.mappingProblems } : {}) };
}

function readSheetAsIs(grid: Grid, options?: ReaderOptions): ReadSheet | UnknownSheet {
  const view = viewOf(grid);
  const name = typeof grid.name === 'string' ? grid.name : String(grid.name ?? '');
  const mapped = sheetMappingOf(options?.mapping, name);
  const only = constraintOf(mapped?.sheet, view);
  const problems: string[] = [];
  if (only.row !== undefined && (only.row < 0 || only.row >= view.values.length || !view.values[only.row]?.some((v) => !isBlankValue(v)))) {
    problems.push(`En la hoja «${name}» la fila de encabezado ${mapped?.sheet.filaEncabezado} del mapa está vacía o fuera de la hoja.`);
    return { name, reason: 'La fila de encabezado que da el mapa está vacía.', mappingProblems: problems };
  }
  const texts = headerTexts(view, Math.min(view.values.length, Math.max(headerWindow, (only.row ?? 0) + 1)));
  let reading = knownHeader(view, texts);
  if (reading && !fitsConstraint(reading, only)) reading = undefined;
  if (!reading) {
    const search = findHeader(view, texts, only);
    if (search.choice) reading = generalHeader(view, texts, search.choice);
    else if (mapped) reading = mappedHeader(view, texts, mapped.sheet, only);
    if (!reading) {
      const data = unreadDataOf(view, texts, search);
      const reason = data ? unreadDataReason(data) : unknownReason(view, search);
      if (mapped) problems.push(`La hoja «${name}» no se pudo leer con el mapa: ${reason} Indique en el mapa su tipo y su fila de encabezado.`);
      return { name, reason, ...(problems.length ? { mappingProblems: problems } : {}), ...(data ? { data } : {}) };
    }
  }
  const { first, last, format } = reading;
  const title = readTitle(view, first);
  if (title.entity === undefined && format?.entity !== undefined) title.entity = format.entity;
  if (title.entity === undefined && format?.entityHeader) {
    const entity = entityOfColumn(view, texts[last] ?? [], format.entityHeader, last + 1);
    if (entity !== undefined) title.entity = entity;
  }
  const quarterNamed = quarterTitleOf(texts, last);
  if (title.vigencia === undefined && quarterNamed && format) title.vigencia = quarterNamed.year;
  const notes: string[] = [];
  const partly = reading.shown && reading.shown.signatureShown < reading.shown.signatureOf ? reading.shown : undefined;
  if (partly) {
    notes.push(
      `Se reconoció el formato «${partly.format.name}»${partly.joined ? ` (${partly.format.joined?.role ?? 'hoja complementaria'})` : ''} por ${partly.columnsShown} de sus ` +
        `${partly.columnsOf} columnas conocidas, aunque alguno de sus encabezados está escrito de otra manera: revise la lectura con «tablero columnas».`,
    );
  }
  /** Notes also said beside the figures (`ReadSheet.figureNotes`). */
  const titleNotes: string[] = [];
  // The vigencia asked for (`--vigencia`, the pane's setting) wins over the mapping's, which wins over the guesses.
  const vigenciaAsked = options?.vigencia ?? mapped?.sheet.vigencia;
  options = { ...options, ...(vigenciaAsked !== undefined ? { vigencia: vigenciaAsked } : {}) };
  const { vigencia: chosenYear, blocks, why } = chooseVigencia(view, reading, title, options);
  if (blocks.length > 1 && chosenYear !== undefined) {
    notes.push(
      blocks.includes(chosenYear)
        ? `La hoja tiene bloques de los años ${blocks.join(', ')}: se leyó el de ${chosenYear} (${why ?? 'vigencia'}).`
        : `La hoja tiene bloques de los años ${blocks.join(', ')} y ninguno de la vigencia ${chosenYear}: no se leyeron sus columnas por año.`,
    );
  }
  const periodKind = reading.periodKind;
  // Per-period columns (Cali's explanations of T1…T4) are read for the measured period.
  let chosen = chooseColumns(reading.candidates, chosenYear, undefined);
  let reportedPeriod = lastReportedPeriod(view, chosen, last + 1);
  if (reading.candidates.some((c) => c.period !== undefined)) {
    const cutoffInYear = options?.cutoff !== undefined && chosenYear !== undefined && Number(options.cutoff.slice(0, 4)) === chosenYear;
    const period = cutoffInYear ? cutoffPeriod(options?.cutoff as IsoDate, chosenYear as number, periodKind) : (reportedPeriod ?? quarterNamed?.quarter);
    chosen = chooseColumns(reading.candidates, chosenYear, period);
    if (period) notes.push(`Las columnas por trimestre de la actividad y del producto se leyeron del trimestre ${period}.`);
    const disagreement = quarterNamed ? titlePeriodNote(quarterNamed, options?.cutoff, 'el título de la hoja') : undefined;
    if (disagreement) {
      notes.push(disagreement);
      titleNotes.push(disagreement);
    }
  }
  let years: number[] | undefined;
  let sources: string[] | undefined;
  if (reading.kind === 'plan-indicativo') {
    const y = yearlyColumns(reading.candidates);
    years = y.years;
    sources = y.sources;
    for (const [f, c] of y.columns) chosen.set(f, c);
    if (years.length) notes.push(`Plan indicativo de ${years[0]} a ${years[years.length - 1]}: programación y costo por fuente de cada año.`);
  }
  if (mapped?.sheet.vigencia !== undefined && options?.vigencia === mapped.sheet.vigencia && blocks.length > 1 && !blocks.includes(mapped.sheet.vigencia)) {
    problems.push(`En la hoja «${name}» el mapa indica la vigencia ${mapped.sheet.vigencia}, pero la hoja trae los años ${listOf(blocks.map(String))}: indique en el mapa uno de ellos o quite «vigencia».`);
  }
  const periods = reading.kind === 'plan-indicativo' ? undefined : { kind: periodKind, count: periodCount(periodKind) };
  const mappedFields = mapped ? applyColumns(mapped.sheet, chosen, view, texts, first, last, name, problems, periods) : [];
  if (mappedFields.some((f) => /^executed\d/.test(f)) && reading.kind !== 'plan-indicativo') reportedPeriod = lastReportedPeriod(view, chosen, last + 1);
  if (mapped) notes.push(mappingNote(mapped.key, mapped.sheet, mappedFields.length));
  const required: readonly RequiredField[] = reading.joined
    ? [(format?.joined?.on ?? 'goalCode') as RequiredField]
    : format && format.required.length > 0
      ? format.required
      : requiredFields[reading.kind];
  const columnsMap = new Map<FieldId, { col: number; text: string }>();
  for (const [f, c] of chosen) columnsMap.set(f, c);
  let missing = missingOf(required, columnsMap);
  // A year whose block the sheet has but whose follow-up columns it does not yet (Tenjo's 2026:
  // «VALOR ESPERADO 2026» but no «T1. EJECUTADO 2026» while other years have theirs) is read for
  // what it holds; nothing of that year is executed yet — not a column the user must add.
  const noFollowUp = followUpNotYet(reading.candidates, blocks, chosenYear, columnsMap);
  if (noFollowUp !== undefined) {
    missing = missing.filter((m) => m !== 'executed' && m !== 'planned');
    notes.push(noFollowUp);
  }
  const fields = fieldColumns(view, reading.kind, columnsMap, required, last + 1, options, format);
  const reader = new DataReader(view, fields);
  reader.readFrom(last + 1);
  readColumns.set(reader.rows, new Map(fields.map((c, k) => [c.field, reader.byColumn[k]])));
  const columns: Partial<Record<FieldId, number>> = {};
  const headers: Partial<Record<FieldId, string>> = {};
  for (const [field, m] of columnsMap) {
    columns[field] = m.col;
    headers[field] = m.text;
  }
  const usedCols = new Set([...columnsMap.values()].map((c) => c.col));
  const unread = [...reading.unread, ...reading.candidates.filter((c) => !usedCols.has(c.col)).map((c) => ({ col: c.col, header: c.text }))]
    .filter((u, k, all) => !usedCols.has(u.col) && all.findIndex((x) => x.col === u.col) === k)
    .sort((a, b) => a.col - b.col);
  for (const field of format?.describedFields ?? []) {
    const note = describedNote(reader.rows, field, headers[field]);
    if (note) notes.push(note);
  }
  const vigencia = chosenYear;
  // The one year the sheet itself is of, whatever was asked: its title's, else its one block's or header year's.
  const namedVigencia = title.vigencia ?? (blocks.length === 1 ? blocks[0] : blocks.length === 0 ? reading.headerYear : undefined);
  const cutoff = title.cutoff ?? (quarterNamed && vigencia === quarterNamed.year ? periodEnd(quarterNamed.year, quarterNamed.quarter) : undefined);
  if (reading.kind === 'plan-indicativo' || periodKind === 'year') reportedPeriod = undefined;
  // An annual follow-up whose titles say how far its execution runs, read at another cut-off of that year: said.
  // (Once, on the goals' sheet: a joined sheet's rows are those goals' too.)
  const annualDisagreement =
    periodKind === 'year' && !reading.joined && quarterNamed && vigencia === quarterNamed.year ? annualCutoffNote(quarterNamed, options?.cutoff) : undefined;
  if (annualDisagreement) {
    notes.push(annualDisagreement);
    titleNotes.push(annualDisagreement);
  }
  // A known format's quarterly sheet whose executed quarters were not all recognised cannot say how
  // far its execution runs: the cut-off is not taken from it, and that is said (never a silent T1).
  const quarterGap =
    format?.signature.length && reading.kind === 'hoja-captura' && periodKind === 'quarter' && noFollowUp === undefined && options?.cutoff === undefined && title.cutoff === undefined && !quarterNamed
      ? quarterGapNote(columnsMap, chosenYear)
      : undefined;
  if (quarterGap) {
    reportedPeriod = undefined;
    notes.push(quarterGap);
    titleNotes.push(quarterGap);
  }
  // An annual follow-up's period comes from its titles (DNP: «Ejecución PIIP 2025 - tercer trimestre»); titles that are formulas with no calculated value leave it unknown.
  const periodUnknown = periodKind === 'year' && format !== undefined && cutoff === undefined && !quarterNamed && uncalculatedAbove(view, last + 1);
  const sheet: ReadSheet = {
    name,
    kind: reading.kind,
    ...(format ? { format: { id: format.id, name: format.name } } : {}),
    notes,
    unread,
    required,
    granularity: format?.granularity ?? 'goal',
    ...(format?.goalKey ? { goalKey: format.goalKey } : {}),
    ...(format?.accumulation ? { accumulation: format.accumulation } : {}),
    ...(format?.quarterShares ? { quarterShares: true } : {}),
    ...(format?.yearGoalDue ? { yearGoalDue: true } : {}),
    ...(format?.budgetIsProgrammed ? { budgetIsProgrammed: true } : {}),
    ...(format?.textCodes ? { textCodes: true } : {}),
    ...(format?.describedFields ? { describedFields: format.describedFields } : {}),
    ...(format?.catalogFields ? { catalogFields: format.catalogFields } : {}),
    ...(format?.values ? { valueWords: valueWordsOf(format.values) } : {}),
    ...(years ? { years } : {}),
    ...(sources ? { sources } : {}),
    ...(blocks.length > 0 ? { yearBlocks: blocks } : {}),
    ...(reportedPeriod !== undefined ? { reportedPeriod } : {}),
    firstHeaderRow: view.originRow + first,
    headerRow: view.originRow + last,
    headerCol: headerColOf(view, texts, first, last),
    columns,
    headers,
    missing,
    ...(noFollowUp !== undefined || titleNotes.length > 0 ? { figureNotes: [...(noFollowUp !== undefined ? [noFollowUp] : []), ...titleNotes] } : {}),
    periodKind,
    periodCount: reading.kind === 'plan-indicativo' ? Math.max(years?.length ?? 0, 1) : periodCount(periodKind),
    ...(vigencia !== undefined ? { vigencia } : {}),
    ...(namedVigencia !== undefined ? { namedVigencia } : {}),
    ...(cutoff !== undefined ? { cutoff } : {}),
    ...(periodUnknown ? { periodUnknown: true as const } : {}),
    title: {
      ...(title.entity !== undefined ? { entity: title.entity } : {}),
      ...(title.unit !== undefined ? { unit: title.unit } : {}),
    },
    rows: reader.rows,
    errorCells: reader.errorCells,
    visibility: visibilityOf(grid.visibility),
    ...(mappedFields.length > 0 ? { mapped: mappedFields } : {}),
    ...(problems.length > 0 ? { mappingProblems: problems } : {}),
  };
  return sheet;
}

/**
 * The note of a number field the format's authors describe in words (`describedFields`): how many
 * rows hold a description instead of a figure, the first one quoted — once for the column, since
 * it is how the format is written, not a mistake of a row.
 */
function describedNote(rows: readonly DataRow[], field: FieldId, header: string | undefined): string | undefined {
  let count = 0;
  let first: { text: string; row: number } | undefined;
  for (const r of rows) {
    const p = r.cells[field]?.parsed;
    if (p?.status !== 'invalid') continue;
    count++;
    first ??= { text: p.text, row: r.row };
  }
  if (!first) return undefined;
  const flat = first.text.replace(/\s+/g, ' ').trim();
  const text = flat.length > 60 ? `${flat.slice(0, 57).trimEnd()}…` : flat;
  const more = count > 1 ? ` y ${count - 1} más` : '';
  return (
    `La columna «${header ?? headerOf(field)}» (${headerOf(field).toLowerCase()}) describe la cifra con texto en ${count} ${count === 1 ? 'fila' : 'filas'} ` +
    `(«${text}», fila ${first.row}${more}), como se escribe en este formato: no es un error, pero ese texto no se usa en los cálculos.`
  );
}

// ---------------------------------------------------------------------------------------------
// The user's mapping (domain/mapping.ts)

/** The mapping's header row (0-based index) and kind for a sheet. */
function constraintOf(m: SheetMapping | undefined, view: SheetView): HeaderConstraint {
  return {
    ...(m?.filaEncabezado !== undefined ? { row: m.filaEncabezado - view.originRow } : {}),
    ...(m?.tipo !== undefined ? { kind: m.tipo } : {}),
  };
}

function fitsConstraint(r: HeaderReading, only: HeaderConstraint): boolean {
  return (only.row === undefined || r.last === only.row) && (only.kind === undefined || r.kind === only.kind);
}

/**
 * The header of a sheet no kind qualifies for, where the mapping says it is: its row (or the row
 * holding most of the mapping's column headers) and its kind (or the kind that row matches best).
 * With no general match of that kind (a plan indicativo, a header of unknown words) only the
 * mapping's own columns are read.
 */
function mappedHeader(view: SheetView, texts: readonly (string | undefined)[][], m: SheetMapping, only: HeaderConstraint): HeaderReading | undefined {
  const row = only.row ?? rowOfHeaders(texts, Object.values(m.columnas ?? {}).filter((x): x is string => typeof x === 'string'));
  if (row === undefined) return undefined;
  const matches = matchHeaderRows(singleCells(view, texts[row] ?? []));
  const match = only.kind !== undefined ? matches.find((x) => x.kind === only.kind && x.columns.size > 0) : largestMatch(matches);
  const kind = only.kind ?? match?.kind;
  if (kind === undefined) return undefined;
  if (match) return generalHeader(view, texts, { match, first: row, last: row });
  const unread = singleCells(view, texts[row] ?? []).map((c) => ({ col: c.col, header: (c.text ?? '').replace(/\s+/g, ' ').trim() }));
  return { kind, first: row, last: row, candidates: [], unread, periodKind: 'quarter' };
}

/** The row (0-based) where most of `headers` stand, or undefined when none does. */
function rowOfHeaders(texts: readonly (string | undefined)[][], headers: readonly string[]): number | undefined {
  let best: { row: number; n: number } | undefined;
  texts.forEach((line, i) => {
    const n = headers.filter((h) => line.some((t) => t !== undefined && sameHeader(t, h))).length;
    if (n > 0 && (!best || n > best.n)) best = { row: i, n };
  });
  return best?.row;
}

/** «Código meta producto» (goalCode). */
function fieldLabel(field: FieldId): string {
  return `«${headerOf(field)}» (${field})`;
}

/**
 * Puts the mapping's columns into `chosen` (a column read as another field is taken from it) and
 * returns the fields it set; a column the header does not have is a problem, said in Spanish.
 */
function applyColumns(
  m: SheetMapping,
  chosen: Map<FieldId, Candidate>,
  view: SheetView,
  texts: readonly (string | undefined)[][],
  first: number,
  last: number,
  sheet: string,
  problems: string[],
  periods?: { readonly kind: PeriodKind; readonly count: number },
): FieldId[] {
  const out: FieldId[] = [];
  for (const [field, spec] of Object.entries(m.columnas ?? {}) as [FieldId, string | undefined][]) {
    if (spec === undefined) continue;
    const period = /^(planned|executed)(\d+)$/.exec(field);
    if (period && periods && Number(period[2]) > periods.count) {
      const word = periods.kind === 'month' ? 'meses' : periods.kind === 'year' ? 'años' : 'trimestres';
      problems.push(
        periods.count === 1
          ? `En la hoja «${sheet}» hay un solo periodo (el año): ${field} no existe; use ${period[1]}1.`
          : `En la hoja «${sheet}» los periodos son ${word} (1 a ${periods.count}): ${field} no existe; use ${period[1]}1 a ${period[1]}${periods.count}.`,
      );
      continue;
    }
    const hits: { col: number; text: string }[] = [];
    const width = Math.max(texts[first]?.length ?? 0, texts[last]?.length ?? 0);
    for (let j = 0; j < width; j++) {
      const t = texts[last]?.[j];
      const g = first < last ? texts[first]?.[j] : undefined;
      const joined = g !== undefined && t !== undefined && g !== t ? `${g} ${t}` : undefined;
      if ([t, g, joined].some((x) => x !== undefined && sameHeader(x, spec))) hits.push({ col: view.originCol + j, text: (joined ?? t ?? g ?? '').replace(/\s+/g, ' ').trim() });
    }
    let at: { col: number; text: string } | undefined = hits.length === 1 ? hits[0] : undefined;
    const letter = hits.length === 0 ? columnOfLetter(spec) : undefined;
    if (letter !== undefined) at = { col: letter, text: (texts[last]?.[letter - view.originCol] ?? texts[first]?.[letter - view.originCol] ?? '').replace(/\s+/g, ' ').trim() };
    if (!at) {
      problems.push(
        hits.length > 1
          ? `En la hoja «${sheet}» hay ${hits.length} columnas «${spec}» (${hits.map((h) => columnLetter(h.col)).join(', ')}): indique en el mapa la letra de la que es ${fieldLabel(field)}.`
          : `En la hoja «${sheet}» no hay ninguna columna «${spec}» en el encabezado (fila ${view.originRow + last}) para ${fieldLabel(field)}; escriba el encabezado como está en la hoja o la letra de la columna.`,
      );
      continue;
    }
    if (letter !== undefined && at.text === '' && !columnHasData(view, letter, last + 1)) {
      problems.push(`En la hoja «${sheet}» la columna ${columnLetter(letter)} está vacía (sin encabezado ni datos) para ${fieldLabel(field)}: indique la columna donde están esos datos.`);
      continue;
    }
    // Two fields of the mapping in one column: one of them would silently have none.
    const twin = out.find((f) => chosen.get(f)?.col === at.col);
    if (twin !== undefined) {
      problems.push(`En la hoja «${sheet}» el mapa pone ${fieldLabel(twin)} y ${fieldLabel(field)} en la misma columna (${columnLetter(at.col)}${at.text ? ` «${at.text}»` : ''}): cada campo va en su propia columna.`);
      continue;
    }
    for (const [f, c] of chosen) if (c.col === at.col && f !== field) chosen.delete(f);
    chosen.set(field, { field, col: at.col, text: at.text });
    out.push(field);
  }
  return out;
}

/** "Se aplicó el mapa de columnas («HC T2»): tipo, fila de encabezado, 2 columnas." */
function mappingNote(key: string, m: SheetMapping, columns: number): string {
  const parts = [
    ...(m.tipo !== undefined ? [`tipo ${kindLabels[m.tipo]}`] : []),
    ...(m.filaEncabezado !== undefined ? [`encabezado en la fila ${m.filaEncabezado}`] : []),
    ...(m.vigencia !== undefined ? [`vigencia ${m.vigencia}`] : []),
    ...(columns > 0 ? [`${columns} ${columns === 1 ? 'columna' : 'columnas'}`] : []),
  ];
  return `Se aplicó el mapa de columnas («${key}»)${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

/**
 * The cells of each known column of a read sheet, one per data row, as the reader built them
 * (kept beside the sheet, keyed by its `rows` array, so a `ReadSheet` stays plain data).
 */
const readColumns = new WeakMap<readonly DataRow[], ReadonlyMap<FieldId, readonly ReadCell[]>>();

/**
 * The cells of a sheet's column `field`, one per data row (`undefined` where a row has none):
 * `sheet.rows.map((r) => r.cells[field])`, without the per-row lookup by name when the sheet
 * comes from `readSheet` (the reader kept its columns).
 */
export function columnCells(sheet: ReadSheet, field: FieldId): readonly (ReadCell | undefined)[] {
  const rows = sheet.rows;
  const kept = readColumns.get(rows)?.get(field);
  if (kept !== undefined && kept.length === rows.length) return kept;
  const out: (ReadCell | undefined)[] = [];
  for (let i = 0; i < rows.length; i++) out.push(rows[i].cells[field]);
  return out;
}

/** True for a read sheet, false for an unknown one. */
export function isReadSheet(s: ReadSheet | UnknownSheet): s is ReadSheet {
  return 'kind' in s;
}

/**
 * Reads every sheet of a workbook. Hidden and very hidden sheets are listed, not read, unless
 * `includeHidden` (real-formats.md "Hidden sheets"); helper sheets of a known format found in the
 * workbook (summaries, descriptions) are listed as such, not read as data. A joined sheet (DNP's
 * financial follow-up) names the data sheet whose goals its rows join. Any grid is read (a sheet
 * of no known kind is listed as unknown with a Spanish reason); an exception here is a bug of the
 * reader and goes up as such (an internal error), never as "no recognisable sheet".
 */
export function readWorkbook(given: WorkbookGrids, options?: ReaderOptions): ReadWorkbook {
  // Formulas saved with no cached value whose value follows from typed cells (a title joining a literal and a cell): known.
  const grids = resolveUncalculated(given);
  const read: (ReadSheet | UnknownSheet)[] = [];
  const hidden: ListedSheet[] = [];
  const list = Array.isArray(grids?.sheets) ? grids.sheets : [];
  const visible: Grid[] = [];
  let baselineGrid: Grid | undefined;
  let changesGrid: Grid | undefined;
  for (const grid of list) {
    if (!grid) continue;
    // The approved plan (a very hidden sheet) and its change log are the product's records, not data sheets.
    if (grid.name === BASELINE_SHEET) {
      baselineGrid = grid;
      continue;
    }
    if (typeof grid.name === 'string' && isChangeLogSheet(grid.name)) {
      changesGrid = grid;
      continue;
    }
    // The stored mapping is read by the app layer (app/mapping.ts), before this.
    if (grid.name === MAPPING_SHEET) continue;
    const v = visibilityOf(grid.visibility);
    if (v !== 'visible' && !options?.includeHidden) {
      hidden.push({ name: typeof grid.name === 'string' ? grid.name : '', reason: v === 'veryHidden' ? 'oculta (muy oculta)' : 'oculta' });
      continue;
    }
    visible.push(grid);
    read.push(readSheet(grid, options));
  }
  // Formats found: their helper sheets are not data.
  const found = new Set(read.filter(isReadSheet).map((s) => s.format?.id).filter((x): x is string => x !== undefined));
  const helpers: ListedSheet[] = [];
  const sheets: ReadSheet[] = [];
  const unknown: UnknownSheet[] = [];
  /** The entity a format's companion sheet names (DNP's `Resumen`), by format id. */
  const companionEntity = new Map<string, string>();
  read.forEach((r, k) => {
    const grid = visible[k];
    const isFormatSheet = isReadSheet(r) && r.format !== undefined && formatById(r.format.id)?.signature.length;
    if (!isFormatSheet && found.size > 0) {
      const view = viewOf(grid);
      const rows = headerTexts(view, Math.min(view.values.length, headerWindow)).map((line) =>
        line.filter((t): t is string => t !== undefined).map(normalizeHeader),
      );
      const companion = companionOf(r.name, rows);
      if (companion && found.has(companion.format.id)) {
        const hiddenSheet = visibilityOf(grid.visibility) !== 'visible' ? '; oculta' : '';
        helpers.push({ name: r.name, reason: `${companion.role} (${companion.format.name}${hiddenSheet})` });
        const entity = companion.namesEntity ? municipalityOf(view.values.slice(0, headerWindow)) : undefined;
        if (entity !== undefined && !companionEntity.has(companion.format.id)) companionEntity.set(companion.format.id, entity);
        return;
      }
    }
    if (isReadSheet(r)) sheets.push(r);
    else unknown.push(r);
  });
  for (let k = 0; k < sheets.length; k++) {
    const s = sheets[k];
    const entity = s.format ? companionEntity.get(s.format.id) : undefined;
    if (entity !== undefined && s.title.entity === undefined) sheets[k] = { ...s, title: { ...s.title, entity } };
  }
  // A format sheet whose own header names no year takes the quarter and year its workbook's
  // titles name ("II TRIMESTRE 2025" above Cali's summaries); asked for another vigencia, it
  // still names that year as its own (`vigenciaNotInWorkbook`).
  const workbookQuarter = quarterTitleOfGrids(visible);
  for (let k = 0; k < sheets.length; k++) {
    const s = sheets[k];
    if (s.periodUnknown) sheets[k] = withAnnualPeriod(s, workbookQuarter, options);
  }
  if (workbookQuarter) {
    for (let k = 0; k < sheets.length; k++) {
      const s = sheets[k];
      if (!s.format || s.namedVigencia !== undefined || (s.yearBlocks?.length ?? 0) > 0) continue;
      if (options?.vigencia !== undefined || s.vigencia !== undefined) {
        // A cut-off in another quarter of the titles' year reads that quarter's columns: said, never silent.
        const note = s.periodKind === 'quarter' ? titlePeriodNote(workbookQuarter, options?.cutoff, 'los títulos del libro') : undefined;
        sheets[k] = {
          ...s,
          namedVigencia: workbookQuarter.year,
          ...(note ? { notes: [...(s.notes ?? []), note], figureNotes: [...(s.figureNotes ?? []), note] } : {}),
        };
        continue;
      }
      sheets[k] = {
        namedVigencia: workbookQuarter.year,
        ...s,
        vigencia: workbookQuarter.year,
        ...(s.cutoff === undefined && options?.cutoff === undefined ? { cutoff: periodEnd(workbookQuarter.year, workbookQuarter.quarter) } : {}),
        notes: [...(s.notes ?? []), `La vigencia ${workbookQuarter.year} y el trimestre ${workbookQuarter.quarter} se tomaron de los títulos del libro.`],
      };
    }
  }
  // A joined sheet names the data sheet of its format.
  const joined = sheets.map((s) => {
    const f = s.format ? formatById(s.format.id) : undefined;
    if (!f?.joined || s.columns.executed1 !== undefined) return s;
    const main = sheets.find((o) => o !== s && o.format?.id === f.id && o.columns.executed1 !== undefined);
    if (!main) return s;
    return { ...s, joins: { sheet: main.name, on: f.joined.on }, notes: [...(s.notes ?? []), `Sus filas se unen a las metas de «${main.name}» por ${f.joined.on === 'productCode' ? 'el código de producto' : 'el código'}: ${f.joined.role}.`] };
  }).map((s, _, all) => {
    // Never silent: a data sheet whose format keeps its money on a joined sheet the workbook does not
    // bring (DNP's report without its financial sheet) has no budget figures, and says why.
    const f = s.format ? formatById(s.format.id) : undefined;
    if (!f?.joined || s.joins || s.columns.executed1 === undefined || all.some((o) => o.joins?.sheet === s.name)) return s;
    if (s.columns.budgetFinal !== undefined || s.columns.commitments !== undefined) return s;
    const note = `Ninguna hoja del libro se reconoció como ${f.joined.role}: estas metas no tienen cifras de ejecución presupuestal (apropiación, compromisos, obligaciones, pagos).`;
    return { ...s, notes: [...(s.notes ?? []), note], figureNotes: [...(s.figureNotes ?? []), note] };
  });
  const mappingProblems = [
    ...unmatchedSheetKeys(options?.mapping, list.map((g) => (typeof g?.name === 'string' ? g.name : ''))).map(
      (k) => `El mapa nombra la hoja «${k}», que no está en el libro (hojas: ${list.map((g) => g?.name).filter((n) => typeof n === 'string' && !n.startsWith('_tablero_pdm')).join(', ')}).`,
    ),
    ...read.flatMap((r) => r.mappingProblems ?? []),
  ];
  return {
    name: typeof grids?.name === 'string' ? grids.name : '',
    sheets: joined,
    unknown,
    ...(mappingProblems.length > 0 ? { mappingProblems } : {}),
    ...(hidden.length > 0 ? { hidden } : {}),
    ...(helpers.length > 0 ? { helpers } : {}),
    ...(baselineGrid ? { baselineGrid } : {}),
    ...(changesGrid ? { changesGrid } : {}),
  };
}

/**
 * An annual follow-up whose titles are formulas with no calculated value (`periodUnknown`): the
 * cut-off of a quarter the workbook's typed titles name for the sheet's vigencia (DNP's `Resumen`
 * types «2025 - tercer trimestre» that its sheets' titles quote), said; else a note that how far
 * the execution runs is not known — never a silent 31/12. A cut-off the user gives wins (no note).
 */
function withAnnualPeriod(s: ReadSheet, quarter: { year: number; quarter: number; sheet: string } | undefined, options: ReaderOptions | undefined): ReadSheet {
  if (options?.cutoff !== undefined) return s;
  const year = s.vigencia;
  if (quarter && year !== undefined && quarter.year === year) {
    const cutoff = periodEnd(year, quarter.quarter);
    const note =
      `Los títulos de la hoja son fórmulas sin valor calculado (el libro se guardó con un programa que no calcula); ` +
      `la hoja «${quarter.sheet}» dice que la ejecución de ${year} llega al trimestre ${quarter.quarter}: se midió al corte ${cutoff.slice(8, 10)}/${cutoff.slice(5, 7)}/${year}.`;
    return { ...s, cutoff, notes: [...(s.notes ?? []), note], figureNotes: [...(s.figureNotes ?? []), note] };
  }
  const note =
    `Los títulos de la hoja son fórmulas sin valor calculado (el libro se guardó con un programa que no calcula): no se sabe hasta qué fecha llega la ejecución${year !== undefined ? ` de ${year}` : ''}. ` +
    `Si no llega al fin del año, indique la fecha de corte (--corte), o abra el libro en Excel y guárdelo para que se calculen los títulos.`;
  return { ...s, notes: [...(s.notes ?? []), note], figureNotes: [...(s.figureNotes ?? []), note] };
}

/**
 * The data rows `rows` (1-based sheet rows) of a sheet whose columns are known ahead — a part of a
 * consolidated sheet (`app/registry.ts` `throughConsolidated`) — parsed as the reading they come
 * from parsed them: the same field parsers, the format's own words (`formatId`), the same rule for
 * what a data row is. Rows outside `rows` are not read.
 */
export function readKnownRows(
  grid: Grid,
  at: {
    readonly headerRow: number;
    readonly columns: ReadonlyMap<FieldId, number>;
    readonly rows: ReadonlySet<number>;
    readonly kind: SheetKind;
    readonly required: readonly RequiredField[];
    readonly formatId?: string;
  },
  options?: ReaderOptions,
): Pick<ReadSheet, 'rows' | 'errorCells'> {
  const base = viewOf(grid);
  const values = base.values.map((r, i) => (at.rows.has(base.originRow + i) ? r : undefined));
  const view: SheetView = { ...base, values, merges: base.merges.filter((m) => at.rows.has(base.originRow + m.top)) };
  const from = at.headerRow - base.originRow + 1;
  const columns = new Map([...at.columns].map(([f, col]) => [f, { col }] as const));
  const fields = fieldColumns(view, at.kind, columns, at.required, from, options, at.formatId !== undefined ? formatById(at.formatId) : undefined);
  const reader = new DataReader(view, fields);
  reader.readFrom(Math.max(from, 0));
  readColumns.set(reader.rows, new Map(fields.map((c, k) => [c.field, reader.byColumn[k]])));
  return { rows: reader.rows, errorCells: reader.errorCells };
}
