/**
 * Goals from read sheets: the `GoalInput`s that progress, the rules and the tablero work on.
 *
 * - A capture sheet (`hoja-captura`) gives one goal per data row, in sheet order (rules pair
 *   `goalsFromCaptureSheet(sheet)[i]` with `sheet.rows[i]`).
 * - A plan de acción (`plan-accion`) gives one goal per goal code: its rows (one per activity) are
 *   grouped by code; the goal's own attributes come from the goal's first row (the `goal-mismatch`
 *   rule reports rows that disagree), the budget's `final` is Σ Valor programado of its rows, and
 *   there is no execution yet (every executed period `null`, no commitments).
 *
 * Cells that do not parse are treated as blank here (their own rules report them). A blank
 * Dependencia takes the unit of the title block ("Dependencia: Secretaría de Salud") when there
 * is one.
 */
import { executedField, plannedField } from './fields';
import type { FieldId } from './fields';
import type { Accumulation, Budget, GoalInput } from './goal';
import { okNumber, okText, okValue } from './sheet';
import type { DataRow, ReadSheet } from './sheet';

const accumulations: readonly Accumulation[] = ['suma', 'creciente', 'constante', 'decreciente'];

function num(row: DataRow, field: FieldId): number | null {
  const v = okNumber(row, field);
  return v !== undefined && Number.isFinite(v) ? v : null;
}

function text(row: DataRow, field: FieldId): string | null {
  const v = okText(row, field)?.trim();
  return v ? v : null;
}

function accumulationOf(row: DataRow): Accumulation | null {
  const v = okValue(row, 'accumulation');
  return typeof v === 'string' && (accumulations as readonly string[]).includes(v) ? (v as Accumulation) : null;
}

function isEliminated(row: DataRow): boolean {
  const v = okValue(row, 'goalState');
  return typeof v === 'string' && v.toLowerCase() === 'eliminada';
}

function periods(row: DataRow, count: number, field: (k: number) => FieldId): (number | null)[] {
  const out: (number | null)[] = [];
  for (let k = 1; k <= count; k++) out.push(num(row, field(k)));
  return out;
}

/** The goal code of a row as trimmed text (a code typed as a number reads as its digits). */
export function goalCodeOf(row: DataRow): string | null {
  const v = text(row, 'goalCode');
  if (v) return v;
  const raw = row.cells.goalCode?.raw;
  if (typeof raw === 'string' && raw.trim()) return raw.trim();
  if (typeof raw === 'number') return String(raw);
  return null;
}

function baseGoal(sheet: ReadSheet, row: DataRow): Omit<GoalInput, 'executed' | 'budget' | 'analysis' | 'evidence' | 'eliminated'> {
  return {
    code: goalCodeOf(row) ?? '',
    goal: text(row, 'goal') ?? '',
    unit: text(row, 'unit') ?? sheet.title.unit?.trim() ?? '',
    dimension: text(row, 'dimension'),
    programCode: text(row, 'programCode'),
    program: text(row, 'program'),
    accumulation: accumulationOf(row),
    baseline: num(row, 'baseline'),
    yearGoal: num(row, 'yearGoal'),
    periodKind: sheet.periodKind,
    planned: periods(row, sheet.periodCount, plannedField),
    weight: num(row, 'weight'),
    sheet: sheet.name,
    row: row.row,
  };
}

/** One goal per data row of a capture sheet, in sheet order. */
export function goalsFromCaptureSheet(sheet: ReadSheet): GoalInput[] {
  return sheet.rows.map((row) => {
    const budget: Budget = {
      final: num(row, 'budgetFinal'),
      commitments: num(row, 'commitments'),
      obligations: num(row, 'obligations'),
      payments: num(row, 'payments'),
    };
    return {
      ...baseGoal(sheet, row),
      executed: periods(row, sheet.periodCount, executedField),
      budget,
      eliminated: isEliminated(row),
      analysis: text(row, 'analysis'),
      evidence: text(row, 'evidence'),
    };
  });
}

/**
 * One goal per goal code of a plan de acción, in order of first appearance. Rows with no goal
 * code belong to no goal and are left out (the `required` rule reports them).
 */
export function goalsFromPlanSheet(sheet: ReadSheet): GoalInput[] {
  const groups = new Map<string, DataRow[]>();
  for (const row of sheet.rows) {
    const code = goalCodeOf(row);
    if (code === null) continue;
    const g = groups.get(code);
    if (g) g.push(row);
    else groups.set(code, [row]);
  }
  const out: GoalInput[] = [];
  for (const rows of groups.values()) {
    const first = rows[0];
    let total = 0;
    let anyAmount = false;
    for (const r of rows) {
      const a = num(r, 'amount');
      if (a !== null) {
        total += a;
        anyAmount = true;
      }
    }
    out.push({
      ...baseGoal(sheet, first),
      executed: new Array<number | null>(sheet.periodCount).fill(null),
      budget: {
        final: anyAmount ? Number.parseFloat(total.toPrecision(15)) : null,
        commitments: null,
        obligations: null,
        payments: null,
      },
      eliminated: isEliminated(first),
      analysis: null,
      evidence: null,
    });
  }
  return out;
}
