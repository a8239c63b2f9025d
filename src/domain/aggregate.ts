/**
 * Aggregates of a group of goals — the plan, a dimension, a program, a unit (progress.md
 * "Aggregates"):
 *
 * - **Compliance** = weighted mean of min(compliance, 100 %) over the goals whose compliance is
 *   defined; `null` when none is.
 * - **Progress** = weighted mean of min(progress, 100 %) over the goals whose progress is defined.
 * - **Which goals**: product goals (tipo de meta Producto or none) by default; gestión and
 *   administrativa goals get their own figures (`kind: 'gestion'`) and never move the rating.
 * - **Weights**: within a unit, the goals' ponderación when every goal of the unit has one (a
 *   finite number ≥ 0), otherwise equal weights; across units (dimension, program, plan) each
 *   goal counts once. When the goals that enter a mean weigh 0 in total, that mean falls back to
 *   equal weights (a weighted mean over nothing would be undefined).
 * - `eliminada` goals are left out of counts, means and states; `no-medible` ones out of the
 *   means. Their money stays in the budget.
 * - **Budget execution** = Σ compromisos ÷ Σ apropiación definitiva (blank = 0) over every goal
 *   of the group; obligations and payments likewise; `null` when Σ definitiva is 0.
 * - **Rating** from the compliance with the DNP ranges (`null` when compliance is `null`).
 * - **Ranking** of units: compliance desc, then progress desc (`null` after any number), then
 *   name in Spanish order; ranks are 1, 2, 3 … by that order.
 *
 * @example
 * aggregate([atrasada60, alDia100]).compliance // 0.8 (equal weights)
 */
import { goalStates } from './goal';
import type { GoalProgress, GoalState } from './goal';
import { defaultRatingRanges } from './options';
import type { RatingRanges } from './options';
import { round12 } from './tolerance';
import { nameKey } from './text';
import { partialPhrase } from './periods';
import type { CutoffAt } from './periods';

export const ratings = ['Sobresaliente', 'Satisfactorio', 'Medio', 'Bajo', 'Crítico'] as const;
export type Rating = (typeof ratings)[number];

export type StateCounts = Partial<Record<GoalState, number>>;

export interface BudgetTotals {
  readonly final: number;
  readonly commitments: number;
  readonly obligations: number;
  readonly payments: number;
}

export interface Aggregate {
  /** Goals of the group, eliminated ones left out. */
  readonly goals: number;
  /** Eliminated goals of the group (not in any other figure). */
  readonly eliminated: number;
  readonly compliance: number | null;
  readonly progress: number | null;
  readonly budget: BudgetTotals;
  /** Σ compromisos ÷ Σ definitiva. */
  readonly budgetExecution: number | null;
  /** Σ obligaciones ÷ Σ definitiva. */
  readonly obligationsRatio: number | null;
  /** Σ pagos ÷ Σ definitiva. */
  readonly paymentsRatio: number | null;
  readonly rating: Rating | null;
  /** Count per state (only states that occur, in the order of progress.md; no `eliminada`). */
  readonly states: StateCounts;
  /** Whether the means used the goals' ponderación (else equal weights). */
  readonly weighted: boolean;
}

export type GroupBy = 'unit' | 'dimension' | 'program';

export interface GroupAggregate extends Aggregate {
  /** Key used to group (normalised name or program code). */
  readonly key: string;
  /** Display name: the unit or dimension as first written; for programs "1905 — Salud pública". */
  readonly name: string;
  /** Program code, for program groups. */
  readonly programCode?: string | null;
  /** Program name, for program groups. */
  readonly program?: string | null;
  /** The goals of the group, eliminated ones included, in input order. */
  readonly members: readonly GoalProgress[];
}

export interface RankedGroup extends GroupAggregate {
  readonly rank: number;
}

/** Spanish names of groups with no name. */
export const unnamedGroup: Record<GroupBy, string> = {
  unit: 'Sin dependencia',
  dimension: 'Sin dimensión',
  program: 'Sin programa',
};

