import { fieldType } from '../domain/fields';
import type { ValueType } from '../domain/fields';
import { defaultSources, matchSource } from '../domain/values';
import { goalOf, label, ofGoal, quote, reportAt } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';

const fixedLists: Partial<Record<ValueType, readonly string[]>> = {
  goalType: ['Producto', 'Gestión', 'Administrativa'],
  accumulation: ['Suma', 'Creciente', 'Constante', 'Decreciente'],
  yesNo: ['Sí', 'No'],
  goalState: ['Activa', 'Eliminada (o vacía)'],
};

const messages = {
  notInList: (text: string, column: string, goal: string | undefined, allowed: readonly string[]): string =>
    `${quote(text)} no es un valor válido de ${quote(column)}${ofGoal(goal)}. ` +
    `Valores permitidos: ${allowed.join(', ')}.`,
};

const meta: RuleMeta = {
  id: 'enum',
  title: 'Valor fuera de la lista',
  severity: 'error',
  scope: 'cell',
  description: 'Un valor está fuera de su lista (tipo de meta, tipo de acumulación, fuente, Sí/No).',
};

/** A value outside its list: tipo de meta, tipo de acumulación, fuente, Sí/No, estado. */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['invalid'],
    columns: (field) => fieldType(field) === 'source' || fixedLists[fieldType(field)] !== undefined,
    visit({ sheet, row, field, cell, address }, ctx, out) {
      const type = fieldType(field);
      const list = type === 'source' ? [...defaultSources, ...ctx.options.extraSources] : fixedLists[type];
      if (!list || cell.parsed.status !== 'invalid') return;
      const text = cell.parsed.text;
      // A source the user added in the settings is valid even when the sheet was read without it.
      if (type === 'source' && matchSource(text, ctx.options.extraSources) !== undefined) return;
      out.push(reportAt(meta, sheet, row, address, messages.notInList(text, label(sheet, field), goalOf(row), list)));
    },
  },
);
