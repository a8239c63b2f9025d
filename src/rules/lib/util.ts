/**
 * Small helpers shared by the rule modules: where a finding goes, how a field is named in a
 * message, how texts are compared. Plain functions, no state.
 */
import type { Finding, Severity } from '../../domain/finding';
import type { DataRow, ReadCell, ReadSheet } from '../../domain/sheet';
import { goalCodeOf } from '../../domain/goal-code';
import type { FieldId } from '../../domain/fields';
import { normalize, shorten } from '../../domain/text';
import { executedField, headerOf, plannedField } from '../../domain/fields';
import { cellAddress, isCellError } from '../../domain/grid';
import type { CellValue } from '../../domain/grid';
import type { RuleContext, RuleMeta } from '../types';
import { formatDate, formatNumber } from '../../domain/format';
import { formatById } from '../../domain/formats/index';

/** The vigencia a sheet is about: the one its headers or title name, else the run's. */
export function vigenciaOf(ctx: RuleContext, sheet: ReadSheet): number {
  return sheet.vigencia ?? ctx.options.vigencia;
}

/** First cell of a row (the sheet's header column): the anchor of row-level findings. */
export function rowAnchor(sheet: ReadSheet, row: DataRow): string {
  return cellAddress(row.row, sheet.headerCol);
}

/** Header row's first cell: the anchor of sheet-level findings. */
export function sheetAnchor(sheet: ReadSheet): string {
  return cellAddress(sheet.firstHeaderRow, sheet.headerCol);
}

/** Address of a field's cell in a row, or the row's anchor when the sheet has no such column. */
export function fieldAddress(sheet: ReadSheet, row: DataRow, field: FieldId): string {
  const col = sheet.columns[field] ?? row.cells[field]?.col;
  return col === undefined ? rowAnchor(sheet, row) : cellAddress(row.row, col);
}

/** The goal code of a row as typed (trimmed; a code typed as a number is its digits), when there is one. */
export function goalOf(row: DataRow): string | undefined {
  return goalCodeOf(row) ?? undefined;
}

/**
 * Spanish name of a field for messages ("Meta vigencia", "Ejecutado T2", "Programado Mar"). On a
 * sheet of a known real format it is the header as its authors wrote it ("Ejecución Física 2025
 * (PIIP)"): the unit's words, not ours.
 */
export function label(sheet: ReadSheet, field: FieldId): string {
  const own = sheet.format && formatById(sheet.format.id)?.signature.length ? sheet.headers[field] : undefined;
  return own ?? headerOf(field, sheet.periodKind);
}

/** Name of a period: "T2", "Mar", the year of an annual follow-up ("año 2025") or of a plan's term ("2025"). */
export function periodLabel(sheet: ReadSheet, period: number): string {
  if (sheet.periodKind === 'year') {
    if (sheet.kind === 'plan-indicativo') {
      const year = sheet.years?.[period - 1];
      if (year !== undefined) return String(year);
    } else if (sheet.vigencia !== undefined) {
      return `año ${sheet.vigencia}`;
    }
  }
  return headerOf(plannedField(period), sheet.periodKind).replace(/^Programado /, '');
}

/** True for an annual follow-up (DNP): one period, the year, measured so far at the cut-off. */
export function isAnnual(sheet: ReadSheet): boolean {
  return sheet.periodKind === 'year' && sheet.kind !== 'plan-indicativo';
}

/** Characters of a person's value quoted back in a message; a longer one is shortened. */
export const QUOTE_MAX_CHARS = 500;

/**
 * A person's value quoted in a message: `«…»`. A long value (an analysis of pages) is shortened
 * with "…" and the message says so, so no note or generated cell outgrows Excel's cell limit.
 */
export function quote(text: string): string {
  if (text.length <= QUOTE_MAX_CHARS) return `«${text}»`;
  return `«${shorten(text, QUOTE_MAX_CHARS)}» (valor recortado; tiene ${formatNumber(text.length, 0)} caracteres)`;
}

/**
 * Whether a period's cell of `row` (`field(k)`, k = 1…`count`) holds what is not a number where one
 * goes — a text (`number`), an error value or a formula with no calculated value: its own finding
 * says so, and a figure computed as if the cell were blank would be a second, wrong finding.
 */
