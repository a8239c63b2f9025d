import { fieldType } from '../domain/fields';
import type { ValueType } from '../domain/fields';
import { formatMoney, formatNumber, formatPercent } from '../domain/format';
import { goalOf, label, ofGoal, quote, rawText, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';

const numericTypes: readonly ValueType[] = ['number', 'magnitude', 'money', 'percent'];

function shown(type: ValueType, value: number): string {
  if (type === 'money') return formatMoney(value);
  if (type === 'percent') return formatPercent(value, 2);
  return formatNumber(value, 6);
}

const messages = {
  asText: (text: string, column: string, goal: string | undefined, read: string): string =>
    `El valor ${quote(text)} de ${quote(column)}${ofGoal(goal)} está escrito como texto. ` +
    `Se leyó como ${read}; escríbalo como número para que Excel lo pueda sumar y comparar.`,
};

const meta: RuleMeta = {
  id: 'number-as-text',
  title: 'Número escrito como texto',
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
      out.push(reportAt(meta, sheet, row, address, messages.asText(rawText(cell), label(sheet, field), goalOf(row), shown(type, p.value))));
    },
  },
);
