/**
 * The report use case: the documented `reporte --json` shape.
 *
 * - `toReportJson` picks from the progress model (`domain/progress-model.ts`, which says how
 *   progress is computed for a plan and its units) exactly the documented `reporte --json` shape
 *   (product.md), plus what progress.md adds (the three budget ratios, the partial rating,
 *   programs, metas de gestión apart, execution by source, the tipo de meta) — documented in the
 *   README; richer data stays in the model.
 * - `buildReport` = `toReportJson(buildProgressModel(…))`.
 * - `resolveOptions` (the run's options from flags/settings, the workbook and today) lives in
 *   `run-options.ts`, apart, so the pane's first load has it without the progress model; it is
 *   re-exported here.
 */
import type { Aggregate, Rating, StateCounts } from '../domain/aggregate';
import type { IsoDate } from '../domain/dates';
import type { Accumulation, GoalProgress, GoalState } from '../domain/goal';
import type { EngineOptions } from '../domain/options';
import { buildProgressModel, type ProgressModel } from '../domain/progress-model';
import type { ReadWorkbook } from '../domain/sheet';
import type { GoalType } from '../domain/values';

export { cutoffOutsideVigencia, resolveOptions } from './run-options';

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

function reportGoal(g: GoalProgress): ReportGoal {
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
  };
}

/** Exactly the documented `reporte --json` shape, fields in the documented order. */
export function toReportJson(model: ProgressModel): Report {
  return {
    vigencia: model.vigencia,
    cutoff: model.cutoff,
    period: model.period,
    goals: model.goals.map(reportGoal),
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
  };
}

/** The `reporte --json` report of a workbook at the options' cut-off. */
export function buildReport(workbook: ReadWorkbook, options: EngineOptions): Report {
  return toReportJson(buildProgressModel(workbook, options));
}
