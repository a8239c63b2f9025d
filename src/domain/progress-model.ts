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
 * - with no capture sheet, the plan de acción goals, with no execution (every one is then
 *   `sin-programacion` or `no-iniciada`, and the tablero summarises the plan instead).
 */
import { aggregate, groupGoals, isProductGoal, nameKey, rankGroups } from './aggregate';
import type { Aggregate, GroupAggregate, RankedGroup } from './aggregate';
import type { IsoDate } from './dates';
import { periodDeadline } from './deadline';
import type { FieldId, PeriodKind } from './fields';
import type { Budget, GoalInput, GoalProgress } from './goal';
import { goalCodeOf, goalsFromCaptureSheet, goalsFromPlanSheet } from './goals';
import { columnCells } from './reader';
import { pushTo } from './multimap';
import type { EngineOptions } from './options';
import { cutoffPeriod, isPeriodOpen, periodCount, periodLabel } from './periods';
import { computeProgress, isBudgetAhead, isLagging, isOverExecuted, progressFigures } from './progress';
import { isGoalSheet, okNumber, okText, okValue } from './sheet';
import type { ReadSheet, ReadWorkbook } from './sheet';
import { round12 } from './tolerance';

/** Per capture sheet name: the progress of each data row's goal at the cut-off, in sheet order. */
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
    map.set(sheet.name, list);
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

/** Amounts of a plan de acción with no execution yet, for the tablero's plan summary. */
export interface PlanAmountRow {
  /** Unit name, program "1905 — Salud pública" or source. */
  readonly name: string;
  /** Goals (distinct goal codes) among the rows. */
  readonly goals: number;
  /** Σ Valor programado. */
  readonly amount: number;
}

export interface PlanProgramAmount extends PlanAmountRow {
  readonly programCode: string | null;
  /** Σ Techo of the program in the techos sheets, `null` when it has none. */
  readonly ceiling: number | null;
  /** amount ÷ ceiling, `null` without a positive ceiling. */
  readonly ceilingUse: number | null;
}

export interface PlanSummary {
  readonly goals: number;
  readonly amount: number;
  readonly byUnit: readonly PlanAmountRow[];
  readonly byProgram: readonly PlanProgramAmount[];
  readonly bySource: readonly PlanAmountRow[];
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
  /** Where the goals came from: capture sheets, the plan de acción only, or nowhere. */
  readonly source: 'hoja-captura' | 'plan-accion' | 'none';
  /** Entity name: the options', else the first title block's. */
  readonly entity: string | null;
  /** Every goal, eliminated ones included, in sheet order. */
  readonly goals: readonly GoalProgress[];
  /** Per capture sheet name: its goals' progress, one per data row, in sheet order (RuleContext.progress). */
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
  /** Amounts of the plan de acción sheets (`null` when the workbook has none). */
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
function cellText(sheet: ReadSheet, field: FieldId, i: number): string {
  const c = columnCells(sheet, field)[i];
  if (!c) return '';
  const p = c.parsed;
  if (p.status === 'ok') return String(p.value).trim();
  return typeof c.raw === 'string' || typeof c.raw === 'number' ? String(c.raw).trim() : '';
}

/**
 * An activity-level sheet (Cali: one row per activity, the product repeated on each) counts each
 * product once: the first row of each `goalKey`, with the money of all its activities.
 */
function distinctProducts(sheet: ReadSheet, list: readonly GoalProgress[]): GoalProgress[] {
  if (sheet.granularity !== 'activity' || !sheet.goalKey || list.length !== sheet.rows.length) return [...list];
  const groups = new Map<string, number[]>();
  const key = sheet.goalKey;
  list.forEach((_, i) => {
    const k = key.map((f) => cellText(sheet, f, i)).join('\u0000');
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const out: GoalProgress[] = [];
  for (const rows of groups.values()) {
    const first = list[rows[0]];
    out.push(rows.length === 1 ? first : withInput(first, { ...first.input, budget: sumBudgets(rows.map((i) => list[i].input.budget)) }));
  }
  return out;
}

function sumBudgets(budgets: readonly Budget[]): Budget {
  const sum = (f: keyof Budget): number | null => {
    let total: number | null = null;
    for (const b of budgets) if (b[f] !== null) total = (total ?? 0) + (b[f] as number);
    return total === null ? null : Number.parseFloat(total.toPrecision(15));
  };
  return { final: sum('final'), commitments: sum('commitments'), obligations: sum('obligations'), payments: sum('payments') };
}

/**
 * The money of a joined sheet (DNP's financial follow-up, one row per product and project) on the
 * goals of the sheet it joins: each row on the first goal its "Consecutivos IP" list names, else
 * on the first goal with its product code — each peso once, even when several indicators measure
 * one product.
 */
function joinBudgets(workbook: ReadWorkbook, sheet: ReadSheet, list: readonly GoalProgress[]): GoalProgress[] {
  const joined = workbook.sheets.filter((j) => j.joins?.sheet === sheet.name);
  if (joined.length === 0 || list.length !== sheet.rows.length) return [...list];
  const byCode = new Map<string, number>();
  const byProduct = new Map<string, number>();
  list.forEach((p, i) => {
    if (p.input.code && !byCode.has(p.input.code)) byCode.set(p.input.code, i);
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
      const b: Budget = {
        final: okNumber(row, 'budgetFinal') ?? null,
        commitments: okNumber(row, 'commitments') ?? null,
        obligations: okNumber(row, 'obligations') ?? null,
        payments: okNumber(row, 'payments') ?? null,
      };
      pushTo(money, target, b);
    });
  }
  return list.map((p, i) => {
    const b = money.get(i);
    return b ? withInput(p, { ...p.input, budget: sumBudgets(b) }) : p;
  });
}

/** The same figures with the (enriched) goal as input; `p` itself when the goal is unchanged. */
function withInput(p: GoalProgress, input: GoalInput): GoalProgress {
  return input === p.input ? p : { ...p, input };
}

function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(15));
}

