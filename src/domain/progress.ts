/**
 * Progress of one goal at a cut-off period (progress.md "Per goal, at the cut-off period c").
 *
 * | figure | suma | creciente | constante | decreciente |
 * |---|---|---|---|---|
 * | planned to date `p` | Σ P(k), k ≤ c (blank = 0) | P at the last programmed period ≤ c | same | same |
 * | executed to date `e` | Σ E(k), k ≤ c (blank = 0) | E at the last reported period ≤ c | same | same |
 * | compliance | e ÷ p | (e − LB) ÷ (p − LB) with LB, else e ÷ p | e ÷ p | (LB − e) ÷ (LB − p) with LB, else p ÷ e |
 * | progress | e ÷ M | (e − LB) ÷ (M − LB) with LB, else e ÷ M | e ÷ M | (LB − e) ÷ (LB − M) with LB, else M ÷ e |
 *
 * Decisions on the edge cases (each one has a test in `progress.test.ts`):
 *
 * - **Nothing measured** (`cutoffPeriod` 0, a cut-off before the end of the first period): `p` is
 *   0 for `suma` and `null` for the other types, `e` is `null`; nothing is due, so the goal is
 *   `sin-programacion` (unless it is eliminated).
 * - **Nothing due** (the compliance denominator is 0 or negative: `p` = 0, or `p` ≤ LB for
 *   `creciente` with LB, `p` ≥ LB for `decreciente` with LB, or nothing programmed up to `c`):
 *   compliance is `null`. The goal is `sin-programacion` when nothing was executed either, and
 *   `al-dia` when something was (ahead of the schedule) — unless its progress already reaches 100 %.
 * - **No report** (every E(k), k ≤ c, blank): `executedToDate` is `null` — for `suma` too, so the
 *   board can tell "no report" from a reported 0 — but for the ratios `e` counts as "no change":
 *   0, or LB for the types measured against a línea base. So a goal with something due and no
 *   report has compliance 0 and progress 0 and is `no-iniciada`.
 * - **Executed blank vs 0**: a blank period is "not reported"; 0 is a report. For `suma` both add
 *   0. A period due by the cut-off with programming (P(k) > 0 for `suma`, P(k) given for the level
 *   types) and a blank executed cell is `missing` (the `missing-report` rule). For the level types
 *   (`creciente`, `constante`, `decreciente`) `e` is the last reported value — unless a due report
 *   after it is missing: the last level is never carried forward in silence, the goal is judged
 *   as not reported (`e` null) for that period.
 * - **Nothing executed** (drives `sin-programacion` / `no-iniciada`): no report; or `e` = 0 for
 *   `suma`, `constante` and `creciente` (with a línea base a 0 is read as "no avance" too, since
 *   the level cannot fall to 0 without a report of why); or `e` = LB for `creciente` and
 *   `decreciente` with LB (no change). For `decreciente` without LB only "no report" counts:
 *   there every reported level is a change we cannot measure.
 * - **Over 100 %**: the ratios are not capped (aggregates cap them). Progress beyond 100 % is
 *   `sobreejecutada`, progress at 100 % is `cumplida`, and both are checked before the schedule —
 *   for the level types only once the last programmed period is measured (a level kept in T2 is
 *   not yet kept all year). Compliance at cut-off beyond 100 % is `isOverExecuted` (a warning,
 *   whatever the state).
 * - **Year-end**: when the cut-off is the vigencia's last period, a goal below 100 % is
 *   `no-cumplida` (PE-P-008 step 5), checked after `cumplida`.
 * - **No medible**: a `decreciente` goal without línea base, a `creciente` one whose meta is below
 *   its línea base (a `decreciente` one above it), one with a meta or a programmed quantity below
 *   zero, or one with no meta vigencia and no programming: compliance and progress are
 *   `null` and the state is `no-medible` (after
 *   `eliminada`); `p` and `e` are still given. So is a goal whose meta vigencia, or a programmed
 *   or executed cell up to the cut-off, is a formula saved with no calculated value
 *   (`GoalInput.uncalculated`): «sin dato», never 0 % — and the figure that needs the unknown
 *   cell (`p` or `e`) is `null` too.
 * - **Comparisons with 100 %** use the tolerances of rules.md: progress counts as 100 % when it is
 *   within 0.5 percentage points of 1 (`samePercent`) *or* `e` and M are the same magnitude
 *   (`sameMagnitude`: 0.01 or 0.5 %); it is over 100 % only beyond both. So 9,96 of 10 is
 *   `cumplida`, and 1.006 of 1.000 is `sobreejecutada`.
 * - **The lag threshold** is a setting, compared exactly (with 1e-9 for binary noise): a
 *   compliance of exactly 80 % is `al-dia`.
 * - **Negative ratios** (execution below the línea base for `creciente`, above it for
 *   `decreciente`) count as 0.
 * - **Eliminated**: figures are still computed (the board may show them) but the state is
 *   `eliminada`, and aggregates leave the goal out.
 * - **`creciente` with LB**: only the growth above LB counts; a programmed level at or below LB
 *   means nothing is due yet.
 * - **No tipo de acumulación** (blank or invalid, reported by `required`/`enum`): computed as
 *   `suma`, the most common type, where a blank is "nothing".
 * - **No meta vigencia**: progress is `null`, so the goal can be neither `cumplida` nor
 *   `sobreejecutada`.
 * - Results are rounded to 12 significant digits so that 0.1 + 0.2 reads 0.3.
 *
 * @example
 * computeProgress({ ...goal, accumulation: 'suma', yearGoal: 10, planned: [2, 3, 3, 2], executed: [1, 2, null, null] }, 2)
 * // { plannedToDate: 5, executedToDate: 3, compliance: 0.6, progress: 0.3, state: 'atrasada', … }
 */
