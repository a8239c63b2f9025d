import { fieldType } from '../domain/fields';
import { formatMoney, formatNumber } from '../domain/format';
import { goalOf, label, ofGoal, quote, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';

const messages = {
  negative: (column: string, goal: string | undefined, value: string): string =>
    `${quote(column)}${ofGoal(goal)} es negativo (${value}); debe ser cero o mayor.`,
};

const meta: RuleMeta = {
  id: 'negative',
  severity: 'error',
  scope: 'cell',
  description: 'Un valor en pesos, una magnitud o una programación es menor que cero.',
};

/**
 * Money (valor, apropiación, compromisos…) and magnitudes (meta vigencia, programado, ejecutado)
 * below zero. Línea base, ejecutado acumulado and numerador/denominador may be negative; percents
 * are `percent-range`'s.
 */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['ok'],
    columns: (field) => fieldType(field) === 'money' || fieldType(field) === 'magnitude',
    cells: (cell) => cell.parsed.status === 'ok' && typeof cell.parsed.value === 'number' && cell.parsed.value < 0,
    visit({ sheet, row, field, cell, address }, _ctx, out) {
      const type = fieldType(field);
      if (type !== 'money' && type !== 'magnitude') return;
      const p = cell.parsed;
      if (p.status !== 'ok' || typeof p.value !== 'number' || !(p.value < 0)) return;
      const shown = type === 'money' ? formatMoney(p.value, { cents: true }) : formatNumber(p.value, 6);
      out.push(reportAt(meta, sheet, row, address, messages.negative(label(sheet, field), goalOf(row), shown)));
    },
  },
);
