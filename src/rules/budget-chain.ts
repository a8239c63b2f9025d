import type { RuleMeta } from './types';
import type { FieldId } from '../domain/fields';
import { okNumber } from '../domain/sheet';
import { formatMoney } from '../domain/format';
import { moneyExceeds } from '../domain/tolerance';
import { goalOf, ofGoal, reportField } from './lib/util';
import { sheetRule } from './lib/sheets';

const names: Record<string, { plural: string; article: string }> = {
  budgetFinal: { plural: 'la apropiación definitiva', article: 'La apropiación definitiva' },
  commitments: { plural: 'los compromisos', article: 'Los compromisos' },
  obligations: { plural: 'las obligaciones', article: 'Las obligaciones' },
  payments: { plural: 'los pagos', article: 'Los pagos' },
};

const messages = {
  exceeds: (larger: string, largerValue: number, smaller: string, smallerValue: number, goal: string | undefined): string =>
    `${larger} (${formatMoney(largerValue)}) superan ${smaller} (${formatMoney(smallerValue)})${ofGoal(goal)}. ` +
    `Cada etapa del presupuesto no puede ser mayor que la anterior: apropiación definitiva ≥ compromisos ≥ obligaciones ≥ pagos.`,
};

/** The stages of the budget, earlier first. */
const stages: readonly FieldId[] = ['budgetFinal', 'commitments', 'obligations', 'payments'];

const meta: RuleMeta = {
  id: 'budget-chain',
  severity: 'error',
  scope: 'hoja-captura',
  description: 'La cadena presupuestal no cuadra: compromisos, obligaciones o pagos mayores que la etapa anterior.',
};

/**
 * Each stage against the nearest earlier stage the row has a figure for: compromisos > apropiación
 * definitiva, obligaciones > compromisos, pagos > obligaciones (beyond 1 peso); where a sheet has no
 * obligaciones (column absent or cell empty), pagos are held against the compromisos, and so on.
 * Reported on the later (larger) cell. Where the sheet's budget is the plan's programmed cost (DNP),
 * only the execution's stages.
 */
export const rule = sheetRule(meta, messages, (sheet) => sheet.kind === 'hoja-captura', (sheet, _ctx, out) => {
  const used = sheet.budgetIsProgrammed ? stages.filter((s) => s !== 'budgetFinal') : stages;
  for (const row of sheet.rows) {
    let previous: { field: FieldId; value: number } | undefined;
    for (const field of used) {
      const value = okNumber(row, field);
      if (value === undefined) continue;
      if (previous !== undefined && moneyExceeds(value, previous.value)) {
        out.push(reportField(meta, sheet, row, field, messages.exceeds(names[field].article, value, names[previous.field].plural, previous.value, goalOf(row))));
      }
      previous = { field, value };
    }
  }
});
