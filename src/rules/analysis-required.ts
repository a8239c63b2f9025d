import { isGoalSheet, okText } from '../domain/sheet';
import { formatNumber, formatPercent } from '../domain/format';
import { captureRowRule } from './lib/rows';
import { goalOf, quote, vigenciaOf } from './lib/util';
import { duePhrase } from '../domain/periods';
import type { RuleMeta } from './types';

const n = (x: number | null): string => (x === null ? 'sin reporte' : formatNumber(x, 6));
const where = quote('Análisis del avance');

const messages = {
  atrasada: (goal: string, cutoff: string, compliance: number, executed: number | null, planned: number | null, due: string): string =>
    `La meta ${goal} está atrasada a la fecha de corte (${cutoff}): cumplimiento ${formatPercent(compliance)} ` +
    `(ejecutado ${n(executed)} de ${n(planned)} ${due}) y no tiene análisis. ` +
    `Escriba en ${where} la causa del atraso y las acciones para recuperarlo.`,
  noIniciada: (goal: string, cutoff: string, planned: number | null): string =>
    `La meta ${goal} no ha iniciado a la fecha de corte (${cutoff}): tenía programado ${n(planned)} y no reporta avance, ` +
    `y no tiene análisis. Escriba en ${where} por qué no ha iniciado y cuándo iniciará.`,
  sobreejecutada: (goal: string, progress: number, executed: number | null, yearGoal: number | null): string =>
    `La meta ${goal} está sobreejecutada: avance de la vigencia ${formatPercent(progress)} ` +
    `(ejecutado ${n(executed)} frente a una meta vigencia de ${n(yearGoal)}) y no tiene análisis. ` +
    `Escriba en ${where} por qué se superó la meta.`,
  noCumplida: (goal: string, cutoff: string, progress: number | null, executed: number | null, yearGoal: number | null): string =>
    `La meta ${goal} no se cumplió en la vigencia (corte ${cutoff}): avance ${progress === null ? 'sin calcular' : formatPercent(progress)} ` +
    `(ejecutado ${n(executed)} frente a una meta vigencia de ${n(yearGoal)}) y no tiene análisis. ` +
    `Escriba en ${where} la justificación del incumplimiento y el compromiso correspondiente (PE-P-008, paso 5).`,
};

const meta: RuleMeta = {
  id: 'analysis-required',
  severity: 'error',
  scope: 'hoja-captura',
  description: 'Una meta atrasada, no iniciada, sobreejecutada o no cumplida al corte no tiene análisis del avance.',
};

/**
 * A goal that is atrasada, no iniciada, sobreejecutada or no cumplida (year-end) at the cut-off (states of progress.md,
 * computed once by the run) with a blank analysis. Reported on the analysis cell (the row's first
 * cell when the sheet has no analysis column).
 */
export const rule = captureRowRule(meta, messages, {
  // A sheet with no analysis or explanation column is not asked for one (real-formats.md).
  applies: (sheet) => isGoalSheet(sheet) && sheet.columns.analysis !== undefined,
  rows: ({ sheet, ctx, cutoff, report }) => {
    const due = duePhrase(sheet.periodKind, vigenciaOf(ctx, sheet));
    // One row per activity (Cali): the product's analysis is asked once, on its first row.
    const seen = sheet.granularity === 'activity' ? new Set<string>() : undefined;
    return (row, p) => {
      if (p.input.analysis) return;
      if (seen) {
        const key = (sheet.goalKey ?? ['goalCode']).map((f) => okText(row, f) ?? '').join('\u0000');
        if (seen.has(key)) return;
        seen.add(key);
      }
      const a = row.cells.analysis?.parsed;
      if (a && a.status !== 'blank') return; // something is written there (even an error value)
      const code = goalOf(row) ?? p.input.code;
      let message: string;
      if (p.state === 'atrasada') {
        message = messages.atrasada(code, cutoff, p.compliance ?? 0, p.executedToDate, p.plannedToDate, due);
      } else if (p.state === 'no-iniciada') {
        message = messages.noIniciada(code, cutoff, p.plannedToDate);
      } else if (p.state === 'sobreejecutada') {
        message = messages.sobreejecutada(code, p.progress ?? 0, p.executedToDate, p.input.yearGoal);
      } else if (p.state === 'no-cumplida') {
        message = messages.noCumplida(code, cutoff, p.progress, p.executedToDate, p.input.yearGoal);
      } else return;
      report(row, 'analysis', message);
    };
  },
});