function planSummaryOf(planSheets: readonly ReadSheet[], techos: readonly ReadSheet[]): PlanSummary | null {
  if (planSheets.length === 0) return null;
  const ceilings = new Map<string, number>();
  for (const t of techos) {
    for (const row of t.rows) {
      const code = okText(row, 'programCode')?.trim();
      const c = okNumber(row, 'ceiling');
      if (code && c !== undefined) ceilings.set(code, (ceilings.get(code) ?? 0) + c);
    }
  }
  type Acc = { name: string; codes: Set<string>; amount: number; programCode?: string | null };
  const byUnit = new Map<string, Acc>();
  const byProgram = new Map<string, Acc>();
  const bySource = new Map<string, Acc>();
  const allCodes = new Set<string>();
  let total = 0;
  const add = (map: Map<string, Acc>, key: string, name: string, code: string | null, amount: number, extra?: Partial<Acc>) => {
    let a = map.get(key);
    if (!a) {
      a = { name, codes: new Set(), amount: 0, ...extra };
      map.set(key, a);
    }
    if (code) a.codes.add(code);
    a.amount += amount;
  };
  for (const sheet of planSheets) {
    for (const row of sheet.rows) {
      const code = goalCodeOf(row);
      const amount = okNumber(row, 'amount') ?? 0;
      if (code) allCodes.add(code);
      total += amount;
      const unit = okText(row, 'unit')?.trim() || sheet.title.unit?.trim() || 'Sin dependencia';
      add(byUnit, unit.toLowerCase(), unit, code, amount);
      const pc = okText(row, 'programCode')?.trim() || null;
      const pn = okText(row, 'program')?.trim() || null;
      const pname = pc && pn ? `${pc} — ${pn}` : (pc ?? pn ?? 'Sin programa');
      add(byProgram, pc ?? `~${pn ?? ''}`, pname, code, amount, { programCode: pc });
      const src = okValue(row, 'source');
      const source = typeof src === 'string' && src.trim() ? src.trim() : 'Sin fuente';
      add(bySource, source.toLowerCase(), source, code, amount);
    }
  }
  const rows = (m: Map<string, Acc>): PlanAmountRow[] =>
    [...m.values()].map((a) => ({ name: a.name, goals: a.codes.size, amount: clean(a.amount) }));
  return {
    goals: allCodes.size,
    amount: clean(total),
    byUnit: rows(byUnit),
    byProgram: [...byProgram.values()].map((a) => {
      const ceiling = a.programCode ? (ceilings.get(a.programCode) ?? null) : null;
      return {
        name: a.name,
        goals: a.codes.size,
        amount: clean(a.amount),
        programCode: a.programCode ?? null,
        ceiling,
        ceilingUse: ceiling !== null && ceiling > 0 ? Number.parseFloat((a.amount / ceiling).toPrecision(12)) : null,
      };
    }),
    bySource: rows(bySource),
  };
}

