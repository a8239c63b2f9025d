import { fieldType } from '../domain/fields';
import { finding, goalOf, label, ofGoal, quote } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';

const messages = {
  notADate: (text: string, column: string, goal: string | undefined): string =>
    `${quote(text)} no es una fecha válida en ${quote(column)}${ofGoal(goal)}. ` +
    `Escriba la fecha como dd/mm/aaaa, por ejemplo 30/06/2025.`,
};

export const rule: CellRule = cellRule(
  {
    id: 'date',
    severity: 'error',
    scope: 'cell',
    description: 'Una columna de fecha tiene algo que no es una fecha.',
  },
  messages,
  {
    statuses: ['invalid'],
    columns: (field) => fieldType(field) === 'date',
    visit({ sheet, row, field, cell, address }, _ctx, out) {
      if (fieldType(field) !== 'date' || cell.parsed.status !== 'invalid') return;
      out.push(
        finding({
          rule: 'date',
          severity: 'error',
          sheet,
          row: row.row,
          cell: address,
          goal: goalOf(row),
          message: messages.notADate(cell.parsed.text, label(sheet, field), goalOf(row)),
        }),
      );
    },
  },
);
