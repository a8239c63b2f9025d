import { isGoalSheet } from '../domain/sheet';
import { executedField } from '../domain/fields';
import type { DataRow } from '../domain/sheet';
import { okNumber, okText } from '../domain/sheet';
import { formatNumber } from '../domain/format';
import { sameMagnitude } from '../domain/tolerance';
import { captureRowRule } from './lib/rows';
import { goalOf, label, normalizeText, ofGoal, quote } from './lib/util';
import type { RuleMeta } from './types';

const n = (x: number): string => formatNumber(x, 4);

const messages = {
  differs: (column: string, goal: string | undefined, executed: number, num: number, den: number, expected: number, percent: boolean): string =>
    `${quote(column)}${ofGoal(goal)} (${n(executed)}) no coincide con numerador ÷ denominador ` +
    `(${n(num)} ÷ ${n(den)}${percent ? ' × 100' : ''} = ${n(expected)}). ` +
    `Revise el valor ejecutado o el numerador y el denominador.`,
};

function mentionsPercent(text: string | undefined): boolean | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text.includes('%') || /\bporcentaje\b|\bporcentual\b/.test(normalizeText(text));
}

/**
 * Whether a goal is measured in percent, so its executed value is num ÷ den × 100: decided by the
 * first of Unidad de medida, Indicador, Meta de producto that the row has, which mentions
 * "%", "porcentaje" or "porcentual". (A unit of measure "Número" wins over a goal text with "%".)
 */
function isPercentGoal(row: DataRow): boolean {
  for (const field of ['unitOfMeasure', 'indicator', 'goal'] as const) {
    const answer = mentionsPercent(okText(row, field));
    if (answer !== undefined && (answer || field !== 'goal')) return answer;
  }
  return false;
}

const meta: RuleMeta = {
  id: 'indicator-mismatch',
  severity: 'error',
  scope: 'hoja-captura',
  description: 'El valor ejecutado del periodo no es numerador ÷ denominador (× 100 si la meta es un porcentaje).',
};

/**
 * Numerator and denominator present (denominator ≠ 0) and the executed value of the last
 * reported period is not num ÷ den — × 100 when the goal is a percent (`isPercentGoal`), unless
 * the executed cell has a % number format (then it already holds the fraction). Tolerance: 0,5
 * puntos for percents, the magnitude tolerance otherwise.
 */
export const rule = captureRowRule(meta, messages, {
  applies: isGoalSheet,
  rows: ({ sheet, report }) => (row) => {
    const num = okNumber(row, 'numerator');
    const den = okNumber(row, 'denominator');
    if (num === undefined || den === undefined || den === 0) return;
    let last = 0;
    for (let k = sheet.periodCount; k >= 1; k--) {
      if (okNumber(row, executedField(k)) !== undefined) {
        last = k;
        break;
      }
    }
    if (last === 0) return;
    const field = executedField(last);
    const executed = okNumber(row, field) as number;
    const formattedPercent = (row.cells[field]?.numberFormat ?? '').includes('%');
    const percent = isPercentGoal(row) && !formattedPercent;
    const expected = Number.parseFloat(((num / den) * (percent ? 100 : 1)).toPrecision(12));
    // A denominator so close to 0 that the quotient overflows gives nothing to compare with.
    if (!Number.isFinite(expected)) return;
    const ok = percent || formattedPercent
      ? Math.abs(executed - expected) <= (percent ? 0.5 : 0.005) + 1e-9
      : sameMagnitude(executed, expected);
    if (ok) return;
    report(row, field, messages.differs(label(sheet, field), goalOf(row), executed, num, den, expected, percent));
  },
});
