import type { FieldId } from '../domain/fields';
import { formatPercent } from '../domain/format';
import { goalOf, label, ofGoal, quote, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';

/** Percents that cannot leave 0 %–100 % (a declared % avance may show over-execution): the goal's and the activity's weight, the activity's progress. */
const boundedPercents: readonly FieldId[] = ['weight', 'activityWeight', 'activityProgress'];

const messages = {
  outOfRange: (column: string, goal: string | undefined, value: string): string =>
    `${quote(column)}${ofGoal(goal)} es ${value}, fuera del rango permitido: debe estar entre 0 % y 100 %.`,
};

const meta: RuleMeta = {
  id: 'percent-range',
  severity: 'error',
  scope: 'cell',
  description: 'Una ponderación o un % de avance de actividad está por debajo de 0 % o por encima de 100 %.',
};

export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['ok'],
    columns: (field) => boundedPercents.includes(field),
    visit({ sheet, row, field, cell, address }, _ctx, out) {
      if (!boundedPercents.includes(field)) return;
      const p = cell.parsed;
      if (p.status !== 'ok' || typeof p.value !== 'number') return;
      if (p.value >= 0 && p.value <= 1 + 1e-9) return;
      out.push(reportAt(meta, sheet, row, address, messages.outOfRange(label(sheet, field), goalOf(row), formatPercent(p.value, 2))));
    },
  },
);
