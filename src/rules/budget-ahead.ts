import { formatMoney, formatPercent } from '../domain/format';
import { isBudgetAhead } from '../domain/progress';
import { captureRowRule } from './lib/rows';
import { goalOf } from './lib/util';
import type { RuleMeta } from './types';

const messages = {
  ahead: (goal: string, committed: number, commitments: number, final: number, compliance: number): string =>
    `La meta ${goal} tiene comprometido el ${formatPercent(committed)} de su apropiación definitiva ` +
    `(${formatMoney(commitments)} de ${formatMoney(final)}) pero su cumplimiento físico al corte es ${formatPercent(compliance)}: ` +
    `el dinero va adelante del producto. Explique en el análisis cuándo se entregará lo contratado.`,
};

const meta: RuleMeta = {
  id: 'budget-ahead',
  severity: 'warning',
  scope: 'hoja-captura',
  description: 'Compromisos altos frente a la apropiación y cumplimiento físico bajo al corte.',
};

/**
 * Money ahead of the work (progress.md): compromisos ≥ 80 % of the apropiación definitiva while
 * compliance at cut-off is below 50 % (both settings). Reported on the compromisos cell. A goal
 * with nothing due (compliance undefined) is not judged.
 */
export const rule = captureRowRule(meta, messages, {
  rows: ({ ctx, report }) => (row, p) => {
    if (p.state === 'eliminada' || p.state === 'no-medible' || !isBudgetAhead(p, ctx.options)) return;
    const final = p.input.budget.final as number;
    const commitments = p.input.budget.commitments as number;
    const committed = commitments / final;
    report(row, 'commitments', messages.ahead(goalOf(row) ?? p.input.code, committed, commitments, final, p.compliance ?? 0));
  },
});