/** What stands in for the ranking when no goal names its unit (lower case, no full stop: said after «Dependencias:» or capitalised). */
export const NO_NAMED_UNIT = 'ninguna meta nombra su dependencia (no hay columna de dependencia o de responsable, o está vacía): no hay ranking de gestión por dependencia';

/** What stands in for the table by dimension when no goal names its dimension (same form). */
export const NO_NAMED_DIMENSION = 'ninguna meta nombra su dimensión (línea estratégica)';

/**
 * Whether any of `groups` has a name of its own. A breakdown whose only group is the unnamed one
 * (DNP's report and SisPT's export name no unit: every goal is «Sin dependencia») says nothing:
 * no ranking, no chart, one sentence instead.
 */
export function hasNamedGroup(groups: readonly { readonly name: string }[], by: GroupBy): boolean {
  return groups.some((g) => g.name !== unnamedGroup[by]);
}

const EPS = 1e-9;

/** DNP eficacia rating of a compliance (fraction). */
export function rate(compliance: number | null, ranges: RatingRanges = defaultRatingRanges): Rating | null {
  if (compliance === null || !Number.isFinite(compliance)) return null;
  if (compliance >= ranges.sobresaliente - EPS) return 'Sobresaliente';
  if (compliance >= ranges.satisfactorio - EPS) return 'Satisfactorio';
  if (compliance >= ranges.medio - EPS) return 'Medio';
  if (compliance >= ranges.bajo - EPS) return 'Bajo';
  return 'Crítico';
}

/**
 * The rating as people read it: before the vigencia is over it is partial
 * ("Satisfactorio (parcial, corte T2)", progress.md "Rating"); `—` when undefined.
 */
export function ratingLabel(rating: Rating | null, partial: boolean, at: CutoffAt): string {
  if (rating === null) return '—';
  return partial && at.period ? `${rating} (parcial, ${partialPhrase(at)})` : rating;
}

function hasWeight(g: GoalProgress): boolean {
  const w = g.input.weight;
  return typeof w === 'number' && Number.isFinite(w) && w >= 0;
}

/**
 * Σ stage ÷ Σ apropiación definitiva; `null` when nothing was appropriated. A negative amount
 * (already an error of the `negative` rule) can pull the sum below 0: like every ratio of
 * progress.md, a ratio below 0 counts as 0.
 */
function budgetRatio(num: number, den: number): number | null {
  return den > EPS ? Math.max(0, round12(num / den)) : null;
}

/**
 * Weighted mean of `n` values from their sums: Σ value·weight ÷ Σ weight, or the plain mean when
 * the weights add up to 0 (a weighted mean over nothing would be undefined); `null` with no value.
 */
function meanOf(n: number, totalWeight: number, sum: number, weightedSum: number): number | null {
  if (n === 0) return null;
  if (!(totalWeight > EPS)) return round12(sum / n);
  return round12(weightedSum / totalWeight);
}

/** Which goals a figure is about: product goals (the DNP rating) or gestión/administrativa ones. */
export type GoalKind = 'producto' | 'gestion';

/** Product goal: tipo de meta Producto, or no type given. */
export function isProductGoal(g: GoalProgress): boolean {
  const t = g.input.goalType;
  return t === undefined || t === null || t === 'Producto';
}

export interface AggregateOptions {
  /** Use the goals' ponderación when every goal has one (within a unit only; default false). */
  readonly weights?: boolean;
  /** The goals counted and rated (default product goals). */
  readonly kind?: GoalKind;
}

/**
 * Aggregate figures of a group of goals. Two passes over the goals and no intermediate arrays
 * (it runs on the whole plan and on every group); each sum adds its terms in goal order.
 *
 * - Counts and states: the goals of the `kind`, eliminated ones left out.
 * - Physical compliance and progress: those goals minus `no-medible` ones.
 * - Budget: every goal of the group — eliminated and gestión goals' money stays in budget
 *   execution (progress.md "Budget execution").
 */
