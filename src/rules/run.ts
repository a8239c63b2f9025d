import type { Finding } from '../domain/finding';
import { compareFindings } from '../domain/finding';
import type { Rule, RuleContext } from './types';
import { allRules } from './index';
import { isCellRule, runCellChecks } from './lib/cells';
import { isRowRule, runRowChecks } from './lib/rows';
import { isVigenciaGuessed, yearDependentRules } from '../domain/guessed-year';

/**
 * Runs the rules and returns their findings, one per (rule, sheet, cell) — "one cell gets one
 * finding per rule", the first one a rule gave wins — sorted the way users read them
 * (`compareFindings`: sheet, row, column, severity, rule).
 *
 * The one exception is `header-missing`: rules.md wants one finding per missing column, all on
 * the sheet's anchor (the header row's first cell), so its findings are kept apart by message
 * (each names its column).
 *
 * A rule that throws is a bug, not a finding: the error propagates. When the vigencia is a guess
 * (today's year: nothing in the workbook or the command named it), the rules whose findings
 * depend on the year are left out (`domain/guessed-year.ts`).
 */
export function runRules(ctx: RuleContext, all: readonly Rule[] = allRules): Finding[] {
  // On a year nothing named (domain/guessed-year.ts) the rules that depend on it are not run: the output says so.
  const rules = isVigenciaGuessed(ctx.workbook, ctx.options) ? all.filter((r) => !yearDependentRules.has(r.meta.id)) : all;
  // The cell rules look at the cells in one shared pass (lib/cells.ts); their findings are then
  // taken in registry order with the others', exactly as if each had run its own `check`.
  const cellRules = rules.filter(isCellRule);
  const byCellRule = new Map<Rule, readonly Finding[]>();
  if (cellRules.length > 0) {
    const found = runCellChecks(ctx, cellRules.map((r) => r.cells));
    cellRules.forEach((r, i) => byCellRule.set(r, found[i]));
  }
  // Likewise the capture-sheet row rules walk the rows beside their progress once (lib/rows.ts).
  const rowRules = rules.filter(isRowRule);
  if (rowRules.length > 0) {
    const found = runRowChecks(ctx, rowRules.map((r) => r.rows));
    rowRules.forEach((r, i) => byCellRule.set(r, found[i]));
  }
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const f of byCellRule.get(rule) ?? rule.check(ctx)) {
      const key = [f.rule, f.sheet, f.cell, f.rule === 'header-missing' ? f.message : ''].join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out.sort(compareFindings);
}
