import type { RuleMeta } from './types';
import { okValue } from '../domain/sheet';
import { formatDate, formatPercent } from '../domain/format';
import { samePercent } from '../domain/tolerance';
import { goalOf, label, ofGoal, quote, reportField } from './lib/util';
import { sheetRule } from './lib/sheets';

const messages = {
  overdue: (activity: string | undefined, goal: string | undefined, end: string, cutoff: string, progress: number, column: string): string =>
    `La actividad${activity ? ` ${quote(activity)}` : ''}${ofGoal(goal)} debía terminar el ${end} y a la fecha de corte (${cutoff}) ` +
    `${quote(column)} es ${formatPercent(progress)}. Actualice el avance, explique el retraso o solicite que se reprograme su fecha de terminación.`,
};

const meta: RuleMeta = {
  id: 'activity-overdue',
  severity: 'warning',
  scope: 'plan-accion',
  description: 'Una actividad cuya fecha de terminación es igual o anterior a la fecha de corte tiene un avance menor que 100 %.',
};

/**
 * real-formats.md "Rules added": an activity whose end date is on or before the cut-off with its
 * progress below 100 % (Cali's `% de Avance Actividad Trimestre <n>` of the quarter measured, a
 * plan de acción's `% avance actividad`). Reported on the progress cell; a blank progress is not a
 * progress (the other rules say what is missing).
 */
export const rule = sheetRule(
  meta,
  messages,
  (sheet) => sheet.columns.endDate !== undefined && sheet.columns.activityProgress !== undefined,
  (sheet, ctx, out) => {
    const cutoff = ctx.options.cutoff;
    for (const row of sheet.rows) {
      const end = okValue(row, 'endDate');
      const progress = okValue(row, 'activityProgress');
      if (typeof end !== 'string' || typeof progress !== 'number' || end > cutoff) continue;
      if (progress >= 1 || samePercent(progress, 1)) continue;
      const activity = okValue(row, 'activity');
      const message = messages.overdue(typeof activity === 'string' ? activity : undefined, goalOf(row), formatDate(end), formatDate(cutoff), progress, label(sheet, 'activityProgress'));
      out.push(reportField(meta, sheet, row, 'activityProgress', message));
    }
  },
);
