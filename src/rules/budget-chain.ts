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

/** Each link of the chain, the larger (later) stage first; reported on the larger cell. */
const chain: readonly [FieldId, FieldId][] = [
  ['commitments', 'budgetFinal'],
  ['obligations', 'commitments'],
  ['payments', 'obligations'],
];

const meta: RuleMeta = {
  id: 'budget-chain',
  severity: 'error',
  scope: 'hoja-captura',
  description: 'La cadena presupuestal no cuadra: compromisos, obligaciones o pagos mayores que la etapa anterior.',
};

/**
 * Compromisos > apropiación definitiva, obligaciones > compromisos, pagos > obligaciones (beyond 1
 * peso). Where the sheet's budget is the plan's programmed cost (DNP), only the execution's links.
 */
export const rule = sheetRule(meta, messages, (sheet) => sheet.kind === 'hoja-captura', (sheet, _ctx, out) => {
  for (const row of sheet.rows) {
    for (const [larger, smaller] of chain) {
      if (smaller === 'budgetFinal' && sheet.budgetIsProgrammed) continue;
      const a = okNumber(row, larger);
      const b = okNumber(row, smaller);
      if (a === undefined || b === undefined || !moneyExceeds(a, b)) continue;
      out.push(reportField(meta, sheet, row, larger, messages.exceeds(names[larger].article, a, names[smaller].plural, b, goalOf(row))));
    }
  }
});
