/**
 * Use case "Validar": every rule of the catalog over a read workbook, with the progress of each
 * capture sheet's goals at the cut-off computed once and shared by the rules.
 *
 * @example
 * const result = validateWorkbook(readWorkbook(grids), options);
 * result.errors   // findings that block "ready to send"
 * result.warnings // findings that do not
 */
import type { Finding } from '../domain/finding';
import type { GoalProgress } from '../domain/goal';
import type { EngineOptions } from '../domain/options';
import type { ReadWorkbook } from '../domain/sheet';
import { allRules } from '../rules/index';
import { runRules } from '../rules/run';
import type { Rule, RuleContext } from '../rules/types';
import { captureProgress } from '../domain/progress-model';

/** «Sobreejecución (over-execution)»: how the front ends name a finding's rule to a person. */
export { ruleLabel } from '../rules/names';

export interface ValidationResult {
  /** Sorted by sheet, row and column (`compareFindings`). */
  readonly findings: Finding[];
  readonly errors: number;
  readonly warnings: number;
}

/** Per capture sheet: the progress of each data row's goal at the cut-off, in sheet order. */
function progressBySheet(workbook: ReadWorkbook, options: EngineOptions): Map<string, readonly GoalProgress[]> {
  return captureProgress(workbook, options);
}

/** The rules' context; pass `progress` when the run already has it (`analyse` shares it with the report). */
export function ruleContext(
  workbook: ReadWorkbook,
  options: EngineOptions,
  progress: ReadonlyMap<string, readonly GoalProgress[]> = progressBySheet(workbook, options),
): RuleContext {
  return { workbook, options, progress };
}

/** Errors and warnings among findings. */
export function countSeverities(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function validateWorkbook(
  workbook: ReadWorkbook,
  options: EngineOptions,
  rules: readonly Rule[] = allRules,
): ValidationResult {
  const findings = runRules(ruleContext(workbook, options), rules);
  return { findings, ...countSeverities(findings) };
}
