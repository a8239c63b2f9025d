import { formatNumber, formatPercent } from '../domain/format';
import { isExecutedUndue, isOverExecuted } from '../domain/progress';
import { sameMagnitude } from '../domain/tolerance';
import { captureRowRule } from './lib/rows';
import { goalOf, isAnnual, periodLabel, vigenciaOf } from './lib/util';
import type { RuleMeta } from './types';
import { listOf } from '../domain/text';

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
  /** Execution reported in periods with nothing programmed up to the cut-off. */
  undue: (goal: string, cutoff: string, period: string, done: string): string =>
    `La meta ${goal} reportó ejecución sin tener nada programado a la fecha de corte (${cutoff}, ${period}): ${done}. ` +
    `Revise que lo ejecutado esté en el periodo correcto; si la meta se adelantó, explíquelo en el análisis o solicite ` +
    `la reprogramación de la meta (PE-P-008).`,
  /** An annual follow-up with nothing programmed for the year. */
  undueYear: (goal: string, cutoff: string, year: number, executed: number): string =>
    `La meta ${goal} reportó al ${cutoff} una ejecución de ${n(executed)} sin tener nada programado para ${year}. ` +
    `Revise la programación del año; si la meta se adelantó, explíquelo en el análisis o solicite la reprogramación ` +
    `de la meta (PE-P-008).`,
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
 * goal. Reported on the executed cell of the cut-off period. Execution when nothing was due up to
 * the cut-off (no programming: compliance undefined) is more than was due too: reported on the
 * executed cell of the last period that holds it, naming the periods.
 */
export const rule = captureRowRule(meta, messages, {
  rows: ({ sheet, ctx, cutoff, report }) => {
    const year = isAnnual(sheet) ? vigenciaOf(ctx, sheet) : undefined;
    return (row, p) => {
      if (p.state === 'eliminada' || p.state === 'no-medible' || !isOverExecuted(p)) return;
      const c = p.cutoffPeriod;
      const goal = goalOf(row) ?? p.input.code;
      if (isExecutedUndue(p)) {
        // Nothing was due: the cells that hold the execution are what the unit looks at.
        const done: number[] = [];
        for (let k = 1; k <= c; k++) {
          const e = p.input.executed[k - 1];
          if (e !== null && e !== undefined && Number.isFinite(e) && !sameMagnitude(e, 0)) done.push(k);
        }
        const at = done.length ? done[done.length - 1] : c;
        const list = done.map((k) => `${n(p.input.executed[k - 1] ?? null)} en ${periodLabel(sheet, k)}`);
        const said = `ejecutado ${list.length === 0 ? n(p.executedToDate) : listOf(list)}`;
        report(row, `executed${at}`, year === undefined ? messages.undue(goal, cutoff, periodLabel(sheet, c), said) : messages.undueYear(goal, cutoff, year, p.executedToDate ?? 0));
        return;
      }
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
