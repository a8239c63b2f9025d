/**
 * What the hoja-de-captura rules share: each row's goal and its progress at the cut-off, and the
 * last reported period.
 */
import type { GoalInput, GoalProgress } from '../../domain/goal';
import { isGoalSheet, sheetKey, type ReadSheet } from '../../domain/sheet';
import { goalsFromCaptureSheet } from '../../domain/goals';
import { computeProgress } from '../../domain/progress';
import { cutoffPeriod, isPeriodOpen } from '../../domain/periods';
import type { RuleContext } from '../types';
import { vigenciaOf } from './util';

/** The last measured period of a sheet at the run's cut-off (0 = nothing measured). */
export function cutoffOf(ctx: RuleContext, sheet: ReadSheet): number {
  return cutoffPeriod(ctx.options.cutoff, vigenciaOf(ctx, sheet), sheet.periodKind);
}

/** Progress per row, in sheet order: the shared map when the run built it, else computed here. */
export function progressOf(ctx: RuleContext, sheet: ReadSheet): readonly GoalProgress[] {
  const shared = ctx.progress.get(sheetKey(sheet));
  if (shared && shared.length === sheet.rows.length) return shared;
  const c = cutoffOf(ctx, sheet);
  const open = isPeriodOpen(ctx.options.cutoff, vigenciaOf(ctx, sheet), sheet.periodKind);
  return goalsFromCaptureSheet(sheet).map((g) => computeProgress(g, c, ctx.options.lagThreshold, open));
}

/** 1-based last period with an executed value (0 = nothing reported). */
export function lastReported(goal: GoalInput): number {
  for (let i = goal.executed.length - 1; i >= 0; i--) if (goal.executed[i] !== null) return i + 1;
  return 0;
}

export function captureSheets(ctx: RuleContext): ReadSheet[] {
  return ctx.workbook.sheets.filter(isGoalSheet);
}
