import { fieldType } from '../domain/fields';
import type { ValueType } from '../domain/fields';
import { goalOf, label, ofGoal, quote, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';

const numericTypes: readonly ValueType[] = ['number', 'magnitude', 'money', 'percent'];

function example(type: ValueType): string {
  if (type === 'money') return '$ 1.234.567';
  if (type === 'percent') return '45 %';
  return '1.234,5';
}

const messages = {
  notANumber: (text: string, column: string, goal: string | undefined, exampleText: string): string =>
    `${quote(text)} no es un número válido en ${quote(column)}${ofGoal(goal)}. ` +
    `Escriba solo la cifra, por ejemplo ${exampleText}.`,
};

const meta: RuleMeta = {
  id: 'number',
  severity: 'error',
  scope: 'cell',
  description: 'Una columna numérica tiene un texto que no es un número.',
};

/**
 * A number, magnitude, money or percent column holding text that is no number — but for a field
 * the sheet's format describes in words (`describedFields`), which the reading notes once.
 */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['invalid'],
    columns: (field) => numericTypes.includes(fieldType(field)),
    visit({ sheet, row, field, cell, address }, _ctx, out) {
      const type = fieldType(field);
      if (!numericTypes.includes(type) || cell.parsed.status !== 'invalid') return;
      // The format's authors write a description there (Cundinamarca's L.B): said once by the reading, no finding.
      if (sheet.describedFields?.includes(field)) return;
      out.push(reportAt(meta, sheet, row, address, messages.notANumber(cell.parsed.text, label(sheet, field), goalOf(row), example(type))));
    },
  },
);
