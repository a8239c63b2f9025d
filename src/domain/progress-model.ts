/**
 * How progress is computed for a plan and its units: from a read workbook and the run's options
 * to the progress of every goal and the aggregates of the plan, its dimensions, programs and units.
 *
 * - `captureProgress`: the progress of every capture sheet's goals at the run's cut-off —
 *   computed ONCE per run and shared by the rules (`RuleContext.progress`) and the model. Each
 *   sheet is measured in its own vigencia (the year its header or title block names, else the
 *   run's) and period kind. The goals are exactly `goalsFromCaptureSheet(sheet)`, one per data
 *   row, in sheet order, NOT enriched from the plan de acción (the model does that on its own
 *   copy; the figures do not depend on it).
 * - `buildProgressModel` / `progressModelFrom`: everything the tablero, the alerts, the pane and
 *   `reporte --json` (app/report.ts) need (aggregates per program, budget ratios, the deadline of
 *   the cut-off period, rezagadas, sobreejecutadas, unreported plan goals, a plan summary for
 *   workbooks with no execution yet).
 *
 * Where the goals come from:
 * - every `hoja-captura` sheet, concatenated in workbook order (a consolidated workbook holds
 *   several); a capture goal with no dimension, program or ponderación takes them from the plan
 *   de acción goal with the same code when the workbook has one (descriptive fields only: the
 *   figures always come from the capture sheet, as the rules compute them);
 * - with no capture sheet, the plan de acción goals; with neither, the plan indicativo's products
 *   programmed in the vigencia (`goalsFromPlanIndicativo`). A plan with no execution is not
 *   measured: no period, every goal `sin-programacion` (or `eliminada`), every ratio and rating
 *   `null`; `planSummary` holds what the plan programs, and the tablero, the informe and `reporte`
 *   summarise it instead.
 */
import { aggregate, groupGoals, isProductGoal, rankGroups, unnamedGroup } from './aggregate';
import { nameKey } from './text';
import type { Aggregate, GroupAggregate, RankedGroup } from './aggregate';
import type { IsoDate } from './dates';
import { periodDeadline } from './deadline';
import { plannedField, type PeriodKind } from './fields';
import type { GoalInput, GoalProgress } from './goal';
import { goalCodeOf } from './goal-code';
import { goalsFromCaptureSheet, goalsFromPlanIndicativo, goalsFromPlanSheet, joinedMoney, productGroups, sumBudgets, yearCostOf } from './goals';
import type { EngineOptions } from './options';
import { cutoffPeriod, isPeriodOpen, periodCount, periodLabel } from './periods';
import { computeProgress, isBudgetAhead, isLagging, isOverExecuted, progressFigures } from './progress';
import { isGoalSheet, okNumber, okText, okValue, ownNumber, sheetKey } from './sheet';
import type { DataRow, ReadSheet, ReadWorkbook } from './sheet';
import { round12, sameMoney } from './tolerance';
import { formatById } from './formats';