import type { Accumulation, GoalInput, GoalProgress, GoalState } from './goal';
import { round12, sameMagnitude, samePercent } from './tolerance';
import { budgetAheadThresholds, DEFAULT_LAG_THRESHOLD } from './options';
import type { EngineOptions } from './options';

const EPS = 1e-9;

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** `num ÷ den`, `null` when `den` is not positive, 0 when negative. */
function ratio(num: number, den: number): number | null {
  if (!(den > EPS)) return null;
  const r = num / den;
  return r < 0 ? 0 : round12(r);
}

/** How a ratio of `e` over target `m` stands against 100 %, with the tolerances of rules.md. */
export function against100(r: number, e: number | null, m: number | null): 'over' | 'reached' | 'under' {
  const same = samePercent(r, 1) || (finite(e) && finite(m) && sameMagnitude(e, m));
  if (same) return 'reached';
  return r > 1 ? 'over' : 'under';
}

/** Last non-blank value at index < c, or `null`. */
function lastGiven(values: readonly (number | null)[], c: number): number | null {
  for (let i = Math.min(c, values.length) - 1; i >= 0; i--) {
    if (finite(values[i])) return values[i];
  }
  return null;
}

function sumTo(values: readonly (number | null)[], c: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(c, values.length); i++) if (finite(values[i])) s += values[i] as number;
  return round12(s);
}

function anyGiven(values: readonly (number | null)[], c: number): boolean {
  for (let i = 0; i < Math.min(c, values.length); i++) if (finite(values[i])) return true;
  return false;
}

/**
 * `progressFigures(goal, cutoffPeriod).executedToDate` alone, without the other figures (for a
 * rule that compares a declared acumulado with it on every row).
 */
export function executedToDate(goal: GoalInput, cutoffPeriod: number): number | null {
  const acc: Accumulation = goal.accumulation ?? 'suma';
  const c = Math.max(0, Math.min(Math.floor(cutoffPeriod), Math.max(goal.planned.length, goal.executed.length)));
  if (!anyGiven(goal.executed, c)) return null;
  return acc === 'suma' ? sumTo(goal.executed, c) : lastGiven(goal.executed, c);
}

