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
import { isGoalSheet, joinsSheet, okNumber, okText, okValue, ownNumber } from './sheet';
import type { DataRow, ReadCell, ReadSheet } from './sheet';
import { columnCells } from './reader';
import { goalCodeAt, goalCodeOf, textAt } from './goal-code';
import { NOT_CALCULATED } from './grid';
import { goalTypes } from './values';
import { pushTo } from './multimap';
import type { GoalType } from './values';

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

function goalTypeOf(v: unknown): GoalType | null {
  return typeof v === 'string' && (goalTypes as readonly string[]).includes(v) ? (v as GoalType) : null;
}

function sourceOf(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function isEliminated(row: DataRow): boolean {
  const v = okValue(row, 'goalState');
  return typeof v === 'string' && v.toLowerCase() === 'eliminada';
}

/** Field ids of the periods, built once (not a template string per cell). */
const plannedIds: readonly FieldId[] = Array.from({ length: 12 }, (_, i) => plannedField(i + 1));
const executedIds: readonly FieldId[] = Array.from({ length: 12 }, (_, i) => executedField(i + 1));

function periods(row: DataRow, count: number, field: (k: number) => FieldId): (number | null)[] {
  const ids = field === plannedField ? plannedIds : field === executedField ? executedIds : undefined;
  const out: (number | null)[] = [];
  for (let k = 1; k <= count; k++) out.push(num(row, ids?.[k - 1] ?? field(k)));
  return out;
}

/**
 * The goal of `row`: its own attributes, then the parts that differ between capture and plan
 * sheets. One object literal (no spread of a partial goal: this runs once per data row).
 */
function goalOfRow(
  sheet: ReadSheet,
  row: DataRow,
  titleUnit: string | undefined,
  executed: (number | null)[],
  budget: Budget,
  eliminated: boolean,
  analysis: string | null,
  evidence: string | null,
): GoalInput {
  return {
    code: goalCodeOf(row) ?? '',
    goal: text(row, 'goal') ?? '',
    unit: text(row, 'unit') ?? titleUnit ?? '',
    dimension: text(row, 'dimension'),
    programCode: text(row, 'programCode'),
    program: text(row, 'program'),
    accumulation: accumulationOf(row),
    goalType: goalTypeOf(okValue(row, 'goalType')),
    source: sourceOf(okValue(row, 'source')),
    baseline: num(row, 'baseline'),
    yearGoal: num(row, 'yearGoal'),
    periodKind: sheet.periodKind,
    planned: periods(row, sheet.periodCount, plannedField),
    weight: num(row, 'weight'),
    sheet: sheet.name,
    row: row.row,
    executed,
    budget,
    eliminated,
    analysis,
    evidence,
  };
}

/** A column's usable number of row `i` (as `num`), from the column's cells. */
function numAt(col: readonly (ReadCell | undefined)[], i: number): number | null {
  const c = col[i];
  if (c === undefined) return null;
  const p = c.parsed;
  return p.status === 'ok' && typeof p.value === 'number' && Number.isFinite(p.value) ? p.value : null;
}

/**
 * One goal per data row of a capture sheet, in sheet order. Reads the reader's per-column cell
 * arrays (`columnCells`) — each field's column asked once per sheet — instead of looking every
 * field up by name on every row; the goals are the same as `goalOfRow` would build.
 */
export function goalsFromCaptureSheet(sheet: ReadSheet): GoalInput[] {
  const titleUnit = sheet.title.unit?.trim();
  const rows = sheet.rows;
  const count = sheet.periodCount;
  const col = (field: FieldId): readonly (ReadCell | undefined)[] => columnCells(sheet, field);
  const goalCode = col('goalCode');
  const goalText = col('goal');
  const unit = col('unit');
  const dimension = col('dimension');
  const programCode = col('programCode');
  const program = col('program');
  const accumulation = col('accumulation');
  const baseline = col('baseline');
  const yearGoal = col('yearGoal');
  const weight = col('weight');
  const budgetFinal = col('budgetFinal');
  const commitments = col('commitments');
  const obligations = col('obligations');
  const payments = col('payments');
  const goalState = col('goalState');
  const goalType = col('goalType');
  const source = col('source');
  const okAt = (c: readonly (ReadCell | undefined)[], i: number): unknown => {
    const p = c[i]?.parsed;
    return p !== undefined && p.status === 'ok' ? p.value : undefined;
  };
  const analysis = col('analysis');
  const evidence = col('evidence');
  const planned: (readonly (ReadCell | undefined)[])[] = [];
  const executed: (readonly (ReadCell | undefined)[])[] = [];
  for (let k = 1; k <= count; k++) {
    planned.push(col(plannedIds[k - 1] ?? plannedField(k)));
    executed.push(col(executedIds[k - 1] ?? executedField(k)));
  }
  const name = sheet.name;
  const periodKind = sheet.periodKind;
  const out: GoalInput[] = [];
  // One row per activity (Cali): the product's figures are judged once, on its first row.
  const keyCols = sheet.granularity === 'activity' ? (sheet.goalKey ?? ['goalCode']).map((f) => col(f)) : undefined;
  const identityFields = sheet.granularity === 'activity' ? (sheet.goalKey ?? []).filter((f) => f !== 'goalCode' && sheet.columns[f] !== undefined) : [];
  const identityCols = identityFields.map((f) => ({ label: sheet.headers?.[f] ?? f, cells: col(f) }));
  const identityAt = (i: number): { label: string; value: string }[] =>
    identityCols.flatMap((c) => {
      const value = goalCodeAt(c.cells, i);
      return value === null ? [] : [{ label: c.label, value }];
    });
  const seenKeys = new Set<string>();
  const repeated = keyCols
    ? (i: number): boolean => {
        const key = keyCols.map((c) => goalCodeAt(c, i) ?? '').join('\u0000');
        if (seenKeys.has(key)) return true;
        seenKeys.add(key);
        return false;
      }
    : undefined;
  for (let i = 0; i < rows.length; i++) {
    const budget: Budget = {
      final: numAt(budgetFinal, i),
      commitments: numAt(commitments, i),
      obligations: numAt(obligations, i),
      payments: numAt(payments, i),
    };
    const exec: (number | null)[] = [];
    for (let k = 0; k < count; k++) exec.push(numAt(executed[k], i));
    const plan: (number | null)[] = [];
    for (let k = 0; k < count; k++) plan.push(numAt(planned[k], i));
    const acc = accumulation[i]?.parsed;
    const accValue = acc !== undefined && acc.status === 'ok' ? acc.value : undefined;
    const state = goalState[i]?.parsed;
    const stateValue = state !== undefined && state.status === 'ok' ? state.value : undefined;
    const read = {
      code: goalCodeAt(goalCode, i) ?? '',
      goal: textAt(goalText, i) ?? '',
      unit: textAt(unit, i) ?? titleUnit ?? '',
      dimension: textAt(dimension, i),
      programCode: textAt(programCode, i),
      program: textAt(program, i),
      accumulation:
        typeof accValue === 'string' && (accumulations as readonly string[]).includes(accValue)
          ? (accValue as Accumulation)
          : null,
      goalType: goalTypeOf(okAt(goalType, i)),
      source: sourceOf(okAt(source, i)),
      baseline: numAt(baseline, i),
      yearGoal: numAt(yearGoal, i),
      periodKind,
      planned: plan,
      weight: numAt(weight, i),
      sheet: name,
      row: rows[i].row,
      executed: exec,
      budget,
      eliminated: typeof stateValue === 'string' && stateValue.toLowerCase() === 'eliminada',
      analysis: textAt(analysis, i),
      evidence: textAt(evidence, i),
      ...(identityCols.length > 0 ? { identity: identityAt(i) } : {}),
    };
    // Figure cells whose formula has no calculated value: unknown, not blank (the goal is «sin dato»).
    const unknown: string[] = [];
    if (uncalculatedAt(yearGoal, i)) unknown.push('yearGoal');
    for (let k = 0; k < count; k++) {
      if (uncalculatedAt(planned[k], i)) unknown.push(plannedField(k + 1));
      if (uncalculatedAt(executed[k], i)) unknown.push(executedField(k + 1));
    }
    const withUnknown: GoalInput = unknown.length > 0 ? { ...read, uncalculated: unknown } : read;
    const goal = sheet.accumulation !== undefined || sheet.quarterShares || sheet.yearGoalDue ? asTheFormatMeans(sheet, withUnknown) : withUnknown;
    out.push(repeated && repeated(i) ? asRepetition(goal) : goal);
  }
  return out;
}

/**
 * A later activity row of a product already read (Cali): it keeps its own money and text, but no
 * programming or execution, so that the product's state and its findings come once.
 */
function asRepetition(goal: GoalInput): GoalInput {
  const { uncalculated: _figuresOfTheFirstRow, ...rest } = goal;
  return { ...rest, planned: goal.planned.map(() => null), executed: goal.executed.map(() => null), yearGoal: null };
}

/** The cell of row `i` holds a formula saved with no calculated value. */
function uncalculatedAt(col: readonly (ReadCell | undefined)[], i: number): boolean {
  const p = col[i]?.parsed;
  return p !== undefined && p.status === 'error' && p.code === NOT_CALCULATED;
}

/**
 * A goal as its format's authors mean it (real-formats.md "Values, real wording"): the format's
 * accumulation when the sheet has no column for it (Cali's levels reached), and, where the
 * quarters hold shares that add up (Cundinamarca's template adds them in its own TOTAL column),
 * every goal whose quarters are not one level held all year is a flow, whatever the indicator's
 * trend; with shares adding up to 1 the year's value is 1 (compliance is the same ratio either way).
 */
function asTheFormatMeans(sheet: ReadSheet, goal: GoalInput): GoalInput {
  let accumulation = goal.accumulation ?? sheet.accumulation ?? null;
  let yearGoal = goal.yearGoal;
  let planned = goal.planned;
  if (sheet.quarterShares) {
    const given = goal.planned.filter((p): p is number => p !== null);
    const sum = given.reduce((a, b) => a + b, 0);
    const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.02, Math.abs(b) * 0.005);
    // A level held every quarter (0 before it starts): 4.500, 4.500, 4.500, 4.500 — else shares. A
    // level nearer the year's value than its quarters' sum (136 ×4 for 150 is the level 136, short
    // of it); a sum nearer it is shares that fall short (0,2 ×4 for 1 is 0,8 of 1, not a level of 0,2).
    const started = given.filter((p) => p !== 0);
    const level =
      started.length > 1 && started.every((p) => near(p, started[0])) && (yearGoal === null || Math.abs(started[0] - yearGoal) <= Math.abs(sum - yearGoal));
    const adds = sum > 0 && ((yearGoal !== null && near(sum, yearGoal)) || near(sum, 1));
    if (adds || !level) accumulation = 'suma';
    // One level held all year whose trend is not known (TENDENCIA blank, or outside I/M/D: an
    // `enum` finding): the level itself, never its quarters added up (2, 2, 2, 2 is 2, not 8).
    else accumulation ??= 'constante';
    if (accumulation === 'suma' && near(sum, 1) && yearGoal !== null && !near(yearGoal, 1) && !near(sum, yearGoal)) yearGoal = sum;
    // A level's quarters at 0 are quarters without programming (the template averages the level
    // over the quarters that program it: `(T1 + … + T4) / 3`), not a level of 0.
    else if (accumulation !== 'suma' && level) planned = goal.planned.map((p) => (p === 0 ? null : p));
  }
  // The year's quantity is due from the first quarter the product reports a level (a level reported
  // later covers the blank quarters before it), or from T1 when it reports none.
  const firstReport = goal.executed.findIndex((e) => e !== null);
  if (sheet.yearGoalDue && yearGoal !== null && goal.planned.every((p) => p === null)) {
    planned = goal.planned.map((_, k) => (k >= Math.max(firstReport, 0) ? yearGoal : null));
  }
  return accumulation === goal.accumulation && yearGoal === goal.yearGoal && planned === goal.planned ? goal : { ...goal, accumulation, yearGoal, planned };
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
      const a = ownNumber(r, 'amount');
      if (a !== undefined && Number.isFinite(a)) {
        total += a;
        anyAmount = true;
      }
    }
    out.push(
      goalOfRow(
        sheet,
        first,
        sheet.title.unit?.trim(),
        new Array<number | null>(sheet.periodCount).fill(null),
        {
          final: anyAmount ? Number.parseFloat(total.toPrecision(15)) : null,
          commitments: null,
          obligations: null,
          payments: null,
        },
        isEliminated(first),
        null,
        null,
      ),
    );
  }
  return out;
}

