import { isGoalSheet } from '../domain/sheet';
import { executedField } from '../domain/fields';
import { okNumber } from '../domain/sheet';
import { periodEnd } from '../domain/periods';
import { formatDate, formatNumber } from '../domain/format';
import { cutoffOf } from './lib/capture';
import { captureRowRule } from './lib/rows';
import { goalOf, label, ofGoal, quote, vigenciaOf } from './lib/util';
import type { RuleMeta } from './types';

const messages = {
  future: (value: number, column: string, goal: string | undefined, periodEndDate: string, cutoff: string): string =>
    `Se reportó ejecución (${formatNumber(value, 6)}) en ${quote(column)}${ofGoal(goal)}, un periodo que termina el ` +
    `${periodEndDate}, después de la fecha de corte (${cutoff}). Solo se reportan periodos terminados a la fecha de corte.`,
};

const meta: RuleMeta = {
  id: 'future-execution',
  severity: 'warning',
  scope: 'hoja-captura',
  description: 'Se reportó ejecución en un periodo que termina después de la fecha de corte.',
};

/**
 * Execution (a value other than 0) in a period that ends after the cut-off date. A 0 typed ahead
 * is "nothing yet" and left alone.
 */
export const rule = captureRowRule(meta, messages, {
  applies: isGoalSheet,
  rows: ({ sheet, ctx, cutoff, report }) => {
    const c = cutoffOf(ctx, sheet);
    const vigencia = vigenciaOf(ctx, sheet);
    return (row) => {
      for (let k = c + 1; k <= sheet.periodCount; k++) {
        const field = executedField(k);
        const v = okNumber(row, field);
        if (v === undefined || v === 0) continue;
        const message = messages.future(v, label(sheet, field), goalOf(row), formatDate(periodEnd(vigencia, k, sheet.periodKind)), cutoff);
        report(row, field, message);
      }
    };
  },
});