/** Per capture sheet (`sheetKey`): the progress of each data row's goal at the cut-off, in sheet order. */
export function captureProgress(workbook: ReadWorkbook, options: EngineOptions): Map<string, readonly GoalProgress[]> {
  const map = new Map<string, readonly GoalProgress[]>();
  for (const sheet of workbook.sheets) {
    if (!isGoalSheet(sheet)) continue;
    const vigencia = sheet.vigencia ?? options.vigencia;
    const c = cutoffPeriod(options.cutoff, vigencia, sheet.periodKind);
    const open = isPeriodOpen(options.cutoff, vigencia, sheet.periodKind);
    const goals = goalsFromCaptureSheet(sheet);
    const list: GoalProgress[] = new Array<GoalProgress>(goals.length);
    for (let i = 0; i < goals.length; i++) list[i] = computeProgress(goals[i], c, options.lagThreshold, open);
    map.set(sheetKey(sheet), list);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// The richer model (not serialised as such).

/** Budget execution of one funding source (goals whose sheet names one). */
export interface SourceExecution {
  readonly name: string;
  readonly goals: number;
  readonly final: number;
  readonly commitments: number;
  readonly obligations: number;
  readonly payments: number;
  readonly budgetExecution: number | null;
  readonly obligationsRatio: number | null;
  readonly paymentsRatio: number | null;
}

/**
 * Goals and amounts of a group of a plan with no execution yet (a unit, a program "1905 — Salud
 * pública", a funding source), for the tablero's plan summary and `reporte`.
 */
export interface PlanAmountRow {
  /** Unit name, program "1905 — Salud pública" or source. */
  readonly name: string;
  /** Goals of the vigencia (distinct goal codes) among the rows. */
  readonly goals: number;
  /** Σ the vigencia's amount (Valor programado; a plan indicativo's cost of the year). */
  readonly amount: number;
  /** The amount of each year of the summary (`PlanSummary.years`, same order). */
  readonly amounts: readonly number[];
}

export interface PlanProgramAmount extends PlanAmountRow {
  readonly programCode: string | null;
  /** Σ Techo of the program in the techos sheets, `null` when it has none. */
  readonly ceiling: number | null;
  /** amount ÷ ceiling, `null` without a positive ceiling. */
  readonly ceilingUse: number | null;
}

/** One year of a plan indicativo's term: its programmed products and their cost. */
export interface PlanYear {
  readonly year: number;
  /** Products with a quantity programmed that year. */
  readonly goals: number;
  /** Σ the year's cost (`Total <año>`, else the sum of its sources) of the products programmed that year. */
  readonly amount: number;
  /** Σ that year's cost of the products with no quantity programmed that year (shown apart, not in `amount`). */
  readonly unprogrammedAmount: number;
}

/** A plan indicativo product with no quantity programmed in the vigencia. */
export interface UnprogrammedGoal {
  readonly code: string;
  readonly goal: string;
  /** Its cost in the vigencia (money with no quantity to deliver), 0 when none. */
  readonly amount: number;
}

/**
 * What a plan with no execution holds (progress.md "What is generated": with only a plan, the
 * tablero summarises it): for a plan de acción, its vigencia's goals and amounts; for a plan
 * indicativo, its term year by year and the vigencia's products (those with a quantity programmed
 * that year).
 */
export interface PlanSummary {
  readonly kind: 'plan-accion' | 'plan-indicativo';
  /** The year the summary's `goals` and `amount` are of. */
  readonly vigencia: number;
  /** The years summarised: the plan indicativo's term, or the plan de acción's vigencia alone. */
  readonly years: readonly number[];
  /** Goals of the vigencia (distinct codes; a plan indicativo's products programmed that year). */
  readonly goals: number;
  /** Goals of the whole plan (distinct codes; the plan indicativo's products of every year). */
  readonly planGoals: number;
  /**
   * Σ the vigencia's amount of the vigencia's goals: a plan indicativo's money of a product with no
   * quantity programmed that year is not in it (nor in any group's `amount`/`amounts`), but in
   * `unprogrammedAmount` and `unprogrammed`.
   */
  readonly amount: number;
  /** Plan indicativo: Σ the vigencia's cost of the `unprogrammed` products (0 for a plan de acción). */
  readonly unprogrammedAmount: number;
  /** Per year of `years`: products programmed and amount. */
  readonly byYear: readonly PlanYear[];
  readonly byUnit: readonly PlanAmountRow[];
  readonly byProgram: readonly PlanProgramAmount[];
  /**
   * Per funding source. A plan indicativo's year cost is its `Total <año>`: what its sources leave
   * uncovered is the line `UNASSIGNED_SOURCE`, what they add above it (a `sources-sum` error) the
   * negative line `OVER_SOURCES`, so the rows add up to `amount` and `byYear`, as the programs do.
   */
  readonly bySource: readonly PlanAmountRow[];
  /** Plan indicativo: products with no quantity programmed in the vigencia (not counted in `goals`). */
  readonly unprogrammed: readonly UnprogrammedGoal[];
}

export interface ProgressModel {
  readonly options: EngineOptions;
  readonly vigencia: number;
  readonly cutoff: IsoDate;
  /** Period kind of the report (of the first goal's sheet; quarters when there is none). */
  readonly periodKind: PeriodKind;
  /** Last measured period at the cut-off (0 = nothing measured). */
  readonly cutoffPeriod: number;
  /** `'T2'`, `'Jun'`, or `null` when nothing is measured. */
  readonly period: string | null;
  /** Report deadline of the cut-off period (15 days after, next business day); `null` when nothing is measured. */
  readonly deadline: IsoDate | null;
  /**
   * Where the goals came from: capture sheets; with no execution, the plan de acción, else the
   * plan indicativo (the vigencia's products) — then nothing is measured and `planSummary`
   * summarises the plan; or nowhere.
   */
  readonly source: 'hoja-captura' | 'plan-accion' | 'plan-indicativo' | 'none';
  /** Entity name: the options', else the first title block's. */
  readonly entity: string | null;
  /**
   * What the goals' format calls the plan it follows («Informe de seguimiento al PDT»), when every
   * capture sheet's format names the same; absent: the plan de acción.
   */
  readonly planName?: string;
  /** Every goal, eliminated ones included, in sheet order. */
  readonly goals: readonly GoalProgress[];
  /** Per capture sheet (`sheetKey`): its goals' progress, one per data row, in sheet order (RuleContext.progress). */
  readonly bySheet: ReadonlyMap<string, readonly GoalProgress[]>;
  readonly plan: Aggregate;
  /** Units in ranking order, with rank (units with only eliminated goals left out). */
  readonly units: readonly RankedGroup[];
  /** Dimensions in order of first appearance (with at least one goal not eliminated). */
  readonly dimensions: readonly GroupAggregate[];
  /** Programs in order of first appearance (with at least one product goal not eliminated). */
  readonly programs: readonly GroupAggregate[];
  /** Every program, for budget execution (gestión and eliminated goals' money included): they add up to the plan. */
  readonly programBudgets: readonly GroupAggregate[];
  /** `no-iniciada` + `atrasada` (PE-P-008) — `no-cumplida` too at year-end — product goals, in sheet order. */
  readonly rezagadas: readonly GoalProgress[];
  /** Product goals `sobreejecutada`. */
  readonly sobreejecutadas: readonly GoalProgress[];
  /** The cut-off is the vigencia's last period: the rating is final and `no-cumplida` applies. */
  readonly yearEnd: boolean;
  /** Goals (any type) whose compliance at cut-off is above 100 % (`over-execution`), in sheet order. */
  readonly overExecuted: readonly GoalProgress[];
  /** `no-cumplida` goals (any type), in sheet order: each needs its justification (PE-P-008 step 5). */
  readonly noCumplidas: readonly GoalProgress[];
  /** `no-medible` goals (any type), in sheet order: listed for correction. */
  readonly noMedibles: readonly GoalProgress[];
  /** Goals with periods due and blank executed cells (`missing-report`), with the periods. */
  readonly missingReports: readonly { readonly goal: GoalProgress; readonly periods: readonly number[] }[];
  /** `budget-ahead` goals: money committed, product not delivered. */
  readonly budgetAhead: readonly GoalProgress[];
  /** Metas de gestión / administrativas, apart from the rating (`null` when there are none). */
  readonly gestion: Aggregate | null;
  /** Units of the gestión goals (not ranked). */
  readonly gestionUnits: readonly GroupAggregate[];
  /** Budget execution by funding source (goals whose sheet gives one); empty otherwise. */
  readonly sources: readonly SourceExecution[];
  /**
   * Plan de acción goals (measured with no execution) that had something due by the cut-off and
   * appear in no capture sheet. Empty without both a plan and a capture sheet.
   */
  readonly unreported: readonly GoalProgress[];
  /**
   * The plan summarised: the plan de acción sheets' amounts (with or without execution: the informe
   * shows them by source), or, when the goals come from a plan indicativo, its term and vigencia;
   * `null` when the workbook has neither.
   */
  readonly planSummary: PlanSummary | null;
}

// ---------------------------------------------------------------------------------------------
// Model

function enrich(goal: GoalInput, plan: ReadonlyMap<string, GoalInput>): GoalInput {
  const p = plan.get(goal.code);
  if (!p) return goal;
  return {
    ...goal,
    dimension: goal.dimension ?? p.dimension,
    programCode: goal.programCode ?? p.programCode,
    program: goal.program ?? p.program,
    weight: goal.weight ?? p.weight,
    goalType: goal.goalType ?? p.goalType ?? null,
  };
}

/** A row's text in a column (codes typed as numbers read as their digits). */
/**
 * An activity-level sheet (Cali: one row per activity, the product repeated on each) counts each
 * product once: the first row of each `goalKey`, with the money of all its activities.
 */
function distinctProducts(sheet: ReadSheet, list: readonly GoalProgress[]): GoalProgress[] {
  const groups = list.length === sheet.rows.length ? productGroups(sheet) : undefined;
  if (!groups) return [...list];
  return groups.map((rows) => {
    const first = list[rows[0]];
    return rows.length === 1 ? first : withInput(first, { ...first.input, budget: sumBudgets(rows.map((i) => list[i].input.budget)) });
  });
}

/** The money of a joined sheet (DNP's financial follow-up) on the goals of the sheet it joins (`joinedMoney`). */
function joinBudgets(workbook: Pick<ReadWorkbook, 'sheets'>, sheet: ReadSheet, list: readonly GoalProgress[]): GoalProgress[] {
  if (list.length !== sheet.rows.length) return [...list];
  const money = joinedMoney(workbook.sheets, sheet, list.map((p) => p.input.code));
  if (money.size === 0) return [...list];
  return list.map((p, i) => {
    const b = money.get(i);
    return b ? withInput(p, { ...p.input, budget: b }) : p;
  });
}

/**
 * A goal of a plan with no execution: nothing measured (`cutoffPeriod` 0), no figure, and so no
 * state but `sin-programacion` (nothing due, nothing executed) or `eliminada`.
 */
function unmeasured(input: GoalInput): GoalProgress {
  return {
    input,
    cutoffPeriod: 0,
    plannedToDate: null,
    executedToDate: null,
    compliance: null,
    progress: null,
    state: input.eliminated ? 'eliminada' : 'sin-programacion',
  };
}

/** The same figures with the (enriched) goal as input; `p` itself when the goal is unchanged. */
function withInput(p: GoalProgress, input: GoalInput): GoalProgress {
  return input === p.input ? p : { ...p, input };
}

function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(15));
}