/** The place (1-based) of `vigencia` among a plan indicativo's years, or 0 when it is not one of them. */
export function termYearOf(sheet: Pick<ReadSheet, 'years'>, vigencia: number): number {
  return (sheet.years ?? []).indexOf(vigencia) + 1;
}

/**
 * A plan indicativo row's cost in the `n`-th year of the term: its `Total <año>`, else the sum of
 * the year's funding sources; `null` when the row gives neither.
 */
export function yearCostOf(sheet: Pick<ReadSheet, 'sources'>, row: DataRow, n: number): number | null {
  const total = num(row, `cost${n}`);
  if (total !== null) return total;
  let sum: number | null = null;
  for (let k = 1; k <= (sheet.sources?.length ?? 0); k++) {
    const v = num(row, `source${n}_${k}`);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum === null ? null : Number.parseFloat(sum.toPrecision(15));
}

/**
 * The goals of a plan indicativo (four-year plan, one row per product indicator) for one vigencia:
 * the products with a quantity programmed that year (the year's programming > 0) — a product the
 * plan does not program that year has no meta for it (real-formats.md "Kinds added"). Each goal's
 * meta vigencia is the year's programming, its programming the term's years (`periodKind` year),
 * its budget the year's cost (`Total <año>`); no execution.
 */
export function goalsFromPlanIndicativo(sheet: ReadSheet, vigencia: number): GoalInput[] {
  const n = termYearOf(sheet, vigencia);
  if (n === 0) return [];
  const out: GoalInput[] = [];
  for (const row of sheet.rows) {
    if (goalCodeOf(row) === null) continue;
    const programmed = num(row, plannedField(n));
    if (programmed === null || !(programmed > 0)) continue;
    const goal = goalOfRow(
      sheet,
      row,
      sheet.title.unit?.trim(),
      new Array<number | null>(sheet.periodCount).fill(null),
      { final: yearCostOf(sheet, row, n), commitments: null, obligations: null, payments: null },
      isEliminated(row),
      null,
      null,
    );
    // real-formats.md: `No acumulativo` is a level — creciente, or constante when every year's programming is the same.
    const years = (sheet.years ?? []).map((_, k) => num(row, plannedField(k + 1)));
    const held = goal.accumulation === 'creciente' && years.length > 1 && years.every((p) => p !== null && p === years[0]);
    out.push({ ...goal, accumulation: held ? 'constante' : goal.accumulation, yearGoal: programmed });
  }
  return out;
}

/** A column's cell of row `i` as trimmed text: its value, else what was typed. */
function cellText(sheet: ReadSheet, field: FieldId, i: number): string {
  const c = columnCells(sheet, field)[i];
  if (!c) return '';
  const p = c.parsed;
  if (p.status === 'ok') return String(p.value).trim();
  return typeof c.raw === 'string' || typeof c.raw === 'number' ? String(c.raw).trim() : '';
}

/**
 * The rows of each product of an activity-level sheet (Cali: one row per activity, the product
 * repeated on each), by `goalKey`, in sheet order; `undefined` on a sheet of one goal per row.
 */
export function productGroups(sheet: ReadSheet): number[][] | undefined {
  if (sheet.granularity !== 'activity' || !sheet.goalKey) return undefined;
  const groups = new Map<string, number[]>();
  const key = sheet.goalKey;
  for (let i = 0; i < sheet.rows.length; i++) pushTo(groups, key.map((f) => cellText(sheet, f, i)).join('\u0000'), i);
  return [...groups.values()];
}

/** Budgets added field by field (`null` where none has the figure). */
export function sumBudgets(budgets: readonly Budget[]): Budget {
  const sum = (f: keyof Budget): number | null => {
    let total: number | null = null;
    for (const b of budgets) if (b[f] !== null) total = (total ?? 0) + (b[f] as number);
    return total === null ? null : Number.parseFloat(total.toPrecision(15));
  };
  return { final: sum('final'), commitments: sum('commitments'), obligations: sum('obligations'), payments: sum('payments') };
}

/**
 * The money of a joined sheet (DNP's financial follow-up, one row per product and project) on the
 * goals of the sheet it joins, by the index of the goal's row (`codes[i]`: its goal code): each
 * row on the first goal its "Consecutivos IP" list names, else on the first goal with its product
 * code — each peso once, even when several indicators measure one product.
 */
export function joinedMoney(sheets: readonly ReadSheet[], sheet: ReadSheet, codes: readonly string[]): Map<number, Budget> {
  const joined = sheets.filter((j) => joinsSheet(j, sheet));
  const out = new Map<number, Budget>();
  if (joined.length === 0) return out;
  const byCode = new Map<string, number>();
  const byProduct = new Map<string, number>();
  codes.forEach((code, i) => {
    if (code && !byCode.has(code)) byCode.set(code, i);
    const product = cellText(sheet, 'productCode', i);
    if (product && !byProduct.has(product)) byProduct.set(product, i);
  });
  const money = new Map<number, Budget[]>();
  for (const j of joined) {
    j.rows.forEach((row, i) => {
      const named = cellText(j, 'goalCode', i)
        .split(/[,;]\s*/)
        .map((c) => c.trim())
        .find((c) => byCode.has(c));
      const target = named !== undefined ? byCode.get(named) : byProduct.get(cellText(j, j.joins?.on ?? 'productCode', i));
      if (target === undefined) return;
      pushTo(money, target, {
        final: okNumber(row, 'budgetFinal') ?? null,
        commitments: okNumber(row, 'commitments') ?? null,
        obligations: okNumber(row, 'obligations') ?? null,
        payments: okNumber(row, 'payments') ?? null,
      });
    });
  }
  for (const [i, list] of money) out.set(i, sumBudgets(list));
  return out;
}

/**
 * The goals of `sheets`' capture sheets as the report counts them (the progress model does the
 * same on measured goals): one per goal row; on an activity-level sheet the distinct products,
 * their money summed over their activities; a joined sheet's money (DNP's financial follow-up) on
 * the goals it joins. What `aprobar` stores, so the approved plan and `reporte` count the same goals.
 */
export function captureGoals(sheets: readonly ReadSheet[]): GoalInput[] {
  const out: GoalInput[] = [];
  for (const s of sheets.filter(isGoalSheet)) {
    const goals = goalsFromCaptureSheet(s);
    const money = joinedMoney(sheets, s, goals.map((g) => g.code));
    const withMoney = money.size === 0 ? goals : goals.map((g, i) => (money.has(i) ? { ...g, budget: money.get(i) as Budget } : g));
    const groups = productGroups(s);
    if (!groups) out.push(...withMoney);
    else for (const rows of groups) out.push(rows.length === 1 ? withMoney[rows[0]] : { ...withMoney[rows[0]], budget: sumBudgets(rows.map((i) => withMoney[i].budget)) });
  }
  return out;
}
