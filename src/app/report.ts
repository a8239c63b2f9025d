/**
 * The report use case: the documented `reporte --json` shape.
 *
 * - `toReportJson` picks from the progress model (`domain/progress-model.ts`, which says how
 *   progress is computed for a plan and its units) exactly the documented `reporte --json` shape
 *   (product.md), plus what progress.md adds (the three budget ratios, the partial rating,
 *   programs, metas de gestión apart, execution by source, the tipo de meta) and, for a plan with
 *   no execution, `planSummary` (what the plan programs, by year, unit, program and source) —
 *   documented in the README; richer data stays in the model.
 * - `buildReport` = `toReportJson(buildProgressModel(…))`.
 * - `resolveOptions` (the run's options from flags/settings, the workbook and today) lives in
 *   `run-options.ts`, apart, so the pane's first load has it without the progress model; it is
 *   re-exported here.
 */
import type { Aggregate, Rating, StateCounts } from '../domain/aggregate';
import type { IsoDate } from '../domain/dates';
import type { Accumulation, GoalProgress, GoalState } from '../domain/goal';
import type { EngineOptions, VigenciaFrom } from '../domain/options';
import { planSummaryNote } from '../domain/plan-note';
import { buildProgressModel, type PlanAmountRow, type ProgressModel } from '../domain/progress-model';
import type { ReadWorkbook } from '../domain/sheet';
import type { GoalType } from '../domain/values';

export { cutoffOutsideVigencia, resolveOptions, vigenciaNotInWorkbook } from './run-options';

// ---------------------------------------------------------------------------------------------
// The documented JSON (product.md "reporte --json"). Field names and order are an interface.

export interface ReportBudget {
  readonly final: number | null;
  readonly commitments: number | null;
  readonly obligations: number | null;
  readonly payments: number | null;
}

export interface ReportGoal {
  readonly code: string;
  readonly goal: string;
  readonly unit: string;
  readonly dimension: string | null;
  readonly programCode: string | null;
  readonly accumulation: Accumulation | null;
  readonly yearGoal: number | null;
  readonly plannedToDate: number | null;
  /** `null` = nothing reported up to the cut-off. */
  readonly executedToDate: number | null;
  readonly compliance: number | null;
  readonly progress: number | null;
  readonly state: GoalState;
  readonly budget: ReportBudget;
  /** Tipo de meta as read (`null` = not given: a product goal). */
  readonly goalType: GoalType | null;
  /**
   * Only on goals whose code another goal of the report shares (an activity-level sheet's product
   * under two projects): what tells them apart, in the sheet's words («Cód BP 26004512, Cód
   * Producto MGA 2402114»), else the row it was read from («fila 61»).
   */
  readonly identity?: string;
}

/**
 * Figures of a group: product goals (eliminated left out), compliance, progress, budget execution
 * (compromisos; then obligaciones and pagos ÷ apropiación definitiva), rating, states.
 */
export interface ReportFigures {
  readonly goals: number;
  readonly compliance: number | null;
  readonly progress: number | null;
  readonly budgetExecution: number | null;
  readonly obligationsRatio: number | null;
  readonly paymentsRatio: number | null;
  readonly rating: Rating | null;
  /** Count per state id, only the states that occur (no `eliminada`). */
  readonly states: StateCounts;
}

export interface ReportUnit extends ReportFigures {
  readonly name: string;
  /** Ranking de gestión, 1 = best. */
  readonly rank: number;
}

export interface ReportDimension extends ReportFigures {
  readonly name: string;
}

export interface ReportPlan extends ReportFigures {
  /** The rating is partial: the vigencia is not over at the cut-off ("Satisfactorio (parcial, corte T2)"). */
  readonly partial: boolean;
}

export interface ReportProgram extends ReportFigures {
  readonly programCode: string | null;
  readonly name: string;
}

/** Budget execution of one funding source (only where the sheet gives sources). */
export interface ReportSource {
  readonly name: string;
  readonly final: number;
  readonly budgetExecution: number | null;
  readonly obligationsRatio: number | null;
  readonly paymentsRatio: number | null;
}