/** One plan row's figures in one year: counts as a goal of that year, its amount, its sources'. */
interface PlanYearEntry {
  readonly year: number;
  readonly counts: boolean;
  readonly amount: number;
  readonly sources: readonly (readonly [string, number])[];
}

interface PlanItem {
  readonly code: string | null;
  /**
   * What the summary counts goals by: the code in a plan de acción (a goal spans the rows of its
   * sources), the row in a plan indicativo (one row per product: a code typed twice is two products
   * and a `duplicate` finding, counted as `reporte`'s goals count them).
   */
  readonly key: string | null;
  readonly goal: string;
  readonly unit: string;
  readonly programCode: string | null;
  readonly program: string | null;
  readonly years: readonly PlanYearEntry[];
}

function planItemBase(sheet: ReadSheet, row: DataRow): Omit<PlanItem, 'years' | 'key'> {
  return {
    code: goalCodeOf(row),
    goal: okText(row, 'goal')?.trim() ?? '',
    unit: okText(row, 'unit')?.trim() || sheet.title.unit?.trim() || unnamedGroup.unit,
    programCode: okText(row, 'programCode')?.trim() || null,
    program: okText(row, 'program')?.trim() || null,
  };
}

/** A plan de acción row: its Valor programado, in the vigencia, under its source. */
function actionPlanItems(sheets: readonly ReadSheet[], vigencia: number): PlanItem[] {
  return sheets.flatMap((sheet) =>
    sheet.rows.map((row) => {
      const amount = ownNumber(row, 'amount') ?? 0;
      const src = okValue(row, 'source');
      const source = typeof src === 'string' && src.trim() ? src.trim() : 'Sin fuente';
      const base = planItemBase(sheet, row);
      return { ...base, key: base.code, years: [{ year: vigencia, counts: true, amount, sources: [[source, amount] as const] }] };
    }),
  );
}

