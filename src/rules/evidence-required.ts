import { isGoalSheet } from '../domain/sheet';
import { executedField } from '../domain/fields';
import { okNumber } from '../domain/sheet';
import { formatNumber } from '../domain/format';
import { cutoffOf } from './lib/capture';
import { captureRowRule } from './lib/rows';
import { goalOf, periodLabel, quote } from './lib/util';
import type { RuleMeta } from './types';

const messages = {
  missing: (goal: string | undefined, detail: string): string =>
    `La meta${goal ? ` ${goal}` : ''} reporta ejecución (${detail}) pero no tiene evidencia. ` +
    `Indique en ${quote('Evidencia')} el medio de verificación (documento, enlace o soporte).`,
};

const meta: RuleMeta = {
  id: 'evidence-required',
  severity: 'warning',
  scope: 'hoja-captura',
  description: 'Una meta reporta ejecución en un periodo pero no tiene evidencia.',
};

/**
 * Execution above 0 in a period ended by the cut-off and a blank evidence cell. Execution in a
 * later period is `future-execution`'s, not this rule's.
 */
export const rule = captureRowRule(meta, messages, {
  // A sheet with no evidence column is not asked for one (real-formats.md).
  applies: (sheet) => isGoalSheet(sheet) && sheet.columns.evidence !== undefined,
  rows: ({ sheet, ctx, report }) => {
    const c = cutoffOf(ctx, sheet);
    return (row) => {
      const e = row.cells.evidence?.parsed;
      if (e && e.status !== 'blank') return;
      const executed: string[] = [];
      for (let k = 1; k <= Math.min(c, sheet.periodCount); k++) {
        const v = okNumber(row, executedField(k));
        if (v !== undefined && v > 0) executed.push(`${periodLabel(sheet, k)}: ${formatNumber(v, 6)}`);
      }
      if (executed.length === 0) return;
      report(row, 'evidence', messages.missing(goalOf(row), executed.join(', ')));
    };
  },
});
