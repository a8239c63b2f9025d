import { formatNumber, formatPercent } from '../domain/format';
import { isOverExecuted } from '../domain/progress';
import { captureRowRule } from './lib/rows';
import { goalOf, isAnnual, periodLabel, vigenciaOf } from './lib/util';
import type { RuleMeta } from './types';

const n = (x: number | null): string => (x === null ? 'sin reporte' : formatNumber(x, 6));

const messages = {
  over: (goal: string, cutoff: string, period: string, executed: number | null, planned: number | null, compliance: number): string =>
    `La meta ${goal} ejecutó más de lo programado al corte (${cutoff}, ${period}): ejecutado ${n(executed)} frente a ` +
    `${n(planned)} programado a la fecha (cumplimiento ${formatPercent(compliance)}). Explique en el análisis por qué ` +
    `se adelantó o solicite la reprogramación de la meta (PE-P-008).`,
  /** An annual follow-up: what was due is the whole year's programming, the cut-off the date the execution runs to. */
  overYear: (goal: string, cutoff: string, year: number, executed: number | null, planned: number | null, compliance: number): string =>
    `La meta ${goal} ejecutó al ${cutoff} más de lo programado para todo ${year}: ejecutado ${n(executed)} frente a ` +
    `${n(planned)} (cumplimiento ${formatPercent(compliance)}). Explique en el análisis por qué ` +
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
  rows: ({ sheet, ctx, cutoff, report }) => {
    const year = isAnnual(sheet) ? vigenciaOf(ctx, sheet) : undefined;
    return (row, p) => {
      if (p.state === 'eliminada' || p.state === 'no-medible' || !isOverExecuted(p)) return;
      const c = p.cutoffPeriod;
      const goal = goalOf(row) ?? p.input.code;
      report(
        row,
        `executed${c}`,
        year === undefined
          ? messages.over(goal, cutoff, periodLabel(sheet, c), p.executedToDate, p.plannedToDate, p.compliance ?? 0)
          : messages.overYear(goal, cutoff, year, p.executedToDate, p.plannedToDate, p.compliance ?? 0),
      );
    };
  },
});