/** A plan indicativo row: each year of the term, a goal of that year when it programs a quantity. */
function indicativeItems(sheets: readonly ReadSheet[]): PlanItem[] {
  return sheets.flatMap((sheet) =>
    sheet.rows.map((row) => ({
      ...planItemBase(sheet, row),
      // A row with no code is no product (as `goalsFromPlanIndicativo` reads them): not counted.
      key: goalCodeOf(row) === null ? null : `${sheet.name}\u0000${row.row}`,
      years: (sheet.years ?? []).map((year, i) => {
        const n = i + 1;
        const sources: [string, number][] = [];
        (sheet.sources ?? []).forEach((name, k) => {
          const v = okNumber(row, `source${n}_${k + 1}`);
          if (v !== undefined && v !== 0) sources.push([name, v]);
        });
        return { year, counts: (okNumber(row, plannedField(n)) ?? 0) > 0, amount: yearCostOf(sheet, row, n) ?? 0, sources };
      }),
    })),
  );
}

/** The plan summary's by-source line of a product's yearly cost that no source column holds. */
const UNASSIGNED_SOURCE = 'Sin fuente asignada';
/** The plan summary's by-source line (negative) of what a product's sources add above its yearly Total. */
const OVER_SOURCES = 'Fuentes por encima del total del producto';
/** The by-source lines that are no source: they reconcile the sources with the products' Totals. */
export const reconcilingSources: readonly string[] = [UNASSIGNED_SOURCE, OVER_SOURCES];

