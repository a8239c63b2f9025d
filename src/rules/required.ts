import { requiredOf } from '../domain/sheet';
import type { FieldId } from '../domain/fields';
import { goalOf, label, ofGoal, quote, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import { kindIn } from './lib/kinds';
import type { RuleMeta } from './types';

const messages = {
  blank: (column: string, goal: string | undefined, kind: string): string =>
    `La celda ${quote(column)}${ofGoal(goal)} está vacía; es un dato obligatorio ${kind}. Escriba el valor.`,
};

const meta: RuleMeta = {
  id: 'required',
  severity: 'error',
  scope: 'cell',
  description: 'Una celda obligatoria de una fila de datos está vacía.',
};

/**
 * A blank required cell of a data row. Only blanks: a value that does not parse is reported by
 * its type rule (`number`, `date`, `enum`…), an Excel error by `formula-error`. Per-period cells
 * (programado, ejecutado) are never required one by one: a blank period means "nothing".
 */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['blank'],
    columns: (field, sheet) => (requiredOf(sheet) as readonly string[]).includes(field),
    visit({ sheet, row, field, cell, address }, _ctx, out) {
      if (cell.parsed.status !== 'blank') return;
      if (!(requiredOf(sheet) as readonly string[]).includes(field)) return;
      // A unit named once in the title block ("Dependencia: Secretaría de Salud") fills the column.
      if (field === 'unit' && sheet.title.unit) return;
      out.push(reportAt(meta, sheet, row, address, messages.blank(label(sheet, field as FieldId), goalOf(row), kindIn[sheet.kind])));
    },
  },
);
