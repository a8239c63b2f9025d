/**
 * Use case "Aprobar plan" and "comparar": the request of `aprobar`'s copy (the host writes it, see
 * `xlsx/approve.ts`), and the comparison of a workbook with an approved plan given as another
 * workbook — the five baseline rules of rules.md over the current workbook, with the approved
 * file's stored baseline (or one taken from its goals).
 */
import type { ReaderOptions } from '../domain/reader';
import type { Baseline } from '../domain/baseline';
import { baselineOf, storedBaseline } from '../domain/baseline';
import type { IsoDate } from '../domain/dates';
import { isoDate } from '../domain/dates';
import type { EngineOptions } from '../domain/options';
import type { ReadWorkbook } from '../domain/sheet';
import { baselineRules as rulesAgainstBaseline } from '../rules/baseline-index';
import type { ValidationResult } from './validate';
import { validateWorkbook } from './validate';

export interface ApproveRequest {
  readonly file: string;
  readonly output: string;
  readonly cwd: string;
  readonly force: boolean;
  readonly approvedOn: IsoDate;
  readonly act: string;
  /** The vigencia when the workbook does not name one. */
  readonly vigencia: number;
  /** How to read the sheets (`--mapa`). */
  readonly reading?: ReaderOptions;
}

export { allRulesWithBaseline } from '../rules/baseline-index';

/** The rules against the approved baseline. */
export const baselineRules = rulesAgainstBaseline;

/**
 * The approved plan of `approved`: its stored baseline, else one taken from its goals, approved
 * on `approvedOn` (default 1 January of the vigencia) "según el archivo <name>".
 */
export function approvedBaseline(approved: ReadWorkbook, options: EngineOptions, approvedOn?: IsoDate): Baseline {
  const stored = storedBaseline(approved);
  if (stored) return stored;
  const vigencia = approved.sheets.find((s) => s.vigencia !== undefined)?.vigencia ?? options.vigencia;
  return baselineOf(approved.sheets, approvedOn ?? isoDate(vigencia, 1, 1), `según el archivo «${approved.name}»`, vigencia);
}

/** The baseline findings of `current` against `baseline` (its own change log applies). */
export function compareWorkbooks(current: ReadWorkbook, baseline: Baseline, options: EngineOptions): ValidationResult {
  return validateWorkbook({ ...current, baseline }, options, baselineRules);
}