function planSummaryOf(
  kind: PlanSummary['kind'],
  items: readonly PlanItem[],
  vigencia: number,
  techos: readonly ReadSheet[],
): PlanSummary | null {
  if (items.length === 0 && kind === 'plan-accion') return null;
  const ceilings = new Map<string, number>();
  for (const t of techos) {
    for (const row of t.rows) {
      const code = okText(row, 'programCode')?.trim();
      const c = okNumber(row, 'ceiling');
      if (code && c !== undefined) ceilings.set(code, (ceilings.get(code) ?? 0) + c);
    }
  }
  const years = [...new Set(items.flatMap((it) => it.years.map((y) => y.year)))].sort((a, b) => a - b);
  if (kind === 'plan-accion' && !years.includes(vigencia)) years.push(vigencia);
  type Acc = { name: string; keys: Set<string>; amount: number; amounts: Map<number, number>; programCode?: string | null };
  const byUnit = new Map<string, Acc>();
  const byProgram = new Map<string, Acc>();
  const bySource = new Map<string, Acc>();
  const acc = (map: Map<string, Acc>, key: string, name: string, extra?: Partial<Acc>): Acc => {
    let a = map.get(key);
    if (!a) map.set(key, (a = { name, keys: new Set(), amount: 0, amounts: new Map(), ...extra }));
    return a;
  };
  // The money of a year counts with the products programmed that year; the rest is shown apart.
  const add = (a: Acc, key: string | null, e: PlanYearEntry, amount: number): void => {
    if (!e.counts) return;
    a.amounts.set(e.year, (a.amounts.get(e.year) ?? 0) + amount);
    if (e.year !== vigencia) return;
    a.amount += amount;
    if (key) a.keys.add(key);
  };
  const planKeys = new Set<string>();
  const yearKeys = new Map<number, Set<string>>(years.map((y) => [y, new Set<string>()]));
  const yearAmounts = new Map<number, number>();
  const yearApart = new Map<number, number>();
  const unprogrammed = new Map<string, { code: string; goal: string; amount: number }>();
  for (const it of items) {
    if (it.key) planKeys.add(it.key);
    const unit = acc(byUnit, it.unit.toLowerCase(), it.unit);
    const pname = it.programCode && it.program ? `${it.programCode} — ${it.program}` : (it.programCode ?? it.program ?? unnamedGroup.program);
    const program = acc(byProgram, it.programCode ?? `~${it.program ?? ''}`, pname, { programCode: it.programCode });
    for (const e of it.years) {
      const sums = e.counts ? yearAmounts : yearApart;
      sums.set(e.year, (sums.get(e.year) ?? 0) + e.amount);
      if (it.key && e.counts) yearKeys.get(e.year)?.add(it.key);
      add(unit, it.key, e, e.amount);
      add(program, it.key, e, e.amount);
      for (const [name, amount] of e.sources) add(acc(bySource, name.toLowerCase(), name), it.key, e, amount);
      // A plan indicativo year's cost is its Total; what its sources do not cover, or cover twice
      // (`sources-sum`), is a line of its own, so that the sources add up to the programs and years.
      if (kind === 'plan-indicativo' && e.counts) {
        const gap = e.amount - e.sources.reduce((t, [, v]) => t + v, 0);
        if (!sameMoney(gap, 0)) add(acc(bySource, gap > 0 ? '~unassigned' : '~over', gap > 0 ? UNASSIGNED_SOURCE : OVER_SOURCES), it.key, e, gap);
      }
      if (kind === 'plan-indicativo' && e.year === vigencia && !e.counts && it.code && it.key) {
        const u = unprogrammed.get(it.key) ?? { code: it.code, goal: it.goal, amount: 0 };
        u.amount += e.amount;
        unprogrammed.set(it.key, u);
      }
    }
  }
  const amountsOf = (a: Acc): number[] => years.map((y) => clean(a.amounts.get(y) ?? 0));
  const rows = (accs: Iterable<Acc>): PlanAmountRow[] =>
    [...accs].map((a) => ({ name: a.name, goals: a.keys.size, amount: clean(a.amount), amounts: amountsOf(a) }));
  // The sources in order of appearance, then the lines that reconcile them with the Totals.
  const sources = [...bySource.entries()].sort(([a], [b]) => Number(a.startsWith('~')) - Number(b.startsWith('~'))).map(([, a]) => a);
  return {
    kind,
    vigencia,
    years,
    goals: yearKeys.get(vigencia)?.size ?? 0,
    planGoals: planKeys.size,
    amount: clean(yearAmounts.get(vigencia) ?? 0),
    unprogrammedAmount: clean(yearApart.get(vigencia) ?? 0),
    byYear: years.map((year) => ({ year, goals: yearKeys.get(year)?.size ?? 0, amount: clean(yearAmounts.get(year) ?? 0), unprogrammedAmount: clean(yearApart.get(year) ?? 0) })),
    byUnit: rows(byUnit.values()),
    byProgram: [...byProgram.values()].map((a) => {
      const ceiling = a.programCode ? (ceilings.get(a.programCode) ?? null) : null;
      return {
        name: a.name,
        goals: a.keys.size,
        amount: clean(a.amount),
        amounts: amountsOf(a),
        programCode: a.programCode ?? null,
        ceiling,
        ceilingUse: ceiling !== null && ceiling > 0 ? Number.parseFloat((a.amount / ceiling).toPrecision(12)) : null,
      };
    }),
    // A source with no money in any year of the term is one of the export's empty columns.
    bySource: rows(sources).filter((r) => kind === 'plan-accion' || r.amounts.some((x) => x !== 0)),
    unprogrammed: [...unprogrammed.values()].map((u) => ({ ...u, amount: clean(u.amount) })),
  };
}

