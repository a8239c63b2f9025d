import { formatNumber, formatPercent } from '../domain/format';
import { isOverExecuted } from '../domain/progress';
import { captureRowRule } from './lib/rows';
import { goalOf, periodLabel } from './lib/util';
import type { RuleMeta } from './types';

const n = (x: number | null): string => (x === null ? 'sin reporte' : formatNumber(x, 6));

const messages = {
  over: (goal: string, cutoff: string, period: string, executed: number | null, planned: number | null, compliance: number): string =>
    `La meta ${goal} ejecutó más de lo programado al corte (${cutoff}, ${period}): ejecutado ${n(executed)} frente a ` +
    `${n(planned)} programado a la fecha (cumplimiento ${formatPercent(compliance)}). Explique en el análisis por qué ` +
    `se adelantó o solicite la reprogramación de la meta (PE-P-008).`,
};

const meta: RuleMeta = {
  id: 'over-execution',
  severity: 'warning',
  scope: 'hoja-captura',
  description: 'Lo ejecutado a la fecha supera lo programado al corte.',
};

/**
 * Executed to date above what was due by the cut-off, beyond the tolerances (progress.md:
 * compliance at cut-off above 100 %), whatever the goal's state — not only against the year's
 * goal. Reported on the executed cell of the cut-off period.
 */
export const rule = captureRowRule(meta, messages, {
  rows: ({ sheet, cutoff, report }) => (row, p) => {
    if (p.state === 'eliminada' || p.state === 'no-medible' || !isOverExecuted(p)) return;
    const c = p.cutoffPeriod;
    report(row, `executed${c}`, messages.over(goalOf(row) ?? p.input.code, cutoff, periodLabel(sheet, c), p.executedToDate, p.plannedToDate, p.compliance ?? 0));
  },
});