export interface Report {
  readonly vigencia: number;
  /** ISO date. */
  readonly cutoff: IsoDate;
  /** Label of the last measured period (`'T2'`, `'Jun'`); `null` when nothing is measured yet. */
  readonly period: string | null;
  readonly goals: readonly ReportGoal[];
  /** Units in ranking order (product goals; units with none are left out). */
  readonly units: readonly ReportUnit[];
  /** Dimensions in order of first appearance. */
  readonly dimensions: readonly ReportDimension[];
  readonly plan: ReportPlan;
  /** Programs in order of first appearance (product goals). */
  readonly programs: readonly ReportProgram[];
  /** Metas de gestión and administrativas, apart from the rating; `null` when there are none. */
  readonly gestion: ReportFigures | null;
  /** Budget execution by funding source; empty when the sheets give no source per goal. */
  readonly sources: readonly ReportSource[];
  /**
   * With no execution (only a plan de acción, or a plan indicativo): what the plan holds — then
   * nothing is measured (`period` null, every goal `sin-programacion` or `eliminada`, every ratio
   * and rating null). `null` when the report measures execution.
   */
  readonly planSummary: ReportPlanSummary | null;
  /**
   * Several files given (`app/report-files.ts`): every file, in order, in the figures or left out
   * with its reason — added after the documented fields; absent for one file.
   */
  readonly files?: readonly ReportFileEntry[];
  /** Several files given: how the vigencia and the cut-off were chosen, in Spanish. */
  readonly basis?: string | null;
}

/** One file of a report over several files, as `reporte --json` lists it (`files`). */
export interface ReportFileEntry {
  /** The file's name. */
  readonly file: string;
  /** In the report's figures. */
  readonly included: boolean;
  /** Why not: another `vigencia`, another `cutoff`, or `plan-only` (a plan indicativo with no execution); null when included. */
  readonly leftOut: 'vigencia' | 'cutoff' | 'plan-only' | null;
  /** The reason in Spanish; null when included. */
  readonly reason: string | null;
  /** The vigencia and cut-off the file states or reports for itself (null when it does not say). */
  readonly vigencia: number | null;
  readonly cutoff: IsoDate | null;
  /** A plan-only file's own summary (its plan, for the report's vigencia when its term holds it). */
  readonly planSummary: ReportPlanSummary | null;
}


/** Goals and amounts of a unit, program or source of a plan with no execution. */
export interface ReportPlanRow {
  readonly name: string;
  /** Goals of the vigencia among the group. */
  readonly goals: number;
  /** The vigencia's amount. */
  readonly amount: number;
  /** The amount of each year of `planSummary.years`, in that order. */
  readonly amounts: readonly number[];
}

export interface ReportPlanSummary {
  readonly kind: 'plan-accion' | 'plan-indicativo';
  /** What the summary is, in Spanish (the same words as the text output and the tablero). */
  readonly note: string;
  readonly vigencia: number;
  /** Where the vigencia came from: `option` (--vigencia), `workbook`, `cutoff`, `today`, `term` (today outside the plan's term). */
  readonly vigenciaFrom: VigenciaFrom | null;
  /** The plan indicativo's term, or the plan de acción's vigencia alone. */
  readonly years: readonly number[];
  /** Goals of the vigencia (a plan indicativo's products with a quantity programmed that year). */
  readonly goals: number;
  /** Goals of the whole plan. */
  readonly planGoals: number;
  /** Σ the vigencia's programmed amount (pesos) of the vigencia's goals (a plan indicativo's products programmed that year). */
  readonly amount: number;
  /** Plan indicativo: Σ the vigencia's cost of the products with no quantity programmed that year (`unprogrammed`), not in `amount`. */
  readonly unprogrammedAmount: number;
  /** Per year: products programmed, their cost (`amount`), and the cost of the products not programmed that year (`unprogrammedAmount`). */
  readonly byYear: readonly { readonly year: number; readonly goals: number; readonly amount: number; readonly unprogrammedAmount: number }[];
  readonly byUnit: readonly ReportPlanRow[];
  readonly byProgram: readonly (ReportPlanRow & { readonly programCode: string | null; readonly ceiling: number | null; readonly ceilingUse: number | null })[];
  readonly bySource: readonly ReportPlanRow[];
  /** Plan indicativo: products with no quantity programmed in the vigencia, with their cost that year. */
  readonly unprogrammed: readonly { readonly code: string; readonly goal: string; readonly amount: number }[];
}

// ---------------------------------------------------------------------------------------------
// JSON

function figures(a: Aggregate): ReportFigures {
  return {
    goals: a.goals,
    compliance: a.compliance,
    progress: a.progress,
    budgetExecution: a.budgetExecution,
    obligationsRatio: a.obligationsRatio,
    paymentsRatio: a.paymentsRatio,
    rating: a.rating,
    states: { ...a.states },
  };
}