/** The figures of progress.md before the state is decided. */
export interface ProgressFigures {
  readonly plannedToDate: number | null;
  readonly executedToDate: number | null;
  readonly compliance: number | null;
  readonly progress: number | null;
  /** Something was due by the cut-off (the compliance denominator is positive). */
  readonly due: boolean;
  /** No report, or the report shows no change. */
  readonly nothingExecuted: boolean;
  /** Progress against 100 %, `null` when progress is undefined. */
  readonly reach: 'over' | 'reached' | 'under' | null;
  /**
   * Periods (1-based) due by the cut-off, with programming, whose executed cell is blank
   * (`missing-report`): for `suma` a period with P(k) > 0, for the level types one with P(k) given.
   */
  readonly missing: readonly number[];
  /**
   * The figure cannot be computed honestly (`no-medible`): a `decreciente` goal without línea
   * base, a `creciente` one whose meta is below its línea base (a `decreciente` one above it), a
   * meta or programmed quantity below zero, or no meta vigencia and no programming. Compliance and
   * progress are then `null`.
   */
  readonly unmeasurable: boolean;
  /**
   * A level can be judged as reached: always for `suma`; for `creciente`, `constante` and
   * `decreciente` only once the last programmed period is measured (a level kept in T2 is not
   * yet a level kept all year).
   */
  readonly levelFinal: boolean;
  /** The cut-off is the vigencia's last period (year-end closure). */
  readonly yearEnd: boolean;
}

/** Periods of a goal's year: 12 with month columns, 1 for an annual follow-up, else 4. */
function periodCount(goal: GoalInput): number {
  return goal.periodKind === 'month' ? 12 : goal.periodKind === 'year' ? 1 : 4;
}

/**
 * Planned and executed to date, compliance and progress of a goal at cut-off period `c`.
 * `periodOpen`: the cut-off falls inside period `c` (an annual follow-up before 31 December,
 * `isPeriodOpen`): it is measured so far, but not yet due — no missing report, no year-end.
 */