export function aggregate(
  goals: readonly GoalProgress[],
  ranges: RatingRanges = defaultRatingRanges,
  options: AggregateOptions = {},
): Aggregate {
  const product = (options.kind ?? 'producto') === 'producto';
  const counted = (g: GoalProgress): boolean => g.state !== 'eliminada' && isProductGoal(g) === product;
  let active = 0;
  let everyWeight = true;
  // The sheets that carry each figure: a ratio divides by the apropiación of those sheets' goals
  // only, so a file without an obligaciones column (Tenjo) beside one with it (Cali) does not
  // pull obligaciones below pagos.
  const carry = { commitments: new Set<string>(), obligations: new Set<string>(), payments: new Set<string>() };
  for (const g of goals) {
    const b = g.input.budget;
    if (b.commitments !== null) carry.commitments.add(g.input.sheet);
    if (b.obligations !== null) carry.obligations.add(g.input.sheet);
    if (b.payments !== null) carry.payments.add(g.input.sheet);
    if (!counted(g)) continue;
    active++;
    if (everyWeight && !hasWeight(g)) everyWeight = false;
  }
  const weighted = options.weights === true && active > 0 && everyWeight;
  let cN = 0, cW = 0, cSum = 0, cWSum = 0;
  let pN = 0, pW = 0, pSum = 0, pWSum = 0;
  let final = 0, commitments = 0, obligations = 0, payments = 0;
  let finalC = 0, finalO = 0, finalP = 0;
  // Whether any goal carries the figure: a sheet without the column (or with it empty on every
  // goal) gives no ratio, never 0 % (progress.md: a ratio that is undefined is null).
  const hasCommitments = carry.commitments.size > 0;
  const hasObligations = carry.obligations.size > 0;
  const hasPayments = carry.payments.size > 0;
  // Whether any goal's progress says something: a group whose goals are all «sin programación»
  // (nothing due, nothing executed) has no progress of the vigencia yet, not 0 %.
  let progressSaid = false;
  const counts = new Map<GoalState, number>();
  for (const g of goals) {
    const b = g.input.budget;
    const f = b.final ?? 0;
    final += f;
    commitments += b.commitments ?? 0;
    obligations += b.obligations ?? 0;
    payments += b.payments ?? 0;
    if (carry.commitments.has(g.input.sheet)) finalC += f;
    if (carry.obligations.has(g.input.sheet)) finalO += f;
    if (carry.payments.has(g.input.sheet)) finalP += f;
    if (!counted(g)) continue;
    counts.set(g.state, (counts.get(g.state) ?? 0) + 1);
    if (g.state === 'no-medible') continue;
    const w = weighted ? (g.input.weight as number) : 1;
    if (g.compliance !== null) {
      const v = Math.min(g.compliance, 1);
      cN++;
      cW += w;
      cSum += v;
      cWSum += v * w;
    }
    if (g.progress !== null) {
      if (g.state !== 'sin-programacion') progressSaid = true;
      const v = Math.min(g.progress, 1);
      pN++;
      pW += w;
      pSum += v;
      pWSum += v * w;
    }
  }
  const compliance = meanOf(cN, cW, cSum, cWSum);
  const progress = progressSaid ? meanOf(pN, pW, pSum, pWSum) : null;
  const budget: BudgetTotals = {
    final: round12(final),
    commitments: round12(commitments),
    obligations: round12(obligations),
    payments: round12(payments),
  };
  const states: StateCounts = {};
  for (const s of goalStates) {
    const n = counts.get(s);
    if (n) states[s] = n;
  }
  let eliminated = 0;
  for (const g of goals) if (g.state === 'eliminada' && isProductGoal(g) === product) eliminated++;
  return {
    goals: active,
    eliminated,
    compliance,
    progress,
    budget,
    budgetExecution: hasCommitments ? budgetRatio(budget.commitments, round12(finalC)) : null,
    obligationsRatio: hasObligations ? budgetRatio(budget.obligations, round12(finalO)) : null,
    paymentsRatio: hasPayments ? budgetRatio(budget.payments, round12(finalP)) : null,
    rating: rate(compliance, ranges),
    states,
    weighted,
  };
}

