import { fieldType } from '../domain/fields';
import type { FieldId, ValueType } from '../domain/fields';
import type { ReadSheet } from '../domain/sheet';
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
  straySpaces: (text: string, column: string, goal: string | undefined, clean: string): string =>
    `${quote(text)} de ${quote(column)}${ofGoal(goal)} tiene espacios de más: escríbalo como en su catálogo (${quote(clean)}).`,
  notInList: (text: string, column: string, goal: string | undefined, allowed: readonly string[]): string =>
    `${quote(text)} no es un valor válido de ${quote(column)}${ofGoal(goal)}. ` +
    `Valores permitidos: ${allowed.join(', ')}.`,
};

/** A field whose values the sheet's format takes from a catalog (SisPT's unit of measure). */
function isCatalog(field: FieldId, sheet: ReadSheet): boolean {
  return sheet.catalogFields?.includes(field) === true;
}

const meta: RuleMeta = {
  id: 'enum',
  severity: 'error',
  scope: 'cell',
  description: 'Un valor está fuera de su lista (tipo de meta, tipo de acumulación, fuente, Sí/No).',
};

/**
 * A value outside its list: tipo de meta, tipo de acumulación, fuente, Sí/No, estado; and a value
 * of a format's catalog (SisPT's unit of measure) typed with stray spaces.
 */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['invalid', 'ok'],
    columns: (field, sheet) => fieldType(field) === 'source' || fixedLists[fieldType(field)] !== undefined || isCatalog(field, sheet),
    cells: (cell) => cell.parsed.status === 'invalid' || (typeof cell.raw === 'string' && cell.raw !== cell.raw.trim().replace(/\s+/g, ' ')),
    visit({ sheet, row, field, cell, address }, ctx, out) {
      if (cell.parsed.status === 'ok') {
        if (!isCatalog(field, sheet) || typeof cell.raw !== 'string') return;
        const clean = cell.raw.trim().replace(/\s+/g, ' ');
        if (clean === cell.raw || clean === '') return;
        const message = messages.straySpaces(cell.raw, label(sheet, field), goalOf(row), clean);
        out.push(reportAt(meta, sheet, row, address, message));
        return;
      }
      const type = fieldType(field);
      // The format's own words when it has them (DNP's Si/No, Cundinamarca's I/M/D, SisPT's Acumulativo/No acumulativo).
      const list = sheet.valueWords?.[field] ?? (type === 'source' ? [...defaultSources, ...ctx.options.extraSources] : fixedLists[type]);
      if (!list || cell.parsed.status !== 'invalid') return;
      const text = cell.parsed.text;
      // A source the user added in the settings is valid even when the sheet was read without it.
      if (type === 'source' && matchSource(text, ctx.options.extraSources) !== undefined) return;
      out.push(reportAt(meta, sheet, row, address, messages.notInList(text, label(sheet, field), goalOf(row), list)));
    },
  },
);
