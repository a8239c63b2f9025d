/** What the rules across sheets share: the plan de acción's goals by code. */
import type { GoalInput } from '../../domain/goal';
import type { ReadSheet } from '../../domain/sheet';
import { goalsFromPlanSheet } from '../../domain/goals';
import type { RuleContext } from '../types';

export interface PlanGoal {
  readonly sheet: ReadSheet;
  readonly goal: GoalInput;
}

/** Plan goals by code (the first plan sheet that has a code wins); `undefined` without a plan. */
export function planGoals(ctx: RuleContext): Map<string, PlanGoal> | undefined {
  const sheets = ctx.workbook.sheets.filter((s) => s.kind === 'plan-accion');
  if (sheets.length === 0) return undefined;
  const out = new Map<string, PlanGoal>();
  for (const sheet of sheets) {
    for (const goal of goalsFromPlanSheet(sheet)) {
      if (goal.code && !out.has(goal.code)) out.set(goal.code, { sheet, goal });
    }
  }
  return out;
}
