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

/**
 * The sheet writes the column's numbers as text — an export's convention (`'4'`, `'1.95'`: at
 * least two, and most of the column's numbers) or a column formatted as text before it was filled
 * (`'1.234,5'`, `'45 %'` alike: at least five, and most of them) — not a cell typed over. Said once
 * for the column.
 */
function writtenAsText(sheet: ReadSheet, field: FieldId): boolean {
  let exported = 0;
  let text = 0;
  let numbers = 0;
  for (const c of columnCells(sheet, field)) {
    if (c === undefined || c.merged || c.parsed.status !== 'ok') continue;
    numbers++;
    if (!c.parsed.fromText) continue;
    text++;
    if (isExportText(c.raw)) exported++;
  }
  return (exported >= 2 && exported * 2 >= numbers) || (text >= 5 && text * 2 >= numbers);
}

/** The column writes some of its decimals as text with `.` (then its whole numbers as text are the same export's). */
function hasDotDecimals(sheet: ReadSheet, field: FieldId): boolean {
  return columnCells(sheet, field).some((c) => c !== undefined && !c.merged && c.parsed.status === 'ok' && c.parsed.fromText === true && isDotDecimal(c.raw));
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
      const wholeColumn = writtenAsText(sheet, field);
      const dot = !wholeColumn && (isDotDecimal(cell.raw) || (isPlainInteger(cell.raw) && hasDotDecimals(sheet, field)));
      if (wholeColumn || dot) {
        // Said once per column: the first such cell, with how many more the column has.
        const key = `${sheet.name}\u0000${field}`;
        const done = reportedColumns.get(out) ?? new Set<string>();
        reportedColumns.set(out, done);
        if (done.has(key)) return;
        done.add(key);
        const counted = wholeColumn ? (raw: unknown) => typeof raw === 'string' : isExportText;
        let more = -1;
        for (const c of columnCells(sheet, field)) if (c !== undefined && !c.merged && c.parsed.status === 'ok' && c.parsed.fromText && counted(c.raw)) more++;
        const dots = dot || (hasDotDecimals(sheet, field) && columnCells(sheet, field).every((c) => c === undefined || c.merged || c.parsed.status !== 'ok' || !c.parsed.fromText || isExportText(c.raw)));
        message = (dots ? messages.dotDecimals : messages.textColumn)(label(sheet, field), rawText(cell), row.row, more, shown(type, p.value));
      }
      out.push(reportAt(meta, sheet, row, address, message));
    },
  },
);