export function anyPeriodUnreadable(row: DataRow, count: number, field: (k: number) => FieldId): boolean {
  for (let k = 1; k <= count; k++) {
    const status = row.cells[field(k)]?.parsed.status;
    if (status === 'invalid' || status === 'error') return true;
  }
  return false;
}

/** The text a person sees in a cell, for quoting it back in a message. */
export function rawText(cell: ReadCell | undefined): string {
  if (!cell) return '';
  const p = cell.parsed;
  if (p.status === 'invalid') return p.text;
  if (p.status === 'error') return p.code;
  return displayValue(cell.raw);
}

export function displayValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, 6);
  if (typeof v === 'boolean') return v ? 'VERDADERO' : 'FALSO';
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

/**
 * True when the row's cell of `field` is covered by a merged area whose value sits in an earlier
 * row (the reader marks only covered cells `merged`; the top-left cell is the value's own). A
 * merged value is one cell for the person who typed it, so rules report and count it once, on its
 * first row.
 */
export function isMergeContinuation(sheet: ReadSheet, index: number, field: FieldId): boolean {
  return sheet.rows[index]?.cells[field]?.merged === true;
}

/**
 * Texts compared the way headers are (workbooks.md): trimmed, spaces and line breaks collapsed,
 * lower case, without accents or punctuation.
 */
export function normalizeText(text: string): string {
  // The same few texts (units, sources) come back on every row: normalise each once.
  let n = normalized.get(text);
  if (n === undefined) {
    n = normalize(text);
    if (normalized.size >= 4096) normalized.clear();
    normalized.set(text, n);
  }
  return n;
}

/** Memo of `normalizeText` (bounded; the function is pure). */
const normalized = new Map<string, string>();

/** Field ids of one family for the sheet's periods: planned1..4 or executed1..12. */
export function periodFields(sheet: ReadSheet, family: 'planned' | 'executed'): FieldId[] {
  const out: FieldId[] = [];
  for (let k = 1; k <= sheet.periodCount; k++) out.push(family === 'planned' ? plannedField(k) : executedField(k));
  return out;
}

export interface FindingInput {
  readonly sheet: ReadSheet;
  readonly row: number;
  readonly cell: string;
  readonly goal?: string;
  readonly message: string;
  /** Only for a rule of `'mixed'` severity, which says it per finding. */
  readonly severity?: Severity;
  /** Other cells of the row showing the same problem, named by the message and marked too. */
  readonly alsoCells?: readonly string[];
}

/**
 * A finding of the rule `meta` describes (ESLint's `context.report`): its id and severity come
 * from the rule's meta, never typed again; a rule of `'mixed'` severity gives it per finding.
 */
export function report(meta: RuleMeta, f: FindingInput): Finding {
  const severity = meta.severity === 'mixed' ? f.severity : meta.severity;
  if (!severity) throw new Error(`rule ${meta.id}: a finding of mixed severity without its severity`);
  const out: Finding = {
    rule: meta.id,
    severity,
    sheet: f.sheet.name,
    cell: f.cell,
    row: f.row,
    message: f.message,
    ...(f.goal !== undefined ? { goal: f.goal } : {}),
    ...(f.alsoCells !== undefined && f.alsoCells.length > 0 ? { alsoCells: f.alsoCells } : {}),
  };
  return out;
}

/** `report` at `cell` of a data row, about the row's goal: the commonest finding. */
export function reportAt(meta: RuleMeta, sheet: ReadSheet, row: DataRow, cell: string, message: string): Finding {
  return report(meta, { sheet, row: row.row, cell, goal: goalOf(row), message });
}

/** `report` on the row's cell of `field` (its first cell when the sheet has no such column), about the row's goal. */
export function reportField(meta: RuleMeta, sheet: ReadSheet, row: DataRow, field: FieldId, message: string): Finding {
  return reportAt(meta, sheet, row, fieldAddress(sheet, row, field), message);
}

/** Groups data-row indices by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T, index: number) => string | undefined): Map<string, number[]> {
  const map = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item, i);
    if (k === undefined) return;
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  });
  return map;
}

export interface CellVisit {
  readonly sheet: ReadSheet;
  readonly row: DataRow;
  readonly index: number;
  readonly field: FieldId;
  readonly cell: ReadCell;
  readonly address: string;
}

/** " de la meta 1702017" when the goal is known, else "". */
export function ofGoal(goal: string | undefined): string {
  return goal ? ` de la meta ${goal}` : '';
}
