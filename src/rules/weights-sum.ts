import type { RuleMeta } from './types';
import { goalsFromPlanSheet } from '../domain/goals';
import type { GoalInput } from '../domain/goal';
import { formatPercent } from '../domain/format';
import { samePercent } from '../domain/tolerance';
import { fieldAddress, report, normalizeText, quote } from './lib/util';
import { sheetRule } from './lib/sheets';

const messages = {
  sum: (unit: string, total: number, goals: number, withoutWeight: number): string =>
    `Las ponderaciones de las ${goals} metas de ${quote(unit)} suman ${formatPercent(total, 2)}` +
    (withoutWeight > 0 ? ` (${withoutWeight} sin ponderación)` : '') +
    `; deben sumar 100 %.`,
};

const meta: RuleMeta = {
  id: 'weights-sum',
  severity: 'warning',
  scope: 'plan-accion',
  description: 'Las ponderaciones de las metas de una dependencia no suman 100 %.',
};

/**
 * A unit's goal weights (one per goal: the goal's first row) are given but do not add up to
 * 100 % (± 0,5 puntos). A unit whose goals have no weight at all is left alone (equal weights).
 * Reported on the Ponderación cell of the unit's first goal.
 */
export const rule = sheetRule(meta, messages, (sheet) => sheet.kind === 'plan-accion' && sheet.columns.weight !== undefined, (sheet, _ctx, out) => {
  const byUnit = new Map<string, GoalInput[]>();
  for (const goal of goalsFromPlanSheet(sheet)) {
    const key = normalizeText(goal.unit);
    const list = byUnit.get(key);
    if (list) list.push(goal);
    else byUnit.set(key, [goal]);
  }
  const rows = new Map(sheet.rows.map((r) => [r.row, r]));
  for (const goals of byUnit.values()) {
    const weighted = goals.filter((g) => g.weight !== null);
    if (weighted.length === 0) continue;
    const total = Number.parseFloat(weighted.reduce((s, g) => s + (g.weight as number), 0).toPrecision(12));
    if (samePercent(total, 1)) continue;
    const row = rows.get(goals[0].row);
    if (!row) continue;
    out.push(
      report(meta, {
        sheet,
        row: row.row,
        cell: fieldAddress(sheet, row, 'weight'),
        goal: goals[0].code || undefined,
        message: messages.sum(goals[0].unit || 'la dependencia sin nombre', total, goals.length, goals.length - weighted.length),
      }),
    );
  }
});
