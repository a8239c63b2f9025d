/**
 * Sheets of the approved plan for rule tests: the very hidden baseline sheet as "Aprobar plan"
 * writes it (`baselineRows`) and a "Control de cambios" sheet as a person types it.
 */
import { baselineRows, CHANGE_LOG_HEADER } from '../../src/domain/baseline';
import { CHANGE_LOG_SHEET, BASELINE_SHEET } from '../../src/domain/baseline-sheets';
import type { Baseline, BaselineGoal } from '../../src/domain/baseline';
import type { CellInput, SheetSpec } from './xlsx';

/** The plan helpers' default goal (planDefaults) as approved: 1905001, M 1.000, P 250 ×4. */
export const approvedGoal: BaselineGoal = {
  code: '1905001', goal: 'Vacunar 1.000 niños menores de 5 años', unit: 'Secretaría de Salud', accumulation: 'suma',
  yearGoal: 1000, eliminated: false, planned: [250, 250, 250, 250],
};

/** Approved on 28/01/2025 by "Acta 01 de 2025" unless said otherwise. */
export function baselineSheet(goals: BaselineGoal[] = [approvedGoal], over: Partial<Baseline> = {}): SheetSpec {
  const b: Baseline = { approvedOn: '2025-01-28', act: 'Acta 01 de 2025', vigencia: 2025, periodKind: 'quarter', from: 'plan-accion', goals, ...over };
  return { name: BASELINE_SHEET, rows: baselineRows(b) as CellInput[][] };
}

/** [Fecha, Código meta, Campo, Antes, Después, Justificación, Acta u oficio] rows. */
export function changeLogSheet(rows: CellInput[][]): SheetSpec {
  return { name: CHANGE_LOG_SHEET, rows: [[...CHANGE_LOG_HEADER], ...rows] };
}
