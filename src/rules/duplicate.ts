import { isGoalSheet } from '../domain/sheet';
import type { DataRow, ReadSheet } from '../domain/sheet';
import type { Finding } from '../domain/finding';
import { okText } from '../domain/sheet';
import { rowRule } from './lib/rows';
import { report, goalOf, isMergeContinuation, normalizeText, quote, rowAnchor } from './lib/util';
import type { RuleMeta } from './types';

const messages = {
  activity: (activity: string, goal: string, firstRow: number): string =>
    `La actividad ${quote(activity)} de la meta ${goal} está repetida: ya aparece en la fila ${firstRow}. ` +
    `Elimine la fila repetida o diferencie la actividad.`,
  goal: (goal: string, unit: string | undefined, firstRow: number): string =>
    `La meta ${goal}` +
    (unit ? ` de la dependencia ${quote(unit)}` : '') +
    ` está repetida: ya aparece en la fila ${firstRow}. Cada meta se reporta en una sola fila.`,
};

/**
 * Plan de acción: the same goal code and the same activity (normalised); hoja de captura: the same
 * goal code and unit. Every repetition after the first is reported on its row. An activity cell
 * merged over several rows is one activity (split by source), not a repetition.
 */
/** One row of a sheet: reports it when its key was seen on an earlier row (`seen`: key → first row). */
function visitRow(sheet: ReadSheet, seen: Map<string, number>, row: DataRow, index: number, out: Finding[]): void {
  // One activity merged over several rows (e.g. one line per funding source) is one activity.
  if (sheet.kind === 'plan-accion' && isMergeContinuation(sheet, index, 'activity')) return;
  const goal = goalOf(row);
  if (goal === undefined) return;
  // One row per activity (Cali): the product repeats by design; an activity code seen twice is the repetition.
  if (sheet.granularity === 'activity') {
    const activity = okText(row, 'activityCode') ?? okText(row, 'activity');
    if (activity === undefined) return;
    const key = `${okText(row, 'projectCode') ?? ''}\u0000${normalizeText(activity)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.row);
    else out.push(report(meta, { sheet, row: row.row, cell: rowAnchor(sheet, row), goal, message: messages.activity(activity, goal, first) }));
    return;
  }
  const second = sheet.kind === 'plan-accion' ? okText(row, 'activity') : okText(row, 'unit');
  if (sheet.kind === 'plan-accion' && (second === undefined || second.trim() === '')) return;
  const key = `${goal}\u0000${normalizeText(second ?? '')}`;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, row.row);
    return;
  }
  out.push(
    report(meta, {
      sheet,
      row: row.row,
      cell: rowAnchor(sheet, row),
      goal,
      message: sheet.kind === 'plan-accion' ? messages.activity(second!, goal, first) : messages.goal(goal, second, first),
    }),
  );
}

const meta: RuleMeta = {
  id: 'duplicate',
  title: 'Fila duplicada',
  severity: 'error',
  scope: 'cell',
  description: 'Una fila repetida: la misma meta y actividad (plan de acción) o la misma meta y dependencia (hoja de captura).',
};

export const rule = rowRule(
  meta,
  messages,
  {
    sheet(sheet, _ctx, out: Finding[]) {
      if (sheet.kind === 'techos') return undefined;
      const seen = new Map<string, number>();
      if (isGoalSheet(sheet)) return (row, index) => visitRow(sheet, seen, row, index, out);
      const rows = sheet.rows;
      for (let index = 0; index < rows.length; index++) visitRow(sheet, seen, rows[index], index, out);
      return undefined;
    },
  },
);