function ratioOf(num: number, den: number): number | null {
  return den > 0 ? Math.max(0, round12(num / den)) : null;
}

/** Budget execution per funding source, for the goals whose sheet names one (in order of first appearance). */
function sourceExecution(goals: readonly GoalProgress[]): SourceExecution[] {
  type Sums = { name: string; goals: number; final: number; commitments: number | null; obligations: number | null; payments: number | null };
  const map = new Map<string, Sums>();
  // A figure no goal of the source carries stays null: its ratio is undefined, never 0 %.
  const plus = (a: number | null, b: number | null): number | null => (b === null ? a : (a ?? 0) + b);
  for (const g of goals) {
    const name = g.input.source;
    if (!name) continue;
    const key = nameKey(name);
    let a = map.get(key);
    if (!a) map.set(key, (a = { name, goals: 0, final: 0, commitments: null, obligations: null, payments: null }));
    const b = g.input.budget;
    a.goals++;
    a.final += b.final ?? 0;
    a.commitments = plus(a.commitments, b.commitments);
    a.obligations = plus(a.obligations, b.obligations);
    a.payments = plus(a.payments, b.payments);
  }
  return [...map.values()].map((a) => ({
    name: a.name,
    goals: a.goals,
    final: clean(a.final),
    commitments: clean(a.commitments ?? 0),
    obligations: clean(a.obligations ?? 0),
    payments: clean(a.payments ?? 0),
    budgetExecution: a.commitments === null ? null : ratioOf(a.commitments, a.final),
    obligationsRatio: a.obligations === null ? null : ratioOf(a.obligations, a.final),
    paymentsRatio: a.payments === null ? null : ratioOf(a.payments, a.final),
  }));
}

/** Everything the report, the tablero and the alerts need, computed once. */
export function buildProgressModel(workbook: ReadWorkbook, options: EngineOptions): ProgressModel {
  return progressModelFrom(workbook, options, captureProgress(workbook, options));
}

/**
 * `buildProgressModel` from the capture sheets' progress the run already computed
 * (`captureProgress`, the rules' `RuleContext.progress`): `analyse` computes goals and progress
 * once and shares them. Enriching a goal from the plan de acción changes no figure, so the
 * shared progress is reused with the enriched goal as its input.
 */
