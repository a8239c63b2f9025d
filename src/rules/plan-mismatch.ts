import type { Rule, RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { plannedField } from '../domain/fields';
import type { FieldId } from '../domain/fields';
import { okNumber } from '../domain/sheet';
import { formatNumber } from '../domain/format';
import { sameMagnitude } from '../domain/tolerance';
import { captureSheets } from './lib/capture';
import { planGoals } from './lib/cross';
import { goalOf, label, quote, reportField } from './lib/util';

const n = (x: number | null): string => (x === null ? 'vacío' : formatNumber(x, 6));

const messages = {
  differs: (column: string, goal: string, found: number | null, expected: number | null, planSheet: string, planRow: number): string =>
    `${quote(column)} de la meta ${goal} es ${n(found)} en la hoja de captura, pero ${n(expected)} en el plan de acción ` +
    `(hoja ${quote(planSheet)}, fila ${planRow}). Use el mismo valor del plan de acción.`,
};

const meta: RuleMeta = {
  id: 'plan-mismatch',
  severity: 'error',
  scope: 'cross',
  description: 'La meta vigencia o la programación de la hoja de captura difieren del plan de acción.',
};

/**
 * A capture-sheet meta vigencia or programado that differs from the plan de acción's goal. Meta
 * vigencia is compared when both are given (a blank one is `required`'s); programado per period
 * when both sheets have the same periods: for a suma goal a blank is 0, for the other types a
 * blank is "not given" and is not compared.
 */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const plan = planGoals(ctx);
    if (!plan) return [];
    const out: Finding[] = [];
    for (const sheet of captureSheets(ctx)) {
      for (const row of sheet.rows) {
        const code = goalOf(row);
        const ref = code === undefined ? undefined : plan.get(code);
        if (!code || !ref) continue;
        const differs = (field: FieldId, found: number | null, expected: number | null): void => {
          out.push(reportField(meta, sheet, row, field, messages.differs(label(sheet, field), code, found, expected, ref.sheet.name, ref.goal.row)));
        };
        const yearGoal = okNumber(row, 'yearGoal');
        if (yearGoal !== undefined && ref.goal.yearGoal !== null && !sameMagnitude(yearGoal, ref.goal.yearGoal)) {
          differs('yearGoal', yearGoal, ref.goal.yearGoal);
        }
        if (ref.sheet.periodKind !== sheet.periodKind) continue;
        const suma = (ref.goal.accumulation ?? 'suma') === 'suma';
        for (let k = 1; k <= sheet.periodCount; k++) {
          const field = plannedField(k);
          const cell = row.cells[field];
          if (!cell || cell.parsed.status === 'invalid' || cell.parsed.status === 'error') continue;
          const found = okNumber(row, field) ?? null;
          const expected = ref.goal.planned[k - 1] ?? null;
          if (suma) {
            if (!sameMagnitude(found ?? 0, expected ?? 0)) differs(field, found, expected);
          } else if (found !== null && expected !== null && !sameMagnitude(found, expected)) {
            differs(field, found, expected);
          }
        }
      }
    }
    return out;
  },
};
