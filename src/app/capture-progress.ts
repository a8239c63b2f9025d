/**
 * The progress of every capture sheet's goals at the run's cut-off — computed ONCE per run and
 * shared by the rules (`RuleContext.progress`) and the progress model (`buildProgressModel`).
 *
 * Each sheet is measured in its own vigencia (the year its header or title block names, else the
 * run's) and period kind. The goals are exactly `goalsFromCaptureSheet(sheet)`, one per data row,
 * in sheet order, NOT enriched from the plan de acción (the model does that on its own copy; the
 * figures do not depend on it).
 */
import type { GoalProgress } from '../domain/goal';
import type { EngineOptions } from '../domain/options';
import { isGoalSheet, type ReadWorkbook } from '../domain/sheet';
import { goalsFromCaptureSheet } from '../domain/goals';
import { computeProgress } from '../domain/progress';
import { cutoffPeriod } from '../domain/periods';

/** Per capture sheet name: the progress of each data row's goal at the cut-off, in sheet order. */
export function captureProgress(workbook: ReadWorkbook, options: EngineOptions): Map<string, readonly GoalProgress[]> {
  const map = new Map<string, readonly GoalProgress[]>();
  for (const sheet of workbook.sheets) {
    if (!isGoalSheet(sheet)) continue;
    const c = cutoffPeriod(options.cutoff, sheet.vigencia ?? options.vigencia, sheet.periodKind);
    const goals = goalsFromCaptureSheet(sheet);
    const list: GoalProgress[] = new Array<GoalProgress>(goals.length);
    for (let i = 0; i < goals.length; i++) list[i] = computeProgress(goals[i], c, options.lagThreshold);
    map.set(sheet.name, list);
  }
  return map;
}