export function progressFigures(goal: GoalInput, cutoffPeriod: number, periodOpen = false): ProgressFigures {
  const acc: Accumulation = goal.accumulation ?? 'suma';
  const c = Math.max(0, Math.min(Math.floor(cutoffPeriod), Math.max(goal.planned.length, goal.executed.length)));
  const lb = finite(goal.baseline) ? goal.baseline : null;
  const m = finite(goal.yearGoal) ? goal.yearGoal : null;
  const level = acc !== 'suma';

  // Blank executed cells of periods due with programming (a 0 is a report).
  const missing: number[] = [];
  let lastReportedPeriod = 0;
  for (let k = 1; k <= c; k++) {
    const pk = goal.planned[k - 1];
    if (finite(goal.executed[k - 1])) lastReportedPeriod = k;
    else if (finite(pk) && (level || pk > EPS) && !(periodOpen && k === c) && !goal.uncalculated?.includes(`executed${k}`)) missing.push(k);
  }

  const p = acc === 'suma' ? sumTo(goal.planned, c) : lastGiven(goal.planned, c);
  // A level type is judged as not reported when its latest due report is missing: the last
  // reported level is not carried forward in silence.
  const reported = lastReportedPeriod > 0 && !(level && missing.some((k) => k > lastReportedPeriod));
  const e = !reported ? null : acc === 'suma' ? sumTo(goal.executed, c) : lastGiven(goal.executed, c);

  const anyPlanned = goal.planned.some(finite);
  // A figure cell it needs holds a formula with no calculated value: unknown, so «sin dato» (no-medible), never 0 %.
  const unknownAt = (prefix: string) => (goal.uncalculated ?? []).some((f) => f.startsWith(prefix) && Number(f.slice(prefix.length)) <= c);
  const unknownPlanned = unknownAt('planned');
  const unknownExecuted = unknownAt('executed');
  const uncalculated = unknownPlanned || unknownExecuted || (goal.uncalculated ?? []).includes('yearGoal');
  // A level to raise whose meta is below its línea base, or one to bring down whose meta is above it
  // (`programming-coherence` says so): both ratios divide by a negative gap, so neither figure can be
  // computed honestly.
  const wrongSide =
    lb !== null && m !== null && !sameMagnitude(m, lb) && ((acc === 'creciente' && m < lb) || (acc === 'decreciente' && m > lb));
  // A meta or a programmed quantity below zero (`negative` reports it): no ratio of it means anything.
  const belowZero = (m !== null && m < -EPS) || goal.planned.some((p) => finite(p) && p < -EPS);
  const unmeasurable = (acc === 'decreciente' && lb === null) || (m === null && !anyPlanned) || uncalculated || wrongSide || belowZero;

  const againstLb = lb !== null && (acc === 'creciente' || acc === 'decreciente');
  /** `e` for the ratios: no report = no change. */
  const eEff = e ?? (againstLb ? (lb as number) : 0);

  let compliance: number | null;
  let progress: number | null;
  let due: boolean;
  if (uncalculated) {
    due = false;
    compliance = null;
    progress = null;
  } else if ((acc === 'decreciente' && lb === null) || wrongSide || belowZero) {
    due = p !== null;
    compliance = null;
    progress = null;
  } else if (againstLb) {
    const l = lb as number;
    const sign = acc === 'creciente' ? 1 : -1;
    const dueDen = p === null ? null : sign * (p - l);
    due = dueDen !== null && dueDen > EPS;
    compliance = due ? ratio(sign * (eEff - l), dueDen as number) : null;
    progress = m === null ? null : ratio(sign * (eEff - l), sign * (m - l));
  } else {
    due = p !== null && p > EPS;
    compliance = due ? ratio(eEff, p as number) : null;
    progress = m === null ? null : ratio(eEff, m);
  }

  let nothingExecuted: boolean;
  if (e === null) nothingExecuted = true;
  else if (acc === 'decreciente') nothingExecuted = lb !== null && sameMagnitude(e, lb);
  else if (acc === 'creciente' && lb !== null) nothingExecuted = sameMagnitude(e, lb) || sameMagnitude(e, 0);
  else nothingExecuted = sameMagnitude(e, 0);

  let lastProgrammed = 0;
  for (let k = goal.planned.length; k >= 1; k--) {
    if (finite(goal.planned[k - 1])) {
      lastProgrammed = k;
      break;
    }
  }
  const periods = Math.max(periodCount(goal), goal.planned.length);
  const levelFinal = !level || c >= (lastProgrammed || periods);

  const reach = progress === null ? null : against100(progress, e === null ? null : eEff, m);
  return {
    plannedToDate: unknownPlanned ? null : p,
    executedToDate: unknownExecuted ? null : e,
    compliance,
    progress,
    due,
    nothingExecuted,
    reach,
    missing,
    unmeasurable,
    levelFinal,
    yearEnd: c > 0 && c >= periods && !periodOpen,
  };
}

/**
 * Below 100 % at year-end: the progress of the vigencia when it is defined, else (no meta
 * vigencia) the compliance against what was programmed.
 */
function belowGoal(f: ProgressFigures): boolean {
  if (f.reach !== null) return f.reach === 'under' || !f.levelFinal;
  return f.compliance !== null && against100(f.compliance, f.executedToDate, f.plannedToDate) === 'under';
}

/**
 * The state of progress.md, checked in its order: eliminada, no-medible, sobreejecutada,
 * cumplida, no-cumplida, sin-programacion, no-iniciada, atrasada, al-dia.
 */