/**
 * Groups goals by unit, dimension or program and aggregates each group, in order of first
 * appearance. Names that differ only in case, accents or spacing are one group, shown as first
 * written. Groups whose goals are all eliminated are kept (with `goals` 0) — callers that show
 * rankings leave them out.
 */
export function groupGoals(
  goals: readonly GoalProgress[],
  by: GroupBy,
  ranges: RatingRanges = defaultRatingRanges,
  kind: GoalKind = 'producto',
): GroupAggregate[] {
  const groups = new Map<string, { name: string; code: string | null; program: string | null; members: GoalProgress[] }>();
  // Few distinct names among many goals: normalise each distinct text once.
  const keyMemo = new Map<string, string>();
  const keyOf = (s: string): string => {
    let k = keyMemo.get(s);
    if (k === undefined) keyMemo.set(s, (k = nameKey(s)));
    return k;
  };
  const spacedMemo = new Map<string, string>();
  const spaced = (s: string): string => {
    let t = spacedMemo.get(s);
    if (t === undefined) spacedMemo.set(s, (t = s.replace(/\s+/g, ' ').trim()));
    return t;
  };
  for (const g of goals) {
    let key: string;
    let name: string;
    let code: string | null = null;
    let program: string | null = null;
    if (by === 'program') {
      code = g.input.programCode?.trim() || null;
      program = g.input.program?.trim() || null;
      key = code ?? (program ? `~${keyOf(program)}` : '');
      name = code && program ? `${code} — ${program}` : (code ?? program ?? unnamedGroup.program);
    } else {
      const text = by === 'unit' ? g.input.unit : g.input.dimension;
      const raw = text == null ? '' : spaced(text);
      key = keyOf(raw);
      name = raw || unnamedGroup[by];
    }
    const found = groups.get(key);
    if (found) {
      found.members.push(g);
      if (by === 'program' && found.program === null && program !== null) {
        found.program = program;
        found.name = found.code ? `${found.code} — ${program}` : program;
      }
    } else {
      groups.set(key, { name, code, program, members: [g] });
    }
  }
  return [...groups.entries()].map(([key, grp]) => ({
    // The ponderación is per unit (`weights-sum`): across units each goal counts once.
    ...aggregate(grp.members, ranges, { weights: by === 'unit', kind }),
    key,
    name: grp.name,
    ...(by === 'program' ? { programCode: grp.code, program: grp.program } : {}),
    members: grp.members,
  }));
}

function desc(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Order of the ranking de gestión: compliance desc, progress desc, name (Spanish). */
export function compareRanking(
  a: { compliance: number | null; progress: number | null; name: string },
  b: { compliance: number | null; progress: number | null; name: string },
): number {
  return desc(a.compliance, b.compliance) || desc(a.progress, b.progress) || a.name.localeCompare(b.name, 'es');
}

/**
 * Units sorted by the ranking de gestión, with rank 1, 2, 3 …; groups with no goals left out.
 * «Sin dependencia» (goals whose row names no unit) is nobody's management: it goes after every
 * unit, whatever its figures, so a goal missing its unit never heads the ranking.
 */
export function rankGroups<T extends GroupAggregate>(groups: readonly T[]): (T & { rank: number })[] {
  const unnamed = (g: T): number => (g.name === unnamedGroup.unit ? 1 : 0);
  return groups
    .filter((g) => g.goals > 0)
    .slice()
    .sort((a, b) => unnamed(a) - unnamed(b) || compareRanking(a, b))
    .map((g, i) => ({ ...g, rank: i + 1 }));
}
