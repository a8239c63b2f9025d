import { isGoalSheet } from '../domain/sheet';
import { okNumber } from '../domain/sheet';
import { progressFigures } from '../domain/progress';
import { formatNumber, formatPercent } from '../domain/format';
import { samePercent } from '../domain/tolerance';
import { lastReported } from './lib/capture';
import { captureRowRule } from './lib/rows';
import { anyPeriodUnreadable, goalOf, vigenciaOf } from './lib/util';
import { executedField } from '../domain/fields';
import { duePhrase } from '../domain/periods';
import type { RuleMeta } from './types';

const n = (x: number | null): string => (x === null ? 'sin reporte' : formatNumber(x, 6));

const messages = {
  differs: (
    goal: string,
    declared: number,
    computed: number,
    executed: number | null,
    yearGoal: number,
    baseline: number | null,
  ): string =>
    `El % de avance declarado de la meta ${goal} (${formatPercent(declared, 2)}) no coincide con el calculado ` +
    `(${formatPercent(computed, 2)}: ejecutado ${n(executed)}` +
    (baseline !== null ? `, línea base ${n(baseline)}` : '') +
    `, meta vigencia ${n(yearGoal)}). Corrija el % de avance o los valores ejecutados.`,
  complianceDiffers: (goal: string, declared: number, computed: number, executed: number | null, planned: number | null, due: string): string =>
    `El % de cumplimiento declarado de la meta ${goal} (${formatPercent(declared, 2)}) no coincide con el cumplimiento ` +
    `al corte calculado (${formatPercent(computed, 2)}: ejecutado ${n(executed)} frente a ${n(planned)} ${due}). ` +
    `Corrija el % de cumplimiento o los valores ejecutados.`,
};

const meta: RuleMeta = {
  id: 'percent-mismatch',
  severity: 'error',
  scope: 'hoja-captura',
  description: 'El % de avance declarado no coincide con el avance de la vigencia calculado.',
};

/**
 * The declared % cumplimiento differs (beyond 0,5 puntos) from the compliance at cut-off, and
 * the declared % avance differs (beyond 0,5 puntos) from the progress of the vigencia computed
 * from the periods up to the last reported one (progress.md, same formula as the tablero). A goal
 * whose progress is undefined (meta vigencia 0 or blank) is not checked.
 */
export const rule = captureRowRule(meta, messages, {
  applies: isGoalSheet,
  rows: ({ sheet, ctx, report }) => {
    const due = duePhrase(sheet.periodKind, vigenciaOf(ctx, sheet));
    return (row, p) => {
      // An execution written as text or an error value is not «sin reporte»: its own finding says it.
      if (anyPeriodUnreadable(row, sheet.periodCount, executedField)) return;
      // A "% cumplimiento" column is the declared compliance at cut-off (progress.md).
      const declaredCompliance = okNumber(row, 'complianceDeclared');
      if (declaredCompliance !== undefined && p.compliance !== null && !samePercent(declaredCompliance, p.compliance)) {
        const message = messages.complianceDiffers(goalOf(row) ?? p.input.code, declaredCompliance, p.compliance, p.executedToDate, p.plannedToDate, due);
        report(row, 'complianceDeclared', message);
      }
      const declared = okNumber(row, 'progressDeclared');
      const goal = p.input;
      if (declared === undefined || goal.yearGoal === null) return;
      // Cundinamarca's template divides a level goal's average by its programmed average: its own figure.
      if (sheet.quarterShares && goal.accumulation !== 'suma') return;
      const f = progressFigures(goal, lastReported(goal));
      if (f.progress === null || samePercent(declared, f.progress)) return;
      // Its "% TOTAL AVANCE" is TOTAL EJECUTADO ÷ TOTAL PLANEADO (the quarters' sum, not the
      // year's expected value): where the programming does not add up to the meta, that is its
      // figure, and `programming-coherence` reports the programming.
      if (sheet.quarterShares && f.executedToDate !== null) {
        const plannedTotal = goal.planned.reduce<number>((a, p) => a + (p ?? 0), 0);
        if (plannedTotal > 0 && samePercent(declared, f.executedToDate / plannedTotal)) return;
      }
      const withBaseline = goal.baseline !== null && (goal.accumulation === 'creciente' || goal.accumulation === 'decreciente');
      const message = messages.differs(goalOf(row) ?? goal.code, declared, f.progress, f.executedToDate, goal.yearGoal, withBaseline ? goal.baseline : null);
      report(row, 'progressDeclared', message);
    };
  },
});
