import type { RuleMeta } from './types';
import type { FieldId } from '../domain/fields';
import { fieldType } from '../domain/fields';
import type { DataRow, ParsedValue, ReadSheet } from '../domain/sheet';
import { okValue } from '../domain/sheet';
import { formatNumber, formatPercent } from '../domain/format';
import { sameMagnitude, samePercent } from '../domain/tolerance';
import { goalOf, groupBy, label, normalizeText, periodFields, quote, reportField } from './lib/util';
import { sheetRule } from './lib/sheets';
import { accumulationNames } from './lib/kinds';

const messages = {
  differs: (column: string, goal: string, found: string, expected: string, firstRow: number): string =>
    `${quote(column)} de la meta ${goal} no coincide con la primera fila de la meta (fila ${firstRow}): ` +
    `aquí dice ${found} y allá ${expected}. Todas las filas de una meta deben tener los mismos datos de la meta.`,
};

/** The goal's own attributes: what every activity row of one goal must repeat (or merge). */
function goalFields(sheet: ReadSheet): FieldId[] {
  return [
    'goal',
    'programCode',
    'unit',
    'unitOfMeasure',
    'accumulation',
    'yearGoal',
    ...periodFields(sheet, 'planned'),
    'weight',
  ];
}

function same(field: FieldId, a: ParsedValue, b: ParsedValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return fieldType(field) === 'percent' ? samePercent(a, b) : sameMagnitude(a, b);
  }
  if (field === 'programCode') return String(a).trim() === String(b).trim();
  return normalizeText(String(a)) === normalizeText(String(b));
}

function show(field: FieldId, v: ParsedValue): string {
  if (typeof v === 'number') return fieldType(field) === 'percent' ? formatPercent(v, 2) : formatNumber(v, 6);
  if (field === 'accumulation') return accumulationNames[String(v)] ?? String(v);
  return quote(String(v));
}

const meta: RuleMeta = {
  id: 'goal-mismatch',
  severity: 'error',
  scope: 'plan-accion',
  description:
    'Filas de una misma meta no coinciden en los datos de la meta (texto, programa, dependencia, acumulación, meta vigencia, programación, ponderación).',
};

/**
 * Rows of one goal (same goal code) that disagree on the goal's attributes: goal text, program
 * code, unit (dependencia), unit of measure, tipo de acumulación, meta vigencia, programado per
 * period, ponderación. Each disagreeing cell after the goal's first row is reported. A blank is
 * not a disagreement (`required` reports required blanks); merged cells agree by construction.
 */
export const rule = sheetRule(meta, messages, (sheet) => sheet.kind === 'plan-accion', (sheet, _ctx, out) => {
  const fields = goalFields(sheet).filter((f) => sheet.columns[f] !== undefined);
  for (const [goal, indices] of groupBy(sheet.rows, goalOf)) {
    const first: DataRow = sheet.rows[indices[0]];
    for (const i of indices.slice(1)) {
      const row = sheet.rows[i];
      for (const field of fields) {
        const expected = okValue(first, field);
        const found = okValue(row, field);
        if (expected === undefined || found === undefined || same(field, found, expected)) continue;
        const message = messages.differs(label(sheet, field), goal, show(field, found), show(field, expected), first.row);
        out.push(reportField(meta, sheet, row, field, message));
      }
    }
  }
});
