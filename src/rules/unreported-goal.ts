import type { Rule, RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { cutoffPeriod } from '../domain/periods';
import { sheetKey } from '../domain/sheet';
import { formatDate, formatNumber } from '../domain/format';
import { captureSheets } from './lib/capture';
import { planGoals } from './lib/cross';
import { report, goalOf, quote, rowAnchor, vigenciaOf } from './lib/util';

const messages = {
  unreported: (goal: string, text: string, planned: number, cutoff: string, captureSheetNames: string): string =>
    `La meta ${goal}` +
    (text ? ` ${quote(text)}` : '') +
    ` del plan de acción tiene programado ${formatNumber(planned, 6)} hasta la fecha de corte (${cutoff}) ` +
    `pero no aparece en la hoja de captura (${captureSheetNames}). Agregue su reporte.`,
};

const meta: RuleMeta = {
  id: 'unreported-goal',
  severity: 'warning',
  scope: 'cross',
  description: 'Una meta del plan de acción con programación hasta la fecha de corte no aparece en la hoja de captura.',
};

/**
 * With a plan de acción and a capture sheet: a plan goal with programming due by the cut-off
 * (some Programado > 0 in a period ended by then) that no capture sheet reports. Reported on the
 * plan goal's first row.
 */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const captures = captureSheets(ctx);
    const plan = planGoals(ctx);
    if (!plan || captures.length === 0) return [];
    const reported = new Set<string>();
    for (const sheet of captures) for (const row of sheet.rows) {
      const g = goalOf(row);
      if (g !== undefined) reported.add(g);
    }
    const names = [...new Set(captures.map((s) => s.name))].map((n) => `hoja ${quote(n)}`).join(', ');
    const out: Finding[] = [];
    const rowsOf = new Map(ctx.workbook.sheets.map((s) => [sheetKey(s), new Map(s.rows.map((r) => [r.row, r]))] as const));
    for (const [code, { sheet, goal }] of plan) {
      if (reported.has(code)) continue;
      const c = cutoffPeriod(ctx.options.cutoff, vigenciaOf(ctx, sheet), sheet.periodKind);
      const due = goal.planned.slice(0, c).filter((v): v is number => v !== null && v > 0);
      if (due.length === 0) continue;
      const row = rowsOf.get(sheetKey(sheet))?.get(goal.row);
      if (!row) continue;
      const planned = goal.accumulation === 'suma' || goal.accumulation === null
        ? due.reduce((s, v) => s + v, 0)
        : due[due.length - 1];
      out.push(
        report(meta, {
          sheet,
          row: row.row,
          cell: rowAnchor(sheet, row),
          goal: goalOf(row) ?? code,
          message: messages.unreported(code, goal.goal, planned, formatDate(ctx.options.cutoff), names),
        }),
      );
    }
    return out;
  },
};
