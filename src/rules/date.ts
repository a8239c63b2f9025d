import type { Rule } from './types';
import type { Finding } from '../domain/finding';
import { fieldType } from '../domain/fields';
import { eachCell, finding, goalOf, label, ofGoal, quote } from './lib/util';

const messages = {
  notADate: (text: string, column: string, goal: string | undefined): string =>
    `${quote(text)} no es una fecha válida en ${quote(column)}${ofGoal(goal)}. ` +
    `Escriba la fecha como dd/mm/aaaa, por ejemplo 30/06/2025.`,
};

export const rule: Rule = {
  meta: {
    id: 'date',
    severity: 'error',
    scope: 'cell',
    description: 'Una columna de fecha tiene algo que no es una fecha.',
  },
  messages,
  check(ctx) {
    const out: Finding[] = [];
    eachCell(ctx, ({ sheet, row, field, cell, address }) => {
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
    }, (field) => fieldType(field) === 'date', (cell) => cell.parsed.status === 'invalid');
    return out;
  },
};
