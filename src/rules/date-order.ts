import type { Rule, RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { okValue } from '../domain/sheet';
import { formatDate } from '../domain/format';
import { fieldAddress, report, goalOf, ofGoal, quote } from './lib/util';

const messages = {
  startAfterEnd: (start: string, end: string, activity: string | undefined, goal: string | undefined): string =>
    `La fecha de inicio (${start}) es posterior a la fecha de terminación (${end})` +
    (activity ? ` en la actividad ${quote(activity)}` : '') +
    `${ofGoal(goal)}. La fecha de inicio debe ser igual o anterior a la de terminación.`,
};

const meta: RuleMeta = {
  id: 'date-order',
  title: 'Fecha de inicio posterior a la de fin',
  severity: 'error',
  scope: 'plan-accion',
  description: 'La fecha de inicio de una actividad es posterior a su fecha de terminación.',
};

/** Start date after end date; reported on the start date. */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.workbook.sheets) {
      // Any sheet with both dates: a plan de acción's activities, an activity-level follow-up (Cali).
      if (sheet.columns.startDate === undefined || sheet.columns.endDate === undefined) continue;
      for (const row of sheet.rows) {
        const start = okValue(row, 'startDate');
        const end = okValue(row, 'endDate');
        if (typeof start !== 'string' || typeof end !== 'string' || !(start > end)) continue;
        const activity = okValue(row, 'activity');
        out.push(
          report(meta, {
            sheet,
            row: row.row,
            cell: fieldAddress(sheet, row, 'startDate'),
            goal: goalOf(row),
            message: messages.startAfterEnd(
              formatDate(start),
              formatDate(end),
              typeof activity === 'string' ? activity : undefined,
              goalOf(row),
            ),
          }),
        );
      }
    }
    return out;
  },
};
