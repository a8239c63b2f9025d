/**
 * The report use case: the documented `reporte --json` shape and the run's options.
 *
 * - `toReportJson` picks from the progress model (`domain/progress-model.ts`, which says how
 *   progress is computed for a plan and its units) exactly the documented `reporte --json` shape
 *   (product.md), plus what progress.md adds (the three budget ratios, the partial rating,
 *   programs, metas de gestión apart, execution by source, the tipo de meta) — documented in the
 *   README; richer data stays in the model.
 * - `buildReport` = `toReportJson(buildProgressModel(…))`.
 * - `resolveOptions` fills the run's options from flags/settings, the workbook and today.
 */
import type { Aggregate, Rating, StateCounts } from '../domain/aggregate';
import { isoDate, parts } from '../domain/dates';
import type { IsoDate } from '../domain/dates';
import { todayIso } from '../domain/dates';
import type { Accumulation, GoalProgress, GoalState } from '../domain/goal';
import { defaultRatingRanges } from '../domain/options';
import type { EngineOptions } from '../domain/options';
import { defaultCutoff, periodEnd } from '../domain/periods';
import { DEFAULT_LAG_THRESHOLD } from '../domain/progress';
import { buildProgressModel, type ProgressModel } from '../domain/progress-model';
import { isGoalSheet, type ReadSheet, type ReadWorkbook } from '../domain/sheet';
import type { GoalType } from '../domain/values';

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
// Options

/**
 * The run's options with every default filled:
 * - cut-off: the flag/setting, else the "Fecha de corte" of the first sheet whose title block has
 *   one, else `defaultCutoff(today)` (end of the last period ended by today, in the periods of
 *   the first capture sheet — or the first sheet);
 * - vigencia: the flag/setting, else the first sheet's that names one, else the cut-off's year;
 * - lag threshold 0.8, the DNP rating ranges, no extra sources;
 * - entity: the setting, else the first title block's.
 *
 * `today` is an ISO date, or a `Date` read in local time (the user's calendar day).
 */
export function resolveOptions(
  partial: Partial<EngineOptions>,
  workbook: ReadWorkbook,
  today: IsoDate | Date,
): EngineOptions {
  const todayIsoDate = typeof today === 'string' ? today : todayIso(today);
  const sheets = workbook.sheets;
  const first = sheets.find((s) => s.kind === 'hoja-captura') ?? sheets[0];
  const sheetVigencia = sheets.find((s) => s.vigencia !== undefined)?.vigencia;
  const cutoff =
    partial.cutoff ||
    sheets.find((s) => s.cutoff)?.cutoff ||
    reportedCutoff(sheets, partial.vigencia ?? sheetVigencia, todayIsoDate) ||
    capToVigencia(defaultCutoff(todayIsoDate, first?.periodKind ?? 'quarter'), partial.vigencia ?? sheetVigencia);
  const vigencia = partial.vigencia ?? sheetVigencia ?? parts(cutoff).year;
  const entity = partial.entity ?? sheets.find((s) => s.title.entity)?.title.entity;
  return {
    cutoff,
    vigencia,
    lagThreshold: partial.lagThreshold ?? DEFAULT_LAG_THRESHOLD,
    ratingRanges: partial.ratingRanges ?? defaultRatingRanges,
    extraSources: partial.extraSources ?? [],
    ...(entity !== undefined ? { entity } : {}),
  };
}

/**
 * Why a cut-off cannot be used with a vigencia (real-formats.md: a cut-off outside the vigencia
 * is a usage error, not a silent T4), or `undefined` when it can.
 */
export function cutoffOutsideVigencia(cutoff: string | undefined, vigencia: number | undefined): string | undefined {
  if (cutoff === undefined || vigencia === undefined) return undefined;
  const year = Number(cutoff.slice(0, 4));
  if (year === vigencia) return undefined;
  return (
    `La fecha de corte ${cutoff.slice(8, 10)}/${cutoff.slice(5, 7)}/${cutoff.slice(0, 4)} está fuera de la vigencia ${vigencia}; ` +
    `use una fecha de corte de ${vigencia} o indique --vigencia ${year}.`
  );
}

/**
 * A finished vigencia's follow-up is cut where its execution runs to: the end of the last period
 * any capture sheet reported (Tenjo's 2025 sheet filled through T3, read in 2026, is cut at
 * 30/09/2025 — not at 31/12, where every unreported T4 would look missing).
 */
function reportedCutoff(sheets: readonly ReadSheet[], vigencia: number | undefined, today: IsoDate): IsoDate | undefined {
  if (vigencia === undefined || vigencia >= parts(today).year) return undefined;
  let best: { period: number; kind: ReadSheet['periodKind'] } | undefined;
  for (const s of sheets) {
    if (!isGoalSheet(s) || s.reportedPeriod === undefined || (s.vigencia ?? vigencia) !== vigencia) continue;
    if (!best || s.reportedPeriod > best.period) best = { period: s.reportedPeriod, kind: s.periodKind };
  }
  return best ? periodEnd(vigencia, best.period, best.kind) : undefined;
}

/**
 * A default cut-off never runs past the plan's own year: a 2025 plan reviewed in 2026 is measured
 * at 31/12/2025, not at a 2026 quarter where every 2025 goal would look finished or overdue.
 */
function capToVigencia(cutoff: IsoDate, vigencia: number | undefined): IsoDate {
  if (vigencia === undefined) return cutoff;
  const yearEnd = isoDate(vigencia, 12, 31);
  return cutoff > yearEnd ? yearEnd : cutoff;
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
