/**
 * The names of the approved plan's two sheets (`domain/baseline.ts`), apart so the reader can set
 * them aside without loading the approved plan's model — the pane's first load holds the reader,
 * not the comparison against the approved plan.
 */
import { normalize } from './text';

export const BASELINE_SHEET = '_tablero_pdm_aprobado';
export const CHANGE_LOG_SHEET = 'Control de cambios';

/** True for the change log's sheet name ("Control de cambios", however spaced or cased). */
export function isChangeLogSheet(name: string): boolean {
  return normalize(name) === normalize(CHANGE_LOG_SHEET);
}
