import { fieldType } from '../domain/fields';
import type { FieldId, ValueType } from '../domain/fields';
import type { ReadSheet } from '../domain/sheet';
import { formatMoney, formatNumber, formatPercent } from '../domain/format';
import { goalOf, label, ofGoal, quote, rawText, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { columnCells } from '../domain/reader';

const numericTypes: readonly ValueType[] = ['number', 'magnitude', 'money', 'percent'];

function shown(type: ValueType, value: number): string {
  if (type === 'money') return formatMoney(value, { cents: true });
  if (type === 'percent') return formatPercent(value, 2);
  return formatNumber(value, 6);
}

const messages = {
  asText: (text: string, column: string, goal: string | undefined, read: string): string =>
    `El valor ${quote(text)} de ${quote(column)}${ofGoal(goal)} está escrito como texto. ` +
    `Se leyó como ${read}; escríbalo como número para que Excel lo pueda sumar y comparar.`,
  dotDecimals: (column: string, text: string, row: number, more: number, read: string): string =>
    `La columna ${quote(column)} tiene números escritos como texto con punto decimal (${quote(text)}, fila ${row}${more > 0 ? `, y ${more} más` : ''}); ` +
    `se leyó ${read}. Escríbalos como números.`,
  textColumn: (column: string, text: string, row: number, more: number, read: string): string =>
    `La columna ${quote(column)} tiene sus números escritos como texto (${quote(text)}, fila ${row}${more > 0 ? `, y ${more} más` : ''}); ` +
    `se leyó ${read}. Escríbalos como números.`,
};

/** A whole number written as text the way an export writes it (`'4'`, `'12000'`, `'85%'`). */
function isPlainInteger(raw: unknown): boolean {
  return typeof raw === 'string' && /^\s*[-+]?\d+\s*%?\s*$/.test(raw);
}

/**
 * Text with `.` as the decimal mark (`'1.95'`, `'2.00%'`; not `'1.000'`, which groups thousands):
 * a sheet exported that way writes all its decimals so, and it is said once per column
 * (real-formats.md "Values, real wording").
 */
function isDotDecimal(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  const m = /^\s*[-+]?\d+\.(\d+)\s*(%?)\s*$/.exec(raw);
  return m !== null && (m[2] === '%' || m[1].length !== 3 || /^\s*[-+]?0\./.test(raw));
}

const isExportText = (raw: unknown): boolean => isDotDecimal(raw) || isPlainInteger(raw);

/** What the rule needs to know of a whole column, worked out once per sheet and column (not once per cell). */
interface ColumnFacts {
  /**
   * The sheet writes the column's numbers as text — an export's convention (`'4'`, `'1.95'`: at
   * least two, and most of the column's numbers) or a column formatted as text before it was
   * filled (`'1.234,5'`, `'45 %'` alike: at least five, and most of them) — not a cell typed over.
   * Said once for the column.
   */
  readonly writtenAsText: boolean;
  /** Some of its decimals are text with `.` (then its whole numbers as text are the same export's). */
  readonly dotDecimals: boolean;
  /** Every number of it written as text is written the export's way (`'4'`, `'1.95'`). */
  readonly allExport: boolean;
  /** Its numbers written as text: all of them (strings), and those written the export's way. */
  readonly texts: number;
  readonly exported: number;
}

const columnFactsCache = new WeakMap<ReadSheet, Map<FieldId, ColumnFacts>>();

function columnFacts(sheet: ReadSheet, field: FieldId): ColumnFacts {
  let bySheet = columnFactsCache.get(sheet);
  if (!bySheet) columnFactsCache.set(sheet, (bySheet = new Map()));
  const known = bySheet.get(field);
  if (known) return known;
  let exported = 0;
  let text = 0;
  let texts = 0;
  let numbers = 0;
  let dotDecimals = false;
  let allExport = true;
  for (const c of columnCells(sheet, field)) {
    if (c === undefined || c.merged || c.parsed.status !== 'ok') continue;
    numbers++;
    if (!c.parsed.fromText) continue;
    text++;
    if (typeof c.raw === 'string') texts++;
    if (isDotDecimal(c.raw)) dotDecimals = true;
    if (isExportText(c.raw)) exported++;
    else allExport = false;
  }
  const facts: ColumnFacts = {
    writtenAsText: (exported >= 2 && exported * 2 >= numbers) || (text >= 5 && text * 2 >= numbers),
    dotDecimals,
    allExport,
    texts,
    exported,
  };
  bySheet.set(field, facts);
  return facts;
}

/** The columns already reported as dot-decimal, per run (keyed by the run's findings list). */
const reportedColumns = new WeakMap<Finding[], Set<string>>();

const meta: RuleMeta = {
  id: 'number-as-text',
  severity: 'warning',
  scope: 'cell',
  description: 'Un número está escrito como texto en una columna numérica.',
};

/** A number typed as text ("1.234.567", "45 %"): read, but a warning so it gets fixed. */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['ok'],
    columns: (field) => numericTypes.includes(fieldType(field)),
    cells: (cell) => cell.parsed.status === 'ok' && cell.parsed.fromText === true,
    visit({ sheet, row, field, cell, address }, _ctx, out) {
      const type = fieldType(field);
      const p = cell.parsed;
      if (!numericTypes.includes(type) || p.status !== 'ok' || !p.fromText || typeof p.value !== 'number') return;
      let message = messages.asText(rawText(cell), label(sheet, field), goalOf(row), shown(type, p.value));
      const column = columnFacts(sheet, field);
      const wholeColumn = column.writtenAsText;
      const dot = !wholeColumn && (isDotDecimal(cell.raw) || (isPlainInteger(cell.raw) && column.dotDecimals));
      if (wholeColumn || dot) {
        // Said once per column: the first such cell, with how many more the column has.
        const key = `${sheet.name}\u0000${field}`;
        const done = reportedColumns.get(out) ?? new Set<string>();
        reportedColumns.set(out, done);
        if (done.has(key)) return;
        done.add(key);
        const more = (wholeColumn ? column.texts : column.exported) - 1;
        const dots = dot || (column.dotDecimals && column.allExport);
        message = (dots ? messages.dotDecimals : messages.textColumn)(label(sheet, field), rawText(cell), row.row, more, shown(type, p.value));
      }
      out.push(reportAt(meta, sheet, row, address, message));
    },
  },
);
