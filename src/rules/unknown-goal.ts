import type { Rule, RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { captureSheets } from './lib/capture';
import { planGoals } from './lib/cross';
import { goalOf, quote, reportField } from './lib/util';

const messages = {
  unknown: (goal: string, planSheets: string): string =>
    `La meta ${goal} de la hoja de captura no está en el plan de acción (${planSheets}). ` +
    `Revise el código de la meta: debe ser el mismo del plan de acción.`,
};

const meta: RuleMeta = {
  id: 'unknown-goal',
  severity: 'error',
  scope: 'cross',
  description: 'Una meta de la hoja de captura no está en el plan de acción.',
};

/** With a plan de acción in the workbook: a capture-sheet goal code that the plan does not have. */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const plan = planGoals(ctx);
    if (!plan) return [];
    const names = ctx.workbook.sheets
      .filter((s) => s.kind === 'plan-accion')
      .map((s) => `hoja ${quote(s.name)}`)
      .join(', ');
    const out: Finding[] = [];
    for (const sheet of captureSheets(ctx)) {
      for (const row of sheet.rows) {
        const goal = goalOf(row);
        if (goal === undefined || plan.has(goal)) continue;
        out.push(reportField(meta, sheet, row, 'goalCode', messages.unknown(goal, names)));
      }
    }
    return out;
  },
};
