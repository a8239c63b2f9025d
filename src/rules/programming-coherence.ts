import { isGoalSheet } from '../domain/sheet';
import type { Finding } from '../domain/finding';
import { plannedField } from '../domain/fields';
import type { FieldId } from '../domain/fields';
import type { GoalInput } from '../domain/goal';
import type { DataRow, ReadSheet } from '../domain/sheet';
import { programmingCoherence } from '../domain/coherence';
import type { CoherenceProblem } from '../domain/coherence';
import { goalsFromPlanSheet } from '../domain/goals';
import { rowRule } from './lib/rows';
import { formatNumber } from '../domain/format';
import { fieldAddress, report, label, periodLabel, quote } from './lib/util';
import { accumulationNames } from './lib/kinds';
import type { RuleMeta } from './types';

const n = (x: number | null): string => (x === null ? 'vacío' : formatNumber(x, 6));

const messages = {
  sum: (goal: string, sum: number, detail: string, yearGoal: number, periods: string): string =>
    `La programación de la meta ${goal} suma ${n(sum)} (${detail}) y la meta vigencia es ${n(yearGoal)}. ` +
    `Con tipo de acumulación Suma, lo programado en ${periods} debe sumar la meta vigencia.`,
  falls: (goal: string, column: string, found: number, previous: number): string =>
    `${quote(column)} de la meta ${goal} (${n(found)}) es menor que lo programado en el periodo anterior (${n(previous)}). ` +
    `Con tipo de acumulación Creciente la programación no puede bajar.`,
  rises: (goal: string, column: string, found: number, previous: number): string =>
    `${quote(column)} de la meta ${goal} (${n(found)}) es mayor que lo programado en el periodo anterior (${n(previous)}). ` +
    `Con tipo de acumulación Decreciente la programación no puede subir.`,
  last: (goal: string, column: string, found: number, yearGoal: number, accumulation: string): string =>
    `El último periodo programado de la meta ${goal} (${quote(column)} = ${n(found)}) no es igual a la meta vigencia (${n(yearGoal)}). ` +
    `Con tipo de acumulación ${accumulation}, el último periodo programado debe ser la meta vigencia.`,
  notConstant: (goal: string, column: string, found: number, yearGoal: number): string =>
    `${quote(column)} de la meta ${goal} (${n(found)}) es distinto de la meta vigencia (${n(yearGoal)}). ` +
    `Con tipo de acumulación Constante, cada periodo programado debe ser igual a la meta vigencia.`,
  belowBaseline: (goal: string, yearGoal: number, baseline: number): string =>
    `La meta vigencia de la meta ${goal} (${n(yearGoal)}) es menor que la línea base (${n(baseline)}). ` +
    `Con tipo de acumulación Creciente la meta vigencia debe ser igual o mayor que la línea base.`,
  aboveBaseline: (goal: string, yearGoal: number, baseline: number): string =>
    `La meta vigencia de la meta ${goal} (${n(yearGoal)}) es mayor que la línea base (${n(baseline)}). ` +
    `Con tipo de acumulación Decreciente la meta vigencia debe ser igual o menor que la línea base.`,
  baselineMissing: (goal: string, yearGoal: number): string =>
    `La meta ${goal} tiene tipo de acumulación Decreciente y meta vigencia ${n(yearGoal)}, pero no tiene línea base. ` +
    `Escriba la línea base (el nivel de partida) para poder medir la reducción.`,
};

function describe(sheet: ReadSheet, goal: GoalInput, p: CoherenceProblem): { field: FieldId; message: string } {
  const code = goal.code;
  const period = p.period ?? 0;
  const col = period > 0 ? label(sheet, plannedField(period)) : '';
  const found = p.found ?? 0;
  const expected = p.expected ?? 0;
  switch (p.kind) {
    case 'sum': {
      const detail = goal.planned
        .map((v, i) => `${periodLabel(sheet, i + 1)} ${n(v)}`)
        .join(' + ');
      const periods = sheet.periodKind === 'month' ? 'los meses' : sheet.periodKind === 'year' ? 'el año' : 'los trimestres';
      return { field: 'yearGoal', message: messages.sum(code, found, detail, expected, periods) };
    }
    case 'falls':
      return { field: plannedField(period), message: messages.falls(code, col, found, expected) };
    case 'rises':
      return { field: plannedField(period), message: messages.rises(code, col, found, expected) };
    case 'last':
      return {
        field: plannedField(period),
        message: messages.last(code, col, found, expected, accumulationNames[p.accumulation]),
      };
    case 'not-constant':
      return { field: plannedField(period), message: messages.notConstant(code, col, found, expected) };
    case 'below-baseline':
      return { field: 'yearGoal', message: messages.belowBaseline(code, found, expected) };
    case 'above-baseline':
      return { field: 'yearGoal', message: messages.aboveBaseline(code, found, expected) };
    case 'baseline-missing':
      return {
        field: sheet.columns.baseline !== undefined ? 'baseline' : 'yearGoal',
        message: messages.baselineMissing(code, found),
      };
  }
}

function check(sheet: ReadSheet, goal: GoalInput, row: DataRow | undefined): Finding[] {
  if (!row) return [];
  const problem = programmingCoherence({
    accumulation: goal.accumulation,
    planned: goal.planned,
    yearGoal: goal.yearGoal,
    baseline: goal.baseline,
  });
  if (!problem) return [];
  const { field, message } = describe(sheet, goal, problem);
  return [
    report(meta, {
      sheet,
      row: row.row,
      cell: fieldAddress(sheet, row, field),
      goal: goal.code || undefined,
      message,
    }),
  ];
}

const meta: RuleMeta = {
  id: 'programming-coherence',
  severity: 'error',
  scope: 'cell',
  description: 'La programación por periodo no es coherente con la meta vigencia según el tipo de acumulación.',
};

/**
 * Programado per period does not fit the meta vigencia for the tipo de acumulación (progress.md;
 * the check itself is `programmingCoherence` in domain/coherence.ts). Plan de acción: once per
 * goal, on its first row (rows that disagree are `goal-mismatch`'s); hoja de captura: every row.
 * Whole-goal problems (Σ, línea base) go on Meta vigencia (or Línea base), period problems on the
 * period's Programado cell.
 */
export const rule = rowRule(
  meta,
  messages,
  {
    sheet(sheet, _ctx, out: Finding[]) {
      if (sheet.kind === 'plan-accion') {
        const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
        for (const goal of goalsFromPlanSheet(sheet)) out.push(...check(sheet, goal, byRow.get(goal.row)));
        return undefined;
      }
      if (!isGoalSheet(sheet)) return undefined;
      // The run's shared goals (RuleContext.progress): not read from the sheet a second time.
      return (row, _i, p) => {
        for (const f of check(sheet, p.input, row)) out.push(f);
      };
    },
  },
);