function reportGoal(g: GoalProgress, repeated: ReadonlyMap<string, readonly GoalProgress[]>): ReportGoal {
  const i = g.input;
  return {
    code: i.code,
    goal: i.goal,
    unit: i.unit,
    dimension: i.dimension,
    programCode: i.programCode,
    accumulation: i.accumulation,
    yearGoal: i.yearGoal,
    plannedToDate: g.plannedToDate,
    executedToDate: g.executedToDate,
    compliance: g.compliance,
    progress: g.progress,
    state: g.state,
    budget: {
      final: i.budget.final,
      commitments: i.budget.commitments,
      obligations: i.budget.obligations,
      payments: i.budget.payments,
    },
    goalType: i.goalType ?? null,
    ...(repeated.has(i.code) ? { identity: identityText(g, repeated.get(i.code) ?? []) } : {}),
  };
}

/** The goals of each code more than one goal of the list has. */
function repeatedCodes(goals: readonly GoalProgress[]): Map<string, GoalProgress[]> {
  const byCode = new Map<string, GoalProgress[]>();
  for (const g of goals) {
    const list = byCode.get(g.input.code);
    if (list) list.push(g);
    else byCode.set(g.input.code, [g]);
  }
  for (const [code, list] of byCode) if (list.length < 2) byCode.delete(code);
  return byCode;
}

/**
 * What tells `g` from the other goals of its code: the parts of its identity whose value differs
 * among them («Cód BP BP26005375»), else the row it was read from.
 */
function identityText(g: GoalProgress, same: readonly GoalProgress[]): string {
  const parts = (g.input.identity ?? []).filter((p) =>
    same.some((o) => o !== g && o.input.identity?.find((q) => q.label === p.label)?.value !== p.value),
  );
  // The row, not the sheet: a consolidation names its sheets after their files, a report of several files does not.
  return parts.length > 0 ? parts.map((p) => `${p.label} ${p.value}`).join(', ') : `fila ${g.input.row}`;
}

/** Exactly the documented `reporte --json` shape, fields in the documented order. */
export function toReportJson(model: ProgressModel): Report {
  const repeated = repeatedCodes(model.goals);
  return {
    vigencia: model.vigencia,
    cutoff: model.cutoff,
    period: model.period,
    goals: model.goals.map((g) => reportGoal(g, repeated)),
    units: model.units.map((u) => {
      const f = figures(u);
      return {
        name: u.name,
        goals: f.goals,
        compliance: f.compliance,
        progress: f.progress,
        budgetExecution: f.budgetExecution,
        obligationsRatio: f.obligationsRatio,
        paymentsRatio: f.paymentsRatio,
        rating: f.rating,
        rank: u.rank,
        states: f.states,
      };
    }),
    dimensions: model.dimensions.map((d) => ({ name: d.name, ...figures(d) })),
    plan: { ...figures(model.plan), partial: !model.yearEnd },
    programs: model.programs.map((p) => ({ programCode: p.programCode ?? null, name: p.name, ...figures(p) })),
    gestion: model.gestion ? figures(model.gestion) : null,
    sources: model.sources.map((x) => ({
      name: x.name,
      final: x.final,
      budgetExecution: x.budgetExecution,
      obligationsRatio: x.obligationsRatio,
      paymentsRatio: x.paymentsRatio,
    })),
    planSummary: model.source === 'plan-accion' || model.source === 'plan-indicativo' ? reportPlanSummary(model) : null,
  };
}

function reportPlanSummary(model: ProgressModel): ReportPlanSummary | null {
  const s = model.planSummary;
  if (!s) return null;
  const row = (r: PlanAmountRow): ReportPlanRow => ({ name: r.name, goals: r.goals, amount: r.amount, amounts: [...r.amounts] });
  return {
    kind: s.kind,
    note: planSummaryNote(s, model.options.vigenciaFrom),
    vigencia: s.vigencia,
    vigenciaFrom: model.options.vigenciaFrom ?? null,
    years: [...s.years],
    goals: s.goals,
    planGoals: s.planGoals,
    amount: s.amount,
    unprogrammedAmount: s.unprogrammedAmount,
    byYear: s.byYear.map((y) => ({ year: y.year, goals: y.goals, amount: y.amount, unprogrammedAmount: y.unprogrammedAmount })),
    byUnit: s.byUnit.map(row),
    byProgram: s.byProgram.map((p) => ({ ...row(p), programCode: p.programCode, ceiling: p.ceiling, ceilingUse: p.ceilingUse })),
    bySource: s.bySource.map(row),
    unprogrammed: s.unprogrammed.map((u) => ({ code: u.code, goal: u.goal, amount: u.amount })),
  };
}

/** The `reporte --json` report of a workbook at the options' cut-off. */
export function buildReport(workbook: ReadWorkbook, options: EngineOptions): Report {
  return toReportJson(buildProgressModel(workbook, options));
}
