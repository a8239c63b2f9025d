import { fieldType } from '../domain/fields';
import { goalOf, label, ofGoal, quote, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';

const messages = {
  notADate: (text: string, column: string, goal: string | undefined): string =>
    `${quote(text)} no es una fecha válida en ${quote(column)}${ofGoal(goal)}. ` +
    `Escriba la fecha como dd/mm/aaaa, por ejemplo 30/06/2025.`,
};

const meta: RuleMeta = {
  id: 'date',
  severity: 'error',
  scope: 'cell',
  description: 'Una columna de fecha tiene algo que no es una fecha.',
};

export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['invalid'],
    columns: (field) => fieldType(field) === 'date',
    visit({ sheet, row, field, cell, address }, _ctx, out) {
      if (fieldType(field) !== 'date' || cell.parsed.status !== 'invalid') return;
      out.push(reportAt(meta, sheet, row, address, messages.notADate(cell.parsed.text, label(sheet, field), goalOf(row))));
    },
  },
);
