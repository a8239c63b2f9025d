import type { Rule } from './types';
import type { Finding } from '../domain/finding';
import { okText } from '../domain/sheet';
import { finding, goalOf, isMergeContinuation, normalizeText, quote, rowAnchor } from './lib/util';

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
export const rule: Rule = {
  meta: {
    id: 'duplicate',
    severity: 'error',
    scope: 'cell',
    description: 'Una fila repetida: la misma meta y actividad (plan de acción) o la misma meta y dependencia (hoja de captura).',
  },
  messages,
  check(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.workbook.sheets) {
      if (sheet.kind === 'techos') continue;
      const seen = new Map<string, number>();
      for (const [index, row] of sheet.rows.entries()) {
        // One activity merged over several rows (e.g. one line per funding source) is one activity.
        if (sheet.kind === 'plan-accion' && isMergeContinuation(sheet, index, 'activity')) continue;
        const goal = goalOf(row);
        if (goal === undefined) continue;
        const second = sheet.kind === 'plan-accion' ? okText(row, 'activity') : okText(row, 'unit');
        if (sheet.kind === 'plan-accion' && (second === undefined || second.trim() === '')) continue;
        const key = `${goal}\u0000${normalizeText(second ?? '')}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, row.row);
          continue;
        }
        out.push(
          finding({
            rule: 'duplicate',
            severity: 'error',
            sheet,
            row: row.row,
            cell: rowAnchor(sheet, row),
            goal,
            message:
              sheet.kind === 'plan-accion' ? messages.activity(second!, goal, first) : messages.goal(goal, second, first),
          }),
        );
      }
    }
    return out;
  },
};
