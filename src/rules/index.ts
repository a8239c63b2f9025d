/**
 * The rule registry (ESLint-style catalog): every rule of rules.md that this engine checks, sorted
 * by id. Explicit on purpose — a new rule is one import and one line here, and the catalog test
 * fails if a rule lacks its test file, its doc line or its messages, or if this list is unsorted.
 */
import type { Rule } from './types';
import { rule as activityOverdue } from './activity-overdue';
import { rule as analysisRequired } from './analysis-required';
import { rule as budgetAhead } from './budget-ahead';
import { rule as budgetChain } from './budget-chain';
import { rule as ceilingExceeded } from './ceiling-exceeded';
import { rule as codeFormat } from './code-format';
import { rule as cumulativeMismatch } from './cumulative-mismatch';
import { rule as date } from './date';
import { rule as dateOrder } from './date-order';
import { rule as dateVigencia } from './date-vigencia';
import { rule as duplicate } from './duplicate';
import { rule as enumRule } from './enum';
import { rule as evidenceRequired } from './evidence-required';
import { rule as formulaError } from './formula-error';
import { rule as futureExecution } from './future-execution';
import { rule as goalMismatch } from './goal-mismatch';
import { rule as headerMissing } from './header-missing';
import { rule as indicatorMismatch } from './indicator-mismatch';
import { rule as missingReport } from './missing-report';
import { rule as negative } from './negative';
import { rule as noCeiling } from './no-ceiling';
import { rule as number } from './number';
import { rule as numberAsText } from './number-as-text';
import { rule as overExecution } from './over-execution';
import { rule as percentMismatch } from './percent-mismatch';
import { rule as percentRange } from './percent-range';
import { rule as planMismatch } from './plan-mismatch';
import { rule as programMismatch } from './program-mismatch';
import { rule as programmingCoherence } from './programming-coherence';
import { rule as required } from './required';
import { rule as sourcesSum } from './sources-sum';
import { rule as termCoherence } from './term-coherence';
import { rule as unknownGoal } from './unknown-goal';
import { rule as unreportedGoal } from './unreported-goal';
import { rule as weightsSum } from './weights-sum';

export const allRules: readonly Rule[] = [
  activityOverdue,
  analysisRequired,
  budgetAhead,
  budgetChain,
  ceilingExceeded,
  codeFormat,
  cumulativeMismatch,
  date,
  dateOrder,
  dateVigencia,
  duplicate,
  enumRule,
  evidenceRequired,
  formulaError,
  futureExecution,
  goalMismatch,
  headerMissing,
  indicatorMismatch,
  missingReport,
  negative,
  noCeiling,
  number,
  numberAsText,
  overExecution,
  percentMismatch,
  percentRange,
  planMismatch,
  programMismatch,
  programmingCoherence,
  required,
  sourcesSum,
  termCoherence,
  unknownGoal,
  unreportedGoal,
  weightsSum,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