export function progressModelFrom(
  workbook: ReadWorkbook,
  options: EngineOptions,
  progress: ReadonlyMap<string, readonly GoalProgress[]>,
): ProgressModel {
  const captureSheets = workbook.sheets.filter(isGoalSheet);
  const planSheets = workbook.sheets.filter((s) => s.kind === 'plan-accion');
  const techos = workbook.sheets.filter((s) => s.kind === 'techos');
  const vigenciaOf = (s: ReadSheet): number => s.vigencia ?? options.vigencia;
  const measure = (g: GoalInput, s: ReadSheet): GoalProgress =>
    computeProgress(
      g,
      cutoffPeriod(options.cutoff, vigenciaOf(s), g.periodKind),
      options.lagThreshold,
      isPeriodOpen(options.cutoff, vigenciaOf(s), g.periodKind),
    );

  const planGoals: { input: GoalInput; sheet: ReadSheet }[] = planSheets.flatMap((s) =>
    goalsFromPlanSheet(s).map((input) => ({ input, sheet: s })),
  );
  const planByCode = new Map<string, GoalInput>();
  for (const { input } of planGoals) if (input.code && !planByCode.has(input.code)) planByCode.set(input.code, input);

  const bySheet = new Map<string, GoalProgress[]>();
  const goals: GoalProgress[] = [];
  for (const s of captureSheets) {
    const shared = progress.get(sheetKey(s));
    const list =
      shared && shared.length === s.rows.length
        ? shared.map((p) => withInput(p, enrich(p.input, planByCode)))
        : goalsFromCaptureSheet(s).map((g) => measure(enrich(g, planByCode), s));
    const withMoney = joinBudgets(workbook, s, list);
    bySheet.set(sheetKey(s), withMoney);
    for (const g of distinctProducts(s, withMoney)) goals.push(g);
  }
  const indicativos = workbook.sheets.filter((s) => s.kind === 'plan-indicativo');
  const source: ProgressModel['source'] =
    captureSheets.length > 0 ? 'hoja-captura' : planSheets.length > 0 ? 'plan-accion' : indicativos.length > 0 ? 'plan-indicativo' : 'none';
  // A plan with no execution is not measured: no period is due, nothing is late (progress.md).
  if (source === 'plan-accion') for (const { input } of planGoals) goals.push(unmeasured(input));
  if (source === 'plan-indicativo') for (const s of indicativos) for (const g of goalsFromPlanIndicativo(s, options.vigencia)) goals.push(unmeasured(g));

  let unreported: GoalProgress[] = [];
  if (source === 'hoja-captura' && planGoals.length > 0) {
    const reported = new Set(goals.map((g) => g.input.code));
    unreported = planGoals
      .filter(({ input }) => !input.eliminated && !reported.has(input.code))
      .map(({ input, sheet }) => measure(input, sheet))
      .filter((g) => progressFigures(g.input, g.cutoffPeriod, g.periodOpen).due);
  }

  const firstSheet = captureSheets[0] ?? planSheets[0];
  return modelOfGoals(
    {
      goals,
      bySheet,
      source,
      unreported,
      planSummary:
        source === 'plan-indicativo'
          ? planSummaryOf('plan-indicativo', indicativeItems(indicativos), options.vigencia, techos)
          : planSummaryOf('plan-accion', actionPlanItems(planSheets, options.vigencia), options.vigencia, techos),
      periodKind: goals[0]?.input.periodKind ?? firstSheet?.periodKind ?? 'quarter',
      sheetVigencia: firstSheet ? vigenciaOf(firstSheet) : options.vigencia,
      entity: options.entity ?? workbook.sheets.find((s) => s.title.entity)?.title.entity ?? null,
      ...planNameOf(captureSheets.map((s) => (s.format ? formatById(s.format.id)?.planName : undefined))),
    },
    options,
  );
}

/** What a model is made of before its lists and aggregates: the goals and where they came from. */
interface ModelGoals {
  readonly goals: readonly GoalProgress[];
  readonly bySheet: ReadonlyMap<string, readonly GoalProgress[]>;
  readonly source: ProgressModel['source'];
  readonly unreported: readonly GoalProgress[];
  readonly planSummary: PlanSummary | null;
  readonly periodKind: PeriodKind;
  /** The vigencia of the first goal sheet (the cut-off period and its deadline are measured in it). */
  readonly sheetVigencia: number;
  readonly entity: string | null;
  readonly planName?: string;
}

/** `{ planName }` when every name given is the same one (none missing), else `{}`. */
function planNameOf(names: readonly (string | undefined)[]): { planName?: string } {
  const first = names[0];
  return first !== undefined && names.every((n) => n === first) ? { planName: first } : {};
}