export function goalState(eliminated: boolean, f: ProgressFigures, lagThreshold = DEFAULT_LAG_THRESHOLD): GoalState {
  if (eliminated) return 'eliminada';
  if (f.unmeasurable) return 'no-medible';
  if (f.reach === 'over' && f.levelFinal) return 'sobreejecutada';
  if (f.reach === 'reached' && f.levelFinal) return 'cumplida';
  if (f.yearEnd && belowGoal(f)) return 'no-cumplida';
  if (!f.due && f.nothingExecuted) return 'sin-programacion';
  if (f.due && f.nothingExecuted) return 'no-iniciada';
  if (f.compliance !== null && f.compliance < lagThreshold - EPS) return 'atrasada';
  return 'al-dia';
}

/**
 * Compliance at cut-off above 100 % — more than was due — beyond the tolerances of rules.md, or
 * execution when nothing was due (`isExecutedUndue`): `over-execution`, listed in Alertas whatever
 * the state.
 */
export function isOverExecuted(g: Pick<GoalProgress, 'compliance' | 'executedToDate' | 'plannedToDate' | 'state'>): boolean {
  if (g.compliance === null) return isExecutedUndue(g);
  return g.compliance > 1 && against100(g.compliance, g.executedToDate, g.plannedToDate) === 'over';
}

/** States a goal with nothing due (compliance undefined) can only be in when something was executed. */
const undueStates: ReadonlySet<GoalState> = new Set<GoalState>(['sobreejecutada', 'cumplida', 'no-cumplida', 'al-dia']);

/**
 * Execution reported by the cut-off when nothing was due (compliance undefined: no programming up
 * to it, or a level not above the línea base): more than was due, so `over-execution` too (rules:
 * "executed to date above what was due by the cut-off"). The state stays what progress.md says
 * (`al-dia`, ahead of the schedule). With compliance undefined, `goalState` gives one of
 * `undueStates` exactly when the goal is measurable and something was executed (`sin-programacion`
 * otherwise), so the figures and state of a report's goal tell it as well as its inputs.
 */
export function isExecutedUndue(g: Pick<GoalProgress, 'compliance' | 'executedToDate' | 'state'>): boolean {
  return g.compliance === null && g.executedToDate !== null && undueStates.has(g.state);
}

/**
 * Planned and executed to date, compliance, progress and state of a goal at cut-off period
 * `cutoffPeriod` (0 = nothing measured; see `cutoffPeriod` in periods.ts).
 */
export function computeProgress(
  goal: GoalInput,
  cutoffPeriod: number,
  lagThreshold = DEFAULT_LAG_THRESHOLD,
  periodOpen = false,
): GoalProgress {
  const f = progressFigures(goal, cutoffPeriod, periodOpen);
  return {
    input: goal,
    ...(periodOpen ? { periodOpen: true } : {}),
    cutoffPeriod: Math.max(0, Math.min(Math.floor(cutoffPeriod), Math.max(goal.planned.length, goal.executed.length))),
    plannedToDate: f.plannedToDate,
    executedToDate: f.executedToDate,
    compliance: f.compliance,
    progress: f.progress,
    state: goalState(goal.eliminated, f, lagThreshold),
  };
}

/**
 * Money ahead of the work (`budget-ahead`, progress.md): compromisos at or above the threshold
 * share of the apropiación definitiva (default 80 %) while compliance at cut-off is below its
 * threshold (default 50 %). A goal with nothing due, or with less than a peso appropriated, is
 * not judged.
 */
export function isBudgetAhead(g: GoalProgress, options: EngineOptions): boolean {
  const { final, commitments } = g.input.budget;
  if (g.compliance === null || final === null || commitments === null || !(final >= 1)) return false;
  const t = budgetAheadThresholds(options);
  return commitments / final >= t.committed - EPS && g.compliance < t.compliance - EPS;
}

/**
 * Rezagadas (lagging, PE-P-008) = `no-iniciada` + `atrasada`; at the end of the vigencia,
 * `no-cumplida` too (it only occurs then).
 */
export function isLagging(state: GoalState): boolean {
  return state === 'no-iniciada' || state === 'atrasada' || state === 'no-cumplida';
}
