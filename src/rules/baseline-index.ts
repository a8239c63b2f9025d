/**
 * The five rules against the approved plan (rules.md), registered apart from `allRules` so that
 * the pane's first-load engine stays within its size budget (scripts/bundle-size.ts); the command
 * line validates with `allRulesWithBaseline`.
 */
import { allRules } from './index';
import type { Rule } from './types';
import { rule as addedAfterApproval } from './added-after-approval';
import { rule as changeWithoutJustification } from './change-without-justification';
import { rule as lateModification } from './late-modification';
import { rule as pastPeriodChanged } from './past-period-changed';
import { rule as repeatedModification } from './repeated-modification';

export const baselineRules: readonly Rule[] = [addedAfterApproval, changeWithoutJustification, lateModification, pastPeriodChanged, repeatedModification];

/** Every rule, the baseline ones included, sorted by id. */
export const allRulesWithBaseline: readonly Rule[] = [...allRules, ...baselineRules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

/** A rule of either list by id. */
export function anyRuleById(id: string): Rule | undefined {
  return allRulesWithBaseline.find((r) => r.meta.id === id);
}
