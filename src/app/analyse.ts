/**
 * One run of the engine over a read workbook: every rule AND the progress model, with the capture
 * sheets' goals and their progress at the cut-off computed ONCE and shared by both (the rules'
 * `RuleContext.progress`, the model's `bySheet`/`goals`).
 *
 * `validateWorkbook` (validate.ts), `buildProgressModel` (domain/progress-model.ts) and `buildReport` (report.ts) keep
 * working alone; a caller that needs both — `generate`, the bench — calls `analyse` instead of
 * the two, which would compute the goals and their progress twice.
 *
 * @example
 * const { findings, errors, model } = analyse(readWorkbook(grids), options);
 * const report = toReportJson(model);
 */
import type { EngineOptions } from '../domain/options';
import type { ReadWorkbook } from '../domain/sheet';
import { allRules } from '../rules/index';
import { runRules } from '../rules/run';
import type { Rule } from '../rules/types';
import { captureProgress } from '../domain/progress-model';
import { progressModelFrom } from '../domain/progress-model';
import type { ProgressModel } from '../domain/progress-model';
import { countSeverities, ruleContext } from './validate';
import type { ValidationResult } from './validate';

export interface Analysis extends ValidationResult {
  /** The progress model of the same run (what `buildProgressModel` returns). */
  readonly model: ProgressModel;
}

export function analyse(workbook: ReadWorkbook, options: EngineOptions, rules: readonly Rule[] = allRules): Analysis {
  const progress = captureProgress(workbook, options);
  const findings = runRules(ruleContext(workbook, options, progress), rules);
  return { findings, ...countSeverities(findings), model: progressModelFrom(workbook, options, progress) };
}