function ratioOf(num: number, den: number): number | null {
  return den > 0 ? Math.max(0, round12(num / den)) : null;
}

/** Budget execution per funding source, for the goals whose sheet names one (in order of first appearance). */
function sourceExecution(goals: readonly GoalProgress[]): SourceExecution[] {
  const map = new Map<string, { name: string; goals: number; final: number; commitments: number; obligations: number; payments: number }>();
  for (const g of goals) {
    const name = g.input.source;
    if (!name) continue;
    const key = nameKey(name);
    let a = map.get(key);
    if (!a) map.set(key, (a = { name, goals: 0, final: 0, commitments: 0, obligations: 0, payments: 0 }));
    const b = g.input.budget;
    a.goals++;
    a.final += b.final ?? 0;
    a.commitments += b.commitments ?? 0;
    a.obligations += b.obligations ?? 0;
    a.payments += b.payments ?? 0;
  }
  return [...map.values()].map((a) => ({
    name: a.name,
    goals: a.goals,
    final: clean(a.final),
    commitments: clean(a.commitments),
    obligations: clean(a.obligations),
    payments: clean(a.payments),
    budgetExecution: ratioOf(a.commitments, a.final),
    obligationsRatio: ratioOf(a.obligations, a.final),
    paymentsRatio: ratioOf(a.payments, a.final),
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
    const shared = progress.get(s.name);
    const list =
      shared && shared.length === s.rows.length
        ? shared.map((p) => withInput(p, enrich(p.input, planByCode)))
        : goalsFromCaptureSheet(s).map((g) => measure(enrich(g, planByCode), s));
    const withMoney = joinBudgets(workbook, s, list);
    bySheet.set(s.name, withMoney);
    for (const g of distinctProducts(s, withMoney)) goals.push(g);
  }
  const source: ProgressModel['source'] = captureSheets.length > 0 ? 'hoja-captura' : planSheets.length > 0 ? 'plan-accion' : 'none';
  if (source === 'plan-accion') for (const { input, sheet } of planGoals) goals.push(measure(input, sheet));

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
      planSummary: planSummaryOf(planSheets, techos),
      periodKind: goals[0]?.input.periodKind ?? firstSheet?.periodKind ?? 'quarter',
      sheetVigencia: firstSheet ? vigenciaOf(firstSheet) : options.vigencia,
      entity: options.entity ?? workbook.sheets.find((s) => s.title.entity)?.title.entity ?? null,
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
}

/** The lists and aggregates of the model, from its goals. */
function modelOfGoals(m: ModelGoals, options: EngineOptions): ProgressModel {
  const { goals, source, periodKind, sheetVigencia } = m;
  const c = cutoffPeriod(options.cutoff, sheetVigencia, periodKind);
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
  const programGroups = groupGoals(goals, 'program', ranges);

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
    goals,
    bySheet: m.bySheet,
    plan: aggregate(goals, ranges),
    units: rankGroups(groupGoals(goals, 'unit', ranges)),
    dimensions: withGoals(groupGoals(goals, 'dimension', ranges)),
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
    gestion: others.length ? aggregate(others, ranges, { kind: 'gestion' }) : null,
    gestionUnits: others.length ? withGoals(groupGoals(others, 'unit', ranges, 'gestion')) : [],
    sources: sourceExecution(goals),
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
  const sources = models.map((m) => m.source);
  const summaries = models.map((m) => m.planSummary).filter((p): p is PlanSummary => p !== null);
  const combined = modelOfGoals(
    {
      goals,
      bySheet: new Map(models.flatMap((m) => [...m.bySheet])),
      source: sources.includes('hoja-captura') ? 'hoja-captura' : sources.includes('plan-accion') ? 'plan-accion' : 'none',
      unreported: models.flatMap((m) => m.unreported),
      planSummary: summaries.length === 1 ? summaries[0] : null,
      periodKind: goals[0]?.input.periodKind ?? first.periodKind,
      sheetVigencia: options.vigencia,
      entity: options.entity ?? models.find((m) => m.entity)?.entity ?? null,
    },
    options,
  );
  return { ...combined, cutoffPeriod: first.cutoffPeriod, period: first.period, deadline: first.deadline, yearEnd: first.yearEnd };
}
