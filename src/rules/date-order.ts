import type { RuleMeta } from './types';
import { okValue } from '../domain/sheet';
import { formatDate } from '../domain/format';
import { goalOf, ofGoal, quote, reportField } from './lib/util';
import { sheetRule } from './lib/sheets';

const messages = {
  startAfterEnd: (start: string, end: string, activity: string | undefined, goal: string | undefined): string =>
    `La fecha de inicio (${start}) es posterior a la fecha de terminación (${end})` +
    (activity ? ` en la actividad ${quote(activity)}` : '') +
    `${ofGoal(goal)}. La fecha de inicio debe ser igual o anterior a la de terminación.`,
};

const meta: RuleMeta = {
  id: 'date-order',
  severity: 'error',
  scope: 'plan-accion',
  description: 'La fecha de inicio de una actividad es posterior a su fecha de terminación.',
};

/** Start date after end date; reported on the start date. */
// Any sheet with both dates: a plan de acción's activities, an activity-level follow-up (Cali).
export const rule = sheetRule(meta, messages, (sheet) => sheet.columns.startDate !== undefined && sheet.columns.endDate !== undefined, (sheet, _ctx, out) => {
  for (const row of sheet.rows) {
    const start = okValue(row, 'startDate');
    const end = okValue(row, 'endDate');
    if (typeof start !== 'string' || typeof end !== 'string' || !(start > end)) continue;
    const activity = okValue(row, 'activity');
    const message = messages.startAfterEnd(formatDate(start), formatDate(end), typeof activity === 'string' ? activity : undefined, goalOf(row));
    out.push(reportField(meta, sheet, row, 'startDate', message));
  }
});
