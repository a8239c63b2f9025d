import type { FieldId } from '../domain/fields';
import { formatMoney } from '../domain/format';
import { okNumber, type ReadSheet } from '../domain/sheet';
import { sameMoney } from '../domain/tolerance';
import type { RuleMeta } from './types';
import { goalOf, quote, reportField } from './lib/util';
import { sheetRule } from './lib/sheets';

const messages = {
  sum: (goal: string, total: string, totalValue: number, sum: number, year: string): string =>
    `Las fuentes de financiación de ${year} de la meta ${goal} suman ${formatMoney(sum)}, pero ${quote(total)} es ${formatMoney(totalValue)} ` +
    `(diferencia: ${formatMoney(Math.abs(sum - totalValue))}). Corrija la fuente que no corresponde o el total del año.`,
};

/** The source fields of year `n` present in the sheet (`source<n>_<k>`). */
function sourcesOf(sheet: ReadSheet, n: number): FieldId[] {
  return (Object.keys(sheet.columns) as FieldId[]).filter((f) => f.startsWith(`source${n}_`));
}

const meta: RuleMeta = {
  id: 'sources-sum',
  severity: 'error',
  scope: 'cell',
  description: 'Las fuentes de financiación de un año no suman el total de ese año.',
};

/**
 * Plan indicativo (real-formats.md "Rules added"): the funding sources of each year add up to that
 * year's total, to the peso. Reported on the total's cell, once per goal and year.
 */
export const rule = sheetRule(meta, messages, (sheet) => sheet.kind === 'plan-indicativo', (sheet, _ctx, out) => {
  for (let y = 1; y <= sheet.periodCount; y++) {
    const total: FieldId = `cost${y}`;
    if (sheet.columns[total] === undefined) continue;
    const sources = sourcesOf(sheet, y);
    if (sources.length === 0) continue;
    const year = sheet.years?.[y - 1] !== undefined ? String(sheet.years[y - 1]) : `el año ${y}`;
    for (const row of sheet.rows) {
      const t = okNumber(row, total);
      if (t === undefined) continue;
      let sum = 0;
      let any = false;
      for (const s of sources) {
        const v = okNumber(row, s);
        if (v !== undefined) {
          sum += v;
          any = true;
        }
      }
      if (!any || sameMoney(sum, t)) continue;
      const message = messages.sum(goalOf(row) ?? '', sheet.headers[total] ?? `Total ${year}`, t, Number.parseFloat(sum.toPrecision(15)), year);
      out.push(reportField(meta, sheet, row, total, message));
    }
  }
});
