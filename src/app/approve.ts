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
import { formatDate } from '../domain/format';
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
  /** Replace the approval the workbook already stores (`--reemplazar`); without it, refused. */
  readonly replace: boolean;
}

/** What `aprobar` stored, and the approval it replaced (when `replace` was asked). */
export interface ApproveOutcome {
  readonly baseline: Baseline;
  readonly replaced: Baseline | null;
}

export { allRulesWithBaseline } from '../rules/baseline-index';

/** The rules against the approved baseline. */
export const baselineRules = rulesAgainstBaseline;

/**
 * The approved plan of `approved`: its stored baseline (date and act as stored), else one taken
 * from its goals, approved on `approvedOn`, "según el archivo <name>" — `null` when the file
 * stores no approval and no date is given (the caller asks for it: a guessed date would be
 * printed in every finding).
 */
export function approvedBaseline(approved: ReadWorkbook, options: EngineOptions, approvedOn?: IsoDate): Baseline | null {
  const stored = storedBaseline(approved);
  if (stored) return stored;
  if (!approvedOn) return null;
  const vigencia = approved.sheets.find((s) => s.vigencia !== undefined)?.vigencia ?? options.vigencia;
  return baselineOf(approved.sheets, approvedOn, `según el archivo «${approved.name}»`, vigencia);
}

/** «el 28/01/2025 (Acta 01 de 2025, 14 metas)»: an approval as the messages name it. */
export function describeApproval(b: Baseline): string {
  return `el ${formatDate(b.approvedOn)} (${b.act ? `${b.act}, ` : ''}${b.goals.length} ${b.goals.length === 1 ? 'meta' : 'metas'})`;
}

/** The refusal of a second approval made without asking to replace the first. */
export function alreadyApprovedMessage(existing: Baseline, how: string): string {
  return `El libro ya tiene un plan aprobado ${describeApproval(existing)}. Para cambiarlo por esta aprobación ${how}; los cambios ya registrados en «Control de cambios» se conservan.`;
}

/** The baseline findings of `current` against `baseline` (its own change log applies). */
export function compareWorkbooks(current: ReadWorkbook, baseline: Baseline, options: EngineOptions): ValidationResult {
  return validateWorkbook({ ...current, baseline }, options, baselineRules);
}
