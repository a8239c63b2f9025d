import { isGoalSheet } from '../domain/sheet';
import { executedField } from '../domain/fields';
import { okNumber } from '../domain/sheet';
import { executedToDate } from '../domain/progress';
import { formatNumber } from '../domain/format';
import { sameMagnitude } from '../domain/tolerance';
import { lastReported } from './lib/capture';
import { captureRowRule } from './lib/rows';
import { goalOf, label, periodLabel } from './lib/util';
import { accumulationNames } from './lib/kinds';
import type { RuleMeta } from './types';

const n = (x: number): string => formatNumber(x, 6);

const messages = {
  sum: (goal: string, declared: number, computed: number, detail: string): string =>
    `El ejecutado acumulado declarado de la meta ${goal} (${n(declared)}) no coincide con el calculado a partir de los periodos ` +
    `(${n(computed)}${detail ? ` = ${detail}` : ', no hay ejecución reportada'}). ` +
    `Con tipo de acumulación Suma, el acumulado es la suma de lo ejecutado en los periodos.`,
  level: (goal: string, declared: number, computed: number, column: string, accumulation: string): string =>
    `El ejecutado acumulado declarado de la meta ${goal} (${n(declared)}) no coincide con el nivel del último periodo reportado ` +
    `(${column}: ${n(computed)}). Con tipo de acumulación ${accumulation}, el acumulado es el nivel del último periodo reportado.`,
};

const meta: RuleMeta = {
  id: 'cumulative-mismatch',
  severity: 'error',
  scope: 'hoja-captura',
  description: 'El ejecutado acumulado declarado no coincide con el calculado a partir de los periodos.',
};

/**
 * The declared Ejecutado acumulado differs (beyond the magnitude tolerance) from `e` at the last
 * reported period (progress.md): Σ E(k) for suma, the last reported level for the others. With
 * nothing reported, only a suma goal can be checked (its acumulado is 0).
 */
export const rule = captureRowRule(meta, messages, {
  applies: isGoalSheet,
  rows: ({ sheet, report }) => (row, p) => {
    const declared = okNumber(row, 'executedTotal');
    const goal = p.input;
    if (declared === undefined) return;
    const acc = goal.accumulation ?? 'suma';
    // Cundinamarca's template totals a level goal as the average of its quarters: its own figure.
    if (sheet.quarterShares && acc !== 'suma') return;
    const last = lastReported(goal);
    if (last === 0 && acc !== 'suma') return;
    const computed = executedToDate(goal, last) ?? 0;
    if (sameMagnitude(declared, computed)) return;
    const code = goalOf(row) ?? goal.code;
    const message =
      acc === 'suma'
        ? messages.sum(
            code,
            declared,
            computed,
            goal.executed
              .map((v, k) => (v === null ? '' : `${periodLabel(sheet, k + 1)} ${n(v)}`))
              .filter((s) => s !== '')
              .join(' + '),
          )
        : messages.level(code, declared, computed, label(sheet, executedField(last)), accumulationNames[acc]);
    report(row, 'executedTotal', message);
  },
});
