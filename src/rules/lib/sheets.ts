/**
 * A rule that looks at each sheet on its own: its `check` walks the workbook's sheets in order and
 * hands each one `applies` accepts to `visit`, which adds its findings to `out`. The shape of the
 * rules whose findings come from a sheet's rows taken together (a budget chain, a year's sources,
 * a goal's rows), as `rowRule` (lib/rows.ts) is of those that look at one capture row at a time.
 */
import type { Finding } from '../../domain/finding';
import type { ReadSheet } from '../../domain/sheet';
import type { Rule, RuleContext, RuleMeta } from '../types';

export function sheetRule(
  meta: RuleMeta,
  messages: Rule['messages'],
  applies: (sheet: ReadSheet) => boolean,
  visit: (sheet: ReadSheet, ctx: RuleContext, out: Finding[]) => void,
): Rule {
  return {
    meta,
    messages,
    check(ctx) {
      const out: Finding[] = [];
      for (const sheet of ctx.workbook.sheets) if (applies(sheet)) visit(sheet, ctx, out);
      return out;
    },
  };
}
