/** Settings of one run of the engine (the pane keeps them in the workbook; the CLI takes flags). */
import type { IsoDate } from './dates';

export interface RatingRanges {
  /** Lower bounds (fractions) of Sobresaliente, Satisfactorio, Medio, Bajo; below Bajo is Crítico. */
  readonly sobresaliente: number;
  readonly satisfactorio: number;
  readonly medio: number;
  readonly bajo: number;
}

/** Compliance below this fraction of what was due is «atrasada» (progress.md); the default of the setting. */
export const DEFAULT_LAG_THRESHOLD = 0.8;

export const defaultRatingRanges: RatingRanges = {
  sobresaliente: 0.8,
  satisfactorio: 0.7,
  medio: 0.6,
  bajo: 0.4,
};

/**
 * Where a run's vigencia came from (real-formats.md "Years and the vigencia"): asked for
 * (`--vigencia`, the pane's setting), the workbook (a title block, a header's year), the cut-off's
 * year, today's year (the default cut-off's; for a plan indicativo, today's year inside its term),
 * or the plan indicativo's nearest year when today is outside its term.
 */
export type VigenciaFrom = 'option' | 'workbook' | 'cutoff' | 'today' | 'term';

export interface EngineOptions {
  /** Fecha de corte. */
  readonly cutoff: IsoDate;
  /** Fiscal year; by default the cut-off's year. */
  readonly vigencia: number;
  /** Where the vigencia came from (said in a plan summary's output); unknown when absent. */
  readonly vigenciaFrom?: VigenciaFrom;
  /** Compliance below this is `atrasada` (default 0.8). */
  readonly lagThreshold: number;
  readonly ratingRanges: RatingRanges;
  /** Funding sources accepted besides the default list. */
  readonly extraSources: readonly string[];
  /** Entity name for titles ("Alcaldía de San Juan de Pasto"). */
  readonly entity?: string;
  /** `budget-ahead`: compromisos ÷ apropiación at or above this (default 0.8)… */
  readonly budgetAheadCommitted?: number;
  /** …while compliance at cut-off is below this (default 0.5). */
  readonly budgetAheadCompliance?: number;
}

/** The `budget-ahead` thresholds of a run, defaults filled (progress.md "Money ahead of the work"). */
export function budgetAheadThresholds(o: EngineOptions): { committed: number; compliance: number } {
  return { committed: o.budgetAheadCommitted ?? 0.8, compliance: o.budgetAheadCompliance ?? 0.5 };
}