/** The lists and aggregates of the model, from its goals. */
function modelOfGoals(m: ModelGoals, options: EngineOptions): ProgressModel {
  const { goals, source, periodKind, sheetVigencia } = m;
  const planOnly = source === 'plan-accion' || source === 'plan-indicativo';
  const c = planOnly ? 0 : cutoffPeriod(options.cutoff, sheetVigencia, periodKind);
  const ranges = options.ratingRanges;
  const withGoals = <T extends Aggregate>(list: T[]): T[] => list.filter((g) => g.goals > 0);
  const product = goals.filter(isProductGoal);
  const others = goals.filter((g) => !isProductGoal(g));
  const missingReports: { goal: GoalProgress; periods: readonly number[] }[] = [];
  if (source === 'hoja-captura') {
    for (const g of goals) {
      if (g.state === 'eliminada') continue;
      const missing = progressFigures(g.input, g.cutoffPeriod, g.periodOpen).missing;
      if (missing.length) missingReports.push({ goal: g, periods: missing });
    }
  }
  const active = (g: GoalProgress): boolean => g.state !== 'eliminada' && g.state !== 'no-medible';
  // With no execution there is no budget execution either (not 0 %: nothing to measure).
  const fig = <T extends Aggregate>(a: T): T => (planOnly ? { ...a, budgetExecution: null, obligationsRatio: null, paymentsRatio: null } : a);
  const programGroups = groupGoals(goals, 'program', ranges).map(fig);

  return {
    options,
    vigencia: options.vigencia,
    cutoff: options.cutoff,
    periodKind,
    cutoffPeriod: c,
    period: c === 0 ? null : periodLabel(c, periodKind),
    deadline: c === 0 ? null : periodDeadline(sheetVigencia, c, periodKind),
    source,
    entity: m.entity,
    ...(m.planName !== undefined ? { planName: m.planName } : {}),
    goals,
    bySheet: m.bySheet,
    plan: fig(aggregate(goals, ranges)),
    units: rankGroups(groupGoals(goals, 'unit', ranges).map(fig)),
    dimensions: withGoals(groupGoals(goals, 'dimension', ranges).map(fig)),
    programs: withGoals(programGroups),
    programBudgets: programGroups,
    rezagadas: product.filter((g) => isLagging(g.state)),
    sobreejecutadas: product.filter((g) => g.state === 'sobreejecutada'),
    yearEnd: c > 0 && c >= periodCount(periodKind) && !isPeriodOpen(options.cutoff, sheetVigencia, periodKind),
    overExecuted: source === 'hoja-captura' ? goals.filter((g) => active(g) && isOverExecuted(g)) : [],
    noCumplidas: goals.filter((g) => g.state === 'no-cumplida'),
    noMedibles: goals.filter((g) => g.state === 'no-medible'),
    missingReports,
    budgetAhead: goals.filter((g) => active(g) && isBudgetAhead(g, options)),
    gestion: others.length ? fig(aggregate(others, ranges, { kind: 'gestion' })) : null,
    gestionUnits: others.length ? withGoals(groupGoals(others, 'unit', ranges, 'gestion').map(fig)) : [],
    sources: planOnly ? [] : sourceExecution(goals),
    unreported: m.unreported,
    planSummary: m.planSummary,
  };
}

/**
 * The model of several workbooks read each on its own (a consolidation): every goal exactly as its
 * own workbook's model measured it — its format's reading, its granularity, its plan de acción —
 * and the lists and aggregates computed over all of them. The cut-off period and its deadline are
 * the first model's (a consolidation measures every file at one cut-off, in one vigencia).
 * `bySheet` is keyed by sheet name: a later workbook's sheet of the same name wins.
 */
export function combineModels(models: readonly ProgressModel[], options: EngineOptions): ProgressModel {
  const first = models[0];
  if (!first) throw new Error('combineModels: no model');
  const goals = models.flatMap((m) => m.goals);
  const summaries = models.map((m) => m.planSummary).filter((p): p is PlanSummary => p !== null);
  const combined = modelOfGoals(
    {
      goals,
      bySheet: new Map(models.flatMap((m) => [...m.bySheet])),
      source: models.find((m) => m.source === 'hoja-captura')?.source ?? first.source,
      unreported: models.flatMap((m) => m.unreported),
      planSummary: summaries.length === 1 ? summaries[0] : null,
      periodKind: goals[0]?.input.periodKind ?? first.periodKind,
      sheetVigencia: options.vigencia,
      entity: options.entity ?? models.find((m) => m.entity)?.entity ?? null,
      ...planNameOf(models.map((m) => m.planName)),
    },
    options,
  );
  return { ...combined, cutoffPeriod: first.cutoffPeriod, period: first.period, deadline: first.deadline, yearEnd: first.yearEnd };
}
