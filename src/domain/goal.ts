/**
 * A goal as progress.md sees it: programming and execution per period, línea base, meta vigencia,
 * budget — and what the engine computes from them at a cut-off.
 */
import type { PeriodKind } from './fields';
import type { GoalType } from './values';

export type Accumulation = 'suma' | 'creciente' | 'constante' | 'decreciente';

/** The accumulation types as the user reads them («Suma», «Creciente»…). */
export const accumulationNames: Readonly<Record<string, string>> = {
  suma: 'Suma',
  creciente: 'Creciente',
  constante: 'Constante',
  decreciente: 'Decreciente',
};

/** Goal states of progress.md, in the order they are checked. Ids are an interface. */
export const goalStates = [
  'eliminada',
  'no-medible',
  'sobreejecutada',
  'cumplida',
  'no-cumplida',
  'sin-programacion',
  'no-iniciada',
  'atrasada',
  'al-dia',
] as const;
export type GoalState = (typeof goalStates)[number];

export const goalStateLabels: Record<GoalState, string> = {
  eliminada: 'Eliminada',
  'no-medible': 'No medible',
  sobreejecutada: 'Sobreejecutada',
  cumplida: 'Cumplida',
  'no-cumplida': 'No cumplida',
  'sin-programacion': 'Sin programación',
  'no-iniciada': 'No iniciada',
  atrasada: 'Atrasada',
  'al-dia': 'Al día',
};

export interface Budget {
  readonly final: number | null;
  readonly commitments: number | null;
  readonly obligations: number | null;
  readonly payments: number | null;
}

export interface GoalInput {
  readonly code: string;
  readonly goal: string;
  readonly unit: string;
  readonly dimension: string | null;
  readonly programCode: string | null;
  readonly program: string | null;
  readonly accumulation: Accumulation | null;
  readonly baseline: number | null;
  readonly yearGoal: number | null;
  readonly periodKind: PeriodKind;
  /** Index 0 = period 1; `null` = blank cell. Length 4 or 12. */
  readonly planned: readonly (number | null)[];
  readonly executed: readonly (number | null)[];
  /** Tipo de meta; blank (`null` or absent) counts as a product goal (only product goals enter the rating). */
  readonly goalType?: GoalType | null;
  /** Fuente de financiación of the goal's row, when the sheet gives one. */
  readonly source?: string | null;
  /** Ponderación as a fraction (0.25 = 25 %), when given. */
  readonly weight: number | null;
  readonly budget: Budget;
  readonly eliminated: boolean;
  readonly analysis: string | null;
  readonly evidence: string | null;
  /** Where the goal was read (first row of the goal). */
  readonly sheet: string;
  readonly row: number;
  /**
   * On an activity-level sheet (goals = distinct `goalKey`s), what besides the code identifies the
   * goal, each part under its header as written in the sheet («Cód BP» BP26005375) — so two goals
   * with one code under two projects can be told apart.
   */
  readonly identity?: readonly { readonly label: string; readonly value: string }[];
  /**
   * The goal's figure cells (`yearGoal`, `planned<k>`, `executed<k>`) whose formula was saved with
   * no calculated value (`NOT_CALCULATED`): unknown, not blank. A figure that needs one of them is
   * not computed: the goal is `no-medible` (sin dato), never 0 %.
   */
  readonly uncalculated?: readonly string[];
}

export interface GoalProgress {
  readonly input: GoalInput;
  /** Last measured period (0 = nothing measured yet). */
  readonly cutoffPeriod: number;
  /** The cut-off falls inside `cutoffPeriod` (an annual follow-up before 31 December): measured so far, not yet due. */
  readonly periodOpen?: boolean;
  readonly plannedToDate: number | null;
  readonly executedToDate: number | null;
  /** Fractions; `null` = undefined (nothing was due). Not capped; below 0 counts as 0. */
  readonly compliance: number | null;
  readonly progress: number | null;
  readonly state: GoalState;
}
