import { executedField } from '../domain/fields';
import { formatNumber } from '../domain/format';
import { progressFigures } from '../domain/progress';
import { captureRowRule } from './lib/rows';
import { goalOf, isAnnual, label, periodLabel, quote } from './lib/util';
import type { RuleMeta } from './types';

const messages = {
  blank: (goal: string, period: string, column: string, planned: number, cutoff: string, level: boolean): string =>
    `La meta ${goal} no reporta ejecución en ${period} (programado ${formatNumber(planned, 6)}), un periodo ya vencido ` +
    `a la fecha de corte (${cutoff}). Escriba lo ejecutado en ${quote(column)}; si no hubo avance escriba 0.` +
    (level ? ' Mientras falte, la meta se evalúa como sin reporte en ese periodo.' : ''),
};

const meta: RuleMeta = {
  id: 'missing-report',
  severity: 'error',
  scope: 'hoja-captura',
  description: 'Un periodo vencido al corte, con programación, no tiene ejecución reportada.',
};

/**
 * A period due by the cut-off, with programming, whose executed cell is blank (real-formats.md;
 * a 0 is a report): one finding per blank cell. For `suma` "with programming" is P(k) > 0; for
 * the level types P(k) given. Eliminated goals are not asked for reports.
 */
export const rule = captureRowRule(meta, messages, {
  // A format with no programming per period (Cali: the year's quantity against each quarter's
  // level reached) has no period "with programming" to report: the goal's state says the rest.
  applies: (sheet) => sheet.kind === 'hoja-captura' && !sheet.yearGoalDue,
  rows: ({ sheet, cutoff, report }) => (row, p) => {
    if (p.input.eliminated) return;
    const f = progressFigures(p.input, p.cutoffPeriod, p.periodOpen);
    const level = (p.input.accumulation ?? 'suma') !== 'suma';
    for (const k of f.missing) {
      const cell = row.cells[executedField(k)]?.parsed;
      if (cell && cell.status !== 'blank') continue; // something is typed: its own rule reports it
      const code = goalOf(row) ?? p.input.code;
      const period = isAnnual(sheet) ? `el ${periodLabel(sheet, k)}` : periodLabel(sheet, k); // «en T2», «en el año 2025»
      report(row, executedField(k), messages.blank(code, period, label(sheet, executedField(k)), p.input.planned[k - 1] ?? 0, cutoff, level));
    }
  },
});
