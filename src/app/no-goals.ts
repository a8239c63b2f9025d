/**
 * A workbook whose sheets have data rows and not one goal to measure (real-formats.md «Never
 * silent»): every verb that reports or draws figures — `reporte`, `informe`, `generar`, the pane's
 * Generar — refuses it with the same sentence instead of a board of «0 metas».
 */
import { kindLabels } from '../domain/fields';
import type { ReadWorkbook } from '../domain/sheet';
import type { ProgressModel } from '../domain/progress-model';

/**
 * Sheets read with data rows but not one goal in the report (real-formats.md "Never silent": "0
 * metas" with exit 0 is never the whole answer): the same answer as a workbook where only helper
 * sheets were recognised, an `InputError` (exit 2) that says what was read and how to correct it.
 * `goals`: every goal the report or informe counts (measured, of the plan summary, of gestión).
 * `null` when there is one, or when no sheet has rows (`recognise` already said so). `advice`:
 * how the user corrects the reading (the command line's `columnas` and `--mapa`, or the pane's
 * «En este libro»).
 */
export function noGoalsReason(workbook: ReadWorkbook, goals: number, advice: 'cli' | 'pane' = 'cli'): string | null {
  if (goals > 0) return null;
  const withRows = workbook.sheets.filter((s) => s.rows.length > 0);
  if (withRows.length === 0) return null;
  const list = withRows
    .slice(0, 4)
    .map((s) => `«${s.name}» (${kindLabels[s.kind]}, ${s.format ? `formato «${s.format.name}»` : 'ningún formato conocido'}, ${s.rows.length} ${s.rows.length === 1 ? 'fila' : 'filas'})`)
    .join(', ');
  const more = withRows.length > 4 ? ', …' : '';
  const name = workbook.name.split(/[\\/]/).pop() ?? workbook.name;
  return (
    `En ${withRows.length === 1 ? 'la hoja' : 'las hojas'} ${list}${more} de «${name}» no se encontró ninguna meta que medir: ` +
    `es probable que no se hayan reconocido sus columnas de código, meta o ejecución. ` +
    (advice === 'pane'
      ? 'Revise la lectura en «En este libro» y, si falta una columna, elíjala allí entre los encabezados.'
      : 'Revise la lectura con «tablero columnas» y, si falta una columna, indíquela con --mapa.')
  );
}

/** Every goal a progress model counts: measured, of the plan summary (the larger of its year's and the plan's), of gestión. */
export function goalCount(m: Pick<ProgressModel, 'goals' | 'planSummary' | 'gestion'>): number {
  return m.goals.length + (m.planSummary ? Math.max(m.planSummary.goals, m.planSummary.planGoals) : 0) + (m.gestion?.goals ?? 0);
}
