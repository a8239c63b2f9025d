import type { FieldId } from '../domain/fields';
import { formatDate } from '../domain/format';
import { goalOf, ofGoal, reportAt, vigenciaOf } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import type { RuleMeta } from './types';

const names: Partial<Record<FieldId, string>> = { startDate: 'de inicio', endDate: 'de terminación' };

const messages = {
  outside: (which: string, date: string, vigencia: number, goal: string | undefined): string =>
    `La fecha ${which} (${date})${ofGoal(goal)} está fuera de la vigencia ${vigencia}: ` +
    `debe estar entre 01/01/${vigencia} y 31/12/${vigencia}.`,
};

const meta: RuleMeta = {
  id: 'date-vigencia',
  severity: 'warning',
  scope: 'plan-accion',
  description: 'Una fecha de actividad está fuera de la vigencia del plan (1 de enero a 31 de diciembre).',
};

/** An activity date outside 1 Jan – 31 Dec of the plan's vigencia (each date cell on its own). */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['ok'],
    columns: (field, sheet) => sheet.kind === 'plan-accion' && names[field] !== undefined,
    visit({ sheet, row, field, cell, address }, ctx, out) {
      if (sheet.kind !== 'plan-accion' || !names[field]) return;
      const p = cell.parsed;
      if (p.status !== 'ok' || typeof p.value !== 'string') return;
      const vigencia = vigenciaOf(ctx, sheet);
      if (Number(p.value.slice(0, 4)) === vigencia) return;
      out.push(reportAt(meta, sheet, row, address, messages.outside(names[field]!, formatDate(p.value), vigencia, goalOf(row))));
    },
  },
);
